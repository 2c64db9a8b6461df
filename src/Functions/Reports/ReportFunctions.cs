using KhuyenCong.Application.Reports;
using KhuyenCong.Functions.Http;
using KhuyenCong.Web.Http;
using KhuyenCong.Web.Pages.Reports;
using KhuyenCong.Web.Pages.Staff;
using KhuyenCong.Web.Rendering;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace KhuyenCong.Functions.Reports;

/// <summary>
/// Periodic reports for staff (issue 15 lines 2-3; ADR 0024): <c>GET /api/reports/periodic</c> (the DOCX or XLSX
/// file) and <c>GET /reports</c> (the "Báo cáo" page: the period, the figures, the downloads). Adapters of
/// <see cref="PeriodicReports"/> through <see cref="StaffEndpoint"/>; nothing is stored.
/// </summary>
public sealed class ReportFunctions(PeriodicReports reports, StaffEndpoint staff, PageRenderer pages)
{
    /// <summary><c>GET /api/reports/periodic?period=six-month&amp;year=2019&amp;basis=&amp;recipient=&amp;format=docx|xlsx</c> and the dashboard's filters.</summary>
    [Function(nameof(GetPeriodicReport))]
    public Task<IActionResult> GetPeriodicReport(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/reports/periodic")] HttpRequest request,
        CancellationToken cancellationToken) =>
        staff.ReadAsync(request, null, async c =>
        {
            var decision = await reports.MakeAsync(name => c.Http.Query[name].ToString(), cancellationToken);
            c.NoStore();
            return decision.Answer(c.Language, file => new FileContentResult(file.Content, file.ContentType) { FileDownloadName = file.FileName });
        });

    /// <summary><c>GET /reports</c> (staff page): with no period chosen, the form; with one, its figures and downloads; 400 with the errors beside their fields.</summary>
    [Function(nameof(ShowReports))]
    public Task<IActionResult> ShowReports(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "reports")] HttpRequest request,
        CancellationToken cancellationToken) =>
        staff.PageAsync(request, async c =>
        {
            var query = c.Http.Query;
            var values = ReportsPageModel.ParameterNames.ToDictionary(n => n, n => query[n].ToString().Trim(), StringComparer.Ordinal);
            var chosen = values.Any(v => v.Value.Length > 0);
            var decision = chosen ? await reports.FiguresAsync(name => query[name].ToString(), cancellationToken) : null;
            var errors = decision?.Errors?.In(c.Language) ?? new Dictionary<string, IReadOnlyList<string>>();
            var model = new ReportsPageModel(decision?.Value, values, errors, StaffLinks.From(c.Http, c.Language));
            return await pages.PageAsync<ReportsPage, ReportsPageModel>(c.Http, c.Language, model,
                PageOptions.Standard with { StatusCode = errors.Count > 0 ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK, CacheControl = "no-store" });
        });
}
