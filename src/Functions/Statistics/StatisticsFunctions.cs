using System.Text;
using KhuyenCong.Application.Export;
using KhuyenCong.Application.Statistics;
using KhuyenCong.Domain.Statistics;
using KhuyenCong.Domain.Text;
using KhuyenCong.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using MiniExcelLibs;
using KhuyenCong.Web.Http;
using KhuyenCong.Web.Pages.Dashboard;

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
            ? await ProgrammeTargetsAsync(language, cancellationToken)
            : null;
        return new OkObjectResult(StatisticsView.Json(report, filter, language, targets));
    }

    /// <summary>
    /// Each programme's targets with their progress, counted from the proposals assigned to it (one index partition per
    /// year of its period: bounded by the number of programmes, which is a handful per province).
    /// </summary>
    private async Task<IReadOnlyList<object>> ProgrammeTargetsAsync(Language language, CancellationToken cancellationToken)
    {
        var result = new List<object>();
        foreach (var record in await programmes.ListAsync(cancellationToken))
        {
            var (targets, proposals) = await progress.ComputeAsync(record.Programme, cancellationToken);
            result.Add(new
            {
                id = record.Programme.Id,
                name = record.Programme.Name,
                fromYear = record.Programme.FromYear,
                toYear = record.Programme.ToYear,
                proposals,
                targets = targets.Select(t => new
                {
                    code = t.Target.Code,
                    name = new Bilingual(t.Target.NameVi, t.Target.NameEn).In(language),
                    unit = t.Target.Unit,
                    target = t.Target.Target,
                    actual = t.Actual,
                    percent = t.Percent,
                }),
            });
        }

        return result;
    }

    /// <summary><c>GET /api/stats/export?format=csv|xlsx</c> with the filters of <c>GET /api/stats</c>.</summary>
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
        var format = request.Query["format"].ToString().Trim().ToLowerInvariant();
        if (format.Length == 0)
        {
            format = "csv";
        }

        if (format is not ("csv" or "xlsx"))
        {
            errors["format"] = [new Bilingual("'format' (định dạng) phải là csv hoặc xlsx.", "'format' must be csv or xlsx.").In(language)];
        }

        if (errors.Count > 0)
        {
            return Problems.Fields(errors, language);
        }

        var report = StatisticsReport.From(await statistics.QueryAsync(filter, cancellationToken));
        var header = StatisticsView.ExportHeader(language);
        var rows = StatisticsView.ExportRows(report, language);
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        if (format == "csv")
        {
            var csv = new StringBuilder();
            csv.AppendJoin(',', header.Select(SpreadsheetCells.CsvField)).Append("\r\n");
            foreach (var row in rows)
            {
                csv.AppendJoin(',', row.Select(SpreadsheetCells.CsvField)).Append("\r\n");
            }

            var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray();
            return new FileContentResult(bytes, "text/csv; charset=utf-8") { FileDownloadName = "thong-ke-khuyen-cong.csv" };
        }

        var sheet = rows.Select(row =>
        {
            var line = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < header.Count; i++)
            {
                line[header[i]] = SpreadsheetCells.Value(row[i]);
            }

            return line;
        }).ToList();
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(sheet, sheetName: new Bilingual("Thống kê", "Statistics").In(language), excelType: ExcelType.XLSX, cancellationToken: cancellationToken);
        return new FileContentResult(stream.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        {
            FileDownloadName = "thong-ke-khuyen-cong.xlsx",
        };
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
        return new OkObjectResult(new
        {
            runs = runs.Select(r => new
            {
                r.Id,
                r.StartedAt,
                r.FinishedAt,
                r.Outcome,
                r.Trigger,
                r.Years,
                r.Proposals,
                r.ContributionsCorrected,
                r.CellsCorrected,
                r.CellsRemoved,
                r.Error,
            }),
        });
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
