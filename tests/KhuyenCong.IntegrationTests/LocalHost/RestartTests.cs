using System.Text.Json;
using KhuyenCong.Functions.Proposals;
using KhuyenCong.Testing;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCong.IntegrationTests.LocalHost;

public class RestartTests : IAsyncLifetime
{
    private readonly AzuriteFixture azurite = new();

    public Task InitializeAsync() => azurite.InitializeAsync();

    public Task DisposeAsync() => azurite.DisposeAsync();

    [Fact]
    public async Task Orchestration_WaitingForAnEventAcrossARestart_CompletesAfterTheEventIsRaised()
    {
        var instanceId = "restart-" + Guid.NewGuid().ToString("N");

        await using (var first = await LocalHostFactory.StartAsync(azurite.ConnectionString))
        {
            using var health = await first.CreateClient().GetAsync(new Uri("/api/health", UriKind.Relative));
            Assert.True(health.IsSuccessStatusCode);
            var client = first.Services.GetRequiredService<DurableTaskClient>();
            await client.ScheduleNewOrchestrationInstanceAsync(nameof(ProposalWorkflow), new ProposalWorkflowInput(instanceId),
                new StartOrchestrationOptions(instanceId));
            var running = await Eventually.GetAsync(
                () => client.GetInstanceAsync(instanceId, getInputsAndOutputs: true),
                s => s?.RuntimeStatus == OrchestrationRuntimeStatus.Running && s.SerializedCustomStatus is not null,
                what: "the workflow to start and wait");
            Assert.Contains("submitted", running.SerializedCustomStatus, StringComparison.Ordinal);
        }

        await using var second = await LocalHostFactory.StartAsync(azurite.ConnectionString);
        var secondClient = second.Services.GetRequiredService<DurableTaskClient>();
        var stillWaiting = await secondClient.GetInstanceAsync(instanceId);
        Assert.Equal(OrchestrationRuntimeStatus.Running, stillWaiting!.RuntimeStatus);

        await secondClient.RaiseEventAsync(instanceId, ProposalEvents.Withdrawn, "applicant");
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var completed = await secondClient.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, cts.Token);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, completed.RuntimeStatus);
        Assert.Equal("withdrawn", JsonSerializer.Deserialize<string>(completed.SerializedOutput!));
    }

    [Fact]
    public async Task Outbox_AfterARestart_StillListsEarlierMessages()
    {
        var to = $"luu.tru+{Guid.NewGuid():N}@example.vn";
        await using (var first = await LocalHostFactory.StartAsync(azurite.ConnectionString))
        {
            await first.Services.GetRequiredService<KhuyenCong.Application.Email.IEmailSender>().SendAsync(
                new KhuyenCong.Application.Email.EmailMessage("restart", [new(to)], "Trước khi khởi động lại", "<p>x</p>", "x"), CancellationToken.None);
        }

        await using var second = await LocalHostFactory.StartAsync(azurite.ConnectionString);
        using var client = second.CreateClient();
        var page = await client.GetStringAsync(new Uri("/dev/outbox/messages", UriKind.Relative));

        Assert.Contains(to, page, StringComparison.Ordinal);
        Assert.Contains("Trước khi khởi động lại", JsonSerializer.Deserialize<List<JsonElement>>(page)!.Select(m => m.GetProperty("subject").GetString()));
    }
}
