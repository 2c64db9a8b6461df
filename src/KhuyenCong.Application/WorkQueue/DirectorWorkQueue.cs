using KhuyenCong.Application.Approval;
using KhuyenCong.Application.Budgets;
using KhuyenCong.Application.Calls;
using KhuyenCong.Application.Links;
using KhuyenCong.Application.Plans;
using KhuyenCong.Application.Proposals;
using KhuyenCong.Application.Reminders;
using KhuyenCong.Application.Selection;
using KhuyenCong.Application.Selection.Approval;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Budgets;
using KhuyenCong.Domain.Calls;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Selection;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Application.WorkQueue;

/// <summary>
/// What waits on the director ("Chờ tôi quyết định"), most urgent first as the officers' queue (<see cref="WaitingOrder"/>):
/// the proposals awaiting approval, with the summary their approval page opens with (amount asked, council verdict and
/// average, budget left) and the reminders' approval wait limit as their deadline; and the calls' selections the
/// officers proposed that the director has not decided (where the province delegated the local plan to the director,
/// that approval is the plan decision: the plan has no other step of the director's). Each item carries a freshly
/// signed link to its decision page (ADR 0031): the decision pages are reached only by signed links, and deciding
/// still needs the signed-in director there (ADR 0010).
/// Reads stay bounded: the proposals awaiting approval of the plan years under way (next year's, as a call of this
/// year takes proposals for it (ADR 0021), this year's and last year's), read by their index partitions; the calls
/// (one small partition) of those plan years, each with one point read of its selection.
/// </summary>
public sealed class DirectorWorkQueue(IProposalRepository proposals, IProposalCaseStore cases, IBudgetLedger ledger, ICallStore calls, ISelectionStore selections,
    LinkService links, IOptions<RemindersOptions> reminders, IOptions<PlanningOptions> planning, TimeProvider time)
{
    /// <summary>The decisions waiting, most urgent first.</summary>
    public async Task<IReadOnlyList<DirectorWorkItem>> ListAsync(CancellationToken cancellationToken)
    {
        var year = VietnamTime.Today(time).Year;
        int[] years = [year + 1, year, year - 1];
        var items = new List<DirectorWorkItem>();
        items.AddRange(await ApprovalsAsync(years, cancellationToken));
        items.AddRange(await SelectionsAsync(years, cancellationToken));
        return WaitingOrder.MostUrgentFirst(items, time.GetUtcNow());
    }

    /// <summary>
    /// The approval round a proposal awaiting approval is in: one per time it entered "awaiting approval" (the workflow
    /// counts its approval rounds so: each round starts there), at least 1 (a record imported in that status).
    /// </summary>
    public static int ApprovalRound(Proposal proposal)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        return Math.Max(1, proposal.History.Count(h => h.To == ProposalStatus.AwaitingApproval));
    }

    private async Task<List<DirectorWorkItem>> ApprovalsAsync(int[] years, CancellationToken cancellationToken)
    {
        var budgets = new Dictionary<BudgetKey, BudgetLine>();
        var items = new List<DirectorWorkItem>();
        foreach (var year in years)
        {
            foreach (var summary in await proposals.ListAsync(new ProposalListQuery(year, ProposalStatus.AwaitingApproval, null, null), cancellationToken))
            {
                if (await ApprovalAsync(summary, budgets, cancellationToken) is { } item)
                {
                    items.Add(item);
                }
            }
        }

        return items;
    }

    /// <summary>The proposal's item; null when it no longer awaits approval or its round is decided (the workflow applies it).</summary>
    private async Task<DirectorWorkItem?> ApprovalAsync(ProposalSummary summary, Dictionary<BudgetKey, BudgetLine> budgets, CancellationToken cancellationToken)
    {
        var proposal = await proposals.GetAsync(summary.Id, cancellationToken);
        if (proposal is not { Status: ProposalStatus.AwaitingApproval })
        {
            return null;
        }

        var round = ApprovalRound(proposal);
        var record = await cases.GetAsync(proposal.Id, cancellationToken);
        if (record.Approvals.Any(a => a.Round == round))
        {
            return null;
        }

        // The approval page's budget line (ApprovalDecisions.BudgetOf), read once per line.
        var key = ApprovalDecisions.BudgetOf(proposal);
        if (!budgets.TryGetValue(key, out var line))
        {
            budgets[key] = line = await ledger.GetAsync(key, cancellationToken);
        }

        var since = summary.StatusChangedAt ?? proposal.History.LastOrDefault(h => h.To == ProposalStatus.AwaitingApproval)?.At ?? proposal.SubmittedAt;
        var s = proposal.Submission;
        return new DirectorWorkItem(DirectorTask.ProposalApproval, s.Title, round, since, since + reminders.Value.ApprovalWaitLimit,
            links.CreateUrl(LinkActions.Approve, proposal.Id, "director", round))
        {
            Proposal = new(proposal.Id, proposal.TrackingCode, s.OrganizationName, s.RequestedSupport, record.CurrentVerdict, Math.Max(0, line.Remaining)),
        };
    }

    private async Task<List<DirectorWorkItem>> SelectionsAsync(int[] years, CancellationToken cancellationToken)
    {
        var items = new List<DirectorWorkItem>();
        foreach (var call in (await calls.ListAsync(cancellationToken)).Where(c => years.Contains(c.PlanYear)))
        {
            if (await selections.GetAsync(call.Id, cancellationToken) is { Selection: { Status: SelectionStatus.Proposed, Decision: null } selection })
            {
                items.Add(SelectionItem(call, selection));
            }
        }

        return items;
    }

    private DirectorWorkItem SelectionItem(Call call, CallSelection selection) =>
        new(DirectorTask.SelectionApproval, call.Title, selection.Round, selection.ProposedAt, null, links.CreateSelectionUrl(call.Id, selection.Round))
        {
            Selection = new(call.Id, selection.PlanYear, selection.FundingSource, selection.Lines.Count(l => l.Included), selection.Lines.Count, selection.Total,
                selection.Available, SelectionApprovals.IsPlanDecision(call, planning.Value)),
        };
}
