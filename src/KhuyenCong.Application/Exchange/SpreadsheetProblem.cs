namespace KhuyenCong.Application.Exchange;

/// <summary>Why an uploaded spreadsheet was refused before its rows were checked.</summary>
public enum SpreadsheetProblemKind
{
    /// <summary>A ZIP archive that is not an Excel workbook (no xl/workbook.xml, no sheet).</summary>
    NotAWorkbook,

    /// <summary>A text file that is not UTF-8.</summary>
    NotUtf8,

    /// <summary>A damaged or truncated archive, or XML that cannot be read (<see cref="SpreadsheetProblem.Part"/>).</summary>
    Damaged,

    /// <summary>More entries in the archive than <see cref="SpreadsheetLimits.MaxZipEntries"/>.</summary>
    TooManyEntries,

    /// <summary>An entry (<see cref="SpreadsheetProblem.Part"/>) unpacks, or says it unpacks, to more than <see cref="SpreadsheetLimits.MaxUnpackedBytes"/>.</summary>
    PartTooLarge,

    /// <summary>The entries together unpack to more than <see cref="SpreadsheetLimits.MaxUnpackedBytes"/>.</summary>
    UnpackedTooLarge,

    /// <summary>An entry (<see cref="SpreadsheetProblem.Part"/>) is compressed more than <see cref="SpreadsheetLimits.MaxCompressionRatio"/> times.</summary>
    CompressionRatio,

    /// <summary>An XML part declares a DTD (&lt;!DOCTYPE&gt;): never processed.</summary>
    DtdNotAllowed,

    /// <summary>A row (blank or not, declared by the sheet's dimension or used) beyond <see cref="SpreadsheetLimits.MaxRows"/>.</summary>
    TooManyRows,

    /// <summary>A cell or dimension (<see cref="SpreadsheetProblem.Cell"/>) beyond <see cref="SpreadsheetLimits.MaxColumns"/>.</summary>
    TooManyColumns,

    /// <summary>A cell (<see cref="SpreadsheetProblem.Cell"/>) longer than <see cref="SpreadsheetLimits.MaxCellChars"/>.</summary>
    CellTooLong,

    /// <summary>More text in all than <see cref="SpreadsheetLimits.MaxTextChars"/> (or more shared strings than cells).</summary>
    TooMuchText,

    /// <summary>A CSV quote opened on <see cref="SpreadsheetProblem.Row"/> and never closed.</summary>
    UnclosedQuote,
}

/// <summary>
/// What is wrong with a refused file, with what locates it: the archive entry (<see cref="Part"/>), the row, the cell
/// or dimension reference (<see cref="Cell"/>, "XFD1", "A1:XFD2"), the limit broken and, where known, the actual value.
/// </summary>
public sealed record SpreadsheetProblem(SpreadsheetProblemKind Kind)
{
    public string? Part { get; init; }

    public int? Row { get; init; }

    public string? Cell { get; init; }

    public long Limit { get; init; }

    public long? Actual { get; init; }

    /// <summary>The problem's code in answers (kebab-case of <see cref="Kind"/>: "too-many-columns").</summary>
    public string Code => string.Concat(Kind.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    /// <summary>True when the file is over a size limit (entries, unpacked bytes, rows, text) rather than malformed.</summary>
    public bool IsOverLimit => Kind is SpreadsheetProblemKind.TooManyEntries or SpreadsheetProblemKind.PartTooLarge or SpreadsheetProblemKind.UnpackedTooLarge
        or SpreadsheetProblemKind.CompressionRatio or SpreadsheetProblemKind.TooManyRows or SpreadsheetProblemKind.CellTooLong or SpreadsheetProblemKind.TooMuchText;

    /// <summary>True when the file is not of an accepted kind at all (a ZIP that is no workbook, text that is not UTF-8).</summary>
    public bool IsUnsupportedType => Kind is SpreadsheetProblemKind.NotAWorkbook or SpreadsheetProblemKind.NotUtf8;
}

/// <summary>A file could not be read within the limits, or as the format it was detected as: <see cref="Problem"/> says why.</summary>
public sealed class SpreadsheetFormatException : Exception
{
    public SpreadsheetFormatException()
        : this(new SpreadsheetProblem(SpreadsheetProblemKind.Damaged))
    {
    }

    public SpreadsheetFormatException(string message)
        : this(new SpreadsheetProblem(SpreadsheetProblemKind.Damaged), message)
    {
    }

    public SpreadsheetFormatException(string message, Exception innerException)
        : this(new SpreadsheetProblem(SpreadsheetProblemKind.Damaged), message, innerException)
    {
    }

    public SpreadsheetFormatException(SpreadsheetProblem problem, string? message = null, Exception? innerException = null)
        : base(message ?? Describe(problem), innerException)
    {
        ArgumentNullException.ThrowIfNull(problem);
        Problem = problem;
    }

    public SpreadsheetProblem Problem { get; }

    private static string Describe(SpreadsheetProblem problem) =>
        $"Spreadsheet refused: {problem.Code} (part {problem.Part ?? "-"}, row {problem.Row?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}, cell {problem.Cell ?? "-"}, limit {problem.Limit.ToString(System.Globalization.CultureInfo.InvariantCulture)}).";
}
