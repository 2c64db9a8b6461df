using System.Net;
using System.Net.Sockets;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Functions.Workflow;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;

namespace KhuyenCong.UnitTests.Workflow;

/// <summary>
/// The workflow port's adapter on the in-memory durable engine: where a workflow is, for the use cases that raise an
/// ending event only to a started one (an event dequeued before a pending instance's start can be discarded by the
/// Azure Storage provider).
/// </summary>
public sealed class DurableWorkflowEventsTests : IAsyncLifetime
{
    private DurableTaskTestHost host = null!;

    public async Task InitializeAsync() => host = await DurableTaskTestHost.StartAsync(
        tasks => tasks.AddOrchestratorFunc<string?, string>("Waits", async (context, _) => await context.WaitForExternalEvent<string>("go")),
        new DurableTaskTestHostOptions { Port = FreePort() });

    public async Task DisposeAsync() => await host.DisposeAsync();

    private DurableWorkflowEvents Events => new(host.Client);

    [Fact]
    public async Task Run_RunningThenCompletedOrUnknown_RunningThenEnded()
    {
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Waits");
        await host.Client.WaitForInstanceStartAsync(id);

        Assert.Equal(WorkflowRun.Running, await Events.RunAsync(id, CancellationToken.None));

        await host.Client.RaiseEventAsync(id, "go", "now");
        await host.Client.WaitForInstanceCompletionAsync(id);
        Assert.Equal(WorkflowRun.Ended, await Events.RunAsync(id, CancellationToken.None));
        Assert.Equal(WorkflowRun.Ended, await Events.RunAsync("no-such-instance", CancellationToken.None));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
