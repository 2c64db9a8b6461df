using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using KhuyenCong.Testing;

namespace KhuyenCong.UnitTests.Documents;

/// <summary>Word documents for tests: paragraphs given as their runs (to split placeholders as Word does), tables; read back with <see cref="DocxReading"/>.</summary>
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

    public static string Text(byte[] docx) => DocxReading.Text(docx);

    public static List<List<List<string>>> Tables(byte[] docx) => DocxReading.Tables(docx);

    public static IReadOnlyList<string> ValidationErrors(byte[] docx) => DocxReading.ValidationErrors(docx);

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
