using KhuyenCong.Application.Statistics;
using KhuyenCong.Domain.Statistics;
using KhuyenCong.Domain.Text;
using KhuyenCong.Functions.Http;
using KhuyenCong.Web.Answers;
using KhuyenCong.Web.Http;
using KhuyenCong.Web.Pages.Dashboard;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace KhuyenCong.Functions.Statistics;

/// <summary>
/// Statistics for staff: <c>GET /api/stats</c> (figures), <c>GET /api/stats/export</c> (CSV or Excel),
/// <c>GET /api/stats/runs</c> (the nightly recomputes), and the nightly timer that recomputes every aggregate from the
/// records. The page is <see cref="DashboardPageFunction"/>.
/// </summary>
public sealed partial class StatisticsFunctions(
    IStatisticsStore statistics,
    StaffEndpoint staff,
    KhuyenCong.Application.Programmes.IProgrammeStore programmes,
    KhuyenCong.Application.Programmes.ProgrammeProgress progress,
    KhuyenCong.Application.Plans.PlannedBudgets plans,
    ILogger<StatisticsFunctions> logger)
{
    /// <summary><c>GET /api/stats?from=&amp;to=&amp;fundingSource=&amp;province=&amp;commune=&amp;kind=&amp;sector=</c>.</summary>
    [Function(nameof(GetStatistics))]
    public Task<IActionResult> GetStatistics(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/stats")] HttpRequest request,
        CancellationToken cancellationToken) =>
        staff.ReadAsync(request, null, c => GetStatisticsAsync(c, cancellationToken));

    private async Task<IActionResult> GetStatisticsAsync(StaffRequest c, CancellationToken cancellationToken)
    {
        var (request, language) = (c.Http, c.Language);
        var errors = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var filter = StatisticsFilter.Parse(name => request.Query[name].ToString(), language, errors);
        if (errors.Count > 0)
        {
            return Problems.Fields(errors, language);
        }

        var report = StatisticsReport.From(await statistics.QueryAsync(filter, cancellationToken));
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        // Target progress reads the proposals assigned to each programme (the year index), so its cost grows with them:
        // only on request, to keep the default read bounded by the aggregates.
        var targets = string.Equals(request.Query["include"], "programmeTargets", StringComparison.Ordinal)
            ? await StatisticsJson.ProgrammeTargetsAsync(programmes, progress, language, cancellationToken)
            : null;
        return new OkObjectResult(StatisticsView.Json(report, filter, language, targets, await plans.ForAsync(filter, cancellationToken)));
    }

    /// <summary>
    /// <c>GET /api/stats/export?format=csv|xlsx&amp;variant=data|report</c> with the filters of <c>GET /api/stats</c>
    /// (<see cref="ExportVariant"/>: data for machines, report with Vietnamese labels and grouped amounts).
    /// </summary>
    [Function(nameof(ExportStatistics))]
    public Task<IActionResult> ExportStatistics(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/stats/export")] HttpRequest request,
        CancellationToken cancellationToken) =>
        staff.ReadAsync(request, null, c => ExportStatisticsAsync(c, cancellationToken));

    private async Task<IActionResult> ExportStatisticsAsync(StaffRequest c, CancellationToken cancellationToken)
    {
        var (request, language) = (c.Http, c.Language);
        var errors = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var filter = StatisticsFilter.Parse(name => request.Query[name].ToString(), language, errors);
        var export = SpreadsheetExport.Parse(request.Query, language, errors);
        if (errors.Count > 0)
        {
            return Problems.Fields(errors, language);
        }

        // The report variant is for the province's printed reports: Vietnamese labels whatever the page's language.
        var labels = export.Variant == ExportVariant.Report ? Language.Vietnamese : language;
        var report = StatisticsReport.From(await statistics.QueryAsync(filter, cancellationToken));
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        return await export.FileAsync(StatisticsView.ExportHeader(labels), StatisticsView.ExportRows(report, labels),
            new Bilingual("Thống kê", "Statistics").In(labels), "thong-ke-khuyen-cong", cancellationToken);
    }

    /// <summary><c>GET /api/stats/runs</c>: the latest recomputes (newest first), with what each corrected.</summary>
    [Function(nameof(ListStatisticsRuns))]
    public Task<IActionResult> ListStatisticsRuns(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/stats/runs")] HttpRequest request,
        CancellationToken cancellationToken) =>
        staff.ReadAsync(request, null, c => ListStatisticsRunsAsync(c, cancellationToken));

    private async Task<IActionResult> ListStatisticsRunsAsync(StaffRequest c, CancellationToken cancellationToken)
    {
        var runs = await statistics.ListRunsAsync(30, cancellationToken);
        c.NoStore();
        return new OkObjectResult(StatisticsJson.Runs(runs));
    }

    /// <summary>
    /// Nightly (setting <c>Statistics__RecomputeSchedule</c>, default 19:00 UTC = 02:00 in Vietnam): recomputes every
    /// contribution and cell from the records and corrects drift. Idempotent: a second run finds nothing to correct.
    /// </summary>
    [Function(nameof(RecomputeStatistics))]
    public async Task RecomputeStatistics([TimerTrigger("%Statistics__RecomputeSchedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        var run = await statistics.RecomputeAsync(timer.IsPastDue ? "timer-past-due" : "timer", cancellationToken);
        LogRun(logger, run.Id, run.ContributionsCorrected, run.CellsCorrected);
    }

    [LoggerMessage(EventId = 5101, Level = LogLevel.Information, Message = "Statistics run {RunId}: {Contributions} contributions and {Cells} cells corrected")]
    private static partial void LogRun(ILogger logger, string runId, int contributions, int cells);
}
