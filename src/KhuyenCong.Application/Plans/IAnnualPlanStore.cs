using KhuyenCong.Application.Budgets;
using KhuyenCong.Application.Programmes;
using KhuyenCong.Domain.Budgets;
using KhuyenCong.Domain.Plans;

namespace KhuyenCong.Application.Plans;

/// <summary>The annual plans (table <c>AnnualPlans</c>, see docs/storage.md).</summary>
public interface IAnnualPlanStore
{
    Task<AnnualPlanRecord?> GetAsync(BudgetKey key, CancellationToken cancellationToken);

    /// <summary>The plans of one year (both funding sources where they exist).</summary>
    Task<IReadOnlyList<AnnualPlanRecord>> ListAsync(int year, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the plan when its stored version is still <paramref name="expectedVersion"/> (0: no plan yet), as one
    /// conditional write; otherwise <see cref="SaveOutcome.Stale"/> and nothing changes.
    /// </summary>
    Task<(SaveOutcome Outcome, AnnualPlanRecord? Record)> WriteAsync(AnnualPlan plan, int expectedVersion, string by, CancellationToken cancellationToken);

    /// <summary>Undoes <paramref name="written"/> (puts <paramref name="previous"/> back, or removes the plan) if nobody wrote after it.</summary>
    Task RevertAsync(AnnualPlanRecord written, AnnualPlanRecord? previous, CancellationToken cancellationToken);
}

/// <summary>A plan with its budget line (allocated, committed, paid, remaining) from the ledger.</summary>
public sealed record PlanView(AnnualPlanRecord? Record, BudgetLine Line);

public enum PlanSaveOutcome
{
    Saved,
    Stale,
    BelowCommitted,
}

public sealed record PlanSaveResult(PlanSaveOutcome Outcome, PlanView? View, BudgetRefusal? Refusal);

/// <summary>
/// Saving a plan: the plan's budget is the ledger's allocation for its year and funding source. The plan row is
/// written first (conditional on the version the user edited), then the allocation; when the ledger refuses (below
/// what is committed), the plan row is put back, so a refused save changes nothing.
/// </summary>
public sealed class AnnualPlans(IAnnualPlanStore store, IBudgetLedger ledger)
{
    public async Task<PlanView> GetAsync(BudgetKey key, CancellationToken cancellationToken)
    {
        var record = store.GetAsync(key, cancellationToken);
        var line = ledger.GetAsync(key, cancellationToken);
        return new PlanView(await record, await line);
    }

    public async Task<PlanSaveResult> SaveAsync(AnnualPlan plan, int expectedVersion, string by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var previous = await store.GetAsync(plan.Key, cancellationToken);
        if ((previous?.Version ?? 0) != expectedVersion)
        {
            return new PlanSaveResult(PlanSaveOutcome.Stale, null, null);
        }

        var check = BudgetRules.SetAllocation(await ledger.GetAsync(plan.Key, cancellationToken), plan.Budget);
        if (!check.IsAllowed)
        {
            return new PlanSaveResult(PlanSaveOutcome.BelowCommitted, null, check.Refusal);
        }

        var (outcome, written) = await store.WriteAsync(plan, expectedVersion, by, cancellationToken);
        if (outcome != SaveOutcome.Saved)
        {
            return new PlanSaveResult(PlanSaveOutcome.Stale, null, null);
        }

        var allocation = await ledger.SetAllocationAsync(plan.Key, plan.Budget, by, cancellationToken);
        if (!allocation.IsSet)
        {
            // A commitment came in between the check and the allocation: undo the plan row, report the refusal.
            await store.RevertAsync(written!, previous, CancellationToken.None);
            return new PlanSaveResult(PlanSaveOutcome.BelowCommitted, null, allocation.Refusal);
        }

        return new PlanSaveResult(PlanSaveOutcome.Saved, new PlanView(written, allocation.Line), null);
    }
}
