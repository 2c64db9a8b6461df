using System.Globalization;

namespace KhuyenCong.Infrastructure.Exchange.Xlsx;

/// <summary>Cell references ("AB12") and cell values as the import reads them: text as written, whole numbers without decimals, dates as yyyy-MM-dd.</summary>
internal static class XlsxCells
{
    /// <summary>Beyond every sheet: a reference with more than three letters or seven digits reads as this.</summary>
    public const int Beyond = int.MaxValue;

    /// <summary>
    /// Reads a cell reference ("B7", "$B$7") or, with <paramref name="rowOptional"/>, a column alone: false when it is
    /// not one; a part too long for Excel reads as <see cref="Beyond"/>.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> reference, out int column, out int row, bool rowOptional = false)
    {
        column = 0;
        row = 0;
        var i = 0;
        if (i < reference.Length && reference[i] == '$')
        {
            i++;
        }

        var letters = 0;
        for (; i < reference.Length && char.IsAsciiLetter(reference[i]); i++, letters++)
        {
            column = letters < 3 ? (column * 26) + (char.ToUpperInvariant(reference[i]) - 'A' + 1) : Beyond;
        }

        if (i < reference.Length && reference[i] == '$')
        {
            i++;
        }

        var digits = 0;
        for (; i < reference.Length && char.IsAsciiDigit(reference[i]); i++, digits++)
        {
            row = digits < 7 ? (row * 10) + (reference[i] - '0') : Beyond;
        }

        return i == reference.Length && letters > 0 && (digits > 0 ? row > 0 : rowOptional);
    }

    /// <summary>The reference of a cell, for messages ("AF12").</summary>
    public static string Reference(int column, int row)
    {
        var letters = string.Empty;
        for (var n = column; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }

        return letters + row.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The text of a cell from its type (t), raw value (v) or inline text, and whether its style is a date format:
    /// shared strings looked up, booleans "true"/"false", numbers in invariant form (whole ones without decimals),
    /// dates as yyyy-MM-dd (with the time when there is one); empty gives null.
    /// </summary>
    public static string? Value(string? type, string? raw, string? inline, bool dateStyle, bool date1904, IReadOnlyList<string> shared, out bool badIndex)
    {
        badIndex = false;
        var text = type switch
        {
            "s" when int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < shared.Count => shared[index],
            "s" => Bad(out badIndex),
            "inlineStr" => inline,
            "b" => raw switch { "1" => "true", "0" => "false", _ => raw },
            "d" => DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var date) ? Date(date) : raw,
            "str" or "e" => raw,
            _ => Number(raw, dateStyle, date1904),
        };
        return string.IsNullOrEmpty(text) ? null : text;
    }

    private static string? Bad(out bool badIndex)
    {
        badIndex = true;
        return null;
    }

    private static string? Number(string? raw, bool dateStyle, bool date1904)
    {
        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return raw;
        }

        var serial = date1904 ? number + 1462 : number;
        if (dateStyle && serial is >= 1 and < 2958466)
        {
            return Date(DateTime.FromOADate(serial));
        }

        return number == Math.Floor(number) && Math.Abs(number) < 1e15
            ? ((long)number).ToString(CultureInfo.InvariantCulture)
            : number.ToString("R", CultureInfo.InvariantCulture);
    }

    private static string Date(DateTime value) => value.TimeOfDay == TimeSpan.Zero
        ? value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
        : value.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
}
