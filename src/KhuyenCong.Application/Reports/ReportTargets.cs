using KhuyenCong.Domain.Programmes;
using KhuyenCong.Domain.Statistics;

namespace KhuyenCong.Application.Reports;

/// <summary>
/// One programme target in a report: the programme, the target as decided, and what the report's proposals reached
/// (<paramref name="Actual"/>: null when the statistics cannot count it, see <see cref="ReportTargets"/>).
/// </summary>
public sealed record ReportTargetLine(string Programme, string Target, string Unit, long Goal, long? Actual)
{
    /// <summary>Actual ÷ goal, null when not counted or the goal is 0.</summary>
    public decimal? Share => Actual is { } a && Goal > 0 ? Math.Round((decimal)a / Goal, 4) : null;
}

/// <summary>
/// Programme targets and progress for a report (issue 15 line 2), from the same statistics cells as its other figures
/// (grouped by programme, a dimension of the cells: no read of proposals), so the dashboard with the same filters gives
/// the same numbers. Each target's measure (<see cref="ProgrammeMeasures"/>) maps to a cell measure: results are the
/// actual ones recorded at acceptance (models, products, trainees, jobs), proposals and amounts the approved and paid
/// ones. "machinery" counts approved proposals of two kinds, which the programme groups do not split: not counted here
/// (shown as "—"; the programme page counts it).
/// </summary>
public static class ReportTargets
{
    private static readonly Dictionary<string, string> CellMeasure = new(StringComparer.Ordinal)
    {
        ["demonstration-models"] = StatisticsMeasures.Models,
        ["typical-products"] = StatisticsMeasures.ProductsCertified,
        ["trainees"] = StatisticsMeasures.ActualTrainees,
        ["jobs"] = StatisticsMeasures.ActualJobs,
        ["proposals"] = StatisticsMeasures.ApprovedCount,
        ["approved-amount"] = StatisticsMeasures.Approved,
        ["paid-amount"] = StatisticsMeasures.Paid,
    };

    /// <summary>Every target of the programmes, with what the report's cells of that programme reached.</summary>
    public static IReadOnlyList<ReportTargetLine> Lines(IEnumerable<Programme> programmes, StatisticsReport report)
    {
        ArgumentNullException.ThrowIfNull(programmes);
        ArgumentNullException.ThrowIfNull(report);
        var byProgramme = report.ByProgramme.ToDictionary(g => g.Key, g => g.Measures, StringComparer.Ordinal);
        return programmes.SelectMany(p => p.Targets.Select(t => new ReportTargetLine(p.Name, t.NameVi, t.Unit, t.Target,
            CellMeasure.TryGetValue(t.Code, out var measure) ? (byProgramme.TryGetValue(p.Id, out var m) ? m[measure] : 0) : null))).ToList();
    }
}
