using KhuyenCong.Domain.Proposals;

namespace KhuyenCong.Domain.Statistics;

/// <summary>One funding source's planned money: the budget of its annual plans for the years, or null where no plan was set.</summary>
public sealed record SourcePlan(FundingSource Source, long? Planned);

/// <summary>
/// The planned money (kinh phí kế hoạch) beside a statistics filter's figures (issue 15 line 2, ADR 0032): for each funding
/// source in the filter, the budget of its annual plans (the budget ledger's allocation, adjustments included) of the
/// filter's plan years. A plan is per year and source only, so a filter narrowed by kind, place or sector has no planned
/// money (<see cref="YearsOf"/> answers null), nor has a filter without bounded years.
/// </summary>
public sealed record PlannedMoney(IReadOnlyList<int> Years, IReadOnlyList<SourcePlan> Sources)
{
    /// <summary>The most plan years read for one filter (two point reads per year and source).</summary>
    public const int MaxYears = 30;

    /// <summary>Every source's planned money, or null when no source has a plan for the years.</summary>
    public long? Total => Sources.All(s => s.Planned is null) ? null : Sources.Sum(s => s.Planned ?? 0);

    /// <summary>The planned money of one source (null when it has no plan or is outside the filter).</summary>
    public long? Of(FundingSource source) => Sources.FirstOrDefault(s => s.Source == source)?.Planned;

    /// <summary>"2019" or "2018–2020".</summary>
    public string YearsText => Years.Count == 1 ? Years[0].ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{Years[0]}–{Years[^1]}";

    /// <summary>
    /// The plan years whose plans stand beside the filter's figures, or null when none do: a reporting period by decision
    /// date → its year (the year it ends, as its title says: "6 tháng đầu năm 2019"); years from..to, both given, at most
    /// <see cref="MaxYears"/> → those years; a payment period alone → its year. Null when the filter narrows by kind,
    /// province, commune or sector (plans are not split that way) or has unbounded years.
    /// </summary>
    public static IReadOnlyList<int>? YearsOf(StatisticsFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (filter.Kind is not null || filter.Province is not null || filter.Commune is not null || filter.Sector is not null)
        {
            return null;
        }

        if ((filter.Decided ?? (filter.From is null && filter.To is null ? filter.PaidIn : null)) is { } period)
        {
            return [period.Year];
        }

        return filter is { From: { } from, To: { } to } && to >= from && to - from < MaxYears
            ? Enumerable.Range(from, to - from + 1).ToList()
            : null;
    }

    /// <summary>
    /// The funding sources' codes a "money by source" table lists, in the catalogue's order: those with proposals in the
    /// figures (<paramref name="reported"/>), and, when plans apply, every source of the filter (a plan without proposals is still a line).
    /// </summary>
    public static IReadOnlyList<string> SourceLines(IEnumerable<string> reported, PlannedMoney? planned)
    {
        ArgumentNullException.ThrowIfNull(reported);
        var codes = reported.ToList();
        var all = FundingSources.All.Select(s => s.Value.ToCode()).ToList();
        var withPlans = planned?.Sources.Select(s => s.Source.ToCode()).ToList() ?? [];
        return all.Where(code => codes.Contains(code) || withPlans.Contains(code)).Concat(codes.Where(c => !all.Contains(c))).ToList();
    }

    /// <summary>The planned money of the source with this code, or null.</summary>
    public long? Of(string code) => FundingSources.TryParse(code, out var source) ? Of(source) : null;

    /// <summary>The funding sources the filter covers, in the catalogue's order.</summary>
    public static IReadOnlyList<FundingSource> SourcesOf(StatisticsFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return FundingSources.All.Select(s => s.Value).Where(s => filter.FundingSource is null || filter.FundingSource == s).ToList();
    }
}
