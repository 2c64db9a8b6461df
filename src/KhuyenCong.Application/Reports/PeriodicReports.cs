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
/// The periodic report to the Ministry or the People's Committee (issue 15 line 2; ADR 0025): for the officer's period
/// and basis (decision date in the period, or the period's plan year) and the dashboard's filters, the figures are
/// summed from the statistics store's cells (never a read of the proposals), then written as DOCX through the document
/// engine (the current <c>periodic-report</c> template) or as XLSX. Made in memory and answered; nothing is stored.
/// </summary>
public sealed class PeriodicReports(
    IStatisticsStore statistics,
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

    /// <summary>Makes the report from raw query or form values; every invalid value is refused naming its field.</summary>
    public async Task<Decision<ReportFile>> MakeAsync(Func<string, string?> get, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(get);
        var request = ReportRequest.Parse(get);
        if (request.Errors is not null)
        {
            return Decision<ReportFile>.Invalid(request.Errors);
        }

        var figures = PeriodicReportFigures.From(request.Period!, request.Basis, StatisticsReport.From(await statistics.QueryAsync(request.Filter!, cancellationToken)));
        var query = ReportRequest.DashboardQuery(request.Filter!);
        if (request.Format == "xlsx")
        {
            return Decision<ReportFile>.Done(new ReportFile(workbook.Write(figures, Heading(request)), FileName(request, ".xlsx"), XlsxContentType, query));
        }

        var today = VietnamTime.Today(time);
        var number = "…/" + CommonPlaceholders.Symbol(kind.Info, options.Value);
        var values = CommonPlaceholders.Values(kind.Info, options.Value, number, today).Merge(ReportValues.Of(figures, Recipient(request.Recipient), request.FilterText));
        var template = await templates.CurrentAsync(kind, cancellationToken);
        return Decision<ReportFile>.Done(new ReportFile(docx.Render(template.Content, values), FileName(request, ".docx"), DocxContentType, query));
    }

    /// <summary>"Bộ Công Thương (Cục …)" or "Ủy ban nhân dân tỉnh Hưng Yên".</summary>
    public string Recipient(ReportRecipient recipient) => recipient == ReportRecipient.Ministry
        ? "Bộ Công Thương (Cục Đổi mới sáng tạo, Chuyển đổi xanh và Khuyến công)"
        : "Ủy ban nhân dân tỉnh " + options.Value.Place;

    private string Heading(ReportRequest request) =>
        "Báo cáo công tác khuyến công " + request.Period!.Title.Vietnamese + " (" + request.Period.Range.Vietnamese + ") — Kính gửi: " + Recipient(request.Recipient);

    /// <summary>"bao-cao-khuyen-cong-six-month-2018-12-15-2019-06-14.docx".</summary>
    private string FileName(ReportRequest request, string extension) =>
        string.Join('-', kind.Info.FileStem, request.Period!.Code, StatisticsCellKey.DecidedCode(request.Period.From), StatisticsCellKey.DecidedCode(request.Period.To)) + extension;
}

/// <summary>Writes a report's figures as an Excel workbook (one sheet per table, and the totals).</summary>
public interface IReportWorkbook
{
    byte[] Write(PeriodicReportFigures figures, string heading);
}
