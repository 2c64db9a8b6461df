namespace KhuyenCong.Application.Exchange;

/// <summary>The file formats of the exchange file.</summary>
public enum SpreadsheetFormat
{
    /// <summary>UTF-8 text (a byte order mark is written and accepted), comma separated (semicolon and tab accepted on import).</summary>
    Csv,

    /// <summary>Office Open XML workbook; the first sheet is read.</summary>
    Xlsx,
}

/// <summary>One row of a file as read: its number in the file (1 is the first row) and its cells as text (null when empty).</summary>
public sealed record SpreadsheetRow(int Number, IReadOnlyList<string?> Cells);

/// <summary>A file could not be read as the format it was detected as (a damaged workbook, for example).</summary>
public sealed class SpreadsheetFormatException : Exception
{
    public SpreadsheetFormatException()
    {
    }

    public SpreadsheetFormatException(string message)
        : base(message)
    {
    }

    public SpreadsheetFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>Reads and writes CSV and XLSX files (implemented in Infrastructure with CsvHelper and MiniExcel).</summary>
public interface ISpreadsheetFiles
{
    /// <summary>The format of a file recognised by its content (never by its name): XLSX by its ZIP structure, CSV as UTF-8 text; null for anything else.</summary>
    SpreadsheetFormat? Detect(ReadOnlyMemory<byte> content);

    /// <summary>
    /// The rows of the file (of an XLSX, its first sheet) that are not completely empty, at most
    /// <paramref name="maxRows"/> + 1 of them (so a caller sees that there were more); throws
    /// <see cref="SpreadsheetFormatException"/> when the file is damaged.
    /// </summary>
    IReadOnlyList<SpreadsheetRow> Read(ReadOnlyMemory<byte> content, SpreadsheetFormat format, int maxRows);

    /// <summary>
    /// Writes a header and rows. Cells are strings (written as text, already made safe by the caller), whole numbers
    /// (<see cref="long"/>, <see cref="int"/>: written as numbers) or null (empty).
    /// </summary>
    Task WriteAsync(Stream output, SpreadsheetFormat format, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows, CancellationToken cancellationToken);
}
