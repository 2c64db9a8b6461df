using KhuyenCong.Application.Appraisal;
using KhuyenCong.Application.Budgets;
using KhuyenCong.Application.Calls;
using KhuyenCong.Application.Caps;
using KhuyenCong.Application.Email;
using KhuyenCong.Application.Links;
using KhuyenCong.Application.Options;
using KhuyenCong.Application.Proposals;
using KhuyenCong.Application.Telemetry;
using KhuyenCong.Domain.Budgets;
using KhuyenCong.Domain.Proposals;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Application.Workflow.Steps;

/// <summary>
/// The proposal workflow's steps: everything the orchestration asks of the world (status changes, checks, reviewer
/// assignment, deadlines, the record's funding, emails), one method per activity of the same name. Each is idempotent,
/// because the durable engine delivers an activity at least once: every write is keyed by proposal and round, every
/// email by its send id. Split by stage across the partial files.
/// </summary>
public sealed partial class WorkflowSteps(
    IProposalRepository proposals,
    IProposalCaseStore cases,
    IReviewerAssigner assigner,
    IReviewerRoster roster,
    IRubricStore rubrics,
    ICallStore calls,
    IBudgetLedger ledger,
    CapAssessment caps,
    OnceOnlyEmailSender email,
    LinkService links,
    IOptions<KhuyenCongOptions> options,
    IOptions<WorkflowOptions> workflow,
    TimeProvider time,
    ILogger<WorkflowSteps> logger)
{
    private string BaseUrl => options.Value.PublicBaseUrl.TrimEnd('/');

    /// <summary>The call the proposal was submitted to (its required documents), or null without one (or when it is gone).</summary>
    private async Task<Domain.Calls.Call?> CallOfAsync(Proposal proposal, CancellationToken cancellationToken) =>
        proposal.CallId is { } id ? await calls.GetAsync(id, cancellationToken) : null;

    /// <summary>The durations and reviewer count, read by the orchestration once per run.</summary>
    public WorkflowSettings GetWorkflowSettings()
    {
        var w = workflow.Value;
        return new WorkflowSettings(w.RevisionDeadline, w.RevisionReminderInterval, w.ReviewerCount, w.ReviewDeadline, w.ReviewReminderInterval, w.ApprovalReminderInterval);
    }

    /// <summary>Writes a status change to the proposal's history, record and index rows (idempotent by sequence).</summary>
    public async Task RecordStatusChangeAsync(StatusChangeInput change, CancellationToken cancellationToken)
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

    /// <summary>The budget line of the proposal's plan year (its call's; the submission year for proposals without a call, so version-1 instances keep their line), or of the year it was carried over to.</summary>
    private static BudgetKey BudgetOf(Proposal proposal) => new(proposal.BudgetYear, proposal.Submission.FundingSource);

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
