using KhuyenCong.Application.Email;
using KhuyenCong.Application.Links;
using KhuyenCong.Application.Options;
using KhuyenCong.Application.Proposals;
using KhuyenCong.Application.Telemetry;
using KhuyenCong.Domain.Proposals;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Functions.Proposals;

/// <summary>The proposal workflow's activities: idempotent, because the durable engine delivers at least once.</summary>
public sealed partial class ProposalActivities(
    IProposalRepository proposals,
    OnceOnlyEmailSender email,
    LinkService links,
    IOptions<KhuyenCongOptions> options,
    ILogger<ProposalActivities> logger)
{
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

    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "Proposal {ProposalId}: {Email} email sent now: {SentNow}")]
    private static partial void LogEmailed(ILogger logger, string proposalId, string email, bool sentNow);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Error, Message = "Proposal {ProposalId} does not exist: no email sent")]
    private static partial void LogMissing(ILogger logger, string proposalId);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Information, Message = "Proposal {ProposalId}: {From} → {To}")]
    private static partial void LogStatusChanged(ILogger logger, string proposalId, string from, string to);
}
