using KhuyenCong.Application.Programmes;
using KhuyenCong.Application.Statistics;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Web.Answers;

/// <summary>The JSON of the statistics routes beside the figures (<c>StatisticsView</c>): programme targets and the recompute runs.</summary>
public static class StatisticsJson
{
    /// <summary>
    /// Each programme's targets with their progress, counted from the proposals assigned to it (one index partition per
    /// year of its period: bounded by the number of programmes, which is a handful per province).
    /// </summary>
    public static async Task<IReadOnlyList<object>> ProgrammeTargetsAsync(IProgrammeStore programmes, ProgrammeProgress progress, Language language,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(programmes);
        ArgumentNullException.ThrowIfNull(progress);
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

    /// <summary>The latest recomputes (newest first), with what each corrected.</summary>
    public static object Runs(IEnumerable<StatisticsRun> runs) => new
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
    };
}
