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

/// <summary>Reads and writes CSV and XLSX files (implemented in Infrastructure: a capped CSV reader, a capped streaming XLSX reader, MiniExcel for writing).</summary>
public interface ISpreadsheetFiles
{
    /// <summary>
    /// The format of a file recognised by its content (never by its name): XLSX for a ZIP archive (reading tells
    /// whether it really is a workbook), CSV for UTF-8 text; null for anything else.
    /// </summary>
    SpreadsheetFormat? Detect(ReadOnlyMemory<byte> content);

    /// <summary>
    /// The rows of the file (of an XLSX, its first sheet) that are not completely empty, read lazily and within
    /// <paramref name="limits"/>: enumerating throws <see cref="SpreadsheetFormatException"/> (with its
    /// <see cref="SpreadsheetProblem"/>) as soon as the file breaks a limit or is damaged, and
    /// <see cref="OperationCanceledException"/> once <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    IEnumerable<SpreadsheetRow> Read(ReadOnlyMemory<byte> content, SpreadsheetFormat format, SpreadsheetLimits limits, CancellationToken cancellationToken);

    /// <summary>
    /// Writes a header and rows. Cells are strings (written as text, already made safe by the caller), whole numbers
    /// (<see cref="long"/>, <see cref="int"/>: written as numbers) or null (empty).
    /// </summary>
    Task WriteAsync(Stream output, SpreadsheetFormat format, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows, CancellationToken cancellationToken);
}
