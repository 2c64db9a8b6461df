using KhuyenCong.Application.Telemetry;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Budgets;
using KhuyenCong.Domain.Proposals;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace KhuyenCong.Functions.Workflow;

public sealed record ProposalWorkflowInput(string ProposalId);

/// <summary>The orchestration's custom status: the proposal's status code and the current rounds.</summary>
public sealed record ProposalWorkflowStatus(string Status, int ScreeningRound = 0, int AppraisalRound = 0, int ApprovalRound = 0);

/// <summary>A status change for <see cref="ProposalActivities.RecordStatusChange"/>; <c>Sequence</c> 1 is the submission.</summary>
public sealed record StatusChangeInput(string ProposalId, int Sequence, string From, string To, string By, string? Comment, DateTimeOffset At);

/// <summary>
/// One durable orchestration per proposal (instance id = proposal id): screening, the applicant's revisions, the
/// council's appraisal, the director's approval, the contract, payments, acceptance and settlement, as
/// <see cref="ProposalProcess"/> tells it. Deterministic: all I/O is in activities, every time comes from the
/// orchestration's clock, every wait races its event against the applicant's withdrawal and an officer's cancellation
/// (each event task created once per wait, never a timed-out wait: see DESIGN.md).
/// </summary>
public static partial class ProposalWorkflow
{
    [Function(nameof(ProposalWorkflow))]
    public static async Task<string> Run([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var input = context.GetInput<ProposalWorkflowInput>()
            ?? throw new InvalidOperationException("The proposal workflow needs its input.");
        var logger = context.CreateReplaySafeLogger(nameof(ProposalWorkflow));
        using var scope = logger.ProposalScope(input.ProposalId);
        LogStarted(logger, input.ProposalId);
        var status = await new ProposalProcess(context, input.ProposalId, logger).RunAsync();
        LogEnded(logger, input.ProposalId, status.ToCode());
        return status.ToCode();
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Proposal workflow started for {ProposalId}")]
    private static partial void LogStarted(ILogger logger, string proposalId);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information, Message = "Proposal workflow of {ProposalId} ended as {Status}")]
    private static partial void LogEnded(ILogger logger, string proposalId, string status);
}

