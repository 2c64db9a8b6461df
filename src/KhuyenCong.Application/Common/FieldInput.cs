using System.Globalization;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Application.Common;

/// <summary>
/// One field of a request as the adapter read it, before any rule: its text (trimmed; null when absent or blank), or
/// the mark that it was sent as something no rule accepts as text (a JSON object, array or boolean; a JSON number where
/// text is expected). Use cases validate it with the methods below, so a JSON body and an HTML form obey the same rules.
/// </summary>
/// <param name="Text">The text, trimmed; null when absent or blank. For a number field, the number as sent (<c>1.5</c>, <c>40000000</c>).</param>
/// <param name="WrongType">True when the field was sent as a value that is not text.</param>
public readonly record struct FieldInput(string? Text, bool WrongType = false)
{
    /// <summary>A field that was not sent.</summary>
    public static FieldInput Absent => default;

    /// <summary>A field sent as this text (null or blank: absent).</summary>
    public static FieldInput Of(string? text) => new(string.IsNullOrWhiteSpace(text) ? null : text.Trim());

    /// <summary>True when the field holds nothing at all (absent, blank, and not of a wrong type).</summary>
    public bool IsAbsent => Text is null && !WrongType;

    /// <summary>
    /// Free text: normalized (NFC, spaces; line breaks kept in <see cref="TextMode.MultiLine"/>), at most
    /// <paramref name="maxLength"/> characters, no control or invisible formatting characters, present when
    /// <paramref name="required"/>. <paramref name="value"/> is the normalized text, null when empty.
    /// </summary>
    public bool TryText(TextMode mode, int maxLength, bool required, out string? value)
    {
        var text = Text is null ? null : VietnameseText.Normalize(Text, mode);
        value = string.IsNullOrEmpty(text) ? null : text;
        return !WrongType
            && !(required && value is null)
            && (value?.Length ?? 0) <= maxLength
            && !VietnameseText.HasForbiddenCharacters(Text);
    }

    /// <summary>A date written <c>yyyy-MM-dd</c>.</summary>
    public bool TryDate(out DateOnly value)
    {
        value = default;
        return !WrongType && Text is not null
            && DateOnly.TryParseExact(Text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }

    /// <summary>A whole number (a JSON integer, or digits with an optional sign in text; no fraction, no exponent).</summary>
    public bool TryWholeNumber(out long value)
    {
        value = 0;
        return !WrongType && Text is not null
            && long.TryParse(Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }
}
