using System.Text.Json;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Functions.Workflow;

namespace KhuyenCong.UnitTests.Workflow.InMemory;

/// <summary>
/// The workflow's timing paths on the in-memory durable engine, with durations of seconds: the revision deadline, the
/// reminders and escalation of appraisal and approval, and events of other rounds arriving while a timer is pending
/// (durabletask-dotnet #713 once lost such events on this host; with 0.2.3-preview.1 they arrive, and these tests say
/// so). Assertions hold on a loaded machine: they wait for states, and count reminders as "one or more, numbered in
/// order", never as an exact number that depends on how late a timer fires.
/// </summary>
public sealed class WorkflowTimingTests
{
    private static readonly TimeSpan Long = TimeSpan.FromMinutes(10);

    private static object Settings(TimeSpan? revisionDeadline = null, TimeSpan? revisionReminders = null, TimeSpan? reviewDeadline = null,
        TimeSpan? reviewReminders = null, TimeSpan? approvalReminders = null) => new
        {
            RevisionDeadline = revisionDeadline ?? Long,
            RevisionReminderInterval = revisionReminders ?? Long,
            ReviewerCount = 1,
            ReviewDeadline = reviewDeadline ?? Long,
            ReviewReminderInterval = reviewReminders ?? Long,
            ApprovalReminderInterval = approvalReminders ?? Long,
        };

    [Fact]
    public async Task Revision_NoAnswerByTheDeadline_RemindsThenWithdrawsAtTheDeadline()
    {
        await using var workflow = await InMemoryWorkflow.StartAsync(Settings(revisionDeadline: TimeSpan.FromSeconds(6), revisionReminders: TimeSpan.FromSeconds(2)));
        var id = await workflow.SubmitAsync();
        await workflow.WaitForStatusAsync(id, "screening");

        await workflow.Client.RaiseEventAsync(id, WorkflowEvents.ScreeningDecided, new ScreeningDecision(1, ScreeningOutcome.RequestDocuments, "Cán bộ A", "Thiếu báo giá"));

        Assert.Equal("withdrawn", await workflow.CompletionAsync(id));
        Assert.Equal(["screening", "needs-revision", "withdrawn"], workflow.Statuses);
        var requests = workflow.Emails(WorkflowEmailKind.RevisionRequested).Select(e => e.Number).ToList();
        Assert.InRange(requests.Count, 2, 3);
        Assert.Equal(Enumerable.Range(0, requests.Count), requests);
        Assert.Single(workflow.Emails(WorkflowEmailKind.RevisionExpired));
        var changes = workflow.Calls.Where(c => c.Name == nameof(ProposalActivities.RecordStatusChange)).Select(At).ToList();
        Assert.True(changes[2] - changes[1] >= TimeSpan.FromSeconds(6), $"withdrawn {changes[2] - changes[1]} after the request: before the deadline");
    }

    [Fact]
    public async Task Appraisal_SilentReviewer_IsRemindedThenEscalatedAndTheCouncilStillConcludes()
    {
        await using var workflow = await InMemoryWorkflow.StartAsync(Settings(reviewDeadline: TimeSpan.FromSeconds(5), reviewReminders: TimeSpan.FromSeconds(2)));
        var id = await workflow.SubmitAsync();
        await workflow.WaitForStatusAsync(id, "screening");
        await workflow.Client.RaiseEventAsync(id, WorkflowEvents.ScreeningDecided, new ScreeningDecision(1, ScreeningOutcome.Accept, "Cán bộ A", null));

        await workflow.WaitForAsync(w => w.Emails(WorkflowEmailKind.ReviewEscalation).Count == 1, "the escalation at the reviewer's deadline");
        var invitations = workflow.Emails(WorkflowEmailKind.ReviewInvitation).Select(e => e.Number).ToList();
        Assert.InRange(invitations.Count, 2, 3);
        Assert.Equal(Enumerable.Range(0, invitations.Count), invitations);
        await workflow.Client.RaiseEventAsync(id, WorkflowEvents.AppraisalChanged, new AppraisalEvent(1, AppraisalEventKind.ReviewSubmitted, "r1", "r1"));

        await workflow.WaitForStatusAsync(id, "awaiting-approval");
        Assert.Single(workflow.Calls, c => c.Name == nameof(ProposalActivities.EvaluateCouncil));
        Assert.Single(workflow.Emails(WorkflowEmailKind.ReviewEscalation));
        await workflow.Client.RaiseEventAsync(id, WorkflowEvents.Withdrawn, new WithdrawalRequest("applicant", null));
        Assert.Equal("withdrawn", await workflow.CompletionAsync(id));
    }

