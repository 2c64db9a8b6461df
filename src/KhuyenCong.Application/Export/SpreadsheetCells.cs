namespace KhuyenCong.Application.Export;

/// <summary>
/// Cell values for CSV and Excel files a user opens in a spreadsheet: text that a spreadsheet would read as a formula
/// (starting with = + - @, a tab or a carriage return) gets a leading apostrophe, so "=HYPERLINK(...)" typed into a
/// proposal shows as text instead of running (CSV/formula injection, OWASP). Numbers are never text, so they stay
/// numbers. Every exporter uses this (statistics, proposals).
/// </summary>
public static class SpreadsheetCells
{
    private static readonly char[] Triggers = ['=', '+', '-', '@', '\t', '\r'];

    /// <summary>The text safe to put in a cell (null gives "").</summary>
    public static string Text(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        return Array.IndexOf(Triggers, value[0]) >= 0 ? "'" + value : value;
    }

    /// <summary>A value for a cell: strings made safe with <see cref="Text"/>, numbers and other values unchanged.</summary>
    public static object? Value(object? value) => value is string s ? Text(s) : value;

    /// <summary>One CSV field (RFC 4180): made safe, then quoted when it holds a comma, quote or line break.</summary>
    public static string CsvField(object? value)
    {
        var text = value switch
        {
            null => string.Empty,
            string s => Text(s),
            IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
            _ => Text(value.ToString()),
        };
        return text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}
