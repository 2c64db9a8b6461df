using KhuyenCong.Functions.Workflow;
using Microsoft.DurableTask;

namespace KhuyenCong.Testing.Replay;

/// <summary>The proposal workflow's function, as the worker runs it: the input is the function's own record.</summary>
public sealed class ProposalWorkflowOrchestrator : ITaskOrchestrator
{
    public Type InputType => typeof(ProposalWorkflowInput);

    public Type OutputType => typeof(string);

    public async Task<object?> RunAsync(TaskOrchestrationContext context, object? input) => await ProposalWorkflow.Run(context);
}
