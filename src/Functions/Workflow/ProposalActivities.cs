using KhuyenCong.Application.Appraisal;
using KhuyenCong.Application.Budgets;
using KhuyenCong.Application.Caps;
using KhuyenCong.Application.Email;
using KhuyenCong.Application.Links;
using KhuyenCong.Application.Options;
using KhuyenCong.Application.Proposals;
using KhuyenCong.Application.Telemetry;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Budgets;
using KhuyenCong.Domain.Proposals;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Functions.Workflow;

/// <summary>
/// The proposal workflow's activities: idempotent, because the durable engine delivers at least once (every write is
/// keyed by proposal and round, every email by its send id). Split by stage across the partial files.
/// </summary>
public sealed partial class ProposalActivities(
    IProposalRepository proposals,
    IProposalCaseStore cases,
    IReviewerAssigner assigner,
    IReviewerRoster roster,
    IRubricStore rubrics,
    IBudgetLedger ledger,
    ICapStore caps,
    OnceOnlyEmailSender email,
    LinkService links,
    IOptions<KhuyenCongOptions> options,
    IOptions<WorkflowOptions> workflow,
    TimeProvider time,
    ILogger<ProposalActivities> logger)
{
    private string BaseUrl => options.Value.PublicBaseUrl.TrimEnd('/');

    [Function(nameof(GetWorkflowSettings))]
    public WorkflowSettings GetWorkflowSettings([ActivityTrigger] string proposalId)
    {
        var w = workflow.Value;
        return new WorkflowSettings(w.RevisionDeadline, w.RevisionReminderInterval, w.ReviewerCount, w.ReviewDeadline, w.ReviewReminderInterval, w.ApprovalReminderInterval);
    }

    /// <summary>Writes a status change to the proposal's history, record and index rows (idempotent by sequence).</summary>
    [Function(nameof(RecordStatusChange))]
    public async Task RecordStatusChange([ActivityTrigger] StatusChangeInput change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        using var scope = logger.ProposalScope(change.ProposalId);
        ProposalStatusCodes.TryParse(change.From, out var from);
        if (!ProposalStatusCodes.TryParse(change.To, out var to))
        {
            throw new InvalidOperationException($"Unknown status '{change.To}'.");
        }

        await proposals.ChangeStatusAsync(change.ProposalId, change.Sequence, new StatusChange(change.At, from, to, change.By, change.Comment), cancellationToken);
        LogStatusChanged(logger, change.ProposalId, change.From, change.To);
    }

    /// <summary>Emails the applicant that the proposal was received, with its tracking code, link and withdraw link (once).</summary>
    [Function(nameof(SendAcknowledgement))]
    public async Task SendAcknowledgement([ActivityTrigger] string proposalId, CancellationToken cancellationToken)
    {
        using var scope = logger.ProposalScope(proposalId);
        if (await LoadAsync(proposalId, cancellationToken) is not { } proposal)
        {
            return;
        }

        var withdrawUrl = links.CreateUrl(LinkActions.Withdraw, proposal.Id, "applicant");
        var sent = await email.SendOnceAsync(proposal.Id, ProposalEmails.Acknowledgement(proposal, options.Value.PublicBaseUrl, withdrawUrl), cancellationToken);
        LogEmailed(logger, proposalId, "acknowledgement", sent);
    }

    /// <summary>Tells the applicant the proposal was withdrawn (once).</summary>
    [Function(nameof(SendWithdrawalConfirmation))]
    public async Task SendWithdrawalConfirmation([ActivityTrigger] string proposalId, CancellationToken cancellationToken)
    {
        using var scope = logger.ProposalScope(proposalId);
        if (await LoadAsync(proposalId, cancellationToken) is not { } proposal)
        {
            return;
        }

        var sent = await email.SendOnceAsync(proposal.Id, ProposalEmails.Withdrawn(proposal, options.Value.PublicBaseUrl), cancellationToken);
        LogEmailed(logger, proposalId, "withdrawal", sent);
    }

    /// <summary>Tells the applicant an officer cancelled the proposal, with the reason (once).</summary>
    [Function(nameof(SendCancellationNotice))]
    public async Task SendCancellationNotice([ActivityTrigger] string proposalId, CancellationToken cancellationToken)
    {
        using var scope = logger.ProposalScope(proposalId);
        if (await LoadAsync(proposalId, cancellationToken) is not { } proposal)
        {
            return;
        }

        var reason = proposal.History.LastOrDefault(h => h.To == ProposalStatus.Cancelled)?.Comment ?? string.Empty;
        var sent = await email.SendOnceAsync(proposal.Id, ProposalEmails.Cancelled(proposal, reason, options.Value.PublicBaseUrl), cancellationToken);
        LogEmailed(logger, proposalId, "cancellation", sent);
    }

    /// <summary>The emails of the workflow's steps, built from what is stored (once each, by send id).</summary>
    [Function(nameof(SendWorkflowEmail))]
    public async Task SendWorkflowEmail([ActivityTrigger] WorkflowEmailRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var scope = logger.ProposalScope(request.ProposalId);
        if (await LoadAsync(request.ProposalId, cancellationToken) is not { } proposal)
        {
            return;
        }

        var message = await ComposeAsync(proposal, request, cancellationToken);
        if (message is null)
        {
            LogNothingToSend(logger, request.ProposalId, request.Kind.ToString());
            return;
        }

        var sent = await email.SendOnceAsync(proposal.Id, message, cancellationToken);
        LogEmailed(logger, request.ProposalId, request.Kind.ToString(), sent);
    }

    private async Task<EmailMessage?> ComposeAsync(Proposal proposal, WorkflowEmailRequest request, CancellationToken cancellationToken)
    {
        var staffUrl = $"{BaseUrl}/staff/proposals/{proposal.Id}";
        var officers = workflow.Value.Officers;
        var proposalCase = await cases.GetAsync(proposal.Id, cancellationToken);
        switch (request.Kind)
        {
            case WorkflowEmailKind.ScreeningNeeded:
                return WorkflowEmails.ScreeningNeeded(proposal, request.Round, proposalCase.Screenings.FirstOrDefault(s => s.Round == request.Round)?.Findings ?? [], officers, staffUrl);
            case WorkflowEmailKind.RevisionRequested:
            {
                var screening = proposalCase.Screenings.FirstOrDefault(s => s.Round == request.Round);
                var due = screening?.RevisionDueAt ?? time.GetUtcNow();
                var url = links.CreateUrl(LinkActions.Revise, proposal.Id, "applicant", request.Round);
                return WorkflowEmails.RevisionRequested(proposal, request.Round, screening?.Comment, due, url, request.Number);
            }

            case WorkflowEmailKind.RevisionExpired:
                return WorkflowEmails.RevisionExpired(proposal, request.Round, BaseUrl);
            case WorkflowEmailKind.Rejected:
                return WorkflowEmails.Rejected(proposal, proposal.History.LastOrDefault(h => h.To == ProposalStatus.Rejected)?.Comment, BaseUrl);
            case WorkflowEmailKind.ReviewInvitation:
            case WorkflowEmailKind.ReviewEscalation:
            {
                var review = proposalCase.Reviews.FirstOrDefault(r => r.Round == request.Round && r.ReviewerId == request.ReviewerId);
                if (review is null || !review.IsOpen)
                {
                    return null;
                }

                if (request.Kind == WorkflowEmailKind.ReviewEscalation)
                {
                    return WorkflowEmails.ReviewEscalation(proposal, review.ReviewerName, request.Round, review.DueAt, officers, staffUrl, review.ReviewerId);
                }

                var reviewer = await roster.GetAsync(review.ReviewerId, cancellationToken);
                if (reviewer is null)
                {
                    return null;
                }

                var url = links.CreateUrl(LinkActions.Review, proposal.Id, review.ReviewerId, request.Round);
                return WorkflowEmails.ReviewInvitation(proposal, reviewer.Reviewer.Email, reviewer.Reviewer.Name, request.Round, review.DueAt, url, request.Number);
            }

            case WorkflowEmailKind.ReviewerShortfall:
                return WorkflowEmails.ReviewerShortfall(proposal, request.Round, request.Count, officers, staffUrl, request.Number);
            case WorkflowEmailKind.ApprovalRequest:
            {
                var url = links.CreateUrl(LinkActions.Approve, proposal.Id, "director", request.Round);
                return WorkflowEmails.ApprovalRequest(proposal, proposalCase.CurrentVerdict, workflow.Value.DirectorEmail, request.Round, url, request.Number);
            }

            case WorkflowEmailKind.Approved:
            {
                var approval = proposalCase.Approvals.FirstOrDefault(a => a.Round == request.Round);
                return approval is null ? null : WorkflowEmails.Approved(proposal, approval, links.CreateUrl(LinkActions.Report, proposal.Id, "applicant"));
            }

            case WorkflowEmailKind.ContractRecorded:
                return proposalCase.Contract is null ? null : WorkflowEmails.ContractRecorded(proposal, proposalCase.Contract, links.CreateUrl(LinkActions.Report, proposal.Id, "applicant"));
            case WorkflowEmailKind.Accepted:
                return WorkflowEmails.Accepted(proposal, BaseUrl);
            case WorkflowEmailKind.Settled:
                return WorkflowEmails.Settled(proposal, proposal.Funding.PaidAmount, BaseUrl);
            case WorkflowEmailKind.ReviewNoLongerNeeded:
            {
                var reviewer = request.ReviewerId is null ? null : await roster.GetAsync(request.ReviewerId, cancellationToken);
                return reviewer is null ? null : WorkflowEmails.NoLongerNeeded(proposal, [reviewer.Reviewer.Email], "review-closed-" + reviewer.Reviewer.Id, request.Round,
                    new($"Kính gửi {reviewer.Reviewer.Name},", $"Dear {reviewer.Reviewer.Name},"),
                    new("Ông/Bà không cần thẩm định đề án này nữa; đường liên kết thẩm định đã hết hiệu lực.", "You no longer need to appraise it; the review link no longer works."));
            }

            case WorkflowEmailKind.ApprovalNoLongerNeeded:
                return WorkflowEmails.NoLongerNeeded(proposal, [workflow.Value.DirectorEmail], "approval-closed", request.Round,
                    new("Kính gửi Giám đốc Sở Công Thương,", "Dear Director,"),
                    new("Đề án không còn chờ phê duyệt; đường liên kết phê duyệt đã hết hiệu lực.", "It no longer awaits your decision; the approval link no longer works."));
            case WorkflowEmailKind.WithdrawnNotice:
                return WorkflowEmails.NoLongerNeeded(proposal, officers, "withdrawn-officers", 1,
                    new("Kính gửi cán bộ Trung tâm Khuyến công,", "Dear officer,"),
                    new("Cơ sở đã rút đề án; hồ sơ được giữ để tra cứu.", "The establishment withdrew it; the record is kept for reference."));
            default:
                return null;
        }
    }

    private async Task<Proposal?> LoadAsync(string proposalId, CancellationToken cancellationToken)
    {
        var proposal = await proposals.GetAsync(proposalId, cancellationToken);
        if (proposal is null)
        {
            // A permanent condition: retrying would not help (storage failures throw and are retried).
            LogMissing(logger, proposalId);
        }

        return proposal;
    }

    private async Task<Proposal> RequireAsync(string proposalId, CancellationToken cancellationToken) =>
        await proposals.GetAsync(proposalId, cancellationToken) ?? throw new InvalidOperationException($"Proposal {proposalId} does not exist.");

    private static BudgetKey BudgetOf(Proposal proposal) => new(proposal.PlanYear, proposal.Submission.FundingSource);

    private static DateTimeOffset Utc(DateTime at) => new(DateTime.SpecifyKind(at, DateTimeKind.Utc));

    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "Proposal {ProposalId}: {Email} email sent now: {SentNow}")]
    private static partial void LogEmailed(ILogger logger, string proposalId, string email, bool sentNow);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Error, Message = "Proposal {ProposalId} does not exist: no email sent")]
    private static partial void LogMissing(ILogger logger, string proposalId);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Information, Message = "Proposal {ProposalId}: {From} → {To}")]
    private static partial void LogStatusChanged(ILogger logger, string proposalId, string from, string to);

    [LoggerMessage(EventId = 2104, Level = LogLevel.Information, Message = "Proposal {ProposalId}: no {Email} email to send (its subject is closed)")]
    private static partial void LogNothingToSend(ILogger logger, string proposalId, string email);
}
