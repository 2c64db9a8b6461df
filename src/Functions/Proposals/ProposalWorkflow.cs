using KhuyenCong.Application.Telemetry;
using KhuyenCong.Domain.Proposals;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace KhuyenCong.Functions.Proposals;

public sealed record ProposalWorkflowInput(string ProposalId);

public sealed record ProposalWorkflowStatus(string Status);

/// <summary>Names of the events the proposal workflow waits for.</summary>
public static class ProposalEvents
{
    public const string Withdrawn = "Withdrawn";
}

/// <summary>
/// One durable orchestration per proposal (instance id = proposal id). It acknowledges receipt to the applicant by
/// email, then waits for what happens next to the proposal. Deterministic: all I/O is in activities.
/// </summary>
public static partial class ProposalWorkflow
{
    /// <summary>Email is retried with backoff (SendGrid's 429 and 5xx), and a mail outage never fails the workflow.</summary>
    private static readonly TaskOptions EmailRetry = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: 8, firstRetryInterval: TimeSpan.FromSeconds(2), backoffCoefficient: 2, maxRetryInterval: TimeSpan.FromMinutes(5)));

    [Function(nameof(ProposalWorkflow))]
    public static async Task<string> Run([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var input = context.GetInput<ProposalWorkflowInput>()
            ?? throw new InvalidOperationException("The proposal workflow needs its input.");
        var logger = context.CreateReplaySafeLogger(nameof(ProposalWorkflow));
        using var scope = logger.ProposalScope(input.ProposalId);
        LogStarted(logger, input.ProposalId);
        context.SetCustomStatus(new ProposalWorkflowStatus(ProposalStatus.Submitted.ToCode()));

        try
        {
            await context.CallActivityAsync(nameof(ProposalActivities.SendAcknowledgement), input.ProposalId, EmailRetry);
        }
        catch (TaskFailedException)
        {
            LogEmailGaveUp(logger, input.ProposalId, "acknowledgement");
        }

        await context.WaitForExternalEvent<string?>(ProposalEvents.Withdrawn);

        context.SetCustomStatus(new ProposalWorkflowStatus(ProposalStatus.Withdrawn.ToCode()));
        return ProposalStatus.Withdrawn.ToCode();
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Proposal workflow started for {ProposalId}")]
    private static partial void LogStarted(ILogger logger, string proposalId);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Error, Message = "Proposal {ProposalId}: the {Email} email could not be sent after every retry")]
    private static partial void LogEmailGaveUp(ILogger logger, string proposalId, string email);
}
