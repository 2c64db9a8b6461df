using KhuyenCong.Application.Programmes;
using KhuyenCong.Domain.Budgets;
using KhuyenCong.Domain.Programmes;
using KhuyenCong.Domain.Proposals;

namespace KhuyenCong.Application.Plans;

/// <summary>One funding source's plan of a year, with its budget line.</summary>
public sealed record FundingSourcePlan(BudgetKey Key, PlanView View);

/// <summary>The plans of one year, one per funding source (in the catalogue's order), and the programmes a plan may belong to.</summary>
public sealed record AnnualPlanYear(int Year, IReadOnlyList<FundingSourcePlan> Plans, IReadOnlyList<ProgrammeRecord> Programmes);

/// <summary>The staff's view of a year's plans: each funding source's plan and budget line, and every programme.</summary>
public sealed class AnnualPlanOverview(AnnualPlans plans, IProgrammeStore programmes)
{
    /// <summary>The plans of <paramref name="year"/> (a valid budget year) with their budget lines, and the programmes.</summary>
    public async Task<AnnualPlanYear> ForYearAsync(int year, CancellationToken cancellationToken)
    {
        var keys = FundingSources.All.Select(source => new BudgetKey(year, source.Value)).ToList();
        var views = keys.Select(key => plans.GetAsync(key, cancellationToken)).ToList();
        var all = programmes.ListAsync(cancellationToken);
        await Task.WhenAll(views);
        return new AnnualPlanYear(year, keys.Select((key, i) => new FundingSourcePlan(key, views[i].Result)).ToList(), await all);
    }
}
