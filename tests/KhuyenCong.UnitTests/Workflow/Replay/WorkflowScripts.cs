using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Budgets;
using KhuyenCong.Testing.Replay;

namespace KhuyenCong.UnitTests.Workflow.Replay;

/// <summary>
/// The scripts whose histories are recorded in <c>Histories/</c>: between them they take every path of the proposal
/// workflow (every stage and outcome, reminders, deadlines, escalations, shortfalls and retries, stale rounds, stray
/// and simultaneous events, events while an activity runs, failing emails, withdrawal and cancellation at each stage).
/// </summary>
public static class WorkflowScripts
{
    /// <summary>Each script by name, with the status its proposal ends in.</summary>
    public static IReadOnlyDictionary<string, (Func<WorkflowRun> Run, string Ends)> All { get; } = new Dictionary<string, (Func<WorkflowRun>, string)>
    {
        ["lifecycle-settled"] = (LifecycleSettled, "settled"),
        ["revision-deadline"] = (RevisionDeadline, "withdrawn"),
        ["revision-answered-stale-rounds"] = (RevisionAnsweredWithStaleRounds, "rejected"),
        ["appraisal-shortfall-conflict-escalation-revise-cancel"] = (AppraisalTurnsAndDirectorRevision, "cancelled"),
        ["withdrawn-during-appraisal"] = (WithdrawnDuringAppraisal, "withdrawn"),
        ["approval-reminders-withdrawn"] = (ApprovalRemindersThenWithdrawn, "withdrawn"),
        ["approval-reminders-rejected"] = (ApprovalRemindersThenRejected, "rejected"),
        ["emails-failing-cancelled-in-screening"] = (EmailsFailingThenCancelled, "cancelled"),
        ["events-together-and-while-busy"] = (EventsTogetherAndWhileBusy, "withdrawn"),
        ["cycle-reserve-stale-rounds-included-settled"] = (CycleReserveThenIncludedSettled, "settled"),
        ["cycle-council-rejects"] = (CycleCouncilRejects, "rejected"),
    };

    private static (string, object) Screening(int round, ScreeningOutcome outcome) =>
        (WorkflowEvents.ScreeningDecided, new ScreeningDecision(round, outcome, "Cán bộ A", outcome == ScreeningOutcome.Accept ? null : "Bổ sung báo giá <thiết bị>"));

    private static (string, object) Review(int round, string reviewer, AppraisalEventKind kind = AppraisalEventKind.ReviewSubmitted) =>
        (WorkflowEvents.AppraisalChanged, new AppraisalEvent(round, kind, reviewer, kind == AppraisalEventKind.Replaced ? "Cán bộ A" : reviewer));

    private static (string, object) Director(int round, DirectorOutcome outcome) =>
        (WorkflowEvents.DirectorDecided, new DirectorDecision(round, outcome, "Giám đốc"));

    private static (string, object) Payment(string id, PaymentKind kind, long amount) =>
        (WorkflowEvents.PaymentRecorded, new PaymentNotice(id, kind, amount, "Kế toán"));

    private static WorkflowRun Raise(this WorkflowRun run, (string Name, object Payload) e, bool settle = true) => run.Raise(e.Name, e.Payload, settle);

    private static WorkflowRun Approved(WorkflowRun run, int appraisalRound, int approvalRound, params string[] reviewers)
    {
        foreach (var reviewer in reviewers)
        {
            run.Raise(Review(appraisalRound, reviewer));
        }

        run.Steps.Approvals[approvalRound] = DirectorOutcome.Approve;
        return run.Raise(Director(approvalRound, DirectorOutcome.Approve));
    }

    private static WorkflowRun LifecycleSettled()
    {
        var run = new WorkflowRun("lifecycle-settled").Begin().Raise(Screening(1, ScreeningOutcome.Accept));
        Approved(run, 1, 1, "r1", "r2")
            .Raise(WorkflowEvents.ContractRecorded, new ContractNotice("Cán bộ A"))
            .Raise(Payment("tam-ung-1", PaymentKind.Advance, 100_000_000))
            // A final payment before acceptance is recorded but does not settle; a second acceptance changes nothing.
            .Raise(Payment("thanh-toan-som", PaymentKind.Final, 10_000_000))
            .Raise(WorkflowEvents.AcceptanceConfirmed, new AcceptanceNotice("Cán bộ A"))
            .Raise(WorkflowEvents.AcceptanceConfirmed, new AcceptanceNotice("Cán bộ B"))
            .Raise(Payment("thanh-toan-cuoi", PaymentKind.Final, 120_000_000));
        return run;
    }

