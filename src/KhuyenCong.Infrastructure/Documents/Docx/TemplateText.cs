using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using KhuyenCong.Domain.Documents;

namespace KhuyenCong.Infrastructure.Documents.Docx;

/// <summary>
/// Placeholder text inside a Word document. Word splits what one types into several runs (spelling marks, a change of
/// formatting, an edit in the middle), so <c>{{proposal.title}}</c> may sit in three <c>w:t</c> elements:
/// <see cref="Consolidate"/> moves each tag wholly into the element where it starts, keeping that run's formatting,
/// before anything reads or replaces tags. Replacement is one pass per element, so a value that itself looks like a
/// tag (an applicant's title "{{x}}") is printed as typed, never replaced again.
/// </summary>
internal static class TemplateText
{
    /// <summary>The paragraph's own text elements, in order (not those of a paragraph nested in a text box).</summary>
    public static List<Text> TextsOf(Paragraph paragraph) =>
        paragraph.Descendants<Text>().Where(t => t.Ancestors<Paragraph>().FirstOrDefault() == paragraph).ToList();

    /// <summary>The paragraph's text, as one string.</summary>
    public static string Of(Paragraph paragraph) => string.Concat(TextsOf(paragraph).Select(t => t.Text));

    /// <summary>Moves every tag of every paragraph under <paramref name="root"/> into a single text element.</summary>
    public static void Consolidate(OpenXmlElement root)
    {
        foreach (var paragraph in root.Descendants<Paragraph>().ToList())
        {
            Consolidate(paragraph);
        }
    }

    private static void Consolidate(Paragraph paragraph)
    {
        var texts = TextsOf(paragraph);
        if (texts.Count < 2)
        {
            return;
        }

        var full = string.Concat(texts.Select(t => t.Text));
        if (!full.Contains(TemplateTags.Open, StringComparison.Ordinal))
        {
            return;
        }

        var (tags, _) = TemplateTags.Find(full);
        for (var i = tags.Count - 1; i >= 0; i--)
        {
            var tag = tags[i];
            var (first, firstOffset) = Locate(texts, tag.Index);
            var (last, lastOffset) = Locate(texts, tag.Index + tag.Text.Length - 1);
            if (first == last)
            {
                continue;
            }

            SetText(texts[first], texts[first].Text[..firstOffset] + tag.Text);
            for (var k = first + 1; k < last; k++)
            {
                SetText(texts[k], string.Empty);
            }

            SetText(texts[last], texts[last].Text[(lastOffset + 1)..]);
        }
    }

    /// <summary>
    /// Replaces every tag of <paramref name="text"/> in one pass: a tag <paramref name="replacement"/> gives a value for is
    /// replaced (a value with line breaks becomes lines), any other tag is left as written.
    /// </summary>
    public static void Replace(Text text, Func<TemplateTag, string?> replacement)
    {
        var value = text.Text;
        if (!value.Contains(TemplateTags.Open, StringComparison.Ordinal))
        {
            return;
        }

        var (tags, _) = TemplateTags.Find(value);
        if (tags.Count == 0)
        {
            return;
        }

        var builder = new StringBuilder(value.Length);
        var at = 0;
        foreach (var tag in tags)
        {
            builder.Append(value, at, tag.Index - at).Append(replacement(tag) ?? tag.Text);
            at = tag.Index + tag.Text.Length;
        }

        builder.Append(value, at, value.Length - at);
        WriteLines(text, builder.ToString());
    }

    /// <summary>Sets the text; line breaks in it become <c>w:br</c> between text elements of the same run.</summary>
    private static void WriteLines(Text text, string value)
    {
        var lines = value.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        SetText(text, lines[0]);
        OpenXmlElement after = text;
        foreach (var line in lines.Skip(1))
        {
            var lineBreak = new Break();
            after.InsertAfterSelf(lineBreak);
            var next = new Text(line) { Space = SpaceProcessingModeValues.Preserve };
            lineBreak.InsertAfterSelf(next);
            after = next;
        }
    }

    private static void SetText(Text text, string value)
    {
        text.Text = value;
        text.Space = SpaceProcessingModeValues.Preserve;
    }

    private static (int Element, int Offset) Locate(List<Text> texts, int index)
    {
        var start = 0;
        for (var i = 0; i < texts.Count; i++)
        {
            var length = texts[i].Text.Length;
            if (index < start + length)
            {
                return (i, index - start);
            }

            start += length;
        }

        throw new ArgumentOutOfRangeException(nameof(index));
    }
}
