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
    /// True while the proposal's workflow runs or is about to (pending): it still takes events. False once it ended
    /// (settled, rejected, withdrawn, cancelled, failed), or for a proposal without one (imported).
    /// </summary>
    Task<bool> IsRunningAsync(string proposalId, CancellationToken cancellationToken);
}
