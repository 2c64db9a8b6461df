using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Proposals;
using Microsoft.DurableTask;

namespace KhuyenCong.Functions.Workflow;

internal abstract partial class WorkflowProcess
{
    private Task<WithdrawalRequest> withdrawn = null!;
    private Task<CancellationRequest> cancelled = null!;

    /// <summary>How a wait ended: the proposal ended (withdrawn or cancelled, already recorded), the wake-up time came, or the event arrived.</summary>
    protected enum WaitOutcome
    {
        Ended,
        Woke,
        Arrived,
    }

    /// <summary>Starts listening for a stage's event: the task is created now, and again only by <see cref="StageEvent{T}.Renew"/>.</summary>
    protected StageEvent<T> Listen<T>(string eventName) => new(context, eventName);

    /// <summary>
    /// Waits for <paramref name="stageEvent"/> of the current round, racing the withdrawal, the cancellation and (if
    /// given) a wake-up time. An event of another round is ignored: the event is listened for again and the wait goes
    /// on, with the same wake-up time. The event's task is renewed only for an ignored event: a stage that goes on
    /// listening after an event it takes renews it itself.
    /// </summary>
    protected async Task<(WaitOutcome Outcome, T? Value)> WaitForRoundAsync<T>(StageEvent<T> stageEvent, Func<T, bool> isCurrentRound, DateTime? wakeAt)
    {
        while (true)
        {
            var winner = await WaitAsync(wakeAt, stageEvent.Task);
            if (await EndedAsync(winner))
            {
                return (WaitOutcome.Ended, default);
            }

            if (winner != stageEvent.Task)
            {
                return (WaitOutcome.Woke, default);
            }

            var value = await stageEvent.Task;
            if (isCurrentRound(value))
            {
                return (WaitOutcome.Arrived, value);
            }

            stageEvent.Renew();
        }
    }

    /// <summary>Waits for the first of the stage's events, the withdrawal, the cancellation and (if given) a wake-up time.</summary>
    protected async Task<Task> WaitAsync(DateTime? wakeAt, params Task[] events)
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

    /// <summary>When the applicant withdrew or an officer cancelled: records it, releases what was held, tells who was waiting.</summary>
    protected async Task<bool> EndedAsync(Task winner)
    {
        if (await EndingOf(winner) is not { } ending)
        {
            return false;
        }

        var was = Status;
        await ChangeStatusAsync(ending.Status, ending.By, ending.Comment);
        var closedReviews = await CallAsync<List<string>>(nameof(ProposalActivities.CloseOpenReviews), proposalId);
        if (Committed)
        {
            await CallAsync(nameof(ProposalActivities.ReleaseFunding), proposalId);
        }

        var withdrawal = ending.Status == ProposalStatus.Withdrawn;
        await EmailAsync(withdrawal ? nameof(ProposalActivities.SendWithdrawalConfirmation) : nameof(ProposalActivities.SendCancellationNotice), proposalId);
        await TellTheWaitingAsync(closedReviews, was, withdrawal);
        return true;
    }

    private void ListenForTheEnd()
    {
        withdrawn = context.WaitForExternalEvent<WithdrawalRequest>(WorkflowEvents.Withdrawn);
        cancelled = context.WaitForExternalEvent<CancellationRequest>(WorkflowEvents.Cancelled);
    }

    private async Task<(ProposalStatus Status, string By, string? Comment)?> EndingOf(Task winner)
    {
        if (winner == withdrawn)
        {
            var request = await withdrawn;
            return (ProposalStatus.Withdrawn, request.By, request.Reason);
        }

        if (winner == cancelled)
        {
            var request = await cancelled;
            return (ProposalStatus.Cancelled, request.By, request.Reason);
        }

        return null;
    }

    /// <summary>Tells the people who were waiting on the proposal that they no longer need to act.</summary>
    private async Task TellTheWaitingAsync(List<string> closedReviews, ProposalStatus was, bool withdrawal)
    {
        foreach (var reviewerId in closedReviews)
        {
            await SendAsync(WorkflowEmailKind.ReviewNoLongerNeeded, AppraisalRound, 0, reviewerId);
        }

        if (was == ProposalStatus.AwaitingApproval)
        {
            await SendAsync(WorkflowEmailKind.ApprovalNoLongerNeeded, ApprovalRound);
        }

        if (withdrawal)
        {
            await SendAsync(WorkflowEmailKind.WithdrawnNotice, 1);
        }
    }

    /// <summary>A stage's external event: its task, created once and renewed only when the stage listens again.</summary>
    protected sealed class StageEvent<T>(TaskOrchestrationContext context, string eventName)
    {
        public Task<T> Task { get; private set; } = context.WaitForExternalEvent<T>(eventName);

        /// <summary>Listens for the next event of the name (the one taken stays taken).</summary>
        public void Renew() => Task = context.WaitForExternalEvent<T>(eventName);
    }
}
