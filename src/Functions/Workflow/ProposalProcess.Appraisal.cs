using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Proposals;

namespace KhuyenCong.Functions.Workflow;

internal sealed partial class ProposalProcess
{
    /// <summary>
    /// The council: reviewers chosen from the roster, each emailed a review link; conflicts and officers' replacements
    /// bring in another reviewer; reminders, and an escalation to officers at each reviewer's deadline; when the roster
    /// gives nobody, officers are told and the roster is asked again later. The bookkeeping is <see cref="CouncilRound"/>.
    /// </summary>
    private async Task<Step> AppraiseAsync()
    {
        var round = ++AppraisalRound;
        Publish();
        var council = new CouncilRound(Settings.ReviewerCount, Settings.ReviewDeadline, Settings.ReviewReminderInterval);
        await InviteAsync(council, round, Settings.ReviewerCount);
        var changed = Listen<AppraisalEvent>(WorkflowEvents.AppraisalChanged);
        while (!council.Concluded)
        {
            var (outcome, change) = await WaitForRoundAsync(changed, c => c.Round == round, council.NextWake(Context.CurrentUtcDateTime));
            switch (outcome)
            {
                case WaitOutcome.Ended:
                    return Step.Done;
                case WaitOutcome.Arrived:
                    // The council goes on listening: the next reviewer's answer may come while this one is handled.
                    changed.Renew();
                    await ReviewerAnsweredAsync(council, round, change!);
                    break;
                default:
                    await RemindAsync(council, round);
                    break;
            }
        }

        var verdict = await CallAsync<VerdictSummary>(nameof(ProposalActivities.EvaluateCouncil), new RoundInput(ProposalId, round));
        if (RunsTheCycle)
        {
            return await AwaitCouncilSessionAsync(round);
        }

        await ChangeStatusAsync(ProposalStatus.AwaitingApproval, "council", verdict.Summary);
        return Step.Approve;
    }

    /// <summary>Asks the roster for <paramref name="count"/> more reviewers and invites each; tells officers when it falls short.</summary>
    private async Task InviteAsync(CouncilRound council, int round, int count)
    {
        var picked = await CallAsync<ReviewerPicks>(nameof(ProposalActivities.AssignReviewers), new AssignInput(ProposalId, round, count, council.Invited));
        foreach (var reviewerId in picked.ReviewerIds)
        {
            var invitation = council.Invite(reviewerId, Context.CurrentUtcDateTime);
            await CallAsync(nameof(ProposalActivities.InviteReviewer), new InviteInput(ProposalId, round, reviewerId, invitation.InvitedAt, invitation.DueAt));
            await SendAsync(WorkflowEmailKind.ReviewInvitation, round, 0, reviewerId);
        }

        if (picked.Missing > 0)
        {
            await SendAsync(WorkflowEmailKind.ReviewerShortfall, round, council.FellShort(), count: picked.Missing);
        }
    }

    /// <summary>A review, a conflict of interest or a replacement: the review is closed, and another reviewer asked unless it was a review.</summary>
    private async Task ReviewerAnsweredAsync(CouncilRound council, int round, AppraisalEvent change)
    {
        if (council.Close(change.ReviewerId, change.Kind) is not { } replace)
        {
            return;
        }

        await CallAsync(nameof(ProposalActivities.CloseReview), new ReviewerInput(ProposalId, round, change.ReviewerId));
        if (replace)
        {
            await InviteAsync(council, round, 1);
        }
    }

    /// <summary>At a wake-up: the roster asked again if its time came, then each escalation and reminder due.</summary>
    private async Task RemindAsync(CouncilRound council, int round)
    {
        var due = council.Due(Context.CurrentUtcDateTime);
        if (due.Refill is { } seats)
        {
            await InviteAsync(council, round, seats);
        }

        foreach (var notice in due.Notices)
        {
            await SendAsync(notice.Escalation ? WorkflowEmailKind.ReviewEscalation : WorkflowEmailKind.ReviewInvitation, round, notice.Reminder, notice.ReviewerId);
        }
    }
}
