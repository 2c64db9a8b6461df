using KhuyenCong.Application.Export;
using KhuyenCong.Application.Reports;
using MiniExcelLibs;

namespace KhuyenCong.Infrastructure.Reports;

/// <summary>
/// The periodic report as an Excel workbook, with the export's writer (MiniExcel): a sheet of totals, then one sheet
/// per table of the report. Text cells go through the export's formula guard (<see cref="SpreadsheetCells"/>);
/// figures are numbers, so they can be summed in Excel; a figure the report does not have (the planned money under a
/// filter by kind or place, the counterpart funds' plan and payments) is an empty cell.
/// </summary>
public sealed class ReportWorkbook : IReportWorkbook
{
    public byte[] Write(PeriodicReportFigures figures, string heading)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var sheets = new Dictionary<string, object>(StringComparer.Ordinal) { ["Tổng hợp"] = Totals(figures, heading) };
        foreach (var table in figures.Tables.Concat(figures.CountTables))
        {
            sheets[SheetName(table.Title)] = table.Lines.Select(line => Line(table.Headings, line)).ToList();
        }

        sheets["Chỉ tiêu chương trình"] = figures.Targets.Select(Target).ToList();

        using var stream = new MemoryStream();
        stream.SaveAs(sheets, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    private static List<Dictionary<string, object?>> Totals(PeriodicReportFigures f, string heading)
    {
        var rows = new (string Name, object? Value)[]
        {
            ("Báo cáo", heading),
            ("Thời gian chốt số liệu", f.Period.Range.Vietnamese),
            ("Số đề án", f.Proposals),
            ("Số đề án được phê duyệt", f.ApprovedCount),
            ("Kinh phí kế hoạch năm " + f.PlanYears + " (đồng)", f.Planned?.Total),
            ("Kinh phí đề nghị (đồng)", f.Requested),
            ("Kinh phí được phê duyệt (đồng)", f.Approved),
            ("Kinh phí đã thanh toán (đồng)", f.Paid),
            ("Kinh phí đã thanh toán trong kỳ, theo ngày thanh toán (đồng)", f.PaidInPeriod),
            ("Vốn đối ứng của cơ sở, đề án được phê duyệt (đồng)", f.ApprovedCounterpart),
            ("Số đơn vị thụ hưởng", f.Beneficiaries),
            ("Số người được đào tạo (dự kiến)", f.Trainees),
            ("Số việc làm (dự kiến)", f.Jobs),
            ("Số mô hình trình diễn được phê duyệt", f.Models),
            ("Số đề án sản phẩm tiêu biểu được phê duyệt", f.Products),
            ("Số người được đào tạo (thực tế, khi nghiệm thu)", f.ActualTrainees),
            ("Số việc làm (thực tế, khi nghiệm thu)", f.ActualJobs),
            ("Số mô hình trình diễn đã xây dựng (khi nghiệm thu)", f.ModelsBuilt),
            ("Số sản phẩm được công nhận (khi nghiệm thu)", f.ProductsCertified),
        };
        return rows.Select(r => new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["Chỉ tiêu"] = r.Name,
            ["Giá trị"] = SpreadsheetCells.Value(r.Value),
        }).ToList();
    }

    private static Dictionary<string, object?> Line(IReadOnlyList<string> headings, ReportLine line)
    {
        var row = new Dictionary<string, object?>(StringComparer.Ordinal) { [headings[0]] = SpreadsheetCells.Text(line.Label) };
        for (var i = 0; i < line.Figures.Count; i++)
        {
            row[headings[i + 1]] = line.Figures[i];
        }

        return row;
    }

    /// <summary>A programme target's row: numbers as numbers; a target the statistics cannot count is left empty.</summary>
    private static Dictionary<string, object?> Target(ReportTargetLine line) => new(StringComparer.Ordinal)
    {
        ["Chương trình"] = SpreadsheetCells.Text(line.Programme),
        ["Chỉ tiêu"] = SpreadsheetCells.Text(line.Target),
        ["Đơn vị"] = SpreadsheetCells.Text(line.Unit),
        ["Chỉ tiêu giao"] = line.Goal,
        ["Đạt được"] = line.Actual,
        ["Tỷ lệ"] = line.Share,
    };

    /// <summary>Excel's sheet names: at most 31 characters.</summary>
    private static string SheetName(string title) => title.Length <= 31 ? title : title[..31];
}
