using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using KhuyenCong.Domain.Documents;

namespace KhuyenCong.Infrastructure.Documents.Docx;

/// <summary>A repeating block: the rows from the one holding <c>{{#name}}</c> to the one holding <c>{{/name}}</c>, in one table.</summary>
internal sealed record RowBlock(string Name, IReadOnlyList<TableRow> Rows)
{
    /// <summary>True when <paramref name="element"/> lies in one of the block's rows (nested tables included).</summary>
    public bool Contains(OpenXmlElement element) => element.Ancestors<TableRow>().Any(r => Rows.Contains(r));
}

/// <summary>A tag in a part, with the paragraph it is in.</summary>
internal sealed record PartTag(TemplateTag Tag, Paragraph Paragraph);

/// <summary>
/// Finds repeating blocks (tags already consolidated: <see cref="TemplateText.Consolidate"/>) and expands them: the
/// block's rows are repeated once per item, each copy filled in one pass with the item's fields and the document's
/// values; no item leaves no row. Blocks do not nest.
/// </summary>
internal static class RowBlocks
{
    /// <summary>Every tag under <paramref name="root"/>, in document order.</summary>
    public static List<PartTag> TagsOf(OpenXmlElement root) =>
        root.Descendants<Paragraph>()
            .SelectMany(p => TemplateTags.Find(TemplateText.Of(p)).Tags.Select(t => new PartTag(t, p)))
            .ToList();

    /// <summary>The blocks under <paramref name="root"/>, and the block tags that do not form one (misplaced).</summary>
    public static (List<RowBlock> Blocks, List<TemplateTag> Misplaced) Find(IReadOnlyList<PartTag> tags)
    {
        var blocks = new List<RowBlock>();
        var misplaced = new List<TemplateTag>();
        (TemplateTag Tag, TableRow Row)? open = null;
        foreach (var (tag, paragraph) in tags.Where(t => t.Tag.Kind != TagKind.Value))
        {
            var row = paragraph.Ancestors<TableRow>().FirstOrDefault();
            if (tag.Kind == TagKind.Open)
            {
                if (open is not null || row is null)
                {
                    misplaced.Add(tag);
                }
                else
                {
                    open = (tag, row);
                }

                continue;
            }

            var rows = open is { } o && o.Tag.Name == tag.Name && row is not null ? Between(o.Row, row) : null;
            if (rows is null)
            {
                misplaced.Add(tag);
                continue;
            }

            blocks.Add(new RowBlock(tag.Name, rows));
            open = null;
        }

        if (open is { } unclosed)
        {
            misplaced.Add(unclosed.Tag);
        }

        return (blocks, misplaced);
    }

    /// <summary>Repeats <paramref name="block"/>'s rows per item; returns the text elements filled (not to be filled again).</summary>
    public static IEnumerable<Text> Expand(RowBlock block, DocumentValues values)
    {
        var items = values.Rows.TryGetValue(block.Name, out var list) ? list : [];
        var first = block.Rows[0];
        var filled = new List<Text>();
        foreach (var item in items)
        {
            foreach (var row in block.Rows)
            {
                var copy = (TableRow)row.CloneNode(true);
                foreach (var text in copy.Descendants<Text>().ToList())
                {
                    TemplateText.Replace(text, tag => Fill(block.Name, item, tag, values));
                }

                // Every text of the copy, the lines a value was split into included, is filled once and for all.
                filled.AddRange(copy.Descendants<Text>());

                first.InsertBeforeSelf(copy);
            }
        }

        foreach (var row in block.Rows)
        {
            row.Remove();
        }

        return filled;
    }

    /// <summary>The value of <paramref name="tag"/> in the document outside blocks: null (left as written) when unknown.</summary>
    public static string? Fill(TemplateTag tag, DocumentValues values) =>
        tag.Kind == TagKind.Value && values.Values.TryGetValue(tag.Name, out var value) ? value : null;

    private static string? Fill(string block, IReadOnlyDictionary<string, string> item, TemplateTag tag, DocumentValues values)
    {
        if (tag.Kind != TagKind.Value)
        {
            return tag.Name == block ? string.Empty : null;
        }

        return tag.Name.StartsWith(block + ".", StringComparison.Ordinal) && item.TryGetValue(tag.Name[(block.Length + 1)..], out var field)
            ? field
            : Fill(tag, values);
    }

    /// <summary>The rows from <paramref name="from"/> to <paramref name="to"/> when both are rows of one table, in that order; else null.</summary>
    private static List<TableRow>? Between(TableRow from, TableRow to)
    {
        if (from.Parent is null || from.Parent != to.Parent)
        {
            return null;
        }

        var rows = from.Parent.Elements<TableRow>().ToList();
        var start = rows.IndexOf(from);
        var end = rows.IndexOf(to);
        return end >= start ? rows.GetRange(start, end - start + 1) : null;
    }
}
