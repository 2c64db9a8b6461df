using KhuyenCong.Application.Workflow;
using KhuyenCong.Functions.Workflow;

namespace KhuyenCong.UnitTests.Workflow.InMemory;

/// <summary>
/// Version 2 of the workflow (the yearly cycle, ADR 0020) on the in-memory durable engine: the council's session, the
/// plan and its decision, reserve and a later plan, events of other rounds, and the proposal's end at the new stages.
/// The steps are stand-ins (<see cref="InMemoryWorkflow"/>): these tests are about what the orchestration does and
/// when; the stage tests on Azurite check the records and the outbox.
/// </summary>
public sealed class CycleWorkflowTests
{
    private static readonly TimeSpan Long = TimeSpan.FromMinutes(10);

    private static readonly DateOnly Date = new(2026, 12, 10);

    private static object Settings() => new
    {
        RevisionDeadline = Long,
        RevisionReminderInterval = Long,
        ReviewerCount = 1,
        ReviewDeadline = Long,
        ReviewReminderInterval = Long,
        ApprovalReminderInterval = Long,
    };

    [Fact]
    public async Task Cycle_LocalPlanIncludesIt_GoesAppraisedInPlanApprovedWithoutTheDirectorAndWithoutCommittingMoney()
    {
        await using var workflow = await InMemoryWorkflow.StartAsync(Settings());
        var id = await ToAppraisedAsync(workflow);

        await workflow.Client.RaiseEventAsync(id, CycleEvents.PlanSubmitted, new PlanSubmission(1, PlanPath.Local, "45/TTr-SCT", Date, "Cán bộ A"));
        await workflow.WaitForStatusAsync(id, "in-plan");
        await workflow.Client.RaiseEventAsync(id, CycleEvents.PlanDecided, new PlanDecision(1, PlanOutcome.Included, 230_000_000, "12/QĐ-UBND", Date, "people-committee", "Cán bộ A"));
        await workflow.WaitForStatusAsync(id, "approved");
        await workflow.Client.RaiseEventAsync(id, WorkflowEvents.ContractRecorded, new ContractNotice("Cán bộ A"));
        await workflow.WaitForStatusAsync(id, "in-progress");
        await workflow.Client.RaiseEventAsync(id, WorkflowEvents.Withdrawn, new WithdrawalRequest("applicant", null));

        Assert.Equal("withdrawn", await workflow.CompletionAsync(id));
        Assert.Equal(["screening", "in-review", "appraised", "in-plan", "approved", "in-progress", "withdrawn"], workflow.Statuses);
        var applied = Assert.Single(workflow.Calls, c => c.Name == nameof(ProposalActivities.ApplyPlanDecision));
        Assert.Contains("\"Amount\":230000000", applied.Input, StringComparison.Ordinal);
        Assert.Contains("\"DecidedBy\":\"people-committee\"", applied.Input, StringComparison.Ordinal);
        Assert.Equal("QĐ 12/QĐ-UBND, 10/12/2026", Change(workflow, "approved").Comment);
        Assert.Equal("Tờ trình 45/TTr-SCT, 10/12/2026", Change(workflow, "in-plan").Comment);
        Assert.DoesNotContain(workflow.Calls, c => c.Name is nameof(ProposalActivities.ApplyApproval));
        Assert.Empty(workflow.Emails(WorkflowEmailKind.ApprovalRequest));
        Assert.Single(workflow.Emails(WorkflowEmailKind.InPlan));
        Assert.Single(workflow.Emails(WorkflowEmailKind.PlanIncluded));
        // Approved money is held: the withdrawal gives it back, once.
        Assert.Single(workflow.Calls, c => c.Name == nameof(ProposalActivities.ReleaseFunding));
    }

