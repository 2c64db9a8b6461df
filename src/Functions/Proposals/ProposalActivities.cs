using KhuyenCong.Application.Email;
using KhuyenCong.Application.Options;
using KhuyenCong.Application.Proposals;
using KhuyenCong.Application.Telemetry;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Functions.Proposals;

/// <summary>The proposal workflow's activities: idempotent, because the durable engine delivers at least once.</summary>
public sealed partial class ProposalActivities(
    IProposalRepository proposals,
    OnceOnlyEmailSender email,
    IOptions<KhuyenCongOptions> options,
    ILogger<ProposalActivities> logger)
{
    /// <summary>Emails the applicant that the proposal was received, with its tracking code and link (once).</summary>
    [Function(nameof(SendAcknowledgement))]
    public async Task SendAcknowledgement([ActivityTrigger] string proposalId, CancellationToken cancellationToken)
    {
        using var scope = logger.ProposalScope(proposalId);
        var proposal = await proposals.GetAsync(proposalId, cancellationToken);
        if (proposal is null)
        {
            // A permanent condition: retrying would not help (storage failures throw and are retried).
            LogMissing(logger, proposalId);
            return;
        }

        var sent = await email.SendOnceAsync(proposal.Id, ProposalEmails.Acknowledgement(proposal, options.Value.PublicBaseUrl), cancellationToken);
        LogAcknowledged(logger, proposalId, sent);
    }

    [LoggerMessage(EventId = 2102, Level = LogLevel.Error, Message = "Proposal {ProposalId} does not exist: no acknowledgement sent")]
    private static partial void LogMissing(ILogger logger, string proposalId);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "Proposal {ProposalId}: acknowledgement email sent now: {SentNow}")]
    private static partial void LogAcknowledged(ILogger logger, string proposalId, bool sentNow);
}
