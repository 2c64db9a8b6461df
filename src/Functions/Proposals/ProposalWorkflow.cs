using KhuyenCong.Application.Workflow;
using KhuyenCong.Application.Telemetry;
using KhuyenCong.Domain.Proposals;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace KhuyenCong.Functions.Proposals;

public sealed record ProposalWorkflowInput(string ProposalId);

public sealed record ProposalWorkflowStatus(string Status);

/// <summary>A status change for <see cref="ProposalActivities.RecordStatusChange"/>; <c>Sequence</c> 1 is the submission.</summary>
public sealed record StatusChangeInput(string ProposalId, int Sequence, string From, string To, string By, string? Comment, DateTimeOffset At);

/// <summary>
/// One durable orchestration per proposal (instance id = proposal id). It acknowledges receipt to the applicant by
/// email (with a link to withdraw), then waits for what happens next to the proposal. Deterministic: all I/O is in
/// activities, every timestamp comes from the orchestration's clock.
/// </summary>
public static partial class ProposalWorkflow
{
    /// <summary>Email is retried with backoff (SendGrid's 429 and 5xx), and a mail outage never fails the workflow.</summary>
    private static readonly TaskOptions EmailRetry = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: 8, firstRetryInterval: TimeSpan.FromSeconds(2), backoffCoefficient: 2, maxRetryInterval: TimeSpan.FromMinutes(5)));

    /// <summary>Storage writes are retried until storage is back (a record must never be left behind its workflow).</summary>
    private static readonly TaskOptions StorageRetry = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: 20, firstRetryInterval: TimeSpan.FromSeconds(1), backoffCoefficient: 2, maxRetryInterval: TimeSpan.FromMinutes(2)));

    [Function(nameof(ProposalWorkflow))]
    public static async Task<string> Run([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var input = context.GetInput<ProposalWorkflowInput>()
            ?? throw new InvalidOperationException("The proposal workflow needs its input.");
        var logger = context.CreateReplaySafeLogger(nameof(ProposalWorkflow));
        using var scope = logger.ProposalScope(input.ProposalId);
        LogStarted(logger, input.ProposalId);
        var sequence = 1;
        var status = ProposalStatus.Submitted;
        context.SetCustomStatus(new ProposalWorkflowStatus(status.ToCode()));

        await SendEmailAsync(context, logger, input.ProposalId, nameof(ProposalActivities.SendAcknowledgement));

        // The applicant may withdraw and an officer may cancel at any stage: each event task is created once and
        // raced against whatever the current stage waits for.
        var withdrawn = context.WaitForExternalEvent<WithdrawalRequest>(WorkflowEvents.Withdrawn);
        var cancelled = context.WaitForExternalEvent<CancellationRequest>(WorkflowEvents.Cancelled);
        var ended = await Task.WhenAny(withdrawn, cancelled);

        sequence++;
        if (ended == withdrawn)
        {
            var request = await withdrawn;
            await RecordAsync(context, input.ProposalId, sequence, status, ProposalStatus.Withdrawn, request.By, request.Reason);
            status = ProposalStatus.Withdrawn;
            context.SetCustomStatus(new ProposalWorkflowStatus(status.ToCode()));
            await SendEmailAsync(context, logger, input.ProposalId, nameof(ProposalActivities.SendWithdrawalConfirmation));
        }
        else
        {
            var request = await cancelled;
            await RecordAsync(context, input.ProposalId, sequence, status, ProposalStatus.Cancelled, request.By, request.Reason);
            status = ProposalStatus.Cancelled;
            context.SetCustomStatus(new ProposalWorkflowStatus(status.ToCode()));
            await SendEmailAsync(context, logger, input.ProposalId, nameof(ProposalActivities.SendCancellationNotice));
        }

        return status.ToCode();
    }

    private static Task RecordAsync(TaskOrchestrationContext context, string proposalId, int sequence, ProposalStatus from, ProposalStatus to, string by, string? comment) =>
        context.CallActivityAsync(nameof(ProposalActivities.RecordStatusChange),
            new StatusChangeInput(proposalId, sequence, from.ToCode(), to.ToCode(), by, comment, context.CurrentUtcDateTime), StorageRetry);

    private static async Task SendEmailAsync(TaskOrchestrationContext context, ILogger logger, string proposalId, string activity)
    {
        try
        {
            await context.CallActivityAsync(activity, proposalId, EmailRetry);
        }
        catch (TaskFailedException)
        {
            LogEmailGaveUp(logger, proposalId, activity);
        }
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Proposal workflow started for {ProposalId}")]
    private static partial void LogStarted(ILogger logger, string proposalId);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Error, Message = "Proposal {ProposalId}: {Email} could not be sent after every retry")]
    private static partial void LogEmailGaveUp(ILogger logger, string proposalId, string email);
}
