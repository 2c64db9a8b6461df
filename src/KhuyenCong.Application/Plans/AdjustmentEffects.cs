using System.Security.Cryptography;
using System.Text;
using KhuyenCong.Application.Budgets;
using KhuyenCong.Application.Common;
using KhuyenCong.Application.Proposals;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Budgets;
using KhuyenCong.Domain.Plans;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Application.Plans;

/// <summary>
/// What a stored adjustment does, each step idempotent so that sending the decision again finishes what a failure left:
/// removals and cuts first (they free money), then rises and additions. A change moves the commitment by the stored
/// difference (ledger adjustment, idempotent by decision and proposal) and updates the record's approved amount; a
/// removal lowers the commitment to what is paid and cancels the workflow (the đề án was approved: it ends
/// <c>cancelled</c>, with the decision as the reason, ADR 0025); an addition commits the amount and raises
/// <c>PlanDecided</c> (included) naming the adjustment as its plan, so the waiting workflow moves on as approved.
/// National money moves the Ministry's allocation with it.
/// </summary>
public sealed class AdjustmentEffects(IBudgetLedger ledger, IProposalRepository proposals)
{
    public async Task<Bilingual?> ApplyAsync(BudgetKey key, PlanAdjustment adjustment, IWorkflowEvents events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(adjustment);
        ArgumentNullException.ThrowIfNull(events);
        foreach (var line in adjustment.Lines.OrderBy(l => l.Action == AdjustmentAction.Remove || l.Delta < 0 ? 0 : 1))
        {
            var refusal = line.Action switch
            {
                AdjustmentAction.Remove => await RemoveAsync(key, adjustment, line, events, cancellationToken),
                AdjustmentAction.Add => await AddAsync(key, adjustment, line, events, cancellationToken),
                _ => await ChangeAsync(key, adjustment, line, cancellationToken),
            };
            if (refusal is not null)
            {
                return refusal;
            }
        }

        return null;
    }

    /// <summary>The plan key of an adjustment decision (the workflow takes its events once).</summary>
    public static string PlanKey(BudgetKey key, string number) => "adjustment:" + key.Code + ":" + number;

    /// <summary>A ledger id for a decision's change of one proposal (decision numbers hold '/', which row keys may not).</summary>
    public static string LedgerId(string kind, string number, string proposalId) =>
        kind + "-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(number)))[..16] + "-" + proposalId;

    private async Task<Bilingual?> ChangeAsync(BudgetKey key, PlanAdjustment adjustment, AdjustmentLine line, CancellationToken cancellationToken)
    {
        var result = await ledger.AdjustAsync(key, line.ProposalId, LedgerId("adjust", adjustment.Number, line.ProposalId), line.Delta,
            key.FundingSource == FundingSource.National, adjustment.By, cancellationToken);
        if (!result.IsAdjusted)
        {
            return Refusal(result.Refusal);
        }

        if (await proposals.GetAsync(line.ProposalId, cancellationToken) is { } proposal && proposal.Funding.ApprovedAmount != line.Amount)
        {
            await proposals.SaveFundingAsync(proposal.Id, proposal.Funding with { ApprovedAmount = line.Amount }, cancellationToken);
        }

        return null;
    }

    private async Task<Bilingual?> RemoveAsync(BudgetKey key, PlanAdjustment adjustment, AdjustmentLine line, IWorkflowEvents events, CancellationToken cancellationToken)
    {
        var commitment = await ledger.GetCommitmentAsync(key, line.ProposalId, cancellationToken);
        if (commitment is { IsReleased: false } && commitment.Approved > commitment.Paid)
        {
            var result = await ledger.AdjustAsync(key, line.ProposalId, LedgerId("remove", adjustment.Number, line.ProposalId), commitment.Paid - commitment.Approved,
                key.FundingSource == FundingSource.National, adjustment.By, cancellationToken);
            if (!result.IsAdjusted)
            {
                return Refusal(result.Refusal);
            }
        }

        if (await events.RunAsync(line.ProposalId, cancellationToken) != WorkflowRun.Ended)
        {
            var reason = $"Đưa ra khỏi kế hoạch theo quyết định điều chỉnh số {adjustment.Number} ngày {DisplayFormat.Date(adjustment.Date, Language.Vietnamese)}"
                + (adjustment.Reason is { } why ? ": " + why : ".");
            await events.RaiseAsync(line.ProposalId, WorkflowEvents.Cancelled, new CancellationRequest(adjustment.By, reason), cancellationToken);
        }

        return null;
    }

    private async Task<Bilingual?> AddAsync(BudgetKey key, PlanAdjustment adjustment, AdjustmentLine line, IWorkflowEvents events, CancellationToken cancellationToken)
    {
        var commit = key.FundingSource == FundingSource.National
            ? await ledger.CommitAllocatedAsync(key, line.ProposalId, line.Amount, adjustment.By, cancellationToken)
            : await ledger.CommitAsync(key, line.ProposalId, line.Amount, adjustment.By, cancellationToken);
        if (commit.Outcome != CommitOutcome.Committed)
        {
            return Refusal(commit.Refusal);
        }

        await events.RaiseAsync(line.ProposalId, CycleEvents.PlanDecided, new PlanDecision(1, PlanOutcome.Included, line.Amount, adjustment.Number, adjustment.Date,
            adjustment.DecidedBy, adjustment.By, PlanKey(key, adjustment.Number)), cancellationToken);
        return null;
    }

    private static Bilingual Refusal(BudgetRefusal? refusal) =>
        refusal is null ? new("Sổ kinh phí từ chối điều chỉnh.", "The ledger refused the change.") : new(refusal.Vietnamese, refusal.English);
}
