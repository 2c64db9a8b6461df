using KhuyenCong.Application.Workflow;
using Microsoft.DurableTask.Client;

namespace KhuyenCong.Functions.Workflow;

/// <summary><see cref="IWorkflowEvents"/> over the durable client a function is bound to (<c>[DurableClient]</c>).</summary>
public sealed class DurableWorkflowEvents(DurableTaskClient client) : IWorkflowEvents
{
    public Task RaiseAsync<TPayload>(string proposalId, string eventName, TPayload payload, CancellationToken cancellationToken)
        where TPayload : notnull =>
        client.RaiseEventAsync(proposalId, eventName, payload, cancellationToken);

    /// <remarks>The Instances row turns Running only after the provider stored the start in the history.</remarks>
    public async Task<WorkflowRun> RunAsync(string proposalId, CancellationToken cancellationToken) =>
        (await client.GetInstanceAsync(proposalId, cancellationToken))?.RuntimeStatus switch
        {
            OrchestrationRuntimeStatus.Pending => WorkflowRun.Pending,
            OrchestrationRuntimeStatus.Running => WorkflowRun.Running,
            _ => WorkflowRun.Ended,
        };
}
