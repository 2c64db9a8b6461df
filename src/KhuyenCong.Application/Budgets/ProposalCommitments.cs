using KhuyenCong.Domain.Budgets;
using KhuyenCong.Domain.Proposals;

namespace KhuyenCong.Application.Budgets;

/// <summary>A proposal's money in the ledger as one commitment, across the years its unpaid money was carried over (ADR 0025).</summary>
public static class ProposalCommitments
{
    /// <summary>
    /// The sum of the proposal's commitments from its plan year to its budget year (one year unless carried over: the
    /// carry-over lowers the earlier year's commitment to what was paid there and commits the rest in the next year, so
    /// the sums are the approved and paid amounts of the đề án); released as the last year's is; null when none.
    /// </summary>
    public static async Task<Commitment?> AcrossYearsAsync(IBudgetLedger ledger, Proposal proposal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(proposal);
        Commitment? total = null;
        var last = Math.Max(proposal.PlanYear, proposal.BudgetYear);
        for (var year = proposal.PlanYear; year <= last; year++)
        {
            if (!BudgetKey.IsValidYear(year)
                || await ledger.GetCommitmentAsync(new BudgetKey(year, proposal.Submission.FundingSource), proposal.Id, cancellationToken) is not { } commitment)
            {
                continue;
            }

            total = total is null
                ? commitment
                : new Commitment(proposal.Id, total.Approved + commitment.Approved, total.Paid + commitment.Paid, commitment.IsReleased);
        }

        return total;
    }
}
