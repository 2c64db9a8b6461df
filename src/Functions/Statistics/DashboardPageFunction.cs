using KhuyenCong.Application.Documents;
using KhuyenCong.Application.Plans;
using KhuyenCong.Application.Statistics;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Statistics;
using KhuyenCong.Functions.Http;
using KhuyenCong.Web.Http;
using KhuyenCong.Web.Pages.Dashboard;
using KhuyenCong.Web.Pages.Staff;
using KhuyenCong.Web.Rendering;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using DashboardPageComponent = KhuyenCong.Web.Pages.Dashboard.DashboardPage;

namespace KhuyenCong.Functions.Statistics;

/// <summary>
/// <c>GET /dashboard</c> (staff): the statistics page, with the filters of <c>GET /api/stats</c>, and its print view.
/// Opened without any filter, it shows the current plan year (Vietnam time); the form's empty years show every year.
/// </summary>
public sealed class DashboardPageFunction(IStatisticsStore statistics, PlannedBudgets plans, StaffEndpoint staff, PageRenderer pages, IOptions<DocumentsOptions> documents, TimeProvider time)
{
    /// <summary><c>GET /dashboard?from=&amp;to=&amp;fundingSource=&amp;province=&amp;commune=&amp;kind=&amp;sector=&amp;print=1</c>.</summary>
    [Function(nameof(ShowDashboard))]
    public Task<IActionResult> ShowDashboard(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "dashboard")] HttpRequest request,
        CancellationToken cancellationToken) =>
        staff.PageAsync(request, c => ShowDashboardAsync(c, cancellationToken));

    private async Task<IActionResult> ShowDashboardAsync(StaffRequest c, CancellationToken cancellationToken)
    {
        var query = c.Http.Query;
        var today = VietnamTime.Today(time);
        var asked = StatisticsFilter.ParameterNames.Any(query.ContainsKey);
        string Get(string name) => asked ? query[name].ToString().Trim()
            : name is "from" or "to" ? today.Year.ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty;

        var errors = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var filter = StatisticsFilter.Parse(Get, c.Language, errors);
        var report = errors.Count > 0 ? null : StatisticsReport.From(await statistics.QueryAsync(filter, cancellationToken));
        var planned = report is null ? null : await plans.ForAsync(filter, cancellationToken);
        var values = StatisticsFilter.ParameterNames.ToDictionary(n => n, Get, StringComparer.Ordinal);
        var centre = documents.Value.Centre;
        var heading = new PrintHeading(centre.Superior, centre.Name, documents.Value.Place, today);
        var model = new DashboardPageModel(report, values, errors, Print: query["print"] == "1", StaffLinks.From(c.Http, c.Language), heading) { Planned = planned };
        return await pages.PageAsync<DashboardPageComponent, DashboardPageModel>(c.Http, c.Language, model,
            PageOptions.Standard with { StatusCode = report is null ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK });
    }
}
