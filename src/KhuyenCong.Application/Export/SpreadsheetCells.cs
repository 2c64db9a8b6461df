using System.Globalization;
using System.Text;

namespace KhuyenCong.Application.Export;

/// <summary>
/// Makes a text safe to put in a spreadsheet cell (CSV or XLSX) that people open in Excel or LibreOffice:
/// bidirectional and zero-width control characters (which can disguise a value or reorder what is shown) are removed,
/// other control characters except line breaks and tab become spaces, and a text that a spreadsheet could take for
/// a formula (starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or carriage return) gets a leading apostrophe
/// (OWASP "CSV injection"). Numbers are not texts: write them as numbers and they stay numbers.
/// </summary>
public static class SpreadsheetCells
{
    /// <summary>The safe form of <paramref name="value"/>; null gives an empty string.</summary>
    public static string Safe(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(value.Length + 1);
        foreach (var c in value)
        {
            if (IsHidden(c))
            {
                continue;
            }

            builder.Append(char.IsControl(c) && c is not ('\n' or '\r' or '\t') ? ' ' : c);
        }

        if (builder.Length > 0 && builder[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            builder.Insert(0, '\'');
        }

        return builder.ToString();
    }

    /// <summary>The same as <see cref="Safe"/> (the name the statistics exports use).</summary>
    public static string Text(string? value) => Safe(value);

    /// <summary>A value for a cell: strings made safe, numbers and other values unchanged.</summary>
    public static object? Value(object? value) => value is string s ? Safe(s) : value;

    /// <summary>One CSV field (RFC 4180): made safe, then quoted when it holds a comma, quote or line break.</summary>
    public static string CsvField(object? value)
    {
        var text = value switch
        {
            null => string.Empty,
            string s => Safe(s),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => Safe(value.ToString()),
        };
        return text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    /// <summary>
    /// Bidirectional embeddings, overrides, isolates and marks (U+200E-U+200F, U+202A-U+202E, U+2066-U+2069, U+061C),
    /// zero-width characters (U+200B-U+200D, U+2060, U+FEFF) and the other invisible format characters (category Cf).
    /// </summary>
    private static bool IsHidden(char c) =>
        c is '\u200B' or '\u200C' or '\u200D' or '\u200E' or '\u200F' or '\u2060' or '\uFEFF' or '\u061C'
        || c is >= '\u202A' and <= '\u202E'
        || c is >= '\u2066' and <= '\u2069'
        || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format;
}
