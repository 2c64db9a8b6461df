using System.Runtime.InteropServices;
using System.Text;
using KhuyenCong.Application.Exchange;
using KhuyenCong.Domain.Text;
using KhuyenCong.Infrastructure.Exchange.Xlsx;

namespace KhuyenCong.Infrastructure.Exchange;

/// <summary>
/// Reads an exchange CSV (UTF-8, with or without a byte order mark) as rows, streaming with
/// <see cref="CsvRecordReader"/> within <see cref="SpreadsheetLimits"/>: records (blank lines included) up to the row
/// limit, fields up to the column limit, characters per field up to the cell limit. The separator is the one of ',',
/// ';' and tab most used in the header line (Excel in Vietnamese settings saves with ';').
/// </summary>
internal static class CsvSheetReader
{
    public static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static IEnumerable<SpreadsheetRow> Read(ReadOnlyMemory<byte> content, SpreadsheetLimits limits, CancellationToken cancellationToken)
    {
        var separator = DetectSeparator(content.Span);
        using var stream = MemoryMarshal.TryGetArray(content, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(content.ToArray(), writable: false);
        using var text = new StreamReader(stream, StrictUtf8, detectEncodingFromByteOrderMarks: false);
        var records = new CsvRecordReader(text, separator, new CsvLimits(limits.MaxRows, limits.MaxColumns, limits.MaxCellChars), cancellationToken);
        while (Next(records) is { } row)
        {
            yield return row;
        }
    }

    /// <summary>The next record that is not blank, or null at the end.</summary>
    private static SpreadsheetRow? Next(CsvRecordReader records)
    {
        try
        {
            while (records.Read())
            {
                if (!records.Fields.All(string.IsNullOrWhiteSpace))
                {
                    return new SpreadsheetRow(records.Record, records.Fields.Select(f => f.Length == 0 ? null : f).ToList());
                }
            }

            return null;
        }
        catch (CsvLimitException ex)
        {
            throw new SpreadsheetFormatException(Problem(ex), ex.Message, ex);
        }
        catch (DecoderFallbackException ex)
        {
            throw new SpreadsheetFormatException(new SpreadsheetProblem(SpreadsheetProblemKind.NotUtf8), ex.Message, ex);
        }
    }

    private static SpreadsheetProblem Problem(CsvLimitException ex) => ex.Kind switch
    {
        CsvProblemKind.TooManyRecords => new SpreadsheetProblem(SpreadsheetProblemKind.TooManyRows) { Row = ex.Record, Limit = ex.Limit },
        CsvProblemKind.TooManyFields => new SpreadsheetProblem(SpreadsheetProblemKind.TooManyColumns) { Row = ex.Record, Limit = ex.Limit },
        CsvProblemKind.FieldTooLong => new SpreadsheetProblem(SpreadsheetProblemKind.CellTooLong) { Row = ex.Record, Cell = XlsxCells.Reference(ex.Field, ex.Record), Limit = ex.Limit },
        _ => new SpreadsheetProblem(SpreadsheetProblemKind.UnclosedQuote) { Row = ex.Record, Cell = XlsxCells.Reference(ex.Field, ex.Record) },
    };

    private static char DetectSeparator(ReadOnlySpan<byte> content)
    {
        var end = content.IndexOfAny((byte)'\r', (byte)'\n');
        var firstLine = end < 0 ? content : content[..end];
        var best = (Separator: ',', Count: 0);
        foreach (var separator in (ReadOnlySpan<char>)[',', ';', '\t'])
        {
            var count = firstLine.Count((byte)separator);
            if (count > best.Count)
            {
                best = (separator, count);
            }
        }

        return best.Separator;
    }
}
