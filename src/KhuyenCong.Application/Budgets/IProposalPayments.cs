namespace KhuyenCong.Application.Budgets;

/// <summary>
/// The payments of one proposal as finance recorded them through the staff route, kept next to the proposal (the
/// ledger holds the money; this is the proposal's own list, and the one-final-payment rule).
/// </summary>
public interface IProposalPayments
{
    /// <summary>The proposal's recorded payments, oldest first.</summary>
    Task<IReadOnlyList<BudgetPayment>> ListAsync(string proposalId, CancellationToken cancellationToken);

    /// <summary>Whether the payment is listed (its route call finished: ledger, event, list).</summary>
    Task<bool> ContainsAsync(string proposalId, string paymentId, CancellationToken cancellationToken);

    /// <summary>Lists the payment (idempotent).</summary>
    Task AddAsync(BudgetPayment payment, CancellationToken cancellationToken);

    /// <summary>
    /// Reserves the proposal's single final payment for <paramref name="paymentId"/> (a conditional insert): true when
    /// reserved now or already reserved for this id, false when another payment id holds it.
    /// </summary>
    Task<bool> ClaimFinalAsync(string proposalId, string paymentId, CancellationToken cancellationToken);

    /// <summary>Frees the reservation of <paramref name="paymentId"/> (the ledger refused the payment).</summary>
    Task ReleaseFinalAsync(string proposalId, string paymentId, CancellationToken cancellationToken);
}
