using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Text;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Domain.Attachments;

/// <summary>Why an Office document is refused, if it is.</summary>
public enum OfficeRefusal
{
    None,

    /// <summary>Not a Word (.docx) or Excel (.xlsx) document (another ZIP, or a damaged one).</summary>
    NotOffice,

    /// <summary>Carries macros: a VBA project, Excel 4.0 macro sheets, or a macro-enabled main part (.docm, .xlsm).</summary>
    Macros,

    /// <summary>
    /// Carries OLE objects or ActiveX controls (binary parts that run or load code when opened), or is itself an OLE
    /// compound file (an old .doc or .xls).
    /// </summary>
    EmbeddedObjects,

    /// <summary>Not a PDF, Word, Excel, JPEG or PNG file at all (by its first bytes).</summary>
    UnknownType,
}

/// <summary>The message of a refused file (415), naming it, in the user's language.</summary>
public static class AttachmentRefusals
{
    public static string Message(OfficeRefusal refusal, string fileName, Language language)
    {
        var en = language == Language.English;
        return refusal switch
        {
            OfficeRefusal.Macros => en
                ? $"The file '{fileName}' contains macros, which are not accepted. Save it as a Word (.docx) or Excel (.xlsx) document without macros, or as PDF."
                : $"Tệp '{fileName}' có chứa macro nên không được chấp nhận. Vui lòng lưu lại thành tài liệu Word (.docx) hoặc Excel (.xlsx) không có macro, hoặc PDF.",
            OfficeRefusal.EmbeddedObjects => en
                ? $"The file '{fileName}' is an old-format Office file or contains embedded objects (OLE, ActiveX), which are not accepted. Save it as .docx, .xlsx or PDF."
                : $"Tệp '{fileName}' là tệp Office định dạng cũ hoặc có đối tượng nhúng (OLE, ActiveX) nên không được chấp nhận. Vui lòng lưu lại thành .docx, .xlsx hoặc PDF.",
            OfficeRefusal.NotOffice => en
                ? $"The file '{fileName}' is not a Word (.docx) or Excel (.xlsx) document."
                : $"Tệp '{fileName}' không phải là tài liệu Word (.docx) hoặc Excel (.xlsx).",
            _ => en
                ? $"The file '{fileName}' is not a PDF, Word (.docx), Excel (.xlsx), JPEG or PNG file."
                : $"Tệp '{fileName}' không phải là tệp PDF, Word (.docx), Excel (.xlsx), JPEG hoặc PNG.",
        };
    }
}

/// <summary>What <see cref="OfficeDocumentInspection.Inspect(Stream)"/> found.</summary>
public sealed record OfficeInspection(AttachmentKind? Kind, OfficeRefusal Refusal)
{
    public bool IsAccepted => Refusal == OfficeRefusal.None && Kind is not null;
}

/// <summary>
/// Looks inside a ZIP container sent as an attachment: only a Word or Excel document without macros, OLE objects or
/// ActiveX controls is accepted. Reads the central directory and <c>[Content_Types].xml</c> (at most
/// <see cref="MaxContentTypesBytes"/>), never the rest, so a hostile archive costs little.
/// </summary>
public static class OfficeDocumentInspection
{
    /// <summary>More entries than a real dossier document has: such an archive is refused unread.</summary>
    public const int MaxEntries = 10_000;

    public const int MaxContentTypesBytes = 1024 * 1024;

