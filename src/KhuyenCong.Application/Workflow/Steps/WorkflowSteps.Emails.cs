using KhuyenCong.Application.Email;
using KhuyenCong.Application.Links;
using KhuyenCong.Application.Telemetry;
using KhuyenCong.Domain.Proposals;

namespace KhuyenCong.Application.Workflow.Steps;

public sealed partial class WorkflowSteps
{
    /// <summary>Emails the applicant that the proposal was received, with its tracking code, link and withdraw link (once).</summary>
    public async Task SendAcknowledgementAsync(string proposalId, CancellationToken cancellationToken)
    {
        using var scope = logger.ProposalScope(proposalId);
        if (await LoadAsync(proposalId, cancellationToken) is not { } proposal)
        {
            return;
        }

        var withdrawUrl = links.CreateUrl(LinkActions.Withdraw, proposal.Id, "applicant");
        var sent = await email.SendOnceAsync(proposal.Id, ProposalEmails.Acknowledgement(proposal, options.Value.PublicBaseUrl, withdrawUrl,
            Domain.Documents.DocumentChecklist.For(proposal, await CallOfAsync(proposal, cancellationToken))), cancellationToken);
        LogEmailed(logger, proposalId, "acknowledgement", sent);
    }

    /// <summary>Tells the applicant the proposal was withdrawn (once).</summary>
    public async Task SendWithdrawalConfirmationAsync(string proposalId, CancellationToken cancellationToken)
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
    public async Task SendCancellationNoticeAsync(string proposalId, CancellationToken cancellationToken)
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
    public async Task SendWorkflowEmailAsync(WorkflowEmailRequest request, CancellationToken cancellationToken)
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
}
