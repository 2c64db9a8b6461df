using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using KhuyenCong.Application.Exchange;
using KhuyenCong.Domain.Attachments;
using KhuyenCong.Domain.Documents;
using KhuyenCong.Infrastructure.Exchange.Xlsx;

namespace KhuyenCong.Infrastructure.Documents.Docx;

/// <summary>
/// Opens a template as a Word document, after the checks that keep a hostile file cheap and inert: a ZIP container
/// (first bytes, <see cref="AttachmentRules"/>) whose central directory is within bounds (entries, unpacked sizes,
/// compression ratio: the import's <see cref="ZipDirectory"/>), holding a Word document (not a spreadsheet), of the
/// plain document type (not macro-enabled, not a template), without external relationships other than hyperlinks (a
/// remote "attached template" is a known way to fetch macros). Macros, ActiveX and OLE are decided before, by the
/// attachments' own rules (<see cref="TemplateCheck.Container"/>); the parts the SDK finds by their relationships are
/// checked for them again once the package is open, with the same subjects.
/// </summary>
internal static class DocxPackage
{
    /// <summary>The most a template may unpack to, all parts together (text and pictures).</summary>
    private const long MaxUnpackedBytes = 32L * 1024 * 1024;

    /// <summary>The most characters one XML part may hold (a template's text is a few thousand).</summary>
    private const long MaxCharactersInPart = 8L * 1024 * 1024;

    private static readonly SpreadsheetLimits ZipLimits = new(maxRows: 1, maxColumns: 1)
    {
        MaxZipEntries = 2000,
        MaxUnpackedBytes = MaxUnpackedBytes,
        MaxCompressionRatio = 200,
    };

    /// <summary>
    /// Opens a copy of <paramref name="content"/> in memory, editable; with <paramref name="save"/> the changes are written
    /// to the returned stream when the document is disposed. Or says why it cannot be a template.
    /// </summary>
    public static (WordprocessingDocument? Document, MemoryStream? Stream, TemplateProblem? Problem) Open(ReadOnlyMemory<byte> content, bool save)
    {
        if (!IsWordContainer(content))
        {
            return (null, null, NotDocx());
        }

        var stream = new MemoryStream();
        stream.Write(content.Span);
        stream.Position = 0;
        try
        {
            var document = WordprocessingDocument.Open(stream, true, new OpenSettings
            {
                AutoSave = save,
                MaxCharactersInPart = MaxCharactersInPart,
            });
            var problem = Inspect(document);
            if (problem is null)
            {
                return (document, stream, null);
            }

            document.Dispose();
            stream.Dispose();
            return (null, null, problem);
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or System.Xml.XmlException or IOException or InvalidOperationException or ArgumentException)
        {
            stream.Dispose();
            return (null, null, NotDocx());
        }
    }

    /// <summary>
    /// True for an Office ZIP container within <see cref="ZipLimits"/> that holds an Open XML package other than a
    /// workbook (checked before anything is unpacked).
    /// </summary>
    private static bool IsWordContainer(ReadOnlyMemory<byte> content)
    {
        var head = content.Span[..Math.Min(content.Length, AttachmentRules.SignatureLength)];
        if (AttachmentRules.Detect(head) != AttachmentKind.OfficeZip)
        {
            return false;
        }

        IReadOnlyList<ZipEntryInfo> entries;
        try
        {
            entries = ZipDirectory.Read(content.Span, ZipLimits);
        }
        catch (SpreadsheetFormatException)
        {
            return false;
        }

        // A workbook is refused by its parts; a Word package is then opened by its relationships, not its part names
        // (a document whose main part is not word/document.xml is still a Word document, and is checked as one).
        var names = entries.Select(e => e.Name).ToList();
        return names.Contains("[Content_Types].xml") && AttachmentRules.ClassifyOfficeZip(names) != AttachmentKind.Xlsx;
    }

    /// <summary>The parts of a document that hold text: the body, headers, footers, footnotes and endnotes.</summary>
    public static IEnumerable<OpenXmlPartRootElement> TextRoots(WordprocessingDocument document)
    {
        var main = document.MainDocumentPart!;
        yield return main.Document;
        foreach (var header in main.HeaderParts)
        {
            yield return header.Header;
        }

        foreach (var footer in main.FooterParts)
        {
            yield return footer.Footer;
        }

        if (main.FootnotesPart?.Footnotes is { } footnotes)
        {
            yield return footnotes;
        }

        if (main.EndnotesPart?.Endnotes is { } endnotes)
        {
            yield return endnotes;
        }
    }

    private static TemplateProblem? Inspect(WordprocessingDocument document)
    {
        if (document.DocumentType != WordprocessingDocumentType.Document)
        {
            return ActiveContent.Problem(document.DocumentType is WordprocessingDocumentType.MacroEnabledDocument or WordprocessingDocumentType.MacroEnabledTemplate
                ? ActiveContent.Macros : ActiveContent.WordTemplate);
        }

        if (document.MainDocumentPart?.Document?.Body is null)
        {
            return NotDocx();
        }

        var containers = new List<OpenXmlPartContainer> { document };
        containers.AddRange(document.GetAllParts());
        foreach (var container in containers)
        {
            if (container is VbaProjectPart or VbaDataPart or CustomizationPart || (container is OpenXmlPart part && part.ContentType.Contains("macroEnabled", StringComparison.OrdinalIgnoreCase)))
            {
                return ActiveContent.Problem(ActiveContent.Macros);
            }

            if (container is EmbeddedControlPersistencePart or EmbeddedControlPersistenceBinaryDataPart or EmbeddedObjectPart)
            {
                return ActiveContent.Problem(ActiveContent.EmbeddedObjects);
            }

            if (container.ExternalRelationships.Any())
            {
                return ActiveContent.Problem(ActiveContent.ExternalLinks);
            }
        }

        return null;
    }

    private static TemplateProblem NotDocx() => new(TemplateProblemKind.NotDocx, string.Empty);
}
