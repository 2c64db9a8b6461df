using System.Globalization;
using System.Text;

namespace KhuyenCong.Domain.Text;

/// <summary>How <see cref="VietnameseText.Normalize(string?, TextMode)"/> treats line breaks.</summary>
public enum TextMode
{
    /// <summary>Every whitespace run, line breaks included, becomes one space.</summary>
    SingleLine,

    /// <summary>Line breaks are kept (as "\n"); spaces are collapsed within each line, lines are trimmed and at most one
    /// empty line is kept between paragraphs.</summary>
    MultiLine,
}

/// <summary>Normalisation and folding of Vietnamese text for storage and for search with or without diacritics.</summary>
public static class VietnameseText
{
    /// <summary>
    /// NFC, trimmed, internal whitespace runs collapsed to one space (or, in <see cref="TextMode.MultiLine"/>, kept line
    /// breaks). Null gives an empty string. Lone surrogates become U+FFFD so that normalisation never throws; use
    /// <see cref="HasForbiddenCharacters(string?)"/> first to reject such input.
    /// </summary>
    public static string Normalize(string? text, TextMode mode = TextMode.SingleLine)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var nfc = ReplaceLoneSurrogates(text).Normalize(NormalizationForm.FormC);
        if (mode == TextMode.SingleLine)
        {
            return CollapseWhitespace(nfc);
        }

        var lines = nfc.Replace("\r\n", "\n", StringComparison.Ordinal)
            .Split(['\n', '\r', '\u2028', '\u2029'])
            .Select(CollapseWhitespace);
        var builder = new StringBuilder(nfc.Length);
        var pendingBlankLine = false;
        foreach (var line in lines)
        {
            if (line.Length == 0)
            {
                pendingBlankLine = builder.Length > 0;
                continue;
            }

            if (builder.Length > 0)
            {
                builder.Append(pendingBlankLine ? "\n\n" : "\n");
            }

            builder.Append(line);
            pendingBlankLine = false;
        }

        return builder.ToString();
    }

    /// <summary>
    /// A search key: lower case, diacritics removed (đ/Đ become d), whitespace collapsed and trimmed.
    /// "Đề án Khuyến công" gives "de an khuyen cong".
    /// </summary>
    public static string Fold(string? text) =>
        CollapseWhitespace(RemoveDiacritics(text).ToLowerInvariant());

    /// <summary>Removes diacritics but keeps letter case and spacing: "Hưng Yên" gives "Hung Yen", "Đà Nẵng" "Da Nang".</summary>
    public static string RemoveDiacritics(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var decomposed = ReplaceLoneSurrogates(text).Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            switch (CharUnicodeInfo.GetUnicodeCategory(c))
            {
                case UnicodeCategory.NonSpacingMark:
                case UnicodeCategory.SpacingCombiningMark:
                case UnicodeCategory.EnclosingMark:
                    continue;
                default:
                    builder.Append(c switch
                    {
                        'đ' => 'd',
                        'Đ' => 'D',
                        _ => c,
                    });
                    break;
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>
    /// True when the text holds characters a form field must not contain: control characters other than tab, line feed
    /// and carriage return (which normalisation turns into spaces or line breaks), bidirectional overrides and isolates
    /// (used to disguise text) and lone surrogates (not valid Unicode).
    /// </summary>
    public static bool HasForbiddenCharacters(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                return true;
            }

            if (c is '\t' or '\n' or '\r')
            {
                continue;
            }

            if (char.IsControl(c) || c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069'))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True for invisible formatting characters that can disguise text: bidirectional marks, overrides and isolates,
    /// zero-width spaces and joiners, the word joiner and the byte order mark.
    /// </summary>
    public static bool IsInvisibleFormatCharacter(char c) =>
        c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u200E' or '\u200F' or '\u061C'
            or (>= '\u200B' and <= '\u200D') or '\u2060' or '\uFEFF';

    private static string CollapseWhitespace(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private static string ReplaceLoneSurrogates(string text)
    {
        StringBuilder? builder = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder?.Append(c).Append(text[i + 1]);
                i++;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                builder ??= new StringBuilder(text, 0, i, text.Length);
                builder.Append('\uFFFD');
                continue;
            }

            builder?.Append(c);
        }

        return builder?.ToString() ?? text;
    }
}
