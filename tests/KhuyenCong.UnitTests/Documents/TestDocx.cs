using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;

namespace KhuyenCong.UnitTests.Documents;

/// <summary>Word documents for tests: paragraphs given as their runs (to split placeholders as Word does), tables, read-back.</summary>
internal static class TestDocx
{
    /// <summary>A paragraph whose runs hold these texts (each a run of its own, as Word splits typing).</summary>
    public static Paragraph Para(params string[] runs) => new(runs.Select(r => new Run(new Text(r) { Space = SpaceProcessingModeValues.Preserve })));

    /// <summary>A table of rows, each row's cells a paragraph of runs.</summary>
    public static Table Table(params string[][][] rows)
    {
        var table = new Table(
            new TableProperties(new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct }),
            new TableGrid(rows[0].Select(_ => new GridColumn { Width = "2000" })));
        table.Append(rows.Select(r => new TableRow(r.Select(cell => new TableCell(Para(cell))))));
        return table;
    }

    /// <summary>A .docx holding these body elements.</summary>
    public static byte[] Build(params OpenXmlElement[] content) => Build(WordprocessingDocumentType.Document, content);

    public static byte[] Build(WordprocessingDocumentType type, params OpenXmlElement[] content)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, type))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(content));
        }

        return stream.ToArray();
    }

    /// <summary>The text of every paragraph of the body (headers included), one line each; breaks as "\n".</summary>
    public static string Text(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var document = WordprocessingDocument.Open(stream, false);
        var roots = new List<OpenXmlElement> { document.MainDocumentPart!.Document.Body! };
        roots.AddRange(document.MainDocumentPart.HeaderParts.Select(h => h.Header));
        return string.Join("\n", roots.SelectMany(r => r.Descendants<Paragraph>()).Select(ParagraphText));
    }

    public static string ParagraphText(Paragraph paragraph) => string.Concat(paragraph.Descendants().Select(e => e switch
    {
        Text t => t.Text,
        Break => "\n",
        _ => string.Empty,
    }));

    /// <summary>The body's tables, as rows of cell texts.</summary>
    public static List<List<List<string>>> Tables(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var document = WordprocessingDocument.Open(stream, false);
        return document.MainDocumentPart!.Document.Body!.Descendants<Table>()
            .Select(t => t.Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(c => string.Join("\n", c.Elements<Paragraph>().Select(ParagraphText))).ToList()).ToList())
            .ToList();
    }

    /// <summary>Every schema error OpenXmlValidator finds (Office 2019 rules), as text.</summary>
    public static IReadOnlyList<string> ValidationErrors(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var document = WordprocessingDocument.Open(stream, false);
        return new OpenXmlValidator(FileFormatVersions.Office2019).Validate(document)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
    }

    /// <summary>A copy of <paramref name="docx"/> with an extra ZIP entry (a part no relationship names).</summary>
    public static byte[] WithEntry(byte[] docx, string name, byte[] content)
    {
        using var stream = new MemoryStream();
        stream.Write(docx);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            using var entry = zip.CreateEntry(name).Open();
            entry.Write(content);
        }

        return stream.ToArray();
    }
}
