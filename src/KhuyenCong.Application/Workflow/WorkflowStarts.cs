using Microsoft.Extensions.Options;

namespace KhuyenCong.Application.Workflow;

/// <summary>
/// Waits, for a use case whose event ends a workflow (a withdrawal, a cancellation), until the workflow has started: an
/// event sent to a pending instance can be discarded by the Azure Storage provider when it is dequeued before the
/// instance's start (<see cref="IWorkflowEvents.RunAsync"/>). It polls while the instance reads pending, up to
/// <see cref="WorkflowOptions.StartWait"/>; an instance still pending then is most likely one whose Instances row lags
/// behind a start already stored in its history (after a crash), which needs the event to run its next episode, so
/// the caller raises it then.
/// </summary>
public sealed class WorkflowStarts(IOptions<WorkflowOptions> options, TimeProvider time)
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);

    /// <summary>The workflow's run once it is no longer pending, or <see cref="WorkflowRun.Pending"/> after the wait.</summary>
    public async Task<WorkflowRun> WaitAsync(IWorkflowEvents events, string proposalId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        var until = time.GetUtcNow() + options.Value.StartWait;
        while (true)
        {
            var run = await events.RunAsync(proposalId, cancellationToken);
            if (run != WorkflowRun.Pending || time.GetUtcNow() >= until)
            {
                return run;
            }

            await Task.Delay(Poll, time, cancellationToken);
        }
    }
}
