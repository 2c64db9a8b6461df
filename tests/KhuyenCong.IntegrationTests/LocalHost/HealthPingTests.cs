using KhuyenCong.IntegrationTests.Telemetry;
using KhuyenCong.LocalHost.Durable;
using KhuyenCong.Testing;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Grpc;
using Microsoft.DurableTask.Worker.Grpc.Internal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KhuyenCong.IntegrationTests.LocalHost;

/// <summary>
/// The durable worker reconnects, with the warning "Channel to backend has stopped receiving traffic", when its
/// work-item stream carries nothing for its silent-disconnect timeout (120 s). LocalHost's task-hub server pings an
/// idle stream to prevent that. Here the timeout is shortened to 1.5 s (through the worker's internal option) and the
/// pings come every 0.3 s, so minutes become seconds; without pings the same worker warns, which shows the test can fail.
/// </summary>
public sealed class HealthPingTests : IAsyncLifetime
{
    private const string SilentDisconnect = "Channel to backend has stopped receiving traffic";
    private const string PingReceived = "Received health ping from the backend";
    private readonly AzuriteFixture azurite = new();

    public Task InitializeAsync() => azurite.InitializeAsync();

    public Task DisposeAsync() => azurite.DisposeAsync();

    [Fact]
    public async Task IdleWorker_ServerPingsTheStream_WorkerNeverReconnects()
    {
        var logs = new CapturingLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        await using var engine = await StartEngineAsync(loggerFactory, TimeSpan.FromMilliseconds(300));
        using var worker = await StartWorkerAsync(engine, logs);

        // Eight pings span 2.4 s, longer than the 1.5 s after which a silent stream counts as disconnected.
        await Eventually.GetAsync(() => Task.FromResult(Count(logs, PingReceived)), n => n >= 8, what: "eight health pings");

        Assert.Equal(0, Count(logs, SilentDisconnect));
        await worker.StopAsync();
    }

    [Fact]
    public async Task IdleWorker_NoPings_WorkerReportsTheSilentStream()
    {
        var logs = new CapturingLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        await using var engine = await StartEngineAsync(loggerFactory, Timeout.InfiniteTimeSpan);
        using var worker = await StartWorkerAsync(engine, logs);

        await Eventually.GetAsync(() => Task.FromResult(Count(logs, SilentDisconnect)), n => n >= 1, what: "the silent-disconnect warning");

        Assert.Equal(0, Count(logs, PingReceived));
        await worker.StopAsync();
    }

    private Task<DurableEngine> StartEngineAsync(ILoggerFactory loggerFactory, TimeSpan pingEvery)
    {
        var hub = "Pings" + Guid.NewGuid().ToString("N")[..8];
        return DurableEngine.StartAsync(
            azurite.ConnectionString,
            new DurableEngineSettings(hub, TimeSpan.FromSeconds(1), 1, "ping-test") { HealthPingInterval = new HealthPingInterval(pingEvery) },
            loggerFactory,
            CancellationToken.None);
    }

    private static async Task<IHost> StartWorkerAsync(DurableEngine engine, CapturingLoggerProvider logs)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Trace).AddProvider(logs);
        builder.Services.AddDurableTaskWorker(b =>
        {
            b.UseGrpc(engine.Channel);
            b.AddTasks(_ => { });
        });
        builder.Services.ConfigureAll<GrpcDurableTaskWorkerOptions>(o => o.SetSilentDisconnectTimeout(TimeSpan.FromSeconds(1.5)));
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    private static int Count(CapturingLoggerProvider logs, string text) =>
        logs.Entries.Count(e => e.Message.Contains(text, StringComparison.Ordinal));
}
