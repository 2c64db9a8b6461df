namespace KhuyenCong.Application.Workflow;

/// <summary>
/// The port through which a use case tells a proposal's workflow what was decided (after storing it): one external
/// event named in <see cref="WorkflowEvents"/>, with its payload, to the orchestration whose instance id is the
/// proposal's id. The adapter implements it over the durable client it is bound to (ADR 0005, 0013).
/// </summary>
public interface IWorkflowEvents
{
    Task RaiseAsync<TPayload>(string proposalId, string eventName, TPayload payload, CancellationToken cancellationToken)
        where TPayload : notnull;
}
