using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Proposals;
using Microsoft.DurableTask;

namespace KhuyenCong.Functions.Workflow;

/// <summary>
/// The proposal's process, stage by stage: screening and the applicant's revisions here, the council in
/// ProposalProcess.Appraisal.cs, the director's approval (version 1), the contract and the work in
/// ProposalProcess.Funding.cs; the council's session, the plan and its decision (version 2) in ProposalProcess.Cycle.cs.
/// </summary>
internal sealed partial class ProposalProcess(TaskOrchestrationContext context, string proposalId)
    : WorkflowProcess(context, proposalId)
{
    private enum Step
    {
        Screen,
        AwaitRevision,
        Appraise,
        Approve,
        AwaitPlan,
        AwaitContract,
        Implement,
        Done,
    }

    /// <summary>The director's request for revision, carried to the revision step.</summary>
    private RevisionAsk? directorRevision;

    public async Task<ProposalStatus> RunAsync()
    {
        await BeginAsync();
        var step = Step.Screen;
        while (step != Step.Done)
        {
            step = step switch
            {
                Step.Screen => await ScreenAsync(),
                Step.AwaitRevision => await AwaitRevisionAsync(),
                Step.Appraise => await AppraiseAsync(),
                Step.Approve => await ApproveAsync(),
                Step.AwaitPlan => await AwaitPlanAsync(),
                Step.AwaitContract => await AwaitContractAsync(),
                Step.Implement => await ImplementAsync(),
                _ => Step.Done,
            };
        }

        return Status;
    }

    /// <summary>Automatic checks, then an officer accepts, rejects or asks the applicant for documents.</summary>
    private async Task<Step> ScreenAsync()
    {
        var round = ++ScreeningRound;
        // The round's checks are stored before the status says "screening", so an officer who sees the status finds
        // the round to decide on.
        await CallAsync(nameof(ProposalActivities.RunScreeningChecks), new RoundInput(ProposalId, round));
        await ChangeStatusAsync(ProposalStatus.Screening, Status == ProposalStatus.NeedsRevision ? "applicant" : "system", null);
        await SendAsync(WorkflowEmailKind.ScreeningNeeded, round);

        var decided = Listen<ScreeningDecision>(WorkflowEvents.ScreeningDecided);
        var (outcome, decision) = await WaitForRoundAsync(decided, d => d.Round == round, wakeAt: null);
        if (outcome == WaitOutcome.Ended)
        {
            return Step.Done;
        }

        switch (decision!.Outcome)
        {
            case ScreeningOutcome.Accept:
                await ChangeStatusAsync(ProposalStatus.InReview, decision.By, decision.Comment);
                return Step.Appraise;
            case ScreeningOutcome.Reject:
                await ChangeStatusAsync(ProposalStatus.Rejected, decision.By, decision.Comment);
                await SendAsync(WorkflowEmailKind.Rejected, round);
                return Step.Done;
            default:
                await ChangeStatusAsync(ProposalStatus.NeedsRevision, decision.By, decision.Comment);
                return Step.AwaitRevision;
        }
    }

    /// <summary>The applicant adds documents through the emailed link; reminders; no answer by the deadline withdraws the proposal.</summary>
    private async Task<Step> AwaitRevisionAsync()
    {
        var round = ScreeningRound;
        var start = Context.CurrentUtcDateTime;
        var due = start + Settings.RevisionDeadline;
        await CallAsync(nameof(ProposalActivities.OpenRevision), new RevisionInput(ProposalId, round, due, directorRevision?.By, directorRevision?.Comment));
        directorRevision = null;
        await SendAsync(WorkflowEmailKind.RevisionRequested, round);

        var revised = Listen<RevisionNotice>(WorkflowEvents.RevisionSubmitted);
        for (var reminders = 0; ; reminders++)
        {
            var nextReminder = start + (Settings.RevisionReminderInterval * (reminders + 1));
            var (outcome, _) = await WaitForRoundAsync(revised, r => r.Round == round, nextReminder < due ? nextReminder : due);
            if (outcome != WaitOutcome.Woke)
            {
                return outcome == WaitOutcome.Ended ? Step.Done : Step.Screen;
            }

            if (Context.CurrentUtcDateTime >= due)
            {
                await ChangeStatusAsync(ProposalStatus.Withdrawn, "system", "Quá hạn bổ sung hồ sơ / No answer by the deadline");
                await SendAsync(WorkflowEmailKind.RevisionExpired, round);
                return Step.Done;
            }

            await SendAsync(WorkflowEmailKind.RevisionRequested, round, reminders + 1);
        }
    }

    private sealed record RevisionAsk(string By, string? Comment);
}
