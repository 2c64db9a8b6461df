using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.Testing;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCong.IntegrationTests.Workflow;

/// <summary>The mail service throttles, then fails, for a while: the email still goes out exactly once and the workflow carries on.</summary>
public class MailOutageTests(LocalHostFixture fixture) : IClassFixture<LocalHostFixture>
{
    [Fact]
    public async Task Acknowledgement_MailServiceAnswers429Then500_IsDeliveredExactlyOnceAndTheWorkflowRuns()
    {
        using var client = fixture.CreateClient();
        using (var faults = await client.PostAsJsonAsync("/dev/outbox/faults", new { statuses = new[] { 429, 500, 503 } }))
        {
            Assert.Equal(HttpStatusCode.NoContent, faults.StatusCode);
        }

        var email = $"mat.thu+{Guid.NewGuid():N}@example.vn";
        using var submitted = await client.PostAsJsonAsync("/api/proposals", new Dictionary<string, object>
        {
            ["organizationName"] = "Cơ sở chế biến chè Tân Cương", ["taxCode"] = "4600123456", ["entityType"] = "household-business", ["representative"] = "Ngô Văn Cương",
            ["email"] = email, ["phone"] = "0208 3850 123", ["address"] = "Xóm Hồng Thái", ["commune"] = "Xã Tân Cương",
            ["province"] = "thai-nguyen", ["kind"] = "machinery", ["sector"] = "Chế biến chè", ["fundingSource"] = "local",
            ["title"] = "Máy vò chè", ["summary"] = "Đầu tư máy vò chè", ["totalCost"] = 300_000_000, ["requestedSupport"] = 100_000_000,
            ["ownContribution"] = 200_000_000, ["startDate"] = "2027-02-01", ["endDate"] = "2027-07-31",
        });
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var id = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        var delivered = await Eventually.GetAsync(
            async () => (await client.GetFromJsonAsync<List<JsonElement>>(new Uri("/dev/outbox/messages", UriKind.Relative)))!
                .Count(m => m.GetProperty("to").EnumerateArray().Any(t => t.GetString() == email)),
            n => n >= 1,
            TimeSpan.FromSeconds(90),
            "the acknowledgement after the outage");
        await Task.Delay(3000);
        var after = (await client.GetFromJsonAsync<List<JsonElement>>(new Uri("/dev/outbox/messages", UriKind.Relative)))!
            .Count(m => m.GetProperty("to").EnumerateArray().Any(t => t.GetString() == email));

        var faultState = await client.GetFromJsonAsync<JsonElement>(new Uri("/dev/outbox/faults", UriKind.Relative));
        Assert.Equal(0, faultState.GetProperty("pending").GetInt32());
        Assert.Equal(3, faultState.GetProperty("served").GetInt32());
        Assert.Equal(1, delivered);
        Assert.Equal(1, after);
        var instance = await fixture.Host.Services.GetRequiredService<DurableTaskClient>().GetInstanceAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Running, instance!.RuntimeStatus);
    }

    [Fact]
    public async Task Faults_NotHttpErrorStatuses_AreRefused()
    {
        using var client = fixture.CreateClient();

        using var response = await client.PostAsJsonAsync("/dev/outbox/faults", new { statuses = new[] { 200 } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