    private static WorkflowRun RevisionDeadline() =>
        new WorkflowRun("revision-deadline").Begin()
            .Raise(Screening(1, ScreeningOutcome.RequestDocuments))
            .FireTimersUntilDone();

    private static WorkflowRun RevisionAnsweredWithStaleRounds()
    {
        var run = new WorkflowRun("revision-answered-stale-rounds").Begin()
            .Raise(Screening(2, ScreeningOutcome.Reject))
            .Raise(Screening(1, ScreeningOutcome.RequestDocuments))
            .Advance(TimeSpan.FromDays(2))
            .Raise(WorkflowEvents.RevisionSubmitted, new RevisionNotice(0, "applicant"));
        run.FireNextTimer()
            .Raise(WorkflowEvents.RevisionSubmitted, new RevisionNotice(1, "applicant"))
            .Raise(Screening(1, ScreeningOutcome.Reject))
            .Raise(Screening(2, ScreeningOutcome.Reject));
        return run;
    }

    private static WorkflowRun AppraisalTurnsAndDirectorRevision()
    {
        var run = new WorkflowRun("appraisal-shortfall-conflict-escalation-revise-cancel");
        run.Steps.Roster = [];
        run.Begin().Raise(Screening(1, ScreeningOutcome.Accept));

        // Nobody on the roster: the officers are told, and the workflow tries again a reminder interval later.
        run.FireNextTimer();
        run.Steps.Roster = ["r1"];
        run.FireNextTimer();
        run.Steps.Roster = ["r1", "r2", "r3", "r4", "r5"];

        // r1 declares a conflict (r3 replaces them); an unknown reviewer's and a later round's events are ignored.
        run.Raise(Review(1, "r1", AppraisalEventKind.ConflictDeclared))
            .Raise(Review(1, "r9"))
            .Raise(Review(2, "r2"));

        // r2 stays silent: reminders, then the escalation at the deadline; an officer replaces r2 with r4.
        run.FireTimersUntil(run.Now + TimeSpan.FromDays(10))
            .Raise(Review(1, "r2", AppraisalEventKind.Replaced))
            .Raise(Review(1, "r3"))
            .Raise(Review(1, "r4"));

        // The director sends it back: the applicant revises, screening accepts, a second council concludes.
        run.Steps.Approvals[1] = DirectorOutcome.Revise;
        run.Raise(Director(1, DirectorOutcome.Revise))
            .Raise(WorkflowEvents.RevisionSubmitted, new RevisionNotice(2, "applicant"))
            .Raise(Screening(3, ScreeningOutcome.Accept))
            .Raise(Review(1, "r3"));
        Approved(run, 2, 2, "r1", "r2")
            .Raise(WorkflowEvents.ContractRecorded, new ContractNotice("Cán bộ A"))
            .Raise(WorkflowEvents.Cancelled, new CancellationRequest("Cán bộ A", "Cơ sở ngừng hoạt động"));
        return run;
    }

    private static WorkflowRun WithdrawnDuringAppraisal()
    {
        var run = new WorkflowRun("withdrawn-during-appraisal").Begin().Raise(Screening(1, ScreeningOutcome.Accept)).Raise(Review(1, "r1"));
        run.Steps.OpenReviewers = ["r2"];
        return run.Raise(WorkflowEvents.Withdrawn, new WithdrawalRequest("applicant", "Đổi kế hoạch sản xuất"));
    }

    private static WorkflowRun ApprovalRemindersThenWithdrawn()
    {
        var run = new WorkflowRun("approval-reminders-withdrawn").Begin().Raise(Screening(1, ScreeningOutcome.Accept))
            .Raise(Review(1, "r1")).Raise(Review(1, "r2"));
        return run.FireNextTimer().FireNextTimer().Raise(WorkflowEvents.Withdrawn, new WithdrawalRequest("applicant", null));
    }

    private static WorkflowRun ApprovalRemindersThenRejected()
    {
        var run = new WorkflowRun("approval-reminders-rejected").Begin().Raise(Screening(1, ScreeningOutcome.Accept));
        run.Steps.CouncilPasses = false;
        run.Raise(Review(1, "r1")).Raise(Review(1, "r2")).FireNextTimer().FireNextTimer();
        run.Steps.Approvals[1] = DirectorOutcome.Reject;
        return run.Raise(Director(2, DirectorOutcome.Approve)).Raise(Director(1, DirectorOutcome.Reject));
    }

