using System.Globalization;
using System.IO.Compression;
using System.Text;
using CsvHelper;
using KhuyenCong.Application.Exchange;
using MiniExcelLibs;

namespace KhuyenCong.Infrastructure.Exchange;

/// <summary>
/// CSV (CsvHelper) and XLSX (MiniExcel) files of the exchange format. CSV is written as UTF-8 with a byte order mark
/// (so Excel shows Vietnamese correctly), comma separated, CRLF, quoted where needed; on reading, the separator is the
/// one of ',', ';' and tab most used in the header line (Excel in Vietnamese settings saves with ';').
/// </summary>
public sealed class SpreadsheetFiles : ISpreadsheetFiles
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    public SpreadsheetFormat? Detect(ReadOnlyMemory<byte> content)
    {
        var span = content.Span;
        if (span.Length == 0)
        {
            return null;
        }

        if (span.StartsWith("PK\u0003\u0004"u8))
        {
            return IsWorkbook(content) ? SpreadsheetFormat.Xlsx : null;
        }

        if (span.StartsWith("%PDF"u8) || span.IndexOf((byte)0) >= 0)
        {
            return null;
        }

        try
        {
            _ = StrictUtf8.GetCharCount(span);
            return SpreadsheetFormat.Csv;
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    public IReadOnlyList<SpreadsheetRow> Read(ReadOnlyMemory<byte> content, SpreadsheetFormat format, int maxRows) =>
        format == SpreadsheetFormat.Xlsx ? ReadXlsx(content, maxRows) : ReadCsv(content, maxRows);

    public async Task WriteAsync(Stream output, SpreadsheetFormat format, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        if (format == SpreadsheetFormat.Xlsx)
        {
            var sheet = rows.Select(row =>
            {
                var cells = new Dictionary<string, object?>(header.Count, StringComparer.Ordinal);
                for (var i = 0; i < header.Count; i++)
                {
                    cells[header[i]] = i < row.Count ? row[i] : null;
                }

                return cells;
            }).ToList();
            if (sheet.Count == 0)
            {
                // MiniExcel needs a row to know the columns: an empty export is the header and one empty row.
                sheet.Add(header.ToDictionary(h => h, _ => (object?)null, StringComparer.Ordinal));
            }

            await MiniExcel.SaveAsAsync(output, sheet, sheetName: "Đề án", cancellationToken: cancellationToken);
            return;
        }

        await output.WriteAsync(Bom, cancellationToken);
        await using var writer = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\r\n" };
        await writer.WriteLineAsync(string.Join(',', header.Select(Quote)));
        foreach (var row in rows)
        {
            await writer.WriteLineAsync(string.Join(',', row.Select(cell => Quote(Format(cell)))));
        }

        await writer.FlushAsync(cancellationToken);
    }

    private static string Format(object? cell) => cell switch
    {
        null => string.Empty,
        string text => text,
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString() ?? string.Empty,
    };

    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n;") >= 0 || (value.Length > 0 && (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1])))
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;

    private static bool IsWorkbook(ReadOnlyMemory<byte> content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content.ToArray(), writable: false), ZipArchiveMode.Read);
            return zip.GetEntry("xl/workbook.xml") is not null;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    private static List<SpreadsheetRow> ReadCsv(ReadOnlyMemory<byte> content, int maxRows)
    {
        var span = content.Span;
        if (span.StartsWith(Bom))
        {
            span = span[Bom.Length..];
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(span);
        }
        catch (DecoderFallbackException ex)
        {
            throw new SpreadsheetFormatException("The file is not UTF-8 text.", ex);
        }

        var options = new CsvReaderOptions
        {
            Separator = DetectDelimiter(text),
            HasHeader = false,
            AllowLineBreaksInQuotes = true,
            SkipEmptyLines = false,
        };
        var rows = new List<SpreadsheetRow>();
        try
        {
            using var reader = CsvReader.FromText(text, options);
            while (reader.Read())
            {
                var cells = Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetString(i)).ToList();
                if (cells.All(string.IsNullOrWhiteSpace))
                {
                    continue;
                }

                rows.Add(new SpreadsheetRow(checked((int)reader.RowNumber), cells.Select(c => string.IsNullOrEmpty(c) ? null : c).ToList()));
                if (rows.Count > maxRows)
                {
                    break;
                }
            }
        }
        catch (CsvFormatException ex)
        {
            throw new SpreadsheetFormatException("The CSV file cannot be read.", ex);
        }

        return rows;
    }

    private static char DetectDelimiter(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        var firstLine = end < 0 ? text : text[..end];
        var counts = new[] { ',', ';', '\t' }.Select(d => (Delimiter: d, Count: firstLine.Count(c => c == d))).ToList();
        var best = counts.OrderByDescending(c => c.Count).First();
        return best.Count == 0 ? ',' : best.Delimiter;
    }

    private static List<SpreadsheetRow> ReadXlsx(ReadOnlyMemory<byte> content, int maxRows)
    {
        var rows = new List<SpreadsheetRow>();
        try
        {
            using var stream = new MemoryStream(content.ToArray(), writable: false);
            var number = 0;
            foreach (IDictionary<string, object?> row in MiniExcel.Query(stream, useHeaderRow: false, excelType: ExcelType.XLSX))
            {
                number++;
                var cells = row.Values.Select(Cell).ToList();
                if (cells.All(string.IsNullOrWhiteSpace))
                {
                    continue;
                }

                rows.Add(new SpreadsheetRow(number, cells));
                if (rows.Count > maxRows)
                {
                    break;
                }
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or InvalidOperationException or System.Xml.XmlException or FormatException or NotSupportedException or KeyNotFoundException or ArgumentException or IndexOutOfRangeException)
        {
            throw new SpreadsheetFormatException("The workbook cannot be read.", ex);
        }

        return rows;
    }

    private static string? Cell(object? value) => value switch
    {
        null => null,
        string text => text.Length == 0 ? null : text,
        double d when d == Math.Floor(d) && Math.Abs(d) < 1e15 => ((long)d).ToString(CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        DateTime dt when dt.TimeOfDay == TimeSpan.Zero => dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime dt => dt.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
