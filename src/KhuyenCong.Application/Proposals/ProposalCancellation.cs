using KhuyenCong.Application.Common;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using Microsoft.Extensions.Logging;

namespace KhuyenCong.Application.Proposals;

/// <summary>An officer's cancellation of a proposal, with the reason the applicant receives.</summary>
public sealed record CancellationOrder(string ProposalId, FieldInput Reason, string By);

/// <summary>
/// Cancelling a proposal (<c>POST /api/proposals/{id}/cancel</c>, officers), at any stage while its workflow runs. The
/// workflow records the cancellation itself (status, history, the applicant's email) when it takes the event, so the
/// first of two cancellations wins there; once the proposal is closed, a cancellation is refused.
/// </summary>
public sealed class ProposalCancellation(IProposalRepository proposals, WorkflowStarts starts, ILogger<ProposalCancellation> logger)
{
    public const int MaxReason = 1000;

    public static readonly Bilingual ReasonInvalid = new(
        "Vui lòng nêu lý do hủy (tối đa 1000 ký tự): cơ sở sẽ nhận được lý do này.",
        "Give the reason for cancelling (at most 1000 characters): the applicant receives it.");

    /// <summary>Done: the cancellation the workflow was sent.</summary>
    public async Task<Decision<CancellationRequest>> CancelAsync(CancellationOrder order, IWorkflowEvents workflow, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(workflow);
        if (!order.Reason.TryText(TextMode.MultiLine, MaxReason, required: true, out var reason))
        {
            return Decision<CancellationRequest>.Invalid(new BilingualErrors().Add("reason", ReasonInvalid));
        }

        var proposal = await proposals.GetAsync(order.ProposalId, cancellationToken);
        if (proposal is null)
        {
            return Decision<CancellationRequest>.NotFound(ProposalStages.NoSuchProposal);
        }

        if (proposal.Status.IsFinal())
        {
            return Decision<CancellationRequest>.Conflict(AlreadyClosed(proposal.Status));
        }

        // Told once the workflow has started (an event sent to a pending instance can be lost): WorkflowStarts.
        if (await starts.WaitAsync(workflow, proposal.Id, cancellationToken) == WorkflowRun.Ended)
        {
            return Decision<CancellationRequest>.Conflict(AlreadyClosed(proposal.Status));
        }

        var cancellation = new CancellationRequest(order.By, reason!);
        await workflow.RaiseAsync(proposal.Id, WorkflowEvents.Cancelled, cancellation, cancellationToken);
        DecisionLog.Decided(logger, proposal.Id, "cancel", "requested");
        return Decision<CancellationRequest>.Done(cancellation);
    }

    /// <summary>The proposal is closed: "Đề án đã kết thúc (label)".</summary>
    public static Bilingual AlreadyClosed(ProposalStatus status) => new(
        $"Đề án đã kết thúc ({ProposalStatusLabels.Label(status, Language.Vietnamese)}).",
        $"The proposal is already closed ({status.ToCode()}).");
}
