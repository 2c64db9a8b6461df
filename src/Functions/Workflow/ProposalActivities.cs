using KhuyenCong.Application.Workflow.Steps;
using KhuyenCong.Application.Workflow;
using Microsoft.Azure.Functions.Worker;

namespace KhuyenCong.Functions.Workflow;

/// <summary>
/// The proposal workflow's activities: triggers only, each the step of the same name in <see cref="WorkflowSteps"/>.
/// The names are the orchestration's history (instances in flight call them by name): never rename one.
/// </summary>
public sealed class ProposalActivities(WorkflowSteps steps)
{
    [Function(nameof(GetWorkflowSettings))]
    public WorkflowSettings GetWorkflowSettings([ActivityTrigger] string proposalId) => steps.GetWorkflowSettings();

    [Function(nameof(RecordStatusChange))]
    public Task RecordStatusChange([ActivityTrigger] StatusChangeInput change, CancellationToken cancellationToken) =>
        steps.RecordStatusChangeAsync(change, cancellationToken);

    [Function(nameof(SendAcknowledgement))]
    public Task SendAcknowledgement([ActivityTrigger] string proposalId, CancellationToken cancellationToken) =>
        steps.SendAcknowledgementAsync(proposalId, cancellationToken);

    [Function(nameof(SendWithdrawalConfirmation))]
    public Task SendWithdrawalConfirmation([ActivityTrigger] string proposalId, CancellationToken cancellationToken) =>
        steps.SendWithdrawalConfirmationAsync(proposalId, cancellationToken);

    [Function(nameof(SendCancellationNotice))]
    public Task SendCancellationNotice([ActivityTrigger] string proposalId, CancellationToken cancellationToken) =>
        steps.SendCancellationNoticeAsync(proposalId, cancellationToken);

    [Function(nameof(SendWorkflowEmail))]
    public Task SendWorkflowEmail([ActivityTrigger] WorkflowEmailRequest request, CancellationToken cancellationToken) =>
        steps.SendWorkflowEmailAsync(request, cancellationToken);

    [Function(nameof(RunScreeningChecks))]
    public Task<int> RunScreeningChecks([ActivityTrigger] RoundInput input, CancellationToken cancellationToken) =>
        steps.RunScreeningChecksAsync(input, cancellationToken);

    [Function(nameof(OpenRevision))]
    public Task OpenRevision([ActivityTrigger] RevisionInput input, CancellationToken cancellationToken) =>
        steps.OpenRevisionAsync(input, cancellationToken);

    [Function(nameof(AssignReviewers))]
    public Task<ReviewerPicks> AssignReviewers([ActivityTrigger] AssignInput input, CancellationToken cancellationToken) =>
        steps.AssignReviewersAsync(input, cancellationToken);

    [Function(nameof(InviteReviewer))]
    public Task InviteReviewer([ActivityTrigger] InviteInput input, CancellationToken cancellationToken) =>
        steps.InviteReviewerAsync(input, cancellationToken);

    [Function(nameof(CloseReview))]
    public Task CloseReview([ActivityTrigger] ReviewerInput input, CancellationToken cancellationToken) =>
        steps.CloseReviewAsync(input, cancellationToken);

    [Function(nameof(CloseOpenReviews))]
    public Task<List<string>> CloseOpenReviews([ActivityTrigger] string proposalId, CancellationToken cancellationToken) =>
        steps.CloseOpenReviewsAsync(proposalId, cancellationToken);

    [Function(nameof(EvaluateCouncil))]
    public Task<VerdictSummary> EvaluateCouncil([ActivityTrigger] RoundInput input, CancellationToken cancellationToken) =>
        steps.EvaluateCouncilAsync(input, cancellationToken);

    [Function(nameof(ApplyApproval))]
    public Task<ApprovalRecord> ApplyApproval([ActivityTrigger] RoundInput input, CancellationToken cancellationToken) =>
        steps.ApplyApprovalAsync(input, cancellationToken);

    [Function(nameof(ApplyPlanDecision))]
    public Task ApplyPlanDecision([ActivityTrigger] PlanDecisionInput input, CancellationToken cancellationToken) =>
        steps.ApplyPlanDecisionAsync(input, cancellationToken);

    [Function(nameof(ApplyContract))]
    public Task<string> ApplyContract([ActivityTrigger] string proposalId, CancellationToken cancellationToken) =>
        steps.ApplyContractAsync(proposalId, cancellationToken);

    [Function(nameof(ApplyPayment))]
    public Task ApplyPayment([ActivityTrigger] string proposalId, CancellationToken cancellationToken) =>
        steps.ApplyPaymentAsync(proposalId, cancellationToken);

    [Function(nameof(ApplyAcceptance))]
    public Task ApplyAcceptance([ActivityTrigger] string proposalId, CancellationToken cancellationToken) =>
        steps.ApplyAcceptanceAsync(proposalId, cancellationToken);

    [Function(nameof(Settle))]
    public Task Settle([ActivityTrigger] string proposalId, CancellationToken cancellationToken) =>
        steps.SettleAsync(proposalId, cancellationToken);

    [Function(nameof(ReleaseFunding))]
    public Task ReleaseFunding([ActivityTrigger] string proposalId, CancellationToken cancellationToken) =>
        steps.ReleaseFundingAsync(proposalId, cancellationToken);
}
