using KhuyenCong.Application.Intake;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace KhuyenCong.Functions.Workflow;

/// <summary>
/// Starts the proposal workflow through the durable client bound to the function, stamped with the orchestration
/// version new proposals run (<see cref="ProposalWorkflow.CycleVersion"/> unless <c>Workflow:StartVersion</c> says
/// 1): the version is kept with the instance for its whole life, and the orchestrator branches on it
/// (docs/durable-workflow.md, section 6).
/// </summary>
internal sealed class DurableWorkflowStarter(DurableTaskClient client, string startVersion) : IProposalWorkflowStarter
{
    public Task StartAsync(string proposalId, CancellationToken cancellationToken) =>
        client.ScheduleNewOrchestrationInstanceAsync(nameof(ProposalWorkflow), new ProposalWorkflowInput(proposalId),
            new StartOrchestrationOptions(proposalId) { Version = ProposalWorkflow.EngineVersion(startVersion) }, cancellationToken);
}
