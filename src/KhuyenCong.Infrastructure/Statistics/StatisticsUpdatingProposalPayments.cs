using KhuyenCong.Application.Budgets;
using KhuyenCong.Application.Statistics;
using Microsoft.Extensions.Logging;

namespace KhuyenCong.Infrastructure.Statistics;

/// <summary>
/// Keeps the payment cells up to date (ADR 0029): a payment listed on a proposal dates its money, so after each listing
/// the proposal's contribution is refreshed, as <see cref="StatisticsUpdatingProposalRepository"/> does after a write of
/// the proposal. A failed refresh is logged and left to the nightly recompute; the payment stands.
/// </summary>
public sealed partial class StatisticsUpdatingProposalPayments(IProposalPayments inner, IStatisticsStore statistics, ILogger<StatisticsUpdatingProposalPayments> logger)
    : IProposalPayments
{
    public async Task AddAsync(BudgetPayment payment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payment);
        await inner.AddAsync(payment, cancellationToken);
        try
        {
            await statistics.RefreshAsync(payment.ProposalId, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogRefreshFailed(logger, payment.ProposalId, ex.GetType().Name);
        }
    }

    public Task<IReadOnlyList<BudgetPayment>> ListAsync(string proposalId, CancellationToken cancellationToken) => inner.ListAsync(proposalId, cancellationToken);

    public Task<bool> ContainsAsync(string proposalId, string paymentId, CancellationToken cancellationToken) => inner.ContainsAsync(proposalId, paymentId, cancellationToken);

    public Task<bool> ClaimFinalAsync(string proposalId, string paymentId, CancellationToken cancellationToken) => inner.ClaimFinalAsync(proposalId, paymentId, cancellationToken);

    public Task ReleaseFinalAsync(string proposalId, string paymentId, CancellationToken cancellationToken) => inner.ReleaseFinalAsync(proposalId, paymentId, cancellationToken);

    [LoggerMessage(EventId = 5011, Level = LogLevel.Warning,
        Message = "Statistics of proposal {ProposalId} not refreshed after a payment was listed ({ErrorType}); the nightly recompute will correct them")]
    private static partial void LogRefreshFailed(ILogger logger, string proposalId, string errorType);
}
