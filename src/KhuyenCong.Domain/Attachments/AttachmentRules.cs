using System.Text;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Domain.Attachments;

/// <summary>The kinds of file a dossier may hold, recognised by their first bytes, never by name or declared type.</summary>
public enum AttachmentKind
{
    Pdf,
    Jpeg,
    Png,

    /// <summary>A ZIP container: accepted only when it is a Word (.docx) or Excel (.xlsx) document.</summary>
    OfficeZip,
    Docx,
    Xlsx,
}

/// <summary>
/// What a dossier accepts as attachments (hồ sơ đính kèm), in one place: the form's field and limits, the kinds of file
/// (recognised by content), the name a file is stored and served under (its extension follows the detected kind,
/// whatever the name sent), and which Office documents are refused (<see cref="OfficeDocumentInspection"/>).
/// </summary>
public static class AttachmentRules
{
    /// <summary>The multipart field name of every attached file (the proposal form and the link pages).</summary>
    public const string FieldName = "attachments";

    /// <summary>Largest single file the form announces: 20 MB (the server enforces <c>Intake:MaxFileBytes</c>).</summary>
    public const long MaxFileBytes = 20L * 1024 * 1024;

    /// <summary>Largest total of all files the form announces: 100 MB (<c>Intake:MaxProposalBytes</c>).</summary>
    public const long MaxTotalBytes = 100L * 1024 * 1024;

    /// <summary>Most files in one proposal the form announces (<c>Intake:MaxFiles</c>).</summary>
    public const int MaxFiles = 10;

    /// <summary>How many first bytes <see cref="Detect"/> needs.</summary>
    public const int SignatureLength = 8;

    public const int MaxFileNameLength = 150;

    /// <summary>Longest text after the last dot that a shortened file name keeps as its extension.</summary>
    private const int MaxExtensionLength = 16;

