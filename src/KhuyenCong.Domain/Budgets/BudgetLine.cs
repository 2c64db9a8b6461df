namespace KhuyenCong.Domain.Budgets;

/// <summary>
/// The state of one budget: what was allocated, what approvals committed (paid money stays committed) and what was
/// paid. Amounts are whole VND.
/// </summary>
public sealed record BudgetLine(BudgetKey Key, long Allocated, long Committed, long Paid)
{
    /// <summary>What can still be committed: <see cref="Allocated"/> − <see cref="Committed"/>.</summary>
    public long Remaining => Allocated - Committed;

    /// <summary>A budget nobody has allocated yet: every amount 0.</summary>
    public static BudgetLine Empty(BudgetKey key) => new(key, 0, 0, 0);
}
