using KhuyenCong.Application.Email;
using KhuyenCong.Application.Links;
using KhuyenCong.Domain.Proposals;

namespace KhuyenCong.Application.Workflow.Steps;

public sealed partial class WorkflowSteps
{
    /// <summary>The message of a step's email, or null when its subject is closed (a review no longer open, no decision stored).</summary>
    private async Task<EmailMessage?> ComposeAsync(Proposal proposal, WorkflowEmailRequest request, CancellationToken cancellationToken)
    {
        var proposalCase = await cases.GetAsync(proposal.Id, cancellationToken);
        var staffUrl = $"{BaseUrl}/staff/proposals/{proposal.Id}";
        return request.Kind switch
        {
            WorkflowEmailKind.ScreeningNeeded => WorkflowEmails.ScreeningNeeded(proposal, request.Round,
                proposalCase.Screenings.FirstOrDefault(s => s.Round == request.Round)?.Findings ?? [], workflow.Value.Officers, staffUrl),
            WorkflowEmailKind.RevisionRequested => RevisionRequested(proposal, proposalCase, request),
            WorkflowEmailKind.RevisionExpired => WorkflowEmails.RevisionExpired(proposal, request.Round, BaseUrl),
            WorkflowEmailKind.Rejected => WorkflowEmails.Rejected(proposal, proposal.History.LastOrDefault(h => h.To == ProposalStatus.Rejected)?.Comment, BaseUrl),
            WorkflowEmailKind.ReviewInvitation or WorkflowEmailKind.ReviewEscalation => await ReviewMessageAsync(proposal, proposalCase, request, staffUrl, cancellationToken),
            WorkflowEmailKind.ReviewerShortfall => WorkflowEmails.ReviewerShortfall(proposal, request.Round, request.Count, workflow.Value.Officers, staffUrl, request.Number),
            WorkflowEmailKind.ApprovalRequest => WorkflowEmails.ApprovalRequest(proposal, proposalCase.CurrentVerdict, workflow.Value.DirectorEmail, request.Round,
                links.CreateUrl(LinkActions.Approve, proposal.Id, "director", request.Round), request.Number),
            WorkflowEmailKind.Approved => proposalCase.Approvals.FirstOrDefault(a => a.Round == request.Round) is { } approval
                ? WorkflowEmails.Approved(proposal, approval, links.CreateUrl(LinkActions.Report, proposal.Id, "applicant"))
                : null,
            WorkflowEmailKind.ContractRecorded => proposalCase.Contract is { } contract
                ? WorkflowEmails.ContractRecorded(proposal, contract, links.CreateUrl(LinkActions.Report, proposal.Id, "applicant"))
                : null,
            WorkflowEmailKind.Accepted => WorkflowEmails.Accepted(proposal, BaseUrl),
            WorkflowEmailKind.Settled => WorkflowEmails.Settled(proposal, proposal.Funding.PaidAmount, BaseUrl),
            WorkflowEmailKind.ReviewNoLongerNeeded => await ReviewNoLongerNeededAsync(proposal, request, cancellationToken),
            WorkflowEmailKind.ApprovalNoLongerNeeded => WorkflowEmails.NoLongerNeeded(proposal, [workflow.Value.DirectorEmail], "approval-closed", request.Round,
                new("Kính gửi Giám đốc Sở Công Thương,", "Dear Director,"),
                new("Đề án không còn chờ phê duyệt; đường liên kết phê duyệt đã hết hiệu lực.", "It no longer awaits your decision; the approval link no longer works.")),
            WorkflowEmailKind.WithdrawnNotice => WorkflowEmails.NoLongerNeeded(proposal, workflow.Value.Officers, "withdrawn-officers", 1,
                new("Kính gửi cán bộ Trung tâm Khuyến công,", "Dear officer,"),
                new("Cơ sở đã rút đề án; hồ sơ được giữ để tra cứu.", "The establishment withdrew it; the record is kept for reference.")),
            WorkflowEmailKind.CouncilSessionNeeded => CycleEmails.CouncilSessionNeeded(proposal, request.Round, workflow.Value.Officers, staffUrl),
            WorkflowEmailKind.Appraised => CycleEmails.Appraised(proposal, request.Round, BaseUrl),
            WorkflowEmailKind.InPlan => CycleEmails.InPlan(proposal, request.Round, BaseUrl),
            WorkflowEmailKind.SentToMinistry => CycleEmails.SentToMinistry(proposal, request.Round, BaseUrl),
            WorkflowEmailKind.PlanIncluded => CycleEmails.PlanIncluded(proposal, request.Round, links.CreateUrl(LinkActions.Report, proposal.Id, "applicant")),
            WorkflowEmailKind.NotSelected => CycleEmails.NotSelected(proposal, request.Round,
                proposal.History.LastOrDefault(h => h.To == ProposalStatus.NotSelected)?.Comment, BaseUrl),
            WorkflowEmailKind.Reserve => CycleEmails.Reserve(proposal, request.Round, BaseUrl),
            _ => null,
        };
    }

    private EmailMessage RevisionRequested(Proposal proposal, ProposalCase proposalCase, WorkflowEmailRequest request)
    {
        var screening = proposalCase.Screenings.FirstOrDefault(s => s.Round == request.Round);
        var due = screening?.RevisionDueAt ?? time.GetUtcNow();
        var url = links.CreateUrl(LinkActions.Revise, proposal.Id, "applicant", request.Round);
        return WorkflowEmails.RevisionRequested(proposal, request.Round, screening?.Comment, due, url, request.Number);
    }

    /// <summary>A reviewer's invitation or reminder, or the officers' escalation: only while the review is open.</summary>
    private async Task<EmailMessage?> ReviewMessageAsync(Proposal proposal, ProposalCase proposalCase, WorkflowEmailRequest request, string staffUrl, CancellationToken cancellationToken)
    {
        var review = proposalCase.Reviews.FirstOrDefault(r => r.Round == request.Round && r.ReviewerId == request.ReviewerId);
        if (review is null || !review.IsOpen)
        {
            return null;
        }

        if (request.Kind == WorkflowEmailKind.ReviewEscalation)
        {
            return WorkflowEmails.ReviewEscalation(proposal, review.ReviewerName, request.Round, review.DueAt, workflow.Value.Officers, staffUrl, review.ReviewerId);
        }

        var reviewer = await roster.GetAsync(review.ReviewerId, cancellationToken);
        if (reviewer is null)
        {
            return null;
        }

        var url = links.CreateUrl(LinkActions.Review, proposal.Id, review.ReviewerId, request.Round);
        return WorkflowEmails.ReviewInvitation(proposal, reviewer.Reviewer.Email, reviewer.Reviewer.Name, request.Round, review.DueAt, url, request.Number);
    }

    private async Task<EmailMessage?> ReviewNoLongerNeededAsync(Proposal proposal, WorkflowEmailRequest request, CancellationToken cancellationToken)
    {
        var reviewer = request.ReviewerId is null ? null : await roster.GetAsync(request.ReviewerId, cancellationToken);
        return reviewer is null ? null : WorkflowEmails.NoLongerNeeded(proposal, [reviewer.Reviewer.Email], "review-closed-" + reviewer.Reviewer.Id, request.Round,
            new($"Kính gửi {reviewer.Reviewer.Name},", $"Dear {reviewer.Reviewer.Name},"),
            new("Ông/Bà không cần thẩm định đề án này nữa; đường liên kết thẩm định đã hết hiệu lực.", "You no longer need to appraise it; the review link no longer works."));
    }
}
