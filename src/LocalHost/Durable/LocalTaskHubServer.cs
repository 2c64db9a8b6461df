using System.Collections.Concurrent;
using System.Globalization;
using DurableTask.Core;
using Grpc.Core;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using P = Microsoft.DurableTask.Protobuf;

namespace KhuyenCong.LocalHost.Durable;

/// <summary>How often the task-hub server sends a health ping on an idle work-item stream.</summary>
public sealed record HealthPingInterval(TimeSpan Value)
{
    /// <summary>
    /// A quarter of the worker's silent-disconnect timeout (120 s in Microsoft.DurableTask.Worker.Grpc), as a hosted
    /// backend keeps it: well inside the window even on a busy machine.
    /// </summary>
    public static readonly HealthPingInterval Default = new(TimeSpan.FromSeconds(30));
}

/// <summary>
/// The task-hub gRPC server of Microsoft.DurableTask.InProcessTestHost, with two additions LocalHost needs.
/// <list type="bullet">
/// <item>Health pings. The worker treats a work-item stream that has carried no message for 120 seconds as silently
/// disconnected: it logs "Channel to backend has stopped receiving traffic, will attempt to reconnect" and opens a new
/// stream. A hosted Durable Task backend sends <c>HealthPing</c> work items to prevent that; the package's server
/// sends nothing while no workflow runs, so an idle LocalHost warned and reconnected every two minutes. HTTP/2
/// keep-alive pings would not help: only a work item resets the worker's timer.</item>
/// <item>A count of the work in flight (sent to the worker, not answered yet), so that stopping can wait for a quiet
/// moment (<see cref="WaitForQuietAsync"/>) instead of cutting a workflow step in the middle.</item>
/// </list>
/// </summary>
internal sealed class LocalTaskHubServer(
    IHostApplicationLifetime lifetime,
    ILoggerFactory loggerFactory,
    IOrchestrationService service,
    IOrchestrationServiceClient client,
    IOptions<TaskHubGrpcServerOptions> options,
    HealthPingInterval interval)
    : TaskHubGrpcServer(lifetime, loggerFactory, service, client, options)
{
    private readonly ConcurrentDictionary<string, byte> inFlight = new(StringComparer.Ordinal);

    /// <summary>
    /// Waits until no work item has been in flight for <paramref name="settle"/> (a workflow's next step is fetched
    /// within a queue-polling interval of the last one, so a shorter gap is not the end of a chain), or until
    /// <paramref name="timeout"/> has passed; true when quiet.
    /// </summary>
    public async Task<bool> WaitForQuietAsync(TimeSpan settle, TimeSpan timeout)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var quietSince = TimeSpan.Zero;
        while (clock.Elapsed - quietSince < settle)
        {
            if (clock.Elapsed >= timeout)
            {
                return false;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50));
            if (!inFlight.IsEmpty)
            {
                quietSince = clock.Elapsed;
            }
        }

        return true;
    }

    public override async Task GetWorkItems(P.GetWorkItemsRequest request, IServerStreamWriter<P.WorkItem> responseStream, ServerCallContext context)
    {
        var stream = new TrackedStream(responseStream, inFlight);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);
        var pings = PingAsync(stream, interval.Value, stop.Token);
        try
        {
            await base.GetWorkItems(request, stream, context);
        }
        finally
        {
            await stop.CancelAsync();
            await pings;
        }
    }

    public override Task<P.CompleteTaskResponse> CompleteOrchestratorTask(P.OrchestratorResponse request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
#pragma warning disable CS0612 // IsPartial is obsolete in the protocol, still sent by workers that chunk large responses.
        var partial = request.IsPartial;
#pragma warning restore CS0612
        try
        {
            return base.CompleteOrchestratorTask(request, context);
        }
        finally
        {
            if (!partial)
            {
                inFlight.TryRemove(OrchestrationKey(request.InstanceId), out _);
            }
        }
    }

    public override Task<P.CompleteTaskResponse> CompleteActivityTask(P.ActivityResponse request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            return base.CompleteActivityTask(request, context);
        }
        finally
        {
            inFlight.TryRemove(ActivityKey(request.InstanceId, request.TaskId), out _);
        }
    }

    private static string OrchestrationKey(string instanceId) => "o|" + instanceId;

    private static string ActivityKey(string instanceId, int taskId) => string.Create(CultureInfo.InvariantCulture, $"a|{instanceId}|{taskId}");

    private static string? KeyOf(P.WorkItem item) => item.RequestCase switch
    {
        P.WorkItem.RequestOneofCase.OrchestratorRequest => OrchestrationKey(item.OrchestratorRequest.InstanceId),
        P.WorkItem.RequestOneofCase.ActivityRequest => ActivityKey(item.ActivityRequest.OrchestrationInstance.InstanceId, item.ActivityRequest.TaskId),
        _ => null,
    };

    private static async Task PingAsync(TrackedStream stream, TimeSpan every, CancellationToken cancellationToken)
    {
        if (every == Timeout.InfiniteTimeSpan)
        {
            return;
        }

        using var timer = new PeriodicTimer(every);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                await stream.WriteAsync(new P.WorkItem { HealthPing = new P.HealthPing() }, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or InvalidOperationException or IOException or RpcException)
        {
            // The stream ended (the worker disconnected or the server is stopping): nothing left to keep alive.
        }
    }

    /// <summary>
    /// The work-item stream: one write at a time (the server's work items and the pings take turns, as gRPC requires),
    /// each orchestration or activity request counted in flight until the worker answers it.
    /// </summary>
    private sealed class TrackedStream(IServerStreamWriter<P.WorkItem> inner, ConcurrentDictionary<string, byte> inFlight) : IServerStreamWriter<P.WorkItem>
    {
        private readonly SemaphoreSlim turn = new(1, 1);

        public WriteOptions? WriteOptions
        {
            get => inner.WriteOptions;
            set => inner.WriteOptions = value;
        }

        public Task WriteAsync(P.WorkItem message) => WriteAsync(message, CancellationToken.None);

        public async Task WriteAsync(P.WorkItem message, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(message);
            var key = KeyOf(message);
            await turn.WaitAsync(cancellationToken);
            try
            {
                if (key is not null)
                {
                    inFlight.TryAdd(key, 0);
                }

                await inner.WriteAsync(message);
            }
            catch when (key is not null)
            {
                inFlight.TryRemove(key, out _);
                throw;
            }
            finally
            {
                turn.Release();
            }
        }
    }
}