    private static readonly byte[] Pdf = "%PDF-"u8.ToArray();
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];

    /// <summary>An OLE compound file (old .doc/.xls/.ppt, or an encrypted Office document): never accepted.</summary>
    private static readonly byte[] OleCompound = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    /// <summary>Accepted file name extensions, lower case with the dot (the browser's <c>accept</c> list).</summary>
    public static IReadOnlyList<string> AllowedExtensions { get; } = [".pdf", ".docx", ".xlsx", ".jpg", ".jpeg", ".png"];

    /// <summary>The HTML <c>accept</c> attribute: ".pdf,.docx,.xlsx,.jpg,.jpeg,.png".</summary>
    public static string Accept { get; } = string.Join(',', AllowedExtensions);

    /// <summary>True when the file name ends with an accepted extension (any case).</summary>
    public static bool HasAllowedExtension(string? fileName) =>
        fileName is not null && AllowedExtensions.Any(e => fileName.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    /// <summary>True for an OLE compound file (first bytes D0 CF 11 E0 A1 B1 1A E1).</summary>
    public static bool IsOleCompound(ReadOnlySpan<byte> head) => head.StartsWith(OleCompound);

    /// <summary>The kind of file from its first bytes, or null for any other file.</summary>
    public static AttachmentKind? Detect(ReadOnlySpan<byte> head) =>
        head.StartsWith(Pdf) ? AttachmentKind.Pdf
        : head.StartsWith(Png) ? AttachmentKind.Png
        : head.StartsWith(Jpeg) ? AttachmentKind.Jpeg
        : head.StartsWith(Zip) ? AttachmentKind.OfficeZip
        : null;

    /// <summary>Tells a Word from an Excel document by the parts its ZIP container holds.</summary>
    public static AttachmentKind? ClassifyOfficeZip(IEnumerable<string> entryNames)
    {
        ArgumentNullException.ThrowIfNull(entryNames);
        var names = entryNames.ToHashSet(StringComparer.Ordinal);
        if (!names.Contains("[Content_Types].xml"))
        {
            return null;
        }

        return names.Contains("word/document.xml") ? AttachmentKind.Docx
            : names.Contains("xl/workbook.xml") ? AttachmentKind.Xlsx
            : null;
    }

    /// <summary>The extension a stored file of this kind carries (what a browser or desktop opens it with).</summary>
    public static string Extension(AttachmentKind kind) => kind switch
    {
        AttachmentKind.Pdf => ".pdf",
        AttachmentKind.Jpeg => ".jpg",
        AttachmentKind.Png => ".png",
        AttachmentKind.Docx => ".docx",
        AttachmentKind.Xlsx => ".xlsx",
        _ => ".zip",
    };

    /// <summary>The kind a stored content type stands for (<see cref="ContentType"/> read back), or null.</summary>
    public static AttachmentKind? KindOf(string? contentType) =>
        Enum.GetValues<AttachmentKind>().Where(k => k != AttachmentKind.OfficeZip)
            .Select(k => (AttachmentKind?)k)
            .FirstOrDefault(k => string.Equals(ContentType(k!.Value), contentType, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The name a file is stored and served under: the sanitised name sent (<see cref="TrySanitizeFileName"/>) with its
    /// extension replaced by the one of the kind its content is (so a PDF named "Ho_so.hta" is "Ho_so.pdf", and
    /// "invoice&#x202E;fdp.exe" holding a PDF is "invoicefdp.pdf"). ".jpeg" stays for a JPEG; a name with no usable
    /// part left becomes "tep" ("file").
    /// </summary>
    public static string StoredFileName(string sanitizedName, AttachmentKind kind)
    {
        ArgumentNullException.ThrowIfNull(sanitizedName);
        var extension = Extension(kind);
        var current = Path.GetExtension(sanitizedName);
        var stem = current.Length is > 0 and <= MaxExtensionLength ? sanitizedName[..^current.Length] : sanitizedName;
        if (kind == AttachmentKind.Jpeg && current.Equals(".jpeg", StringComparison.OrdinalIgnoreCase))
        {
            extension = ".jpeg";
        }

        stem = stem.TrimEnd('.', ' ');
        if (stem.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
        {
            stem = stem[..^extension.Length].TrimEnd('.', ' ');
        }

        if (stem.Length == 0)
        {
            stem = "tep";
        }

        var keep = Math.Min(stem.Length, MaxFileNameLength - extension.Length);
        if (keep < stem.Length && char.IsHighSurrogate(stem[keep - 1]))
        {
            keep--;
        }

        return stem[..keep] + extension;
    }

    /// <summary>
    /// The name a stored file is downloaded under: <see cref="StoredFileName"/> of its recorded name and content type, so
    /// records written before names followed the content are served safely too.
    /// </summary>
    public static string DownloadName(string recordedName, string contentType)
    {
        var kind = KindOf(contentType);
        var safe = TrySanitizeFileName(recordedName, out var sanitized) ? sanitized : "tep";
        return kind is { } k ? StoredFileName(safe, k) : Path.GetFileNameWithoutExtension(safe) + ".bin";
    }

    public static string ContentType(AttachmentKind kind) => kind switch
    {
        AttachmentKind.Pdf => "application/pdf",
        AttachmentKind.Jpeg => "image/jpeg",
        AttachmentKind.Png => "image/png",
        AttachmentKind.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        AttachmentKind.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        _ => "application/octet-stream",
    };

    /// <summary>
    /// A file name safe to store and show: NFC, no directory part, no control, bidi or zero-width characters, no
    /// characters that are reserved in file systems, at most <see cref="MaxFileNameLength"/> characters. Returns
    /// false for names that carry a path ("../x.pdf", "C:\x.pdf") or are empty: a browser never sends those.
    /// </summary>
    public static bool TrySanitizeFileName(string? name, out string sanitized)
    {
        sanitized = string.Empty;
        if (string.IsNullOrWhiteSpace(name))
        {
            return false;
        }

        var normalized = name.Normalize(NormalizationForm.FormC).Trim();
        if (CarriesAPath(normalized))
        {
            return false;
        }

        var result = WithoutHiddenOrReservedCharacters(normalized).Trim().TrimStart('.');

        // Removing hidden characters can join dots ("a.\0.pdf"): the cleaned name is held to the same rule.
        if (result.Length == 0 || result.Contains("..", StringComparison.Ordinal))
        {
            return false;
        }

        sanitized = result.Length > MaxFileNameLength ? Shortened(result) : result;
        return true;
    }

    private static bool CarriesAPath(string name) =>
        name.Contains('/', StringComparison.Ordinal) || name.Contains('\\', StringComparison.Ordinal)
        || name.Contains("..", StringComparison.Ordinal) || name.Contains(':', StringComparison.Ordinal);

    /// <summary>The name without control, invisible format (bidi, zero-width) and file-system reserved characters.</summary>
    private static string WithoutHiddenOrReservedCharacters(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (char.IsControl(c) || VietnameseText.IsInvisibleFormatCharacter(c) || "<>\"|?*".Contains(c, StringComparison.Ordinal))
            {
                continue;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>The name cut to <see cref="MaxFileNameLength"/> characters.</summary>
    private static string Shortened(string name)
    {
        // Keep a real (short) extension; a long text after the last dot is part of the name. Never cut a surrogate pair.
        var extension = Path.GetExtension(name);
        if (extension.Length > MaxExtensionLength)
        {
            extension = string.Empty;
        }

        var keep = MaxFileNameLength - extension.Length;
        if (char.IsHighSurrogate(name[keep - 1]))
        {
            keep--;
        }

        return name[..keep] + extension;
    }
}
