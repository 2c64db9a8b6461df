namespace KhuyenCong.Application.Workflow;

/// <summary>
/// The port through which a use case tells a proposal's workflow what was decided (after storing it): one external
/// event named in <see cref="WorkflowEvents"/>, with its payload, to the orchestration whose instance id is the
/// proposal's id. The adapter implements it over the durable client its function is bound to, so use cases take it
/// per call, as <see cref="Proposals.ProposalIntake"/> takes its workflow starter (ADR 0005, 0013).
/// </summary>
public interface IWorkflowEvents
{
    Task RaiseAsync<TPayload>(string proposalId, string eventName, TPayload payload, CancellationToken cancellationToken)
        where TPayload : notnull;

    /// <summary>
    /// Where the proposal's workflow is: <see cref="WorkflowRun.Pending"/> before it has started (its start not yet
    /// processed), <see cref="WorkflowRun.Running"/> once started, <see cref="WorkflowRun.Ended"/> when it ended or never
    /// existed. An event sent to a pending instance can be discarded by the Azure Storage provider when it is dequeued
    /// before the instance's start (a lease moving between instances), so a use case whose event must not be lost (a
    /// withdrawal, a cancellation) raises it only once the workflow has started (<see cref="WorkflowStarts"/>). A
    /// proposal without a workflow (imported) reads ended.
    /// </summary>
    Task<WorkflowRun> RunAsync(string proposalId, CancellationToken cancellationToken);
}

/// <summary>What <see cref="IWorkflowEvents.RunAsync"/> found.</summary>
public enum WorkflowRun
{
    Pending,
    Running,
    Ended,
}
