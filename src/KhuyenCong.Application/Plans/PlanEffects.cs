using KhuyenCong.Application.Budgets;
using KhuyenCong.Application.Common;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Budgets;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Selection;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Application.Plans;

/// <summary>
/// What a stored plan step does after it is stored, each part idempotent so a replay finishes what a failure left:
/// the submission raises <c>PlanSubmitted</c> for each proposal submitted; the decision records the Ministry's
/// allocation on the national line (the amounts not yet committed there), commits each included amount in the ledger
/// (one conditional write per proposal, idempotent by proposal), then raises <c>PlanDecided</c> for every proposal of
/// the selection (docs/decisions/0020-the-yearly-cycle.md, "Money"). The workflow ignores an event it has already had.
/// </summary>
public sealed class PlanEffects(IBudgetLedger ledger)
{
    public async Task SubmittedAsync(CallSelection selection, IWorkflowEvents events, CancellationToken cancellationToken)
    {
        var submitted = selection.Submitted ?? throw new InvalidOperationException("The selection is not submitted.");
        var path = selection.FundingSource == FundingSource.National ? PlanPath.National : PlanPath.Local;
        foreach (var line in selection.Lines.Where(l => l.Included))
        {
            await events.RaiseAsync(line.ProposalId, CycleEvents.PlanSubmitted, new PlanSubmission(selection.Round, path, submitted.Reference, submitted.Date, submitted.By),
                cancellationToken);
        }
    }

    /// <summary>Done, or a conflict with the ledger's reason when a commitment is refused (the events are then not raised).</summary>
    public async Task<Decision<CallSelection>> DecidedAsync(CallSelection selection, IWorkflowEvents events, CancellationToken cancellationToken)
    {
        var decided = selection.PlanDecided ?? throw new InvalidOperationException("The selection has no plan decision.");
        var key = new BudgetKey(selection.PlanYear, selection.FundingSource);
        if (selection.FundingSource == FundingSource.National && await AllocateAsync(key, decided, decided.By, cancellationToken) is { } refused)
        {
            return Decision<CallSelection>.Conflict(refused);
        }

        foreach (var line in decided.Lines.Where(l => l.Included))
        {
            var commit = await ledger.CommitAsync(key, line.ProposalId, line.Amount, decided.By, cancellationToken);
            if (commit.Outcome != CommitOutcome.Committed)
            {
                return Decision<CallSelection>.Conflict(new Bilingual(commit.Refusal!.Vietnamese, commit.Refusal.English));
            }
        }

        foreach (var line in decided.Lines)
        {
            var outcome = line.Included ? PlanOutcome.Included : line.IfNotIncluded == LeftOut.Reserve ? PlanOutcome.Reserve : PlanOutcome.NotSelected;
            await events.RaiseAsync(line.ProposalId, CycleEvents.PlanDecided,
                new PlanDecision(selection.Round, outcome, line.Included ? line.Amount : null, decided.Number, decided.Date, decided.DecidedBy, decided.By), cancellationToken);
        }

        return Decision<CallSelection>.Done(selection);
    }

    /// <summary>
    /// The Ministry's allocation: the national line's allocation grows by the included amounts not yet committed on it
    /// (so a replay after the commits adds nothing). Null when set; the ledger's reason otherwise.
    /// </summary>
    private async Task<Bilingual?> AllocateAsync(BudgetKey key, PlanDecisionRecord decided, string by, CancellationToken cancellationToken)
    {
        long missing = 0;
        foreach (var line in decided.Lines.Where(l => l.Included))
        {
            if (await ledger.GetCommitmentAsync(key, line.ProposalId, cancellationToken) is null)
            {
                missing += line.Amount;
            }
        }

        if (missing == 0)
        {
            return null;
        }

        var budget = await ledger.GetAsync(key, cancellationToken);
        var set = await ledger.SetAllocationAsync(key, budget.Allocated + missing, by, cancellationToken);
        return set.IsSet ? null : new Bilingual(set.Refusal!.Vietnamese, set.Refusal.English);
    }
}