    [Fact]
    public async Task Approval_NoDecision_RemindsTheDirectorUntilTheApplicantWithdraws()
    {
        await using var workflow = await InMemoryWorkflow.StartAsync(Settings(approvalReminders: TimeSpan.FromSeconds(1)));
        var id = await workflow.SubmitAsync();
        await workflow.WaitForStatusAsync(id, "screening");
        await workflow.Client.RaiseEventAsync(id, WorkflowEvents.ScreeningDecided, new ScreeningDecision(1, ScreeningOutcome.Accept, "Cán bộ A", null));
        await workflow.WaitForAsync(w => w.Emails(WorkflowEmailKind.ReviewInvitation).Count == 1, "the reviewer's invitation");
        await workflow.Client.RaiseEventAsync(id, WorkflowEvents.AppraisalChanged, new AppraisalEvent(1, AppraisalEventKind.ReviewSubmitted, "r1", "r1"));

        await workflow.WaitForAsync(w => w.Emails(WorkflowEmailKind.ApprovalRequest).Count >= 3, "two reminders to the director");
        await workflow.Client.RaiseEventAsync(id, WorkflowEvents.Withdrawn, new WithdrawalRequest("applicant", "Đổi kế hoạch"));

        Assert.Equal("withdrawn", await workflow.CompletionAsync(id));
        var requests = workflow.Emails(WorkflowEmailKind.ApprovalRequest).Select(e => e.Number).ToList();
        Assert.Equal(Enumerable.Range(0, requests.Count), requests);
        Assert.Single(workflow.Emails(WorkflowEmailKind.ApprovalNoLongerNeeded));
        Assert.Single(workflow.Emails(WorkflowEmailKind.WithdrawnNotice));
        Assert.Equal("withdrawn", workflow.Statuses[^1]);
    }

    [Fact]
    public async Task Events_OfOtherRoundsWhileATimerIsPending_AreIgnoredAndTheCurrentRoundDecides()
    {
        await using var workflow = await InMemoryWorkflow.StartAsync(Settings());
        var id = await workflow.SubmitAsync();
        await workflow.WaitForStatusAsync(id, "screening");
        await workflow.Client.RaiseEventAsync(id, WorkflowEvents.ScreeningDecided, new ScreeningDecision(2, ScreeningOutcome.Reject, "Cán bộ A", "vòng sau"));
        await workflow.Client.RaiseEventAsync(id, WorkflowEvents.ScreeningDecided, new ScreeningDecision(1, ScreeningOutcome.RequestDocuments, "Cán bộ A", "Thiếu báo giá"));
        await workflow.WaitForStatusAsync(id, "needs-revision");

        // The revision waits with its reminder timer pending: an old round's answer is ignored, the current one counts.
        await workflow.Client.RaiseEventAsync(id, WorkflowEvents.RevisionSubmitted, new RevisionNotice(0, "applicant"));
        await workflow.Client.RaiseEventAsync(id, WorkflowEvents.RevisionSubmitted, new RevisionNotice(1, "applicant"));
        await workflow.WaitForAsync(w => w.Calls.Count(c => c.Name == nameof(ProposalActivities.RunScreeningChecks)) == 2, "the second screening round");
        await workflow.WaitForStatusAsync(id, "screening");
        await workflow.Client.RaiseEventAsync(id, WorkflowEvents.ScreeningDecided, new ScreeningDecision(1, ScreeningOutcome.Accept, "Cán bộ A", "vòng cũ"));
        await workflow.Client.RaiseEventAsync(id, WorkflowEvents.ScreeningDecided, new ScreeningDecision(2, ScreeningOutcome.Accept, "Cán bộ A", null));
        await workflow.WaitForAsync(w => w.Emails(WorkflowEmailKind.ReviewInvitation).Count == 1, "the reviewer's invitation");

        // Appraisal and approval also wait with a timer pending.
        await workflow.Client.RaiseEventAsync(id, WorkflowEvents.AppraisalChanged, new AppraisalEvent(2, AppraisalEventKind.ReviewSubmitted, "r1", "r1"));
        await workflow.Client.RaiseEventAsync(id, WorkflowEvents.AppraisalChanged, new AppraisalEvent(1, AppraisalEventKind.ReviewSubmitted, "r1", "r1"));
        await workflow.WaitForStatusAsync(id, "awaiting-approval");
        workflow.Steps.Approvals[1] = DirectorOutcome.Reject;
        await workflow.Client.RaiseEventAsync(id, WorkflowEvents.DirectorDecided, new DirectorDecision(2, DirectorOutcome.Approve, "Giám đốc"));
        await workflow.Client.RaiseEventAsync(id, WorkflowEvents.DirectorDecided, new DirectorDecision(1, DirectorOutcome.Reject, "Giám đốc"));

        Assert.Equal("rejected", await workflow.CompletionAsync(id));
        Assert.Equal(["screening", "needs-revision", "screening", "in-review", "awaiting-approval", "rejected"], workflow.Statuses);
        Assert.Equal([1, 2], workflow.Calls.Where(c => c.Name == nameof(ProposalActivities.RunScreeningChecks)).Select(c => c.Round));
        Assert.Equal([1], workflow.Calls.Where(c => c.Name == nameof(ProposalActivities.ApplyApproval)).Select(c => c.Round));
        Assert.Single(workflow.Calls, c => c.Name == nameof(ProposalActivities.EvaluateCouncil));
    }

    private static DateTimeOffset At(StepCall change)
    {
        var root = JsonDocument.Parse(change.Input!).RootElement;
        return (root.ValueKind == JsonValueKind.Array ? root[0] : root).GetProperty("At").GetDateTimeOffset();
    }
}
