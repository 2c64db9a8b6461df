using KhuyenCong.Application.Budgets;
using KhuyenCong.Application.Caps;
using KhuyenCong.Application.Common;
using KhuyenCong.Application.Proposals;
using KhuyenCong.Application.Selection;
using KhuyenCong.Domain.Budgets;
using KhuyenCong.Domain.Caps;
using KhuyenCong.Domain.Plans;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Selection;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Application.Plans;

/// <summary>An adjustment's lines checked against the proposals and the ledger: the lines to store, or the errors (400), or the first stage refused (409).</summary>
internal sealed record CheckedAdjustment(IReadOnlyList<AdjustmentLine> Lines, BilingualErrors Errors, Bilingual? Conflict);

/// <summary>
/// The checks of each line against its proposal and the plan's ledger line (issue 13 line 6): a proposal is added from
/// <c>appraised</c> or <c>reserve</c> with the plan's year and source; one in the plan (approved, in progress or
/// accepted, with an open commitment on this line) is removed or its amount changed; amounts within the request and the
/// cap; never below what is paid (409 naming it); local money: the net rise within the money left on the line.
/// </summary>
internal sealed class AdjustmentChecks(IProposalRepository proposals, IBudgetLedger ledger, ICapStore caps)
{
    public static readonly ProposalStatus[] Addable = [ProposalStatus.Appraised, ProposalStatus.Reserve];

    public static readonly ProposalStatus[] InPlan = [ProposalStatus.Approved, ProposalStatus.InProgress, ProposalStatus.Accepted];

    public static readonly Bilingual UnknownProposal = new("Không có đề án này.", "No such proposal.");

    public static readonly Bilingual OtherPlan = new(
        "Đề án không thuộc kế hoạch của năm và nguồn kinh phí này.", "The proposal does not belong to this year's plan and funding source.");

    public static readonly Bilingual NoChange = new("Số tiền mới bằng số tiền hiện tại: không có gì để điều chỉnh.", "The new amount is the current one: nothing to adjust.");

    private static readonly Bilingual AddAction = new("bổ sung vào kế hoạch", "adding it to the plan");

    private static readonly Bilingual AdjustAction = new("điều chỉnh trong kế hoạch", "adjusting it in the plan");

    public async Task<CheckedAdjustment> CheckAsync(BudgetKey key, IReadOnlyList<RequestedLine> requested, CancellationToken cancellationToken)
    {
        var errors = new BilingualErrors();
        var capList = await caps.ListAsync(cancellationToken);
        var lines = new List<AdjustmentLine>();
        Bilingual? conflict = null;
        foreach (var line in requested)
        {
            var (checkedLine, refusal) = await CheckAsync(key, line, capList, errors, cancellationToken);
            conflict ??= refusal;
            if (checkedLine is not null)
            {
                lines.Add(checkedLine);
            }
        }

        if (errors.IsEmpty && conflict is null && key.FundingSource == FundingSource.Local)
        {
            // Local money: removals and cuts free money first, then rises and additions must fit what is left.
            var line = await ledger.GetAsync(key, cancellationToken);
            var rise = lines.Sum(l => l.Action == AdjustmentAction.Remove ? 0 : l.Delta);
            if (rise > line.Remaining)
            {
                errors.Add("lines", SelectionRules.AboveMoney(rise, Math.Max(0, line.Remaining)));
            }
        }

        return new CheckedAdjustment(lines, errors, conflict);
    }

    private async Task<(AdjustmentLine? Line, Bilingual? Conflict)> CheckAsync(BudgetKey key, RequestedLine line, IReadOnlyList<SupportCap> capList, BilingualErrors errors,
        CancellationToken cancellationToken)
    {
        var proposal = await proposals.GetAsync(line.ProposalId, cancellationToken);
        if (proposal is null || proposal.Submission.FundingSource != key.FundingSource)
        {
            errors.Add(line.Field("proposalId"), proposal is null ? UnknownProposal : OtherPlan);
            return (null, null);
        }

        var most = SupportLimits.For(proposal, capList).MaxAmount;
        if (line.Action != AdjustmentAction.Remove && line.Amount > most)
        {
            errors.Add(line.Field("amount"), SelectionRules.AmountOutOfRange(most));
            return (null, null);
        }

        return line.Action == AdjustmentAction.Add
            ? Addition(key, line, proposal, errors)
            : await ChangeAsync(key, line, proposal, errors, cancellationToken);
    }

    private static (AdjustmentLine? Line, Bilingual? Conflict) Addition(BudgetKey key, RequestedLine line, Proposal proposal, BilingualErrors errors)
    {
        if (proposal.PlanYear != key.Year)
        {
            errors.Add(line.Field("proposalId"), OtherPlan);
            return (null, null);
        }

        return Addable.Contains(proposal.Status)
            ? (new AdjustmentLine(line.ProposalId, AdjustmentAction.Add, line.Amount, 0), null)
            : (null, ProposalStages.NotNow(proposal.Status, AddAction));
    }

    private async Task<(AdjustmentLine? Line, Bilingual? Conflict)> ChangeAsync(BudgetKey key, RequestedLine line, Proposal proposal, BilingualErrors errors,
        CancellationToken cancellationToken)
    {
        var commitment = proposal.BudgetYear == key.Year ? await ledger.GetCommitmentAsync(key, proposal.Id, cancellationToken) : null;
        if (!InPlan.Contains(proposal.Status) || commitment is null || commitment.IsReleased)
        {
            return (null, ProposalStages.NotNow(proposal.Status, AdjustAction));
        }

        if (line.Action == AdjustmentAction.Remove)
        {
            return (new AdjustmentLine(line.ProposalId, AdjustmentAction.Remove, 0, commitment.Approved), null);
        }

        if (line.Amount == commitment.Approved)
        {
            errors.Add(line.Field("amount"), NoChange);
            return (null, null);
        }

        if (line.Amount < commitment.Paid)
        {
            var below = BudgetRules.BelowPaid(line.Amount, commitment.Paid);
            return (null, new Bilingual(below.Vietnamese, below.English));
        }

        return (new AdjustmentLine(line.ProposalId, AdjustmentAction.Change, line.Amount, commitment.Approved), null);
    }
}
