using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.Application.Email;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Functions.Proposals;
using KhuyenCong.Testing;
using KhuyenCong.Web.Http;
using KhuyenCong.Web.Requests;
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
        var email = $"restart+{Guid.NewGuid():N}@example.vn";
        string proposalId;

        await using (var first = await LocalHostFactory.StartAsync(azurite.ConnectionString))
        {
            using var client = first.CreateClient();
            using (var health = await client.GetAsync(new Uri("/api/health", UriKind.Relative)))
            {
                Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            }

            // A real proposal: its workflow acknowledges it by email, then waits for what happens next.
            using var submitted = await client.PostAsJsonAsync("/api/proposals", ValidProposal(email));
            Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
            var created = await submitted.Content.ReadFromJsonAsync<JsonElement>();
            proposalId = created.GetProperty("id").GetString()!;
            var trackingCode = created.GetProperty("trackingCode").GetString()!;
            var acknowledgement = await Eventually.GetAsync(
                async () => (await client.GetFromJsonAsync<List<JsonElement>>(new Uri("/dev/outbox/messages", UriKind.Relative)))!
                    .FirstOrDefault(m => m.GetProperty("to").EnumerateArray().Any(t => t.GetString() == email)),
                m => m.ValueKind == JsonValueKind.Object,
                what: "the acknowledgement email");
            // The workflow then opens screening and tells the officers: the last email before it waits.
            var toOfficers = await Eventually.GetAsync(
                async () => (await client.GetFromJsonAsync<List<JsonElement>>(new Uri("/dev/outbox/messages", UriKind.Relative)))!
                    .FirstOrDefault(m => m.GetProperty("subject").GetString()!.Contains("chờ kiểm tra", StringComparison.Ordinal)
                        && m.GetProperty("subject").GetString()!.Contains(trackingCode, StringComparison.Ordinal)),
                m => m.ValueKind == JsonValueKind.Object,
                what: "the officers' screening email");
            var sentAt = toOfficers.GetProperty("receivedAt").GetDateTimeOffset();

            // Stop only once the workflow is idle, waiting for the event (work in flight at shutdown is redelivered only
            // when its queue lease expires, minutes later).
            var durable = first.Services.GetRequiredService<DurableTaskClient>();
            await Eventually.GetAsync(
                () => durable.GetInstanceAsync(proposalId),
                s => s?.RuntimeStatus == OrchestrationRuntimeStatus.Running && s.LastUpdatedAt > sentAt,
                what: "the workflow to acknowledge and wait");
        }

        await using var second = await LocalHostFactory.StartAsync(azurite.ConnectionString);
        var secondClient = second.Services.GetRequiredService<DurableTaskClient>();
        var stillWaiting = await secondClient.GetInstanceAsync(proposalId, getInputsAndOutputs: true);
        Assert.Equal(OrchestrationRuntimeStatus.Running, stillWaiting!.RuntimeStatus);
        Assert.Contains("screening", stillWaiting.SerializedCustomStatus, StringComparison.Ordinal);

        await secondClient.RaiseEventAsync(proposalId, WorkflowEvents.Withdrawn, new WithdrawalRequest("applicant", null));
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var completed = await secondClient.WaitForInstanceCompletionAsync(proposalId, getInputsAndOutputs: true, cts.Token);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, completed.RuntimeStatus);
        Assert.Equal("withdrawn", JsonSerializer.Deserialize<string>(completed.SerializedOutput!));

        // Replaying the workflow after the restart did not send the acknowledgement again; the withdrawal was confirmed once.
        using var outbox = second.CreateClient();
        var subjects = await Eventually.GetAsync(
            async () => (await outbox.GetFromJsonAsync<List<JsonElement>>(new Uri("/dev/outbox/messages", UriKind.Relative)))!
                .Where(m => m.GetProperty("to").EnumerateArray().Any(t => t.GetString() == email))
                .Select(m => m.GetProperty("subject").GetString()!).ToList(),
            s => s?.Count >= 2,
            what: "the withdrawal email");
        Assert.Single(subjects, s => s.StartsWith("Đã nhận đề án", StringComparison.Ordinal));
        Assert.Single(subjects, s => s.Contains("đã được rút", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Outbox_AfterARestart_StillListsEarlierMessages()
    {
        var to = $"luu.tru+{Guid.NewGuid():N}@example.vn";
        await using (var first = await LocalHostFactory.StartAsync(azurite.ConnectionString))
        {
            await first.Services.GetRequiredService<IEmailSender>().SendAsync(
                new EmailMessage("restart", [new(to)], "Trước khi khởi động lại", "<p>x</p>", "x"), CancellationToken.None);
        }

        await using var second = await LocalHostFactory.StartAsync(azurite.ConnectionString);
        using var client = second.CreateClient();
        var page = await client.GetStringAsync(new Uri("/dev/outbox/messages", UriKind.Relative));

        Assert.Contains(to, page, StringComparison.Ordinal);
        Assert.Contains("Trước khi khởi động lại", JsonSerializer.Deserialize<List<JsonElement>>(page)!.Select(m => m.GetProperty("subject").GetString()));
    }

    private static Dictionary<string, object> ValidProposal(string email) => new()
    {
        ["organizationName"] = "Cơ sở cơ khí Hoàng Long",
        ["taxCode"] = "0109876543", ["entityType"] = "sme",
        ["representative"] = "Hoàng Văn Long",
        ["email"] = email,
        ["phone"] = "0903123456",
        ["address"] = "Cụm công nghiệp Phố Nối",
        ["commune"] = "Phường Mỹ Hào",
        ["province"] = "hung-yen",
        ["kind"] = "machinery",
        ["sector"] = "Cơ khí chế tạo",
        ["fundingSource"] = "national",
        ["title"] = "Máy cắt laser CNC",
        ["summary"] = "Đầu tư máy cắt laser",
        ["totalCost"] = 500_000_000,
        ["requestedSupport"] = 250_000_000,
        ["ownContribution"] = 250_000_000,
        ["startDate"] = "2027-03-01",
        ["endDate"] = "2027-09-30",
    };
}