    [Fact]
    public async Task Cycle_ReserveChosenAgainByAnotherCallsRoundOne_TakesTheNewPlanAndIgnoresTheOldOnesRepeats()
    {
        await using var workflow = await InMemoryWorkflow.StartAsync(Settings());
        var id = await ToAppraisedAsync(workflow);
        var callA = PlanDecision.SelectionKey("call-a", 1);
        var callB = PlanDecision.SelectionKey("call-b", 1);

        await workflow.Client.RaiseEventAsync(id, CycleEvents.PlanDecided, new PlanDecision(1, PlanOutcome.Reserve, null, "12/QĐ-UBND", Date, "people-committee", "Cán bộ A", callA));
        await workflow.WaitForStatusAsync(id, "reserve");
        // Call A's decision repeated (a replayed use case) changes nothing; call B's round 1 is a new plan, not a stale event.
        await workflow.Client.RaiseEventAsync(id, CycleEvents.PlanDecided, new PlanDecision(1, PlanOutcome.Included, 90_000_000, "12/QĐ-UBND", Date, "people-committee", "Cán bộ A", callA));
        await workflow.Client.RaiseEventAsync(id, CycleEvents.PlanSubmitted, new PlanSubmission(1, PlanPath.Local, "8/TTr-SCT", Date.AddMonths(6), "Cán bộ B", callB));
        await workflow.WaitForStatusAsync(id, "in-plan");
        await workflow.Client.RaiseEventAsync(id, CycleEvents.PlanDecided, new PlanDecision(1, PlanOutcome.Included, 120_000_000, "31/QĐ-UBND", Date.AddMonths(7), "people-committee", "Cán bộ B", callB));
        await workflow.WaitForStatusAsync(id, "approved");
        await workflow.Client.RaiseEventAsync(id, WorkflowEvents.Withdrawn, new WithdrawalRequest("applicant", null));

        Assert.Equal("withdrawn", await workflow.CompletionAsync(id));
        Assert.Equal(["screening", "in-review", "appraised", "reserve", "in-plan", "approved", "withdrawn"], workflow.Statuses);
        var applied = Assert.Single(workflow.Calls, c => c.Name == nameof(ProposalActivities.ApplyPlanDecision));
        Assert.Contains("\"Amount\":120000000", applied.Input, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cycle_SelectionSentBackOnceSoItsDecisionIsRoundTwo_TakesTheDecision()
    {
        await using var workflow = await InMemoryWorkflow.StartAsync(Settings());
        var id = await ToAppraisedAsync(workflow);

        await workflow.Client.RaiseEventAsync(id, CycleEvents.PlanDecided,
            new PlanDecision(2, PlanOutcome.NotSelected, null, "12/QĐ-UBND", Date, "people-committee", "Cán bộ A", PlanDecision.SelectionKey("call-a", 2)));

        Assert.Equal("not-selected", await workflow.CompletionAsync(id));
    }

    [Fact]
    public async Task Cycle_ReserveThenALaterPlan_IgnoresTheOldRoundAndEndsNotSelected()
    {
        await using var workflow = await InMemoryWorkflow.StartAsync(Settings());
        var id = await ToAppraisedAsync(workflow);

        await workflow.Client.RaiseEventAsync(id, CycleEvents.PlanSubmitted, new PlanSubmission(1, PlanPath.National, "123/SCT-KC", Date, "Cán bộ A"));
        await workflow.WaitForStatusAsync(id, "sent-to-ministry");
        await workflow.Client.RaiseEventAsync(id, CycleEvents.PlanDecided, new PlanDecision(1, PlanOutcome.Reserve, null, "88/QĐ-BCT", Date, "ministry", "Cán bộ A"));
        await workflow.WaitForStatusAsync(id, "reserve");

        // The old round's events, late or repeated, change nothing; the next plan's round counts.
        await workflow.Client.RaiseEventAsync(id, CycleEvents.PlanDecided, new PlanDecision(1, PlanOutcome.Included, 100_000_000, "88/QĐ-BCT", Date, "ministry", "Cán bộ A"));
        await workflow.Client.RaiseEventAsync(id, CycleEvents.PlanSubmitted, new PlanSubmission(1, PlanPath.National, "123/SCT-KC", Date, "Cán bộ A"));
        await workflow.Client.RaiseEventAsync(id, CycleEvents.PlanSubmitted, new PlanSubmission(2, PlanPath.Local, "7/TTr-SCT", Date.AddMonths(6), "Cán bộ B"));
        await workflow.WaitForStatusAsync(id, "in-plan");
        await workflow.Client.RaiseEventAsync(id, CycleEvents.PlanSubmitted, new PlanSubmission(2, PlanPath.Local, "7/TTr-SCT", Date.AddMonths(6), "Cán bộ B"));
        await workflow.Client.RaiseEventAsync(id, CycleEvents.PlanDecided, new PlanDecision(2, PlanOutcome.NotSelected, null, "30/QĐ-UBND", Date.AddMonths(7), "people-committee", "Cán bộ B"));

        Assert.Equal("not-selected", await workflow.CompletionAsync(id));
        Assert.Equal(["screening", "in-review", "appraised", "sent-to-ministry", "reserve", "in-plan", "not-selected"], workflow.Statuses);
        Assert.Equal([1], workflow.Emails(WorkflowEmailKind.SentToMinistry).Select(e => e.Round));
        Assert.Equal([1], workflow.Emails(WorkflowEmailKind.Reserve).Select(e => e.Round));
        Assert.Equal([2], workflow.Emails(WorkflowEmailKind.InPlan).Select(e => e.Round));
        Assert.Equal([2], workflow.Emails(WorkflowEmailKind.NotSelected).Select(e => e.Round));
        Assert.DoesNotContain(workflow.Calls, c => c.Name is nameof(ProposalActivities.ApplyPlanDecision) or nameof(ProposalActivities.ReleaseFunding));
        var status = await workflow.Client.GetInstanceAsync(id, getInputsAndOutputs: true);
        Assert.Contains("\"PlanRound\":2", status!.SerializedCustomStatus, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cycle_WithdrawnInPlan_EndsAndTellsTheOfficersWithoutReleasingMoney()
    {
        await using var workflow = await InMemoryWorkflow.StartAsync(Settings());
        var id = await ToAppraisedAsync(workflow);
        await workflow.Client.RaiseEventAsync(id, CycleEvents.PlanSubmitted, new PlanSubmission(1, PlanPath.Local, "45/TTr-SCT", Date, "Cán bộ A"));
        await workflow.WaitForStatusAsync(id, "in-plan");

        await workflow.Client.RaiseEventAsync(id, WorkflowEvents.Withdrawn, new WithdrawalRequest("applicant", "Đổi kế hoạch sản xuất"));

        Assert.Equal("withdrawn", await workflow.CompletionAsync(id));
        Assert.Equal("withdrawn", workflow.Statuses[^1]);
        Assert.Single(workflow.Emails(WorkflowEmailKind.WithdrawnNotice));
        Assert.Single(workflow.Calls, c => c.Name == nameof(ProposalActivities.SendWithdrawalConfirmation));
        Assert.DoesNotContain(workflow.Calls, c => c.Name == nameof(ProposalActivities.ReleaseFunding));
    }

    [Fact]
    public async Task Cycle_CancelledInReserve_EndsCancelled()
    {
        await using var workflow = await InMemoryWorkflow.StartAsync(Settings());
        var id = await ToAppraisedAsync(workflow);
        await workflow.Client.RaiseEventAsync(id, CycleEvents.PlanDecided, new PlanDecision(1, PlanOutcome.Reserve, null, null, null, "department-director", "Giám đốc"));
        await workflow.WaitForStatusAsync(id, "reserve");

        await workflow.Client.RaiseEventAsync(id, WorkflowEvents.Cancelled, new CancellationRequest("Cán bộ A", "Cơ sở ngừng hoạt động"));

        Assert.Equal("cancelled", await workflow.CompletionAsync(id));
        Assert.Equal(["screening", "in-review", "appraised", "reserve", "cancelled"], workflow.Statuses);
        Assert.Null(Change(workflow, "reserve").Comment);
        Assert.Single(workflow.Calls, c => c.Name == nameof(ProposalActivities.SendCancellationNotice));
    }

    [Fact]
    public async Task Cycle_CouncilDoesNotPassIt_RejectsWithTheCouncilsReasonsAndIgnoresOtherRounds()
    {
        await using var workflow = await InMemoryWorkflow.StartAsync(Settings());
        var id = await ToReviewedAsync(workflow);

        await workflow.Client.RaiseEventAsync(id, CycleEvents.CouncilConcluded, new CouncilConclusion(2, "c1", "s1", true, 90, null, null, "Thư ký hội đồng"));
        await workflow.Client.RaiseEventAsync(id, CycleEvents.CouncilConcluded, new CouncilConclusion(1, "c1", "s1", false, 42.5m, "Chưa đủ điểm tối thiểu", "Below the minimum score", "Thư ký hội đồng"));

        Assert.Equal("rejected", await workflow.CompletionAsync(id));
        Assert.Equal(["screening", "in-review", "rejected"], workflow.Statuses);
        Assert.Equal("Chưa đủ điểm tối thiểu / Below the minimum score", Change(workflow, "rejected").Comment);
        Assert.Single(workflow.Emails(WorkflowEmailKind.Rejected));
        Assert.Empty(workflow.Emails(WorkflowEmailKind.Appraised));
    }

    [Fact]
    public async Task Cycle_SessionConcludedBeforeTheLastReview_IsTakenOnceTheReviewersHaveAnswered()
    {
        await using var workflow = await InMemoryWorkflow.StartAsync(Settings());
        var id = await workflow.SubmitAsync(ProposalWorkflow.CycleVersion);
        await workflow.WaitForStatusAsync(id, "screening");
        await workflow.Client.RaiseEventAsync(id, WorkflowEvents.ScreeningDecided, new ScreeningDecision(1, ScreeningOutcome.Accept, "Cán bộ A", null));
        await workflow.WaitForAsync(w => w.Emails(WorkflowEmailKind.ReviewInvitation).Count == 1, "the reviewer's invitation");

        await workflow.Client.RaiseEventAsync(id, CycleEvents.CouncilConcluded, new CouncilConclusion(1, "c1", "s1", true, 81, null, null, "Thư ký hội đồng"));
        await workflow.Client.RaiseEventAsync(id, WorkflowEvents.AppraisalChanged, new AppraisalEvent(1, AppraisalEventKind.ReviewSubmitted, "r1", "r1"));

        await workflow.WaitForStatusAsync(id, "appraised");
        Assert.Equal("Hội đồng: 81 điểm, đạt / Council: 81 points, passed", Change(workflow, "appraised").Comment);
        await workflow.Client.RaiseEventAsync(id, WorkflowEvents.Withdrawn, new WithdrawalRequest("applicant", null));
        Assert.Equal("withdrawn", await workflow.CompletionAsync(id));
    }

    [Fact]
    public async Task Workflow_StartedWithoutAVersion_StillAsksTheDirector()
    {
        await using var workflow = await InMemoryWorkflow.StartAsync(Settings());
        var id = await workflow.SubmitAsync();
        await workflow.WaitForStatusAsync(id, "screening");
        await workflow.Client.RaiseEventAsync(id, WorkflowEvents.ScreeningDecided, new ScreeningDecision(1, ScreeningOutcome.Accept, "Cán bộ A", null));
        await workflow.WaitForAsync(w => w.Emails(WorkflowEmailKind.ReviewInvitation).Count == 1, "the reviewer's invitation");
        await workflow.Client.RaiseEventAsync(id, WorkflowEvents.AppraisalChanged, new AppraisalEvent(1, AppraisalEventKind.ReviewSubmitted, "r1", "r1"));

        await workflow.WaitForStatusAsync(id, "awaiting-approval");
        Assert.Single(workflow.Emails(WorkflowEmailKind.ApprovalRequest));
        Assert.Empty(workflow.Emails(WorkflowEmailKind.CouncilSessionNeeded));
        await workflow.Client.RaiseEventAsync(id, WorkflowEvents.Withdrawn, new WithdrawalRequest("applicant", null));
        Assert.Equal("withdrawn", await workflow.CompletionAsync(id));
    }

    /// <summary>A version-2 proposal accepted at screening whose one reviewer has answered: it waits for the council's session.</summary>
    private static async Task<string> ToReviewedAsync(InMemoryWorkflow workflow)
    {
        var id = await workflow.SubmitAsync(ProposalWorkflow.CycleVersion);
        await workflow.WaitForStatusAsync(id, "screening");
        await workflow.Client.RaiseEventAsync(id, WorkflowEvents.ScreeningDecided, new ScreeningDecision(1, ScreeningOutcome.Accept, "Cán bộ A", null));
        await workflow.WaitForAsync(w => w.Emails(WorkflowEmailKind.ReviewInvitation).Count == 1, "the reviewer's invitation");
        await workflow.Client.RaiseEventAsync(id, WorkflowEvents.AppraisalChanged, new AppraisalEvent(1, AppraisalEventKind.ReviewSubmitted, "r1", "r1"));
        await workflow.WaitForAsync(w => w.Emails(WorkflowEmailKind.CouncilSessionNeeded).Count == 1, "the officers told the council's session is due");
        Assert.Single(workflow.Calls, c => c.Name == nameof(ProposalActivities.EvaluateCouncil));
        return id;
    }

    private static async Task<string> ToAppraisedAsync(InMemoryWorkflow workflow)
    {
        var id = await ToReviewedAsync(workflow);
        await workflow.Client.RaiseEventAsync(id, CycleEvents.CouncilConcluded, new CouncilConclusion(1, "c1", "s1", true, 80, null, null, "Thư ký hội đồng"));
        await workflow.WaitForStatusAsync(id, "appraised");
        Assert.Single(workflow.Emails(WorkflowEmailKind.Appraised));
        return id;
    }

    private static StepCall Change(InMemoryWorkflow workflow, string to) =>
        workflow.Calls.Last(c => c.Name == nameof(ProposalActivities.RecordStatusChange) && c.To == to);
}