/// <summary>The proposal's process, stage by stage. Lives for one replay of the orchestration.</summary>
internal sealed partial class ProposalProcess(TaskOrchestrationContext context, string proposalId, ILogger logger)
{
    /// <summary>Email is retried with backoff (SendGrid's 429 and 5xx), and a mail outage never fails the workflow.</summary>
    private static readonly TaskOptions EmailRetry = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: 8, firstRetryInterval: TimeSpan.FromSeconds(2), backoffCoefficient: 2, maxRetryInterval: TimeSpan.FromMinutes(5)));

    /// <summary>Storage work is retried until storage is back (a record must never be left behind its workflow).</summary>
    private static readonly TaskOptions StorageRetry = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: 20, firstRetryInterval: TimeSpan.FromSeconds(1), backoffCoefficient: 2, maxRetryInterval: TimeSpan.FromMinutes(2)));

    private enum Step
    {
        Screen,
        AwaitRevision,
        Appraise,
        Approve,
        AwaitContract,
        Implement,
        Done,
    }

    private int sequence = 1;
    private ProposalStatus status = ProposalStatus.Submitted;
    private int screeningRound;
    private int appraisalRound;
    private int approvalRound;
    private bool committed;
    private RevisionAsk? directorRevision;
    private WorkflowSettings settings = null!;
    private Task<WithdrawalRequest> withdrawn = null!;
    private Task<CancellationRequest> cancelled = null!;

    public async Task<ProposalStatus> RunAsync()
    {
        Publish();
        settings = await context.CallActivityAsync<WorkflowSettings>(nameof(ProposalActivities.GetWorkflowSettings), proposalId, StorageRetry);
        await EmailAsync(nameof(ProposalActivities.SendAcknowledgement), proposalId);

        // The applicant may withdraw and an officer may cancel at any stage: each task is created once, for the whole run.
        withdrawn = context.WaitForExternalEvent<WithdrawalRequest>(WorkflowEvents.Withdrawn);
        cancelled = context.WaitForExternalEvent<CancellationRequest>(WorkflowEvents.Cancelled);

        var step = Step.Screen;
        while (step != Step.Done)
        {
            step = step switch
            {
                Step.Screen => await ScreenAsync(),
                Step.AwaitRevision => await AwaitRevisionAsync(),
                Step.Appraise => await AppraiseAsync(),
                Step.Approve => await ApproveAsync(),
                Step.AwaitContract => await AwaitContractAsync(),
                Step.Implement => await ImplementAsync(),
                _ => Step.Done,
            };
        }

        return status;
    }

    /// <summary>Automatic checks, then an officer accepts, rejects or asks the applicant for documents.</summary>
    private async Task<Step> ScreenAsync()
    {
        screeningRound++;
        // The round's checks are stored before the status says "screening", so an officer who sees the status finds
        // the round to decide on.
        await CallAsync(nameof(ProposalActivities.RunScreeningChecks), new RoundInput(proposalId, screeningRound));
        await ChangeStatusAsync(ProposalStatus.Screening, status == ProposalStatus.NeedsRevision ? "applicant" : "system", null);
        await SendAsync(WorkflowEmailKind.ScreeningNeeded, screeningRound);

        var decided = context.WaitForExternalEvent<ScreeningDecision>(WorkflowEvents.ScreeningDecided);
        while (true)
        {
            var winner = await WaitAsync(null, decided);
            if (await EndedAsync(winner))
            {
                return Step.Done;
            }

            var decision = await decided;
            if (decision.Round != screeningRound)
            {
                decided = context.WaitForExternalEvent<ScreeningDecision>(WorkflowEvents.ScreeningDecided);
                continue;
            }

            switch (decision.Outcome)
            {
                case ScreeningOutcome.Accept:
                    await ChangeStatusAsync(ProposalStatus.InReview, decision.By, decision.Comment);
                    return Step.Appraise;
                case ScreeningOutcome.Reject:
                    await ChangeStatusAsync(ProposalStatus.Rejected, decision.By, decision.Comment);
                    await SendAsync(WorkflowEmailKind.Rejected, screeningRound);
                    return Step.Done;
                default:
                    await ChangeStatusAsync(ProposalStatus.NeedsRevision, decision.By, decision.Comment);
                    return Step.AwaitRevision;
            }
        }
    }

    /// <summary>The applicant adds documents through the emailed link; reminders; no answer by the deadline withdraws the proposal.</summary>
    private async Task<Step> AwaitRevisionAsync()
    {
        var round = screeningRound;
        var start = context.CurrentUtcDateTime;
        var due = start + settings.RevisionDeadline;
        await CallAsync(nameof(ProposalActivities.OpenRevision), new RevisionInput(proposalId, round, due, directorRevision?.By, directorRevision?.Comment));
        directorRevision = null;
        await SendAsync(WorkflowEmailKind.RevisionRequested, round);

        var revised = context.WaitForExternalEvent<RevisionNotice>(WorkflowEvents.RevisionSubmitted);
        var reminders = 0;
        while (true)
        {
            var nextReminder = start + (settings.RevisionReminderInterval * (reminders + 1));
            var winner = await WaitAsync(nextReminder < due ? nextReminder : due, revised);
            if (await EndedAsync(winner))
            {
                return Step.Done;
            }

            if (winner == revised)
            {
                if ((await revised).Round == round)
                {
                    return Step.Screen;
                }

                revised = context.WaitForExternalEvent<RevisionNotice>(WorkflowEvents.RevisionSubmitted);
                continue;
            }

            if (context.CurrentUtcDateTime >= due)
            {
                await ChangeStatusAsync(ProposalStatus.Withdrawn, "system", "Quá hạn bổ sung hồ sơ / No answer by the deadline");
                await SendAsync(WorkflowEmailKind.RevisionExpired, round);
                return Step.Done;
            }

            reminders++;
            await SendAsync(WorkflowEmailKind.RevisionRequested, round, reminders);
        }
    }

    /// <summary>
    /// The council: reviewers chosen from the roster, each emailed a review link; conflicts and officers' replacements
    /// bring in another reviewer; reminders, and an escalation to officers at each reviewer's deadline.
    /// </summary>
    private async Task<Step> AppraiseAsync()
    {
        var round = ++appraisalRound;
        Publish();
        var invited = new List<Invitation>();
        var shortfalls = 0;

        async Task InviteAsync(int count)
        {
            var picked = await context.CallActivityAsync<ReviewerPicks>(nameof(ProposalActivities.AssignReviewers),
                new AssignInput(proposalId, round, count, invited.Select(i => i.ReviewerId).ToList()), StorageRetry);
            foreach (var reviewerId in picked.ReviewerIds)
            {
                var invitation = new Invitation(reviewerId, context.CurrentUtcDateTime, context.CurrentUtcDateTime + settings.ReviewDeadline);
                invited.Add(invitation);
                await CallAsync(nameof(ProposalActivities.InviteReviewer), new InviteInput(proposalId, round, reviewerId, invitation.InvitedAt, invitation.DueAt));
                await SendAsync(WorkflowEmailKind.ReviewInvitation, round, 0, reviewerId);
            }

            if (picked.Missing > 0)
            {
                shortfalls++;
                await SendAsync(WorkflowEmailKind.ReviewerShortfall, round, shortfalls, count: picked.Missing);
            }
        }

        await InviteAsync(settings.ReviewerCount);
        var changed = context.WaitForExternalEvent<AppraisalEvent>(WorkflowEvents.AppraisalChanged);
        var retryAt = (DateTime?)null;
        while (true)
        {
            var open = invited.Where(i => i.Open).ToList();
            if (open.Count == 0 && invited.Any(i => i.Submitted))
            {
                break;
            }

            if (open.Count == 0)
            {
                // Nobody could be asked (roster empty or all conflicted): try again later; officers were told.
                retryAt ??= context.CurrentUtcDateTime + settings.ReviewReminderInterval;
            }

            var wake = open.Select(i => i.NextWake(settings.ReviewReminderInterval)).Append(retryAt ?? DateTime.MaxValue).Min();
            var winner = await WaitAsync(wake == DateTime.MaxValue ? null : wake, changed);
            if (await EndedAsync(winner))
            {
                return Step.Done;
            }

            if (winner == changed)
            {
                var change = await changed;
                changed = context.WaitForExternalEvent<AppraisalEvent>(WorkflowEvents.AppraisalChanged);
                var invitation = invited.FirstOrDefault(i => i.Open && i.ReviewerId == change.ReviewerId);
                if (change.Round != round || invitation is null)
                {
                    continue;
                }

                invitation.Open = false;
                invitation.Submitted = change.Kind == AppraisalEventKind.ReviewSubmitted;
                await CallAsync(nameof(ProposalActivities.CloseReview), new ReviewerInput(proposalId, round, change.ReviewerId));
                if (!invitation.Submitted)
                {
                    await InviteAsync(1);
                }

                continue;
            }

            var now = context.CurrentUtcDateTime;
            if (retryAt is { } due && now >= due)
            {
                retryAt = null;
                await InviteAsync(settings.ReviewerCount - invited.Count(i => i.Open || i.Submitted));
            }

            foreach (var invitation in open)
            {
                if (!invitation.Escalated && now >= invitation.DueAt)
                {
                    invitation.Escalated = true;
                    await SendAsync(WorkflowEmailKind.ReviewEscalation, round, 0, invitation.ReviewerId);
                }
                else if (now >= invitation.NextReminder(settings.ReviewReminderInterval) && invitation.NextReminder(settings.ReviewReminderInterval) < invitation.DueAt)
                {
                    invitation.Reminders++;
                    await SendAsync(WorkflowEmailKind.ReviewInvitation, round, invitation.Reminders, invitation.ReviewerId);
                }
            }
        }

        var verdict = await context.CallActivityAsync<VerdictSummary>(nameof(ProposalActivities.EvaluateCouncil), new RoundInput(proposalId, round), StorageRetry);
        await ChangeStatusAsync(ProposalStatus.AwaitingApproval, "council", verdict.Summary);
        return Step.Approve;
    }

    /// <summary>The director decides through the emailed link: approve (the amount is committed), reject or send back for revision.</summary>
    private async Task<Step> ApproveAsync()
    {
        var round = ++approvalRound;
        Publish();
        await SendAsync(WorkflowEmailKind.ApprovalRequest, round);
        var decided = context.WaitForExternalEvent<DirectorDecision>(WorkflowEvents.DirectorDecided);
        var start = context.CurrentUtcDateTime;
        var reminders = 0;
        while (true)
        {
            var winner = await WaitAsync(start + (settings.ApprovalReminderInterval * (reminders + 1)), decided);
            if (await EndedAsync(winner))
            {
                return Step.Done;
            }

            if (winner != decided)
            {
                reminders++;
                await SendAsync(WorkflowEmailKind.ApprovalRequest, round, reminders);
                continue;
            }

            var decision = await decided;
            if (decision.Round != round)
            {
                decided = context.WaitForExternalEvent<DirectorDecision>(WorkflowEvents.DirectorDecided);
                continue;
            }

            var approval = await context.CallActivityAsync<ApprovalRecord>(nameof(ProposalActivities.ApplyApproval), new RoundInput(proposalId, round), StorageRetry);
            switch (decision.Outcome)
            {
                case DirectorOutcome.Approve:
                    committed = true;
                    await ChangeStatusAsync(ProposalStatus.Approved, decision.By, approval.DecisionNumber is null ? null : "QĐ " + approval.DecisionNumber);
                    await SendAsync(WorkflowEmailKind.Approved, round);
                    return Step.AwaitContract;
                case DirectorOutcome.Reject:
                    await ChangeStatusAsync(ProposalStatus.Rejected, decision.By, approval.Comment);
                    await SendAsync(WorkflowEmailKind.Rejected, round);
                    return Step.Done;
                default:
                    screeningRound++;
                    directorRevision = new RevisionAsk(decision.By, approval.Comment);
                    await ChangeStatusAsync(ProposalStatus.NeedsRevision, decision.By, approval.Comment);
                    return Step.AwaitRevision;
            }
        }
    }

    /// <summary>An officer records the contract: the work starts.</summary>
    private async Task<Step> AwaitContractAsync()
    {
        var contract = context.WaitForExternalEvent<ContractNotice>(WorkflowEvents.ContractRecorded);
        var winner = await WaitAsync(null, contract);
        if (await EndedAsync(winner))
        {
            return Step.Done;
        }

        var notice = await contract;
        var number = await context.CallActivityAsync<string>(nameof(ProposalActivities.ApplyContract), proposalId, StorageRetry);
        await ChangeStatusAsync(ProposalStatus.InProgress, notice.By, "HĐ " + number);
        await SendAsync(WorkflowEmailKind.ContractRecorded, 1);
        return Step.Implement;
    }

    /// <summary>Payments as finance records them; acceptance confirmed by an officer; the final payment settles the proposal.</summary>
    private async Task<Step> ImplementAsync()
    {
        var payment = context.WaitForExternalEvent<PaymentNotice>(WorkflowEvents.PaymentRecorded);
        var acceptance = context.WaitForExternalEvent<AcceptanceNotice>(WorkflowEvents.AcceptanceConfirmed);
        while (true)
        {
            var winner = await WaitAsync(null, payment, acceptance);
            if (await EndedAsync(winner))
            {
                return Step.Done;
            }

            if (winner == acceptance)
            {
                var notice = await acceptance;
                acceptance = context.WaitForExternalEvent<AcceptanceNotice>(WorkflowEvents.AcceptanceConfirmed);
                if (status == ProposalStatus.InProgress)
                {
                    await CallAsync(nameof(ProposalActivities.ApplyAcceptance), proposalId);
                    await ChangeStatusAsync(ProposalStatus.Accepted, notice.By, null);
                    await SendAsync(WorkflowEmailKind.Accepted, 1);
                }

                continue;
            }

            var paid = await payment;
            payment = context.WaitForExternalEvent<PaymentNotice>(WorkflowEvents.PaymentRecorded);
            await CallAsync(nameof(ProposalActivities.ApplyPayment), proposalId);
            if (paid.Kind == PaymentKind.Final && status == ProposalStatus.Accepted)
            {
                await CallAsync(nameof(ProposalActivities.Settle), proposalId);
                await ChangeStatusAsync(ProposalStatus.Settled, paid.By, null);
                await SendAsync(WorkflowEmailKind.Settled, 1);
                return Step.Done;
            }
        }
    }

    /// <summary>Waits for the first of the stage's events, the withdrawal, the cancellation and (if given) a wake-up time.</summary>
    private async Task<Task> WaitAsync(DateTime? wakeAt, params Task[] events)
    {
        using var timerCancellation = new CancellationTokenSource();
        var tasks = new List<Task>(events) { withdrawn, cancelled };
        Task? timer = null;
        if (wakeAt is { } at)
        {
            timer = context.CreateTimer(at, timerCancellation.Token);
            tasks.Add(timer);
        }

        var winner = await Task.WhenAny(tasks);
        if (winner != timer)
        {
            // Synchronously: CancelAsync would run the timer's continuation on the thread pool, outside the
            // orchestration's scheduler, and the orchestration would never hear of its next steps.
#pragma warning disable CA1849 // the orchestrator must stay on its own scheduler
            timerCancellation.Cancel();
#pragma warning restore CA1849
        }

        return winner;
    }

    /// <summary>When the applicant withdrew or an officer cancelled: records it, releases what was held, tells the applicant.</summary>
    private async Task<bool> EndedAsync(Task winner)
    {
        string by;
        string? comment;
        ProposalStatus end;
        if (winner == withdrawn)
        {
            var request = await withdrawn;
            (end, by, comment) = (ProposalStatus.Withdrawn, request.By, request.Reason);
        }
        else if (winner == cancelled)
        {
            var request = await cancelled;
            (end, by, comment) = (ProposalStatus.Cancelled, request.By, request.Reason);
        }
        else
        {
            return false;
        }

        var was = status;
        await ChangeStatusAsync(end, by, comment);
        var closedReviews = await context.CallActivityAsync<List<string>>(nameof(ProposalActivities.CloseOpenReviews), proposalId, StorageRetry);
        if (committed)
        {
            await CallAsync(nameof(ProposalActivities.ReleaseFunding), proposalId);
        }

        await EmailAsync(end == ProposalStatus.Withdrawn ? nameof(ProposalActivities.SendWithdrawalConfirmation) : nameof(ProposalActivities.SendCancellationNotice), proposalId);

        // Tell the people who were waiting on the proposal that they no longer need to act.
        foreach (var reviewerId in closedReviews)
        {
            await SendAsync(WorkflowEmailKind.ReviewNoLongerNeeded, appraisalRound, 0, reviewerId);
        }

        if (was == ProposalStatus.AwaitingApproval)
        {
            await SendAsync(WorkflowEmailKind.ApprovalNoLongerNeeded, approvalRound);
        }

        if (end == ProposalStatus.Withdrawn)
        {
            await SendAsync(WorkflowEmailKind.WithdrawnNotice, 1);
        }

        return true;
    }

    private async Task ChangeStatusAsync(ProposalStatus to, string by, string? comment)
    {
        sequence++;
        await context.CallActivityAsync(nameof(ProposalActivities.RecordStatusChange),
            new StatusChangeInput(proposalId, sequence, status.ToCode(), to.ToCode(), by, comment, context.CurrentUtcDateTime), StorageRetry);
        status = to;
        Publish();
    }

    private void Publish() => context.SetCustomStatus(new ProposalWorkflowStatus(status.ToCode(), screeningRound, appraisalRound, approvalRound));

    private Task CallAsync(string activity, object input) => context.CallActivityAsync(activity, input, StorageRetry);

    private Task SendAsync(WorkflowEmailKind kind, int round, int number = 0, string? reviewerId = null, int count = 0) =>
        EmailAsync(nameof(ProposalActivities.SendWorkflowEmail), new WorkflowEmailRequest(proposalId, kind, round, number, reviewerId, count));

    private async Task EmailAsync(string activity, object input)
    {
        try
        {
            await context.CallActivityAsync(activity, input, EmailRetry);
        }
        catch (TaskFailedException)
        {
            LogEmailGaveUp(logger, proposalId, activity);
        }
    }

    [LoggerMessage(EventId = 2002, Level = LogLevel.Error, Message = "Proposal {ProposalId}: {Email} could not be sent after every retry")]
    private static partial void LogEmailGaveUp(ILogger logger, string proposalId, string email);

    /// <summary>The director's request for revision, carried to the revision step.</summary>
    private sealed record RevisionAsk(string By, string? Comment);

    /// <summary>A reviewer's invitation as the orchestration tracks it (rebuilt identically on every replay).</summary>
    private sealed class Invitation(string reviewerId, DateTime invitedAt, DateTime dueAt)
    {
        public string ReviewerId { get; } = reviewerId;

        public DateTime InvitedAt { get; } = invitedAt;

        public DateTime DueAt { get; } = dueAt;

        public bool Open { get; set; } = true;

        public bool Submitted { get; set; }

        public bool Escalated { get; set; }

        public int Reminders { get; set; }

        public DateTime NextReminder(TimeSpan interval) => InvitedAt + (interval * (Reminders + 1));

        /// <summary>The next reminder before the deadline, else the deadline (escalation), else never.</summary>
        public DateTime NextWake(TimeSpan interval)
        {
            var reminder = NextReminder(interval);
            if (reminder < DueAt)
            {
                return reminder;
            }

            return Escalated ? DateTime.MaxValue : DueAt;
        }
    }
}
