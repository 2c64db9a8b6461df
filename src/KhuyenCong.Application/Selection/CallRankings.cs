using KhuyenCong.Application.Budgets;
using KhuyenCong.Application.Calls;
using KhuyenCong.Application.Caps;
using KhuyenCong.Application.Common;
using KhuyenCong.Application.Proposals;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Budgets;
using KhuyenCong.Domain.Calls;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Selection;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Application.Selection;

/// <summary>
/// A call's ranking as the officer and the director see it: the call, the budget line of its plan year and source,
/// the ranked list (cut at the money left on that line for local money; national money is not cut here: the Ministry
/// allocates it, docs/legal/cycle-reports-documents.md F1.5), the proposals by id, and the current selection.
/// </summary>
public sealed record CallRanking(Call Call, BudgetLine Budget, RankedList Ranked, IReadOnlyDictionary<string, Proposal> Proposals, StoredSelection? Current);

/// <summary>
/// Ranks a call's appraised proposals (issue 13 line 3): those of the call in status <c>appraised</c> whose last
/// council verdict passed, by <see cref="Ranking"/>, each at its most (<see cref="SupportLimits"/>).
/// </summary>
public sealed class CallRankings(ICallStore calls, IProposalRepository proposals, IProposalCaseStore cases, ICapStore caps, IBudgetLedger ledger, ISelectionStore selections)
{
    public static readonly Bilingual CallNotFound = new("Không tìm thấy đợt đăng ký này.", "No such call for proposals.");

    public async Task<Decision<CallRanking>> RankAsync(string callId, CancellationToken cancellationToken)
    {
        if (await calls.GetAsync(callId, cancellationToken) is not { } call)
        {
            return Decision<CallRanking>.NotFound(CallNotFound);
        }

        var appraised = await AppraisedAsync(call, cancellationToken);
        var capList = await caps.ListAsync(cancellationToken);
        var candidates = new List<RankingCandidate>();
        foreach (var proposal in appraised)
        {
            var verdict = (await cases.GetAsync(proposal.Id, cancellationToken)).CurrentVerdict;
            if (verdict is { Passed: true })
            {
                var limit = SupportLimits.For(proposal, capList);
                candidates.Add(new RankingCandidate(proposal.Id, verdict.AverageTotal, proposal.SubmittedAt, limit.Requested, limit.MaxAmount));
            }
        }

        var budget = await ledger.GetAsync(new BudgetKey(call.PlanYear, call.FundingSource), cancellationToken);
        long? available = call.FundingSource == FundingSource.Local ? Math.Max(0, budget.Remaining) : null;
        var ranked = Ranking.Rank(candidates, Ranking.RuleFor(call.FundingSource), available);
        return Decision<CallRanking>.Done(new CallRanking(call, budget, ranked, appraised.ToDictionary(p => p.Id, StringComparer.Ordinal),
            await selections.GetAsync(call.Id, cancellationToken)));
    }

    /// <summary>
    /// The call's proposals in status <c>appraised</c>. The staff list is read for the plan year and for each year the
    /// call was open in (the list files a proposal under its plan year, or, for records stored before plan years, the
    /// year it was submitted, within the call's dates), then each record is checked for the call.
    /// </summary>
    private async Task<IReadOnlyList<Proposal>> AppraisedAsync(Call call, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, Proposal>(StringComparer.Ordinal);
        var years = Enumerable.Range(call.OpensOn.Year, Math.Max(0, call.ClosesOn.Year - call.OpensOn.Year) + 1).Append(call.PlanYear).Distinct();
        foreach (var year in years.Where(BudgetKey.IsValidYear))
        {
            foreach (var summary in await proposals.ListAsync(new ProposalListQuery(year, ProposalStatus.Appraised, null, call.FundingSource), cancellationToken))
            {
                if (!found.ContainsKey(summary.Id) && await proposals.GetAsync(summary.Id, cancellationToken) is { } p
                    && string.Equals(p.CallId, call.Id, StringComparison.Ordinal) && p.Status == ProposalStatus.Appraised)
                {
                    found.Add(p.Id, p);
                }
            }
        }

        return found.Values.ToList();
    }
}
