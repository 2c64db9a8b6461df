using System.Text;
using KhuyenCong.Application.Export;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using KhuyenCong.Web.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using MiniExcelLibs;

namespace KhuyenCong.Web.Answers;

/// <summary>
/// The two shapes of an export: <see cref="Data"/> for machines (numbers as numbers, instants as ISO 8601) and
/// <see cref="Report"/> for a printed report (Vietnamese column names, dates dd/MM/yyyy in Vietnam time, amounts grouped
/// 1.234.567 as text).
/// </summary>
public enum ExportVariant
{
    Data,
    Report,
}

/// <summary>One export asked for: its format (csv or xlsx) and variant, read from <c>format</c> and <c>variant</c>.</summary>
public sealed record SpreadsheetExport(string Format, ExportVariant Variant)
{
    /// <summary>The export of <paramref name="query"/>; a wrong value adds its message to <paramref name="errors"/>.</summary>
    public static SpreadsheetExport Parse(IQueryCollection query, Language language, IDictionary<string, IReadOnlyList<string>> errors)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(errors);
        var format = query["format"].ToString().Trim().ToLowerInvariant();
        format = format.Length == 0 ? "csv" : format;
        if (format is not ("csv" or "xlsx"))
        {
            errors["format"] = [new Bilingual("'format' (định dạng) phải là csv hoặc xlsx.", "'format' must be csv or xlsx.").In(language)];
        }

        var variant = query["variant"].ToString().Trim().ToLowerInvariant();
        if (variant is not ("" or "data" or "report"))
        {
            errors["variant"] = [new Bilingual("'variant' (kiểu tệp) phải là data (dữ liệu) hoặc report (báo cáo).", "'variant' must be data or report.").In(language)];
        }

        return new SpreadsheetExport(format, variant == "report" ? ExportVariant.Report : ExportVariant.Data);
    }

    /// <summary>The file: <paramref name="header"/> and <paramref name="rows"/> (cells made safe; report cells formatted), named <paramref name="name"/>.</summary>
    public async Task<IActionResult> FileAsync(IReadOnlyList<string> header, IEnumerable<object?[]> rows, string sheet, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(header);
        var cells = rows.Select(row => row.Select(Cell).ToArray()).ToList();
        var file = Variant == ExportVariant.Report ? name + "-bao-cao" : name;
        if (Format == "csv")
        {
            var csv = new StringBuilder();
            foreach (var row in cells.Prepend([.. header]))
            {
                csv.AppendJoin(',', row.Select(SpreadsheetCells.CsvField)).Append("\r\n");
            }

            var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray();
            return new FileContentResult(bytes, "text/csv; charset=utf-8") { FileDownloadName = file + ".csv" };
        }

        var lines = cells.Select(row => header.Select((column, i) => (column, value: SpreadsheetCells.Value(row[i])))
            .ToDictionary(c => c.column, c => c.value, StringComparer.Ordinal)).ToList();
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(lines, sheetName: sheet, excelType: ExcelType.XLSX, cancellationToken: cancellationToken);
        return new FileContentResult(stream.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet") { FileDownloadName = file + ".xlsx" };
    }

    private object? Cell(object? value) => Variant == ExportVariant.Data ? Data(value) : value switch
    {
        long n => DisplayFormat.Amount(n, Language.Vietnamese),
        int n => DisplayFormat.Amount(n, Language.Vietnamese),
        decimal d => DisplayFormat.Percent(d, Language.Vietnamese),
        DateTimeOffset at => DisplayFormat.Date(DateOnly.FromDateTime(at.ToOffset(VietnamTime.Offset).DateTime), Language.Vietnamese),
        DateOnly date => DisplayFormat.Date(date, Language.Vietnamese),
        _ => value,
    };

    private static object? Data(object? value) => value is DateTimeOffset at ? at.ToString("O", System.Globalization.CultureInfo.InvariantCulture) : value;
}
