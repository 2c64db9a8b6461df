using System.Text.Json.Serialization;
using KhuyenCong.Application.Telemetry;
using KhuyenCong.Domain.Proposals;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace KhuyenCong.Functions.Workflow;

public sealed record ProposalWorkflowInput(string ProposalId);

/// <summary>
/// The orchestration's custom status: the proposal's status code and the current rounds. <c>PlanRound</c> (version 2:
/// the plans the proposal has waited for, 1 first, more after a reserve) is left out while 0, so the status of
/// version-1 instances reads as it always did (the replay tests compare it).
/// </summary>
public sealed record ProposalWorkflowStatus(
    string Status,
    int ScreeningRound = 0,
    int AppraisalRound = 0,
    int ApprovalRound = 0,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] int PlanRound = 0);

/// <summary>
/// One durable orchestration per proposal (instance id = proposal id): screening, the applicant's revisions, the
/// council's appraisal, the director's approval, the contract, payments, acceptance and settlement, as
/// <see cref="ProposalProcess"/> tells it. Deterministic: all I/O is in activities (<see cref="ProposalActivities"/>),
/// every time comes from the orchestration's clock, every wait races its event against the applicant's withdrawal and
/// an officer's cancellation (each event task created once per wait, never a timed-out wait: see
/// docs/durable-workflow.md). Its shape is frozen for the instances in flight: the replay tests hold it to the
/// histories recorded in tests/KhuyenCong.UnitTests/Workflow/Replay/Histories.
/// </summary>
public static partial class ProposalWorkflow
{
    /// <summary>
    /// The orchestration version of the yearly cycle (ADR 0020): after the reviewers, the council's session, the plan
    /// and its decision. Instances started before it carry no version ("") and run version 1, the director's approval.
    /// host.json's <c>extensions.durableTask.defaultVersion</c> names the same version (a unit test holds them equal).
    /// </summary>
    public const string CycleVersion = "2";

    /// <summary>The engine's version string for a <c>Workflow:StartVersion</c> setting: "1" is no version (as instances started before versions existed), anything else the cycle's.</summary>
    public static string EngineVersion(string startVersion) => startVersion == "1" ? string.Empty : CycleVersion;

    [Function(nameof(ProposalWorkflow))]
    public static async Task<string> Run([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var input = context.GetInput<ProposalWorkflowInput>()
            ?? throw new InvalidOperationException("The proposal workflow needs its input.");
        var logger = context.CreateReplaySafeLogger(nameof(ProposalWorkflow));
        using var scope = logger.ProposalScope(input.ProposalId);
        LogStarted(logger, input.ProposalId);
        var status = await new ProposalProcess(context, input.ProposalId).RunAsync();
        LogEnded(logger, input.ProposalId, status.ToCode());
        return status.ToCode();
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Proposal workflow started for {ProposalId}")]
    private static partial void LogStarted(ILogger logger, string proposalId);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information, Message = "Proposal workflow of {ProposalId} ended as {Status}")]
    private static partial void LogEnded(ILogger logger, string proposalId, string status);
}