    private static WorkflowRun EmailsFailingThenCancelled()
    {
        var run = new WorkflowRun("emails-failing-cancelled-in-screening");
        run.Steps.Fail("SendAcknowledgement", 8);
        run.Steps.Fail("SendWorkflowEmail", 2);
        run.Begin();
        // The acknowledgement's retries wait on timers; the screening email succeeds on its third attempt.
        run.FireTimersUntilDone(20);
        return run.Raise(WorkflowEvents.Cancelled, new CancellationRequest("Cán bộ A", "Hồ sơ nộp trùng"));
    }

    private static WorkflowRun EventsTogetherAndWhileBusy()
    {
        var run = new WorkflowRun("events-together-and-while-busy").Begin();
        // The decision arrives while the screening email is still being sent, and a stray revision with it.
        run.Raise(Screening(1, ScreeningOutcome.Accept), settle: false)
            .Raise(WorkflowEvents.RevisionSubmitted, new RevisionNotice(1, "applicant"));
        // Two reviews together; then a review and the withdrawal together (the review is taken first).
        run.RaiseTogether(Review(1, "r1"), Review(1, "r9"));
        run.Steps.OpenReviewers = [];
        return run.RaiseTogether(Review(1, "r2"), (WorkflowEvents.Withdrawn, new WithdrawalRequest("applicant", "Trùng đề án khác")));
    }

    /// <summary>
    /// Version 2 (the yearly cycle): the council's session before the last review, a stale session, a national plan,
    /// reserve, stale plan events, a local plan decided with a decision raised before its submission, then the work to
    /// settlement.
    /// </summary>
    private static WorkflowRun CycleReserveThenIncludedSettled()
    {
        var date = new DateOnly(2026, 12, 10);
        var run = new WorkflowRun("cycle-reserve-stale-rounds-included-settled", "2").Begin().Raise(Screening(1, ScreeningOutcome.Accept))
            .Raise(Review(1, "r1"))
            .Raise(CycleEvents.CouncilConcluded, new CouncilConclusion(1, "hd-1", "phien-1", true, 82.5m, null, null, "Thư ký hội đồng"))
            .Raise(Review(1, "r2"))
            .Raise(CycleEvents.CouncilConcluded, new CouncilConclusion(2, "hd-1", "phien-2", false, 10m, "cũ", "old", "Thư ký hội đồng"))
            .Raise(CycleEvents.PlanSubmitted, new PlanSubmission(1, PlanPath.National, "123/SCT-KC", date, "Cán bộ A"))
            .Raise(CycleEvents.PlanDecided, new PlanDecision(1, PlanOutcome.Reserve, null, "88/QĐ-BCT", date.AddDays(40), "ministry", "Cán bộ A"))
            .Raise(CycleEvents.PlanDecided, new PlanDecision(1, PlanOutcome.Included, 1, "88/QĐ-BCT", date.AddDays(40), "ministry", "Cán bộ A"))
            .Advance(TimeSpan.FromDays(150))
            .Raise(CycleEvents.PlanDecided, new PlanDecision(2, PlanOutcome.Included, 190_000_000, "12/QĐ-UBND", date.AddMonths(6), "department-director", "Giám đốc"), settle: false)
            .Raise(CycleEvents.PlanSubmitted, new PlanSubmission(2, PlanPath.Local, "7/TTr-SCT", date.AddMonths(6), "Cán bộ A"))
            .Raise(WorkflowEvents.ContractRecorded, new ContractNotice("Cán bộ A"))
            .Raise(WorkflowEvents.AcceptanceConfirmed, new AcceptanceNotice("Cán bộ A"))
            .Raise(Payment("thanh-toan", PaymentKind.Final, 190_000_000));
        return run;
    }

    /// <summary>Version 2: the council's session does not pass the proposal (its reasons in the history).</summary>
    private static WorkflowRun CycleCouncilRejects() =>
        new WorkflowRun("cycle-council-rejects", "2").Begin().Raise(Screening(1, ScreeningOutcome.Accept))
            .Raise(Review(1, "r1")).Raise(Review(1, "r2"))
            .Raise(CycleEvents.CouncilConcluded, new CouncilConclusion(1, "hd-1", "phien-1", false, 48m, "Chưa đạt điểm tối thiểu", "Below the minimum score", "Thư ký hội đồng"));
}

