namespace KhuyenCong.Functions.Web;

/// <summary>
/// What the proposal form accepts as attachments (hồ sơ đính kèm). The browser checks these before sending; the
/// submission API must enforce the same limits.
/// </summary>
public static class AttachmentRules
{
    /// <summary>The multipart field name of every attached file.</summary>
    public const string FieldName = "attachments";

    /// <summary>Largest single file: 20 MB.</summary>
    public const long MaxFileBytes = 20L * 1024 * 1024;

    /// <summary>Largest total of all files: 100 MB.</summary>
    public const long MaxTotalBytes = 100L * 1024 * 1024;

    /// <summary>Most files in one proposal.</summary>
    public const int MaxFiles = 10;

    /// <summary>Accepted file name extensions, lower case with the dot.</summary>
    public static IReadOnlyList<string> AllowedExtensions { get; } = [".pdf", ".docx", ".xlsx", ".jpg", ".jpeg", ".png"];

    /// <summary>The HTML <c>accept</c> attribute: ".pdf,.docx,.xlsx,.jpg,.jpeg,.png".</summary>
    public static string Accept { get; } = string.Join(',', AllowedExtensions);

    /// <summary>True when the file name ends with an accepted extension (any case).</summary>
    public static bool HasAllowedExtension(string? fileName) =>
        fileName is not null && AllowedExtensions.Any(e => fileName.EndsWith(e, StringComparison.OrdinalIgnoreCase));
}
