using KhuyenCong.Application.Budgets;
using KhuyenCong.Application.Common;
using KhuyenCong.Application.Proposals;
using KhuyenCong.Domain.Budgets;
using KhuyenCong.Domain.Proposals;

namespace KhuyenCong.Application.Plans;

/// <summary>
/// A proposal of the plan's year and source as the adjustment form offers it: in the plan (approved, in progress or
/// accepted; <paramref name="Amount"/> is its current commitment) or one that may be added (appraised or in reserve;
/// <paramref name="Amount"/> is the support it asked for).
/// </summary>
public sealed record PlanProposalOption(string ProposalId, string TrackingCode, string Title, ProposalStatus Status, long Amount, bool InPlan);

/// <summary>What the staff page of a plan's changes shows: the changes, the proposals the form offers, the titles of every proposal of the year and source.</summary>
public sealed record PlanChangesPageView(PlanChangesView Changes, IReadOnlyList<PlanProposalOption> Options, IReadOnlyDictionary<string, string> Titles);

/// <summary>The read side of <c>/staff/plans/{year}/{fundingSource}/adjustments</c> (issue 13 line 6): the plan's changes and the proposals an adjustment may name.</summary>
public sealed class PlanChangePageViews(PlanAdjustments adjustments, IProposalRepository proposals, IBudgetLedger ledger)
{
    public async Task<Decision<PlanChangesPageView>> ViewAsync(string? year, string? fundingSource, CancellationToken cancellationToken)
    {
        var listed = await adjustments.ListAsync(year, fundingSource, cancellationToken);
        if (!listed.IsDone)
        {
            return listed.Refusal<PlanChangesPageView>();
        }

        var key = listed.Value!.Key;
        var summaries = await proposals.ListAsync(new ProposalListQuery(key.Year, null, null, key.FundingSource), cancellationToken);
        var options = new List<PlanProposalOption>();
        foreach (var p in summaries.OrderBy(s => s.TrackingCode, StringComparer.Ordinal))
        {
            if (await OptionAsync(key, p, cancellationToken) is { } option)
            {
                options.Add(option);
            }
        }

        var titles = summaries.ToDictionary(s => s.Id, s => s.TrackingCode + " " + s.Title, StringComparer.Ordinal);
        return Decision<PlanChangesPageView>.Done(new PlanChangesPageView(listed.Value, options, titles));
    }

    private async Task<PlanProposalOption?> OptionAsync(BudgetKey key, ProposalSummary p, CancellationToken cancellationToken)
    {
        if (AdjustmentChecks.Addable.Contains(p.Status))
        {
            return new PlanProposalOption(p.Id, p.TrackingCode, p.Title, p.Status, p.RequestedSupport, false);
        }

        if (!AdjustmentChecks.InPlan.Contains(p.Status))
        {
            return null;
        }

        var commitment = await ledger.GetCommitmentAsync(key, p.Id, cancellationToken);
        return commitment is null || commitment.IsReleased ? null : new PlanProposalOption(p.Id, p.TrackingCode, p.Title, p.Status, commitment.Approved, true);
    }
}
