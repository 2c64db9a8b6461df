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
/// the submission raises <c>PlanSubmitted</c> for each proposal submitted; the decision commits each included amount in the
/// ledger (one conditional write per proposal, idempotent by proposal; national: with the Ministry's allocation of it in
/// the same write), then raises <c>PlanDecided</c> for every proposal of
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
            await events.RaiseAsync(line.ProposalId, CycleEvents.PlanSubmitted, new PlanSubmission(selection.Round, path, submitted.Reference, submitted.Date, submitted.By,
                PlanDecision.SelectionKey(selection.CallId, selection.Round)),
                cancellationToken);
        }
    }

    /// <summary>Done, or a conflict with the ledger's reason when a commitment is refused (the events are then not raised).</summary>
    public async Task<Decision<CallSelection>> DecidedAsync(CallSelection selection, IWorkflowEvents events, CancellationToken cancellationToken)
    {
        var decided = selection.PlanDecided ?? throw new InvalidOperationException("The selection has no plan decision.");
        var key = new BudgetKey(selection.PlanYear, selection.FundingSource);
        var national = selection.FundingSource == FundingSource.National;
        foreach (var line in decided.Lines.Where(l => l.Included))
        {
            // National: the Ministry's allocation of this proposal is added in the same ledger write as its commitment
            // (idempotent by proposal), so a replay after a crash never adds it twice (ADR 0025).
            var commit = national
                ? await ledger.CommitAllocatedAsync(key, line.ProposalId, line.Amount, decided.By, cancellationToken)
                : await ledger.CommitAsync(key, line.ProposalId, line.Amount, decided.By, cancellationToken);
            if (commit.Outcome != CommitOutcome.Committed)
            {
                return Decision<CallSelection>.Conflict(new Bilingual(commit.Refusal!.Vietnamese, commit.Refusal.English));
            }
        }

        foreach (var line in decided.Lines)
        {
            var outcome = line.Included ? PlanOutcome.Included : line.IfNotIncluded == LeftOut.Reserve ? PlanOutcome.Reserve : PlanOutcome.NotSelected;
            await events.RaiseAsync(line.ProposalId, CycleEvents.PlanDecided,
                new PlanDecision(selection.Round, outcome, line.Included ? line.Amount : null, decided.Number, decided.Date, decided.DecidedBy, decided.By,
                    PlanDecision.SelectionKey(selection.CallId, selection.Round)), cancellationToken);
        }

        return Decision<CallSelection>.Done(selection);
    }
}
