using System.Collections.Concurrent;
using KhuyenCong.Application.Workflow;

namespace KhuyenCong.UnitTests.Application.Support;

/// <summary>
/// The workflow port in the use cases' unit tests: records every event raised (the seam to the durable engine, which
/// the integration tests run for real), says the workflow is running unless told otherwise, and can fail on demand.
/// </summary>
public sealed class RecordingWorkflowEvents : IWorkflowEvents
{
    private readonly ConcurrentQueue<(string ProposalId, string Name, object Payload)> raised = new();

    public bool Running { get; set; } = true;

    /// <summary>Raising throws this (the engine unreachable), when set.</summary>
    public Exception? Failure { get; set; }

    public IReadOnlyList<(string ProposalId, string Name, object Payload)> Raised => raised.ToList();

    public Task RaiseAsync<TPayload>(string proposalId, string eventName, TPayload payload, CancellationToken cancellationToken)
        where TPayload : notnull
    {
        if (Failure is { } failure)
        {
            throw failure;
        }

        raised.Enqueue((proposalId, eventName, payload));
        return Task.CompletedTask;
    }

    /// <summary>What <see cref="RunAsync"/> answers first, in order (a workflow pending, then started); then from <c>Running</c>.</summary>
    public ConcurrentQueue<WorkflowRun> Runs { get; } = new();

    /// <summary>How many times <see cref="RunAsync"/> was asked.</summary>
    public int RunChecks => runChecks;

    private int runChecks;

    public Task<WorkflowRun> RunAsync(string proposalId, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref runChecks);
        return Task.FromResult(Runs.TryDequeue(out var run) ? run : Running ? WorkflowRun.Running : WorkflowRun.Ended);
    }
}
