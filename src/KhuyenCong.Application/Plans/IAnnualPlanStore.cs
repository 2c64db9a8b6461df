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
