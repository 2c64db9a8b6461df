using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.ReliabilityTests.Support;
using KhuyenCong.Testing;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace KhuyenCong.ReliabilityTests;

/// <summary>
/// The mail service throttles (429) and fails (500) for 20 seconds while 20 proposals come in: afterwards every
/// acknowledgement has been delivered exactly once and no workflow failed.
/// </summary>
[Trait(Reliability.Category, Reliability.Name)]
public sealed class MailOutageTests(LocalHostFixture fixture, ITestOutputHelper output) : IClassFixture<LocalHostFixture>
{
    [Fact]
    public async Task MailOutage_20ProposalsDuring20Seconds_EveryAcknowledgementDeliveredOnceAndNoWorkflowFailed()
    {
        var clock = Stopwatch.StartNew();
        using var client = fixture.CreateClient();
        using var staff = fixture.CreateClient(withFunctionKey: true);
        using (var faults = await client.PostAsJsonAsync("/dev/outbox/faults", new { statuses = new[] { 429, 500 }, seconds = 20 }))
        {
            Assert.Equal(HttpStatusCode.NoContent, faults.StatusCode);
        }

        var proposals = new List<SubmittedProposal>();
        foreach (var chunk in Enumerable.Range(0, 20).Chunk(4))
        {
            proposals.AddRange(await Task.WhenAll(chunk.Select(_ => ProposalApi.SubmitAsync(client, "mail-outage"))));
            await Task.Delay(1000);
        }

        output.WriteLine($"{clock.Elapsed}: 20 submitted during the outage");
        var duringOutage = await client.GetFromJsonAsync<JsonElement>(new Uri("/dev/outbox/faults", UriKind.Relative));
        Assert.NotEqual(JsonValueKind.Null, duringOutage.GetProperty("outageUntil").ValueKind);

        await ProposalApi.AcknowledgementsAsync(client, proposals, TimeSpan.FromSeconds(240));
        output.WriteLine($"{clock.Elapsed}: every acknowledgement delivered");
        await Task.Delay(TimeSpan.FromSeconds(3));

        var faultState = await client.GetFromJsonAsync<JsonElement>(new Uri("/dev/outbox/faults", UriKind.Relative));
        Assert.Equal(JsonValueKind.Null, faultState.GetProperty("outageUntil").ValueKind);
        Assert.True(faultState.GetProperty("served").GetInt32() >= 20, "the outage refused fewer sends than there were proposals");
        var ours = (await ProposalApi.OutboxAsync(client)).Where(m => m.To.Any(t => t.StartsWith("mail-outage", StringComparison.Ordinal))).ToList();
        Assert.Empty(ProposalApi.Duplicates(ours));
        Assert.Equal(20, ours.Count);

        var durable = fixture.Host.Services.GetRequiredService<DurableTaskClient>();
        // The workflow goes on to screening and tells the officers too (the acknowledgement plus that email).
        await ProposalApi.WaitForStatesAsync(staff, proposals.ToDictionary(p => p, _ => ("screening", 2)), TimeSpan.FromSeconds(240));
        foreach (var proposal in proposals)
        {
            var instance = await durable.GetInstanceAsync(proposal.Id);
            Assert.Equal(OrchestrationRuntimeStatus.Running, instance!.RuntimeStatus);
            var record = await ProposalApi.GetAsync(staff, proposal.Id);
            Assert.Equal("screening", record.GetProperty("status").GetString());
            Assert.Equal(2, record.GetProperty("emailsSent").GetArrayLength());
        }

        output.WriteLine($"{clock.Elapsed}: done");
    }
}
