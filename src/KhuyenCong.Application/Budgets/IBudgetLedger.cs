using KhuyenCong.Domain.Budgets;

namespace KhuyenCong.Application.Budgets;

/// <summary>
/// The budget ledger: per year and funding source, the allocation, the money approvals committed and what finance
/// paid. Every change is idempotent (workflow activities run at least once) and correct under any concurrency.
/// Proposal and payment ids must be 1-200 characters without <c>/ \ # ?</c> or control characters.
/// </summary>
public interface IBudgetLedger
{
    /// <summary>The budget line; every amount 0 when nothing was allocated yet.</summary>
    Task<BudgetLine> GetAsync(BudgetKey key, CancellationToken cancellationToken);

    /// <summary>Sets the allocation (refused below 0 or below what is committed).</summary>
    Task<AllocationResult> SetAllocationAsync(BudgetKey key, long amount, string by, CancellationToken cancellationToken);

    /// <summary>
    /// Commits a proposal's approved amount (above 0). Idempotent: committing the same proposal again with the same
    /// amount returns the first result and changes nothing; with another amount, or after a release, it returns
    /// <see cref="CommitOutcome.AlreadyCommitted"/> and changes nothing.
    /// </summary>
    Task<CommitResult> CommitAsync(BudgetKey key, string proposalId, long amount, string by, CancellationToken cancellationToken);

    /// <summary>
    /// Commits like <see cref="CommitAsync"/> (idempotent by proposal) and grows the line's allocation by the same
    /// amount in the same write: money granted for this proposal (the Ministry's allocation of an included national
    /// proposal, an amount carried over from the year before). A crash and a retry never add the allocation twice.
    /// </summary>
    Task<CommitResult> CommitAllocatedAsync(BudgetKey key, string proposalId, long amount, string by, CancellationToken cancellationToken);

    /// <summary>
    /// Changes a proposal's commitment by <paramref name="delta"/> (not 0): up within the line's remaining money (or
    /// with the allocation, when <paramref name="allocates"/>), down never below what is paid. Idempotent by
    /// <paramref name="adjustmentId"/> (unique in the budget): a retried or concurrent call with the same id answers the
    /// first call's result and changes nothing more, whatever its own delta.
    /// </summary>
    Task<AdjustResult> AdjustAsync(BudgetKey key, string proposalId, string adjustmentId, long delta, bool allocates, string by, CancellationToken cancellationToken);

    /// <summary>
    /// Records a payment (above 0) of a proposal's commitment. Idempotent by <paramref name="paymentId"/> (unique in
    /// the budget): a payment id already recorded answers <see cref="PaymentOutcome.Duplicate"/> and changes nothing.
    /// </summary>
    Task<PaymentResult> RecordPaymentAsync(BudgetKey key, string proposalId, string paymentId, PaymentKind kind, long amount, string by, CancellationToken cancellationToken);

    /// <summary>
    /// Releases a proposal's commitment: Approved − Paid goes back to the budget and no more payments are taken.
    /// Idempotent: releasing again returns the first result.
    /// </summary>
    Task<ReleaseResult> ReleaseAsync(BudgetKey key, string proposalId, string by, CancellationToken cancellationToken);

    /// <summary>The proposal's commitment in the budget, or null when none was made.</summary>
    Task<Commitment?> GetCommitmentAsync(BudgetKey key, string proposalId, CancellationToken cancellationToken);
}

/// <summary>The outcome of <see cref="IBudgetLedger.SetAllocationAsync"/>: the line after the change, or as it is with the reason for refusing.</summary>
public sealed record AllocationResult(bool IsSet, BudgetLine Line, BudgetRefusal? Refusal);

public enum CommitOutcome
{
    /// <summary>The amount is committed (now, or by an earlier call with the same amount).</summary>
    Committed,

    /// <summary>Nothing changed: the budget's remaining amount is too small.</summary>
    InsufficientBudget,

    /// <summary>Nothing changed: the proposal already has a commitment with another amount, or a released one.</summary>
    AlreadyCommitted,
}

/// <param name="Outcome">What happened.</param>
/// <param name="Commitment">The proposal's commitment (the existing one for <see cref="CommitOutcome.AlreadyCommitted"/>); null when refused for budget.</param>
/// <param name="Remaining">The budget's remaining amount: right after the commitment for <see cref="CommitOutcome.Committed"/> (replays give the first answer), as read otherwise.</param>
/// <param name="Refusal">Why, when not <see cref="CommitOutcome.Committed"/>.</param>
public sealed record CommitResult(CommitOutcome Outcome, Commitment? Commitment, long Remaining, BudgetRefusal? Refusal);

public enum PaymentOutcome
{
    /// <summary>This call recorded the payment.</summary>
    Paid,

    /// <summary>Nothing changed: the payment would take the proposal's payments above its approved amount.</summary>
    ExceedsApproved,

    /// <summary>Nothing changed: this payment id was already recorded (by an earlier or a concurrent call).</summary>
    Duplicate,

    /// <summary>Nothing changed: the proposal has no commitment in this budget, or it was released.</summary>
    NotCommitted,
}

/// <summary>A recorded payment.</summary>
public sealed record BudgetPayment(string PaymentId, string ProposalId, PaymentKind Kind, long Amount, string By, DateTimeOffset At);

/// <param name="Outcome">What happened.</param>
/// <param name="Commitment">The proposal's commitment after the call, when it has one.</param>
/// <param name="Payment">The payment recorded under the id (for <see cref="PaymentOutcome.Duplicate"/>, the first one, which may differ from this call's).</param>
/// <param name="Refusal">Why, for <see cref="PaymentOutcome.ExceedsApproved"/> and <see cref="PaymentOutcome.NotCommitted"/>.</param>
public sealed record PaymentResult(PaymentOutcome Outcome, Commitment? Commitment, BudgetPayment? Payment, BudgetRefusal? Refusal);

/// <param name="IsAdjusted">True when the change is made (now, or by an earlier call with the same id).</param>
/// <param name="Commitment">The proposal's commitment as read after the call (null when it has none).</param>
/// <param name="Delta">The change the adjustment made (the first call's, on a replay).</param>
/// <param name="Refusal">Why not (<see cref="BudgetRefusalCodes.BelowPaid"/>, <see cref="BudgetRefusalCodes.InsufficientBudget"/>, <see cref="BudgetRefusalCodes.Released"/>, <see cref="BudgetRefusalCodes.NotCommitted"/>).</param>
public sealed record AdjustResult(bool IsAdjusted, Commitment? Commitment, long Delta, BudgetRefusal? Refusal);

public enum ReleaseOutcome
{
    /// <summary>The commitment is released (now, or by an earlier call).</summary>
    Released,

    /// <summary>Nothing changed: the proposal has no commitment in this budget.</summary>
    NotCommitted,
}

/// <param name="Outcome">What happened.</param>
/// <param name="Commitment">The released commitment.</param>
/// <param name="Returned">What went back to the budget (Approved − Paid at the release); the same on every replay.</param>
public sealed record ReleaseResult(ReleaseOutcome Outcome, Commitment? Commitment, long Returned);
