using KhuyenCong.Domain.Budgets;
using KhuyenCong.Domain.Statistics;

namespace KhuyenCong.Application.Plans;

/// <summary>
/// The planned money beside a statistics filter (ADR 0032): per funding source, the allocation of its annual plans for
/// the filter's plan years (<see cref="PlannedMoney.YearsOf"/>), read from the plans and the budget ledger (a point read
/// of each per year and source, never the proposals). A source with neither a saved plan nor an allocation in any of
/// the years has no planned money (null, shown as "—"), unlike a plan of 0 đồng.
/// </summary>
public sealed class PlannedBudgets(AnnualPlans plans)
{
    /// <summary>The planned money for <paramref name="filter"/>, or null when plans do not apply to it.</summary>
    public async Task<PlannedMoney?> ForAsync(StatisticsFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (PlannedMoney.YearsOf(filter) is not { } years)
        {
            return null;
        }

        var sources = new List<SourcePlan>();
        foreach (var source in PlannedMoney.SourcesOf(filter))
        {
            var views = await Task.WhenAll(years.Select(year => plans.GetAsync(new BudgetKey(year, source), cancellationToken)));
            var planned = views.Where(v => v.Record is not null || v.Line.Allocated != 0).ToList();
            sources.Add(new SourcePlan(source, planned.Count == 0 ? null : planned.Sum(v => v.Line.Allocated)));
        }

        return new PlannedMoney(years, sources);
    }
}
