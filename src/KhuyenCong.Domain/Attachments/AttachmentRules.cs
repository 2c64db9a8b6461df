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

public static class AttachmentRules
{
    /// <summary>How many first bytes <see cref="Detect"/> needs.</summary>
    public const int SignatureLength = 8;

    public const int MaxFileNameLength = 150;

    /// <summary>Longest text after the last dot that a shortened file name keeps as its extension.</summary>
    private const int MaxExtensionLength = 16;

    private static readonly byte[] Pdf = "%PDF-"u8.ToArray();
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];

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
        if (normalized.Contains('/', StringComparison.Ordinal) || normalized.Contains('\\', StringComparison.Ordinal)
            || normalized.Contains("..", StringComparison.Ordinal) || normalized.Contains(':', StringComparison.Ordinal))
        {
            return false;
        }

        var builder = new StringBuilder(normalized.Length);
        foreach (var c in normalized)
        {
            if (char.IsControl(c) || VietnameseText.IsInvisibleFormatCharacter(c) || "<>\"|?*".Contains(c, StringComparison.Ordinal))
            {
                continue;
            }

            builder.Append(c);
        }

        var result = builder.ToString().Trim().TrimStart('.');

        // Removing hidden characters can join dots ("a.\0.pdf"): the cleaned name is held to the same rule.
        if (result.Length == 0 || result.Contains("..", StringComparison.Ordinal))
        {
            return false;
        }

        if (result.Length > MaxFileNameLength)
        {
            // Keep a real (short) extension; a long text after the last dot is part of the name. Never cut a surrogate pair.
            var extension = Path.GetExtension(result);
            if (extension.Length > MaxExtensionLength)
            {
                extension = string.Empty;
            }

            var keep = MaxFileNameLength - extension.Length;
            if (char.IsHighSurrogate(result[keep - 1]))
            {
                keep--;
            }

            result = result[..keep] + extension;
        }

        sanitized = result;
        return true;
    }
}
