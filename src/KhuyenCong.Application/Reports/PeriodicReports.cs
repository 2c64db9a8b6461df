using KhuyenCong.Application.Common;
using KhuyenCong.Application.Documents;
using KhuyenCong.Application.Statistics;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Reports;
using KhuyenCong.Domain.Statistics;
using KhuyenCong.Domain.Text;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Application.Reports;

/// <summary>A made report: the file, its name and type, and the dashboard's query that shows the same figures.</summary>
public sealed record ReportFile(byte[] Content, string FileName, string ContentType, string DashboardQuery);

/// <summary>
/// The periodic report to the Ministry or the People's Committee (issue 15 line 2; ADR 0024): for the officer's period
/// and basis (decision date in the period, or the period's plan year) and the dashboard's filters, the figures are
/// summed from the statistics store's cells (never a read of the proposals), beside the plans' money of the period's
/// year (ADR 0032: a point read per source of the plans and the budget ledger), then written as DOCX through the document
/// engine (the current <c>periodic-report</c> template) or as XLSX. Made in memory and answered; nothing is stored.
/// </summary>
public sealed class PeriodicReports(
    IStatisticsStore statistics,
    Programmes.IProgrammeStore programmes,
    Plans.PlannedBudgets plans,
    PeriodicReportDocument kind,
    DocumentTemplates templates,
    IDocxTemplates docx,
    IReportWorkbook workbook,
    IOptions<DocumentsOptions> options,
    TimeProvider time)
{
    public const string DocxContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The request's own parameters, beside the period's and the dashboard's filters.</summary>
    public static IReadOnlyList<string> ParameterNames { get; } = ["recipient", "basis", "format"];

    /// <summary>The report's figures for raw query or form values (the page's preview); invalid values are refused naming their field.</summary>
    public async Task<Decision<ReportPreview>> FiguresAsync(Func<string, string?> get, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(get);
        var request = ReportRequest.Parse(get);
        if (request.Errors is not null)
        {
            return Decision<ReportPreview>.Invalid(request.Errors);
        }

        var report = StatisticsReport.From(await statistics.QueryAsync(request.Filter!, cancellationToken));
        var planned = await plans.ForAsync(request.Filter!, cancellationToken);
        var targets = ReportTargets.Lines((await programmes.ListAsync(cancellationToken)).Select(r => r.Programme), report);
        return Decision<ReportPreview>.Done(new ReportPreview(
            PeriodicReportFigures.From(request.Period!, request.Basis, report, planned).WithTargets(targets), Recipient(request.Recipient), request.Format, request.FilterText,
            ReportRequest.DashboardQuery(request.Filter!)));
    }

    /// <summary>Makes the report (DOCX or XLSX) from raw query or form values; invalid values are refused naming their field.</summary>
    public async Task<Decision<ReportFile>> MakeAsync(Func<string, string?> get, CancellationToken cancellationToken)
    {
        var preview = await FiguresAsync(get, cancellationToken);
        return preview.IsDone ? Decision<ReportFile>.Done(await WriteAsync(preview.Value!, cancellationToken)) : preview.Refusal<ReportFile>();
    }

    private async Task<ReportFile> WriteAsync(ReportPreview preview, CancellationToken cancellationToken)
    {
        var figures = preview.Figures;
        if (preview.Format == "xlsx")
        {
            var heading = "Báo cáo công tác khuyến công " + figures.Period.Title.Vietnamese + " (" + figures.Period.Range.Vietnamese + ") — Kính gửi: " + preview.Recipient;
            return new ReportFile(workbook.Write(figures, heading), FileName(figures.Period, ".xlsx"), XlsxContentType, preview.DashboardQuery);
        }

        var today = VietnamTime.Today(time);
        var number = "…/" + CommonPlaceholders.Symbol(kind.Info, options.Value);
        var values = CommonPlaceholders.Values(kind.Info, options.Value, number, today).Merge(ReportValues.Of(figures, preview.Recipient, preview.FilterText));
        var template = await templates.CurrentAsync(kind, cancellationToken);
        return new ReportFile(docx.Render(template.Content, values), FileName(figures.Period, ".docx"), DocxContentType, preview.DashboardQuery);
    }

    /// <summary>"Bộ Công Thương (Cục …)" or "Ủy ban nhân dân tỉnh Hưng Yên".</summary>
    public string Recipient(ReportRecipient recipient) => recipient == ReportRecipient.Ministry
        ? "Bộ Công Thương (Cục Đổi mới sáng tạo, Chuyển đổi xanh và Khuyến công)"
        : "Ủy ban nhân dân tỉnh " + options.Value.Place;

    /// <summary>"bao-cao-khuyen-cong-six-month-2018-12-15-2019-06-14.docx".</summary>
    private string FileName(ReportingPeriod period, string extension) =>
        string.Join('-', kind.Info.FileStem, period.Code, StatisticsCellKey.DecidedCode(period.From), StatisticsCellKey.DecidedCode(period.To)) + extension;
}

/// <summary>The figures of a report request, to whom it goes, its format, its filters in words and the dashboard's query for the same figures.</summary>
public sealed record ReportPreview(PeriodicReportFigures Figures, string Recipient, string Format, string FilterText, string DashboardQuery);

/// <summary>Writes a report's figures as an Excel workbook (one sheet per table, and the totals).</summary>
public interface IReportWorkbook
{
    byte[] Write(PeriodicReportFigures figures, string heading);
}
