using System.Diagnostics.CodeAnalysis;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Domain.Budgets;

/// <summary>Why a budget rule refused: a stable code (<see cref="BudgetRefusalCodes"/>) and the reason in Vietnamese and English.</summary>
public sealed record BudgetRefusal(string Code, string Vietnamese, string English)
{
    public string Message(Language language) => language == Language.English ? English : Vietnamese;
}

/// <summary>Stable codes of budget refusals, for clients and tests that must not depend on wording.</summary>
public static class BudgetRefusalCodes
{
    public const string AmountNotPositive = "amount-not-positive";
    public const string AllocationNegative = "allocation-negative";
    public const string BelowCommitted = "below-committed";
    public const string InsufficientBudget = "insufficient-budget";
    public const string ExceedsApproved = "exceeds-approved";
    public const string Released = "released";
    public const string NotCommitted = "not-committed";
    public const string AlreadyCommitted = "already-committed";
    public const string BelowPaid = "below-paid";
}

/// <summary>The outcome of a budget rule: the new state when allowed, otherwise the reason.</summary>
public sealed record BudgetDecision<T>
    where T : class
{
    private BudgetDecision(T? value, BudgetRefusal? refusal)
    {
        Value = value;
        Refusal = refusal;
    }

    /// <summary>The state after the change; set when <see cref="IsAllowed"/>.</summary>
    public T? Value { get; }

    /// <summary>Why the change was refused; set when not <see cref="IsAllowed"/>.</summary>
    public BudgetRefusal? Refusal { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Refusal))]
    public bool IsAllowed => Value is not null;

    public static BudgetDecision<T> Allow(T value) => new(value ?? throw new ArgumentNullException(nameof(value)), null);

    public static BudgetDecision<T> Refuse(BudgetRefusal refusal) => new(null, refusal ?? throw new ArgumentNullException(nameof(refusal)));
}
