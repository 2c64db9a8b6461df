using KhuyenCong.Application.Budgets;
using KhuyenCong.Application.Common;
using KhuyenCong.Domain.Budgets;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Application.Plans;

/// <summary>A plan of one year and funding source as read: the saved plan (if any) with its budget line.</summary>
public sealed record PlanOfYear(BudgetKey Key, PlanView View);

/// <summary>A year's plans, one per funding source.</summary>
public sealed record PlansOfYear(int Year, IReadOnlyList<PlanOfYear> Plans);

/// <summary>
/// Reading annual plans with their budget lines (allocated, committed, paid, remaining) from the ledger: one plan, or
/// both funding sources' plans of a year (null where none was saved). Saving is <see cref="PlanSaving"/>.
/// </summary>
public sealed class AnnualPlans(IAnnualPlanStore store, IBudgetLedger ledger)
{
    public async Task<PlanView> GetAsync(BudgetKey key, CancellationToken cancellationToken)
    {
        var record = store.GetAsync(key, cancellationToken);
        var line = ledger.GetAsync(key, cancellationToken);
        return new PlanView(await record, await line);
    }

    /// <summary>One plan, its year and funding source as the route writes them.</summary>
    public async Task<Decision<PlanOfYear>> GetAsync(string? year, string? fundingSource, CancellationToken cancellationToken)
    {
        var errors = new BilingualErrors();
        return BudgetKeys.Parse(year, fundingSource, errors) is { } key
            ? Decision<PlanOfYear>.Done(new PlanOfYear(key, await GetAsync(key, cancellationToken)))
            : Decision<PlanOfYear>.Invalid(errors);
    }

    /// <summary>Both funding sources' plans of a year (the year as the query writes it): one partition query for the plans, one point read per budget line.</summary>
    public async Task<Decision<PlansOfYear>> ListAsync(string? year, CancellationToken cancellationToken)
    {
        var errors = new BilingualErrors();
        if (BudgetKeys.ParseYear(year, errors) is not { } parsed)
        {
            return Decision<PlansOfYear>.Invalid(errors);
        }

        var saved = await store.ListAsync(parsed, cancellationToken);
        var plans = new List<PlanOfYear>();
        foreach (var source in FundingSources.All)
        {
            var key = new BudgetKey(parsed, source.Value);
            plans.Add(new PlanOfYear(key, new PlanView(saved.FirstOrDefault(p => p.Plan.Key.FundingSource == source.Value), await ledger.GetAsync(key, cancellationToken))));
        }

        return Decision<PlansOfYear>.Done(new PlansOfYear(parsed, plans));
    }
}
