using KhuyenCong.Application.Telemetry;
using KhuyenCong.Domain.Proposals;

namespace KhuyenCong.Application.Workflow.Steps;

public sealed partial class WorkflowSteps
{
    /// <summary>Runs the automatic screening checks of a round and stores them (a replay keeps a decision already taken); returns the blocking findings' count.</summary>
    public async Task<int> RunScreeningChecksAsync(RoundInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var scope = logger.ProposalScope(input.ProposalId);
        var proposal = await RequireAsync(input.ProposalId, cancellationToken);
        var today = VietnamTime.Today(time);
        var cap = await caps.AssessAsync(proposal.Submission, proposal.Id, today, Domain.Text.Language.Vietnamese, cancellationToken);
        var findings = ScreeningChecks.Run(proposal, cap, today, await CallOfAsync(proposal, cancellationToken));
        await cases.SaveScreeningAsync(proposal.Id, new ScreeningRecord(input.Round, findings, time.GetUtcNow()), cancellationToken);
        return findings.Count(f => f.Blocking);
    }

    /// <summary>
    /// Opens the applicant's revision of a round: sets its deadline, and when the director asked for the revision, first
    /// records that request as the round's screening decision.
    /// </summary>
    public async Task OpenRevisionAsync(RevisionInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var scope = logger.ProposalScope(input.ProposalId);
        var due = Utc(input.DueAt);
        var current = (await cases.GetAsync(input.ProposalId, cancellationToken)).Screenings.FirstOrDefault(s => s.Round == input.Round);
        var record = current ?? new ScreeningRecord(input.Round, [], time.GetUtcNow(), ScreeningOutcome.RequestDocuments, input.RequestedBy, time.GetUtcNow(), input.Comment);
        await cases.SaveScreeningAsync(input.ProposalId, record with { RevisionDueAt = record.RevisionDueAt ?? due }, cancellationToken);
    }
}
