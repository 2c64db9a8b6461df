using System.Globalization;
using System.Text;
using KhuyenCong.Application.Exchange;
using KhuyenCong.Infrastructure.Exchange.Xlsx;
using MiniExcelLibs;

namespace KhuyenCong.Infrastructure.Exchange;

/// <summary>
/// CSV and XLSX files of the exchange format. Reading is capped whatever the file holds (<see cref="SpreadsheetLimits"/>,
/// ADR 0009): CSV with <see cref="CsvSheetReader"/>, XLSX with the streaming <see cref="XlsxSheetReader"/> after the
/// archive's directory is checked (MiniExcel's reader sizes its work by the sheet's declared dimension and unpacks
/// shared strings without limit, so it is not used to read). Writing: CSV as UTF-8 with a byte order mark (so Excel
/// shows Vietnamese correctly), comma separated, CRLF, quoted where needed; XLSX with MiniExcel.
/// </summary>
public sealed class SpreadsheetFiles : ISpreadsheetFiles
{
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
            return SpreadsheetFormat.Xlsx;
        }

        if (span.StartsWith("%PDF"u8) || span.IndexOf((byte)0) >= 0)
        {
            return null;
        }

        try
        {
            _ = CsvSheetReader.StrictUtf8.GetCharCount(span);
            return SpreadsheetFormat.Csv;
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    public IEnumerable<SpreadsheetRow> Read(ReadOnlyMemory<byte> content, SpreadsheetFormat format, SpreadsheetLimits limits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return format == SpreadsheetFormat.Xlsx ? ReadXlsx(content, limits, cancellationToken) : CsvSheetReader.Read(content, limits, cancellationToken);
    }

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

    private static IEnumerable<SpreadsheetRow> ReadXlsx(ReadOnlyMemory<byte> content, SpreadsheetLimits limits, CancellationToken cancellationToken)
    {
        using var package = XlsxPackage.Open(content, limits, cancellationToken);
        var workbook = XlsxWorkbook.Locate(package);
        var budget = new TextBudget(limits.MaxTextChars);
        var styles = workbook.StylesPart is { } stylesPart ? package.Read(stylesPart, XlsxStyles.Read) : XlsxStyles.None;
        var shared = workbook.SharedStringsPart is { } sharedPart
            ? package.Read(sharedPart, xml => XlsxSharedStrings.Read(xml, ZipDirectory.ShortName(sharedPart), limits, new XlsxText(), budget))
            : [];
        using var sheet = new XlsxSheetReader(package, workbook, shared, styles, budget);
        while (sheet.Next() is { } row)
        {
            yield return row;
        }
    }
}
