using System.Collections.Concurrent;
using KhuyenCong.Application.Workflow;

namespace KhuyenCong.UnitTests.Application;

/// <summary>
/// The workflow port as a recorder: the durable engine is the one part without a local equivalent in a unit test.
/// It keeps every event raised, and may check something at the moment of raising (that the decision is already stored).
/// </summary>
public sealed class RecordingWorkflow(Func<string, Task>? atRaise = null) : IWorkflowEvents
{
    private readonly ConcurrentQueue<(string ProposalId, string EventName, object Payload)> raised = new();

    /// <summary>Whether the proposal's workflow runs (<see cref="RunAsync"/> answers running, or ended).</summary>
    public bool Running { get; init; } = true;

    public IReadOnlyList<(string ProposalId, string EventName, object Payload)> Raised => [.. raised];

    public async Task RaiseAsync<TPayload>(string proposalId, string eventName, TPayload payload, CancellationToken cancellationToken)
        where TPayload : notnull
    {
        if (atRaise is not null)
        {
            await atRaise(proposalId);
        }

        raised.Enqueue((proposalId, eventName, payload));
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

    /// <summary>The payload of the one event raised, as <typeparamref name="T"/>.</summary>
    public T Single<T>(string eventName)
    {
        var (_, name, payload) = Assert.Single(Raised);
        Assert.Equal(eventName, name);
        return Assert.IsType<T>(payload);
    }
}
