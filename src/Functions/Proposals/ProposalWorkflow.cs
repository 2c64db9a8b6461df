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

/// <summary>One durable orchestration per proposal (instance id = proposal id).</summary>
public static partial class ProposalWorkflow
{
    [Function(nameof(ProposalWorkflow))]
    public static async Task<string> Run([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var input = context.GetInput<ProposalWorkflowInput>()
            ?? throw new InvalidOperationException("The proposal workflow needs its input.");
        var logger = context.CreateReplaySafeLogger(nameof(ProposalWorkflow));
        LogStarted(logger, input.ProposalId);
        context.SetCustomStatus(new ProposalWorkflowStatus(ProposalStatus.Submitted.ToCode()));

        await context.WaitForExternalEvent<string?>(ProposalEvents.Withdrawn);

        context.SetCustomStatus(new ProposalWorkflowStatus(ProposalStatus.Withdrawn.ToCode()));
        return ProposalStatus.Withdrawn.ToCode();
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Proposal workflow started for {ProposalId}")]
    private static partial void LogStarted(ILogger logger, string proposalId);
}
