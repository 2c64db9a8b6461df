using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.LocalHost.Durable;
using KhuyenCong.LocalHost.Hosting;
using KhuyenCong.Testing;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCong.IntegrationTests.LocalHost;

/// <summary>A LocalHost as the benchmark starts it: the floor orchestration registered, storage requests counted.</summary>
public sealed class BenchmarkHostFixture : IAsyncLifetime
{
    private readonly AzuriteFixture azurite = new();

    public LocalHostApplication Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await azurite.InitializeAsync();
        Host = await LocalHostFactory.StartAsync(azurite.ConnectionString, new Dictionary<string, string?> { [BenchmarkFloor.SettingName] = "true" });
    }

    public async Task DisposeAsync()
    {
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }

        await azurite.DisposeAsync();
    }
}

public sealed class BenchmarkSupportTests(BenchmarkHostFixture fixture) : IClassFixture<BenchmarkHostFixture>
{
    [Fact]
    public async Task FloorOrchestration_WithTheSetting_RunsItsActivitiesWaitsForItsEventAndCompletes()
    {
        var durable = fixture.Host.Services.GetRequiredService<DurableTaskClient>();
        var id = "floor-" + Guid.NewGuid().ToString("N");

        await durable.ScheduleNewOrchestrationInstanceAsync(BenchmarkFloor.Orchestration, new BenchmarkFloorInput(3, 2), new StartOrchestrationOptions(id));
        var waiting = await Eventually.GetAsync(() => durable.GetInstanceAsync(id, getInputsAndOutputs: true), i => i?.SerializedCustomStatus == "\"waiting\"", what: "the floor waiting for its event");
        Assert.Equal(OrchestrationRuntimeStatus.Running, waiting!.RuntimeStatus);
        await durable.RaiseEventAsync(id, BenchmarkFloor.Event, "go");

        var done = await Eventually.GetAsync(() => durable.GetInstanceAsync(id, getInputsAndOutputs: true), i => i?.RuntimeStatus == OrchestrationRuntimeStatus.Completed, what: "the floor completed");
        Assert.Equal("\"done\"", done!.SerializedOutput);
    }

    [Fact]
    public async Task StorageOperations_AfterAStorageRequest_CountTheAppsClientsAndTheEnginesApart()
    {
        using var client = fixture.Host.CreateClient();
        var before = await client.GetFromJsonAsync<JsonElement>(new Uri("/dev/storage-ops", UriKind.Relative));

        using (await client.GetAsync(new Uri("/api/health", UriKind.Relative)))
        {
        }

        var after = await client.GetFromJsonAsync<JsonElement>(new Uri("/dev/storage-ops", UriKind.Relative));
        Assert.True(after.GetProperty("appTotal").GetInt64() > before.GetProperty("appTotal").GetInt64(), "the health check reads storage through the app's clients");
        Assert.True(after.GetProperty("engineTotal").GetInt64() > 0, "the engine's requests are counted too");
        Assert.Contains(after.GetProperty("engine").EnumerateObject(), p => p.Name.StartsWith("queue ", StringComparison.Ordinal));
        Assert.DoesNotContain(after.GetProperty("app").EnumerateObject(), p => p.Name.StartsWith("queue ", StringComparison.Ordinal));
    }
}
