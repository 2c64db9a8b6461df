using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.Functions.Proposals;
using KhuyenCong.IntegrationTests.Proposals;
using KhuyenCong.Testing;
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
        string instanceId;

        await using (var first = await LocalHostFactory.StartAsync(azurite.ConnectionString))
        {
            // The workflow first emails an acknowledgement of a real proposal (for an unknown id the activity fails and is
            // retried for minutes), so submit one: its id is the instance id. Stop only once the workflow is idle, waiting
            // for the event: work in flight at shutdown was seen to stall the instance for over 90 s after the restart.
            var form = ProposalForms.Valid();
            using var http = first.CreateClient();
            using var submitted = await http.PostAsync(ProposalForms.SubmitUri, ProposalForms.Json(form));
            Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
            using (var created = JsonDocument.Parse(await submitted.Content.ReadAsStringAsync()))
            {
                instanceId = created.RootElement.GetProperty("id").GetString()!;
            }

            var acknowledgement = await Eventually.GetAsync(
                async () => (await http.GetFromJsonAsync<List<JsonElement>>(new Uri("/dev/outbox/messages", UriKind.Relative)))!
                    .FirstOrDefault(m => m.GetProperty("to").EnumerateArray().Any(t => t.GetString() == (string)form["email"]!)),
                m => m.ValueKind == JsonValueKind.Object,
                what: "the acknowledgement email");
            var sentAt = acknowledgement.GetProperty("receivedAt").GetDateTimeOffset();

            var client = first.Services.GetRequiredService<DurableTaskClient>();
            var running = await Eventually.GetAsync(
                () => client.GetInstanceAsync(instanceId, getInputsAndOutputs: true),
                s => s?.RuntimeStatus == OrchestrationRuntimeStatus.Running && s.SerializedCustomStatus is not null && s.LastUpdatedAt > sentAt,
                what: "the workflow to acknowledge and wait");
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
