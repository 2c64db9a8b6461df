using KhuyenCong.Domain.Budgets;
using KhuyenCong.Domain.Plans;

namespace KhuyenCong.Application.Plans;

/// <summary>The changes of an approved plan as stored, with the version a conditional write must match (null: none stored yet).</summary>
public sealed record StoredPlanChanges(PlanChanges Changes, string? Version);

/// <summary>
/// The adjustments and the carry-over of each plan (table <c>PlanChanges</c>, one row per year and funding source):
/// every change is one write conditional on the row's version, so of two concurrent decisions on one plan one is stored.
/// </summary>
public interface IPlanChangeStore
{
    Task<StoredPlanChanges> GetAsync(BudgetKey key, CancellationToken cancellationToken);

    /// <summary>Stores <paramref name="changes"/> while the row is still at <paramref name="expectedVersion"/>; false, and nothing changes, otherwise.</summary>
    Task<bool> SaveAsync(BudgetKey key, PlanChanges changes, string? expectedVersion, CancellationToken cancellationToken);
}
