using KhuyenCong.Application.Common;
using KhuyenCong.Application.Proposals;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using Microsoft.Extensions.Logging;

namespace KhuyenCong.Application.Appraisal;

/// <summary>An officer's request to replace a council reviewer, with the reason.</summary>
public sealed record ReplacementRequest(string ProposalId, string ReviewerId, FieldInput Reason, string By);

/// <summary>
/// Replacing a reviewer who does not answer (<c>POST /api/proposals/{id}/reviewers/{reviewerId}/replace</c>): only
/// while the proposal is in review, only a reviewer of the current round whose review is still open. The review is
/// closed as replaced with a conditional write (a review answered meanwhile wins), then the workflow invites another.
/// </summary>
public sealed class ReviewerReplacement(IProposalRepository proposals, IProposalCaseStore cases, TimeProvider time,
    ILogger<ReviewerReplacement> logger)
{
    public const int MaxReason = 1000;

    public static readonly Bilingual ReasonInvalid = new(
        "Vui lòng nêu lý do thay thành viên hội đồng (tối đa 1000 ký tự).", "Give the reason for replacing the reviewer (at most 1000 characters).");

    public static readonly Bilingual NotInRound = new(
        "Thành viên này không thẩm định đề án trong vòng hiện tại.", "This reviewer has no review in the current appraisal round.");

    public static readonly Bilingual NoLongerOpen = new(
        "Thành viên này đã trả lời hoặc đã được thay: không thể thay nữa.", "This reviewer has already answered or been replaced.");

    private static readonly Bilingual Action = new("thay thành viên hội đồng", "replacing a reviewer");

    /// <summary>Done: the review as stored, replaced.</summary>
    public async Task<Decision<ReviewRecord>> ReplaceAsync(ReplacementRequest request, IWorkflowEvents workflow, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(workflow);
        if (!request.Reason.TryText(TextMode.MultiLine, MaxReason, required: true, out var reason))
        {
            return Decision<ReviewRecord>.Invalid(new BilingualErrors().Add("reason", ReasonInvalid));
        }

        var found = await proposals.FindAtAsync(request.ProposalId, Action, [ProposalStatus.InReview], cancellationToken);
        if (!found.IsDone)
        {
            return found.Refusal<ReviewRecord>();
        }

        var @case = await cases.GetAsync(request.ProposalId, cancellationToken);
        var review = @case.ReviewsOf(@case.AppraisalRound).FirstOrDefault(r => r.ReviewerId == request.ReviewerId);
        if (review is null)
        {
            return Decision<ReviewRecord>.NotFound(NotInRound);
        }

        var replaced = review with { State = ReviewState.Replaced, DecidedAt = time.GetUtcNow(), DecidedBy = request.By, Comment = reason };
        if (!review.IsOpen || !(await cases.DecideReviewAsync(replaced, cancellationToken)).Applied)
        {
            return Decision<ReviewRecord>.Conflict(NoLongerOpen);
        }

        await workflow.RaiseAsync(request.ProposalId, WorkflowEvents.AppraisalChanged,
            new AppraisalEvent(review.Round, AppraisalEventKind.Replaced, request.ReviewerId, request.By), cancellationToken);
        DecisionLog.Decided(logger, request.ProposalId, "replace-reviewer", "replaced");
        return Decision<ReviewRecord>.Done(replaced);
    }
}
