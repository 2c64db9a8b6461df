using DocumentFormat.OpenXml.Wordprocessing;
using KhuyenCong.Application.Documents;
using KhuyenCong.Domain.Documents;

namespace KhuyenCong.Infrastructure.Documents.Docx;

/// <summary>
/// The template engine (ADR 0016): a template is a Word document with <c>{{name}}</c> placeholders and repeating table
/// rows <c>{{#rows}}</c> … <c>{{/rows}}</c> (docs/documents.md). Reading and filling both work on a copy in memory.
/// </summary>
public sealed class DocxTemplates : IDocxTemplates
{
    public TemplateReading Read(ReadOnlyMemory<byte> template)
    {
        var (document, stream, problem) = DocxPackage.Open(template, save: false);
        if (problem is not null)
        {
            return new TemplateReading([], [], [problem]);
        }

        using (stream)
        using (document)
        {
            var located = new List<LocatedTag>();
            var malformed = new List<string>();
            var problems = new List<TemplateProblem>();
            foreach (var root in DocxPackage.TextRoots(document!))
            {
                TemplateText.Consolidate(root);
                malformed.AddRange(root.Descendants<Paragraph>().SelectMany(p => TemplateTags.Find(TemplateText.Of(p)).Malformed));
                var tags = RowBlocks.TagsOf(root);
                var (blocks, misplaced) = RowBlocks.Find(tags);
                problems.AddRange(misplaced.Select(t => new TemplateProblem(TemplateProblemKind.Misplaced, TemplateTags.Write(t.Kind, t.Name))));
                located.AddRange(tags.Select(t => new LocatedTag(t.Tag, blocks.FirstOrDefault(b => b.Contains(t.Paragraph))?.Name)));
            }

            return new TemplateReading(located, malformed, problems.Distinct().ToList());
        }
    }

    public byte[] Render(ReadOnlyMemory<byte> template, DocumentValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var (document, stream, problem) = DocxPackage.Open(template, save: true);
        if (problem is not null)
        {
            throw new InvalidDataException("The template is not a plain Word document: " + problem.Kind);
        }

        using (stream)
        {
            using (document)
            {
                foreach (var root in DocxPackage.TextRoots(document!))
                {
                    TemplateText.Consolidate(root);
                    var (blocks, _) = RowBlocks.Find(RowBlocks.TagsOf(root));
                    var filled = new HashSet<Text>();
                    foreach (var block in blocks)
                    {
                        filled.UnionWith(RowBlocks.Expand(block, values));
                    }

                    foreach (var text in root.Descendants<Text>().Where(t => !filled.Contains(t)).ToList())
                    {
                        TemplateText.Replace(text, tag => RowBlocks.Fill(tag, values));
                    }
                }
            }

            return stream!.ToArray();
        }
    }
}
