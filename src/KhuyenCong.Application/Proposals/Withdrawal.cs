using KhuyenCong.Application.Common;
using KhuyenCong.Application.Links;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using Microsoft.Extensions.Logging;

namespace KhuyenCong.Application.Proposals;

/// <summary>
/// The applicant withdraws the proposal through the withdraw link of the acknowledgement email (subject "applicant"),
/// at any stage before the end, with an optional reason. Single use through <see cref="ILinkUseStore"/>; the workflow
/// records the withdrawal (status, email) when it receives <see cref="WorkflowEvents.Withdrawn"/>, so the link is freed
/// again when the event cannot be raised.
/// </summary>
public sealed class Withdrawal(ILinkUseStore uses, WorkflowStarts starts, ILogger<Withdrawal> logger)
{
    public const string ReasonField = "reason";

    /// <summary>Longest reason kept (a longer one is cut).</summary>
    public const int MaxReasonLength = 1000;

    /// <summary>The proposal, while it can be withdrawn through this link; refused once the link was used or the proposal ended.</summary>
    public async Task<Decision<Proposal>> OpenAsync(OpenedLink link, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);
        if (await uses.GetAsync(link.Claims.LinkId, cancellationToken) is { } used)
        {
            return Decision<Proposal>.Conflict(Used(used));
        }

        return link.Proposal.Status.IsFinal()
            ? Decision<Proposal>.Conflict(LinkRefusals.Closed(link.Proposal.Status))
            : Decision<Proposal>.Done(link.Proposal);
    }

    /// <summary>Withdraws: the proposal not ended and its workflow running, the link claimed, then the workflow told.</summary>
    public async Task<Decision<WithdrawalRequest>> WithdrawAsync(OpenedLink link, string? reason, IWorkflowEvents events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);
        ArgumentNullException.ThrowIfNull(events);
        var proposal = link.Proposal;
        if (proposal.Status.IsFinal())
        {
            return Decision<WithdrawalRequest>.Conflict(LinkRefusals.Closed(proposal.Status));
        }

        // Told once the workflow has started (an event sent to a pending instance can be lost): WorkflowStarts.
        if (await starts.WaitAsync(events, proposal.Id, cancellationToken) == WorkflowRun.Ended)
        {
            return Decision<WithdrawalRequest>.Conflict(LinkRefusals.Closed(proposal.Status));
        }

        var text = LinkRefusals.Text(reason);
        var request = new WithdrawalRequest("applicant", text.Length == 0 ? null : text[..Math.Min(text.Length, MaxReasonLength)]);
        var (first, use) = await uses.TryUseAsync(link.Claims.LinkId, proposal.Id, ProposalStatus.Withdrawn.ToCode(), cancellationToken);
        if (!first)
        {
            return Decision<WithdrawalRequest>.Conflict(Used(use));
        }

        try
        {
            await events.RaiseAsync(proposal.Id, WorkflowEvents.Withdrawn, request, cancellationToken);
        }
        catch
        {
            // The decision did not reach the workflow: free the link so the applicant can try again.
            await uses.ReleaseAsync(link.Claims.LinkId, CancellationToken.None);
            throw;
        }

        LinkDecisionLog.Decided(logger, proposal.Id, link.Claims.Action);
        return Decision<WithdrawalRequest>.Done(request);
    }

    private static Bilingual Used(LinkUse use) => LinkRefusals.Recorded(
        ProposalStatusCodes.TryParse(use.Decision, out var status)
            ? new Bilingual(ProposalStatusLabels.Label(status, Language.Vietnamese), ProposalStatusLabels.Label(status, Language.English))
            : Bilingual.Same(use.Decision),
        use.At);
}
