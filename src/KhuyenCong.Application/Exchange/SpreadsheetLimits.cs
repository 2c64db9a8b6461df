using KhuyenCong.Application.Options;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Application.Exchange;

/// <summary>
/// What a read of an uploaded spreadsheet may cost, whatever the file holds (docs/import.md, "Giới hạn · Limits";
/// ADR 0009). The file's own size is capped before (<see cref="ExchangeOptions.MaxImportBytes"/>); these cap what it
/// unpacks to and what the reader keeps:
/// <list type="bullet">
/// <item>rows: the row number of any row, blank or not, declared or used, is at most <see cref="MaxRows"/> (the header
/// and <see cref="ExchangeOptions.MaxImportRows"/> data rows); columns: at most <see cref="MaxColumns"/> (the template's);</item>
/// <item>a cell holds at most <see cref="MaxCellChars"/> characters (Excel's own limit), the text kept in all at most
/// <see cref="MaxTextChars"/>;</item>
/// <item>an XLSX: at most <see cref="MaxZipEntries"/> entries; no entry, and not all of them together, unpacking to more
/// than <see cref="MaxUnpackedBytes"/>; no entry over <see cref="RatioCheckedFromBytes"/> unpacking to more than
/// <see cref="MaxCompressionRatio"/> times its packed size; no DTD.</item>
/// </list>
/// </summary>
public sealed record SpreadsheetLimits
{
    /// <summary>Unpacked XML allowed per row of the limit: a row of the template at its longest texts is about 11 KB.</summary>
    public const int UnpackedBytesPerRow = 16 * 1024;

    /// <summary>Text characters kept per row of the limit: a row of the template at its longest texts is about 6,200.</summary>
    public const int TextCharsPerRow = 8 * 1024;

    public SpreadsheetLimits(int maxRows, int maxColumns)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRows, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxColumns, 1);
        MaxRows = maxRows;
        MaxColumns = maxColumns;
        MaxUnpackedBytes = Math.Max(1024L * 1024, (long)maxRows * UnpackedBytesPerRow);
        MaxTextChars = Math.Max(256L * 1024, (long)maxRows * TextCharsPerRow);
    }

    /// <summary>The highest row number (1 is the header row); blank rows count.</summary>
    public int MaxRows { get; }

    /// <summary>The highest column number (1 is A).</summary>
    public int MaxColumns { get; }

    public int MaxCellChars { get; init; } = CsvLimits.ExcelMaxCellChars;

    public long MaxTextChars { get; init; }

    public int MaxZipEntries { get; init; } = 256;

    public long MaxUnpackedBytes { get; init; }

    public int MaxCompressionRatio { get; init; } = 100;

    public long RatioCheckedFromBytes { get; init; } = 1024 * 1024;

    /// <summary>The limits of a proposal import: the header and <see cref="ExchangeOptions.MaxImportRows"/> rows of the template's columns.</summary>
    public static SpreadsheetLimits ForImport(ExchangeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new SpreadsheetLimits(options.MaxImportRows + 1, ProposalColumns.All.Count);
    }
}
