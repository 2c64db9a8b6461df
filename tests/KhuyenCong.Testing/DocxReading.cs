using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;

namespace KhuyenCong.Testing;

/// <summary>
/// Reads generated Word documents back for tests: the text of every paragraph, the tables' cells, and what
/// OpenXmlValidator finds. Shared by the unit tests (the engine) and the integration tests (the routes).
/// </summary>
public static class DocxReading
{
    /// <summary>The text of every paragraph of the body and the headers, one line each; breaks as "\n".</summary>
    public static string Text(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var document = WordprocessingDocument.Open(stream, false);
        var roots = new List<OpenXmlElement> { document.MainDocumentPart!.Document.Body! };
        roots.AddRange(document.MainDocumentPart.HeaderParts.Select(h => h.Header));
        return string.Join("\n", roots.SelectMany(r => r.Descendants<Paragraph>()).Select(ParagraphText));
    }

    public static string ParagraphText(Paragraph paragraph)
    {
        ArgumentNullException.ThrowIfNull(paragraph);
        return string.Concat(paragraph.Descendants().Select(e => e switch
        {
            Text t => t.Text,
            Break => "\n",
            _ => string.Empty,
        }));
    }

    /// <summary>The body's tables, as rows of cell texts.</summary>
    public static List<List<List<string>>> Tables(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var document = WordprocessingDocument.Open(stream, false);
        return document.MainDocumentPart!.Document.Body!.Descendants<Table>()
            .Select(t => t.Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(c => string.Join("\n", c.Elements<Paragraph>().Select(ParagraphText))).ToList()).ToList())
            .ToList();
    }

    /// <summary>Every error OpenXmlValidator finds (Office 2019 rules), as text.</summary>
    public static IReadOnlyList<string> ValidationErrors(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var document = WordprocessingDocument.Open(stream, false);
        return new OpenXmlValidator(FileFormatVersions.Office2019).Validate(document)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
    }
}