    /// <summary>
    /// A whole file held in memory, by the rules of the dossier's attachments: its kind by its first bytes
    /// (<see cref="AttachmentRules.Detect"/>; an OLE compound file is refused as <see cref="OfficeRefusal.EmbeddedObjects"/>),
    /// and a ZIP container accepted only as a Word or Excel document without macros, OLE objects or ActiveX controls.
    /// </summary>
    public static OfficeInspection InspectFile(ReadOnlyMemory<byte> content)
    {
        var head = content.Span[..Math.Min(content.Length, AttachmentRules.SignatureLength)];
        var kind = AttachmentRules.Detect(head);
        if (kind is null)
        {
            return new(null, AttachmentRules.IsOleCompound(head) ? OfficeRefusal.EmbeddedObjects : OfficeRefusal.UnknownType);
        }

        if (kind != AttachmentKind.OfficeZip)
        {
            return new(kind, OfficeRefusal.None);
        }

        using var stream = MemoryMarshal.TryGetArray(content, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(content.ToArray(), writable: false);
        return Inspect(stream);
    }

    /// <summary>Inspects a seekable stream holding the whole file.</summary>
    public static OfficeInspection Inspect(Stream content)
    {
        ArgumentNullException.ThrowIfNull(content);
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > MaxEntries)
            {
                return new(null, OfficeRefusal.NotOffice);
            }

            var names = zip.Entries.Select(e => e.FullName).ToList();
            var contentTypes = zip.GetEntry("[Content_Types].xml") is { } entry ? ReadCapped(entry) : null;
            return Inspect(names, contentTypes);
        }
        catch (InvalidDataException)
        {
            return new(null, OfficeRefusal.NotOffice);
        }
    }

    /// <summary>The rules, on the entry names and the text of <c>[Content_Types].xml</c> (null when absent or too large).</summary>
    public static OfficeInspection Inspect(IReadOnlyCollection<string> entryNames, string? contentTypes)
    {
        ArgumentNullException.ThrowIfNull(entryNames);
        var kind = AttachmentRules.ClassifyOfficeZip(entryNames);
        if (contentTypes is null)
        {
            return new(null, OfficeRefusal.NotOffice);
        }

        // Macros and objects first: a package whose main part is not where Word puts it (word/document2.xml) but that
        // declares a macro-enabled type or holds a VBA project is named for its macros, not as an unknown ZIP.

        if (contentTypes.Contains("macroEnabled", StringComparison.OrdinalIgnoreCase)
            || contentTypes.Contains("vbaProject", StringComparison.OrdinalIgnoreCase)
            || entryNames.Any(IsMacroPart))
        {
            return new(kind, OfficeRefusal.Macros);
        }

        if (contentTypes.Contains("oleObject", StringComparison.OrdinalIgnoreCase)
            || contentTypes.Contains("activeX", StringComparison.OrdinalIgnoreCase)
            || entryNames.Any(IsObjectPart))
        {
            return new(kind, OfficeRefusal.EmbeddedObjects);
        }

        return kind is null ? new(null, OfficeRefusal.NotOffice) : new(kind, OfficeRefusal.None);
    }

    private static bool IsMacroPart(string name) =>
        name.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith("vbaData.xml", StringComparison.OrdinalIgnoreCase)
        || name.Contains("macrosheets/", StringComparison.OrdinalIgnoreCase)
        // An embedded macro-enabled document (a chart's workbook is an ordinary .xlsx and stays accepted).
        || (name.Contains("/embeddings/", StringComparison.OrdinalIgnoreCase)
            && (name.EndsWith(".docm", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".xlsm", StringComparison.OrdinalIgnoreCase)
                || name.EndsWith(".pptm", StringComparison.OrdinalIgnoreCase)));

    private static bool IsObjectPart(string name) =>
        name.Contains("/activeX/", StringComparison.OrdinalIgnoreCase)
        || (name.Contains("/embeddings/", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".bin", StringComparison.OrdinalIgnoreCase));

    private static string? ReadCapped(ZipArchiveEntry entry)
    {
        if (entry.Length > MaxContentTypesBytes)
        {
            return null;
        }

        // The declared length may lie: stop reading once past the cap.
        using var stream = entry.Open();
        using var text = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (text.Length + read > MaxContentTypesBytes)
            {
                return null;
            }

            text.Write(chunk, 0, read);
        }

        return Encoding.UTF8.GetString(text.GetBuffer(), 0, (int)text.Length);
    }
}
