namespace KhuyenCong.Domain.Text;

/// <summary>The language of messages shown to users. Vietnamese is the default.</summary>
public enum Language
{
    Vietnamese,
    English,
}

/// <summary>Parses and prints the language codes used on the wire ("vi", "en").</summary>
public static class LanguageCodes
{
    /// <summary>"en", "EN", "en-US", "en_GB" give English; anything else (including null) gives Vietnamese.</summary>
    public static Language Parse(string? code)
    {
        var trimmed = code?.Trim() ?? string.Empty;
        var isEnglish = trimmed.Equals("en", StringComparison.OrdinalIgnoreCase)
            || trimmed.StartsWith("en-", StringComparison.OrdinalIgnoreCase)
            || trimmed.StartsWith("en_", StringComparison.OrdinalIgnoreCase);
        return isEnglish ? Language.English : Language.Vietnamese;
    }

    /// <summary>The two-letter code: "vi" or "en".</summary>
    public static string ToCode(this Language language) => language == Language.English ? "en" : "vi";
}
