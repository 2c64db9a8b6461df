using System.Diagnostics;
using KhuyenCong.ReliabilityTests.Support;
using KhuyenCong.Testing;
using Xunit.Abstractions;

namespace KhuyenCong.ReliabilityTests;

/// <summary>
/// Two LocalHost processes on one storage account and one task hub, as two Functions instances: proposals are
/// submitted, withdrawn and cancelled through either; every workflow ends once and every email goes out once.
/// </summary>
[Trait(Reliability.Category, Reliability.Name)]
public sealed class TwoInstancesTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly AzuriteFixture azurite = new();

    public Task InitializeAsync() => azurite.InitializeAsync();

    public Task DisposeAsync() => azurite.DisposeAsync();

    [Fact]
    public async Task TwoInstances_OneTaskHub_EveryWorkflowCompletesOnceAndEveryEmailIsSentOnce()
    {
        var clock = Stopwatch.StartNew();
        var hosts = await Task.WhenAll(
            LocalHostProcess.StartAsync(azurite.ConnectionString),
            LocalHostProcess.StartAsync(azurite.ConnectionString));
        try
        {
            output.WriteLine($"{clock.Elapsed}: two instances up");
            var clients = hosts.Select(h => h.CreateClient()).ToArray();
            var staff = hosts.Select(h => h.CreateClient(staff: true)).ToArray();

            // A stream of 30 submissions, alternating between the instances, 6 at a time.
            var proposals = new List<SubmittedProposal>();
            foreach (var chunk in Enumerable.Range(0, 30).Chunk(6))
            {
                proposals.AddRange(await Task.WhenAll(chunk.Select(i => ProposalApi.SubmitAsync(clients[i % 2], "two-hosts"))));
            }

            var acks = await ProposalApi.AcknowledgementsAsync(clients[0], proposals.Take(10), TimeSpan.FromSeconds(240));
            output.WriteLine($"{clock.Elapsed}: 30 submitted");

            // Withdraw 10 and cancel 10, each through either instance, all at once.
            await Task.WhenAll(
                proposals.Take(10).Select((p, i) => ProposalApi.WithdrawAsync(clients[i % 2], acks[p.Email]))
                    .Concat(proposals.Skip(10).Take(10).Select((p, i) => ProposalApi.CancelAsync(staff[(i + 1) % 2], p.Id))));

            var expected = new Dictionary<SubmittedProposal, (string Status, int Emails)>();
            foreach (var (p, i) in proposals.Select((p, i) => (p, i)))
            {
                expected[p] = i < 10 ? ("withdrawn", 4) : i < 20 ? ("cancelled", 3) : ("screening", 2);
            }

            await ProposalApi.WaitForStatesAsync(staff[1], expected, TimeSpan.FromSeconds(240));
            output.WriteLine($"{clock.Elapsed}: every proposal in its state");
            await Task.Delay(TimeSpan.FromSeconds(3));

            var ours = (await ProposalApi.OutboxAsync(clients[1])).Where(m => m.To.Any(t => t.StartsWith("two-hosts", StringComparison.Ordinal))).ToList();
            var duplicates = ProposalApi.Duplicates(ours);
            Assert.True(duplicates.Count == 0, "sent more than once: " + string.Join(", ", duplicates));
            Assert.True(ours.Count == 50, $"{ours.Count} emails, expected 50");
            await ProposalApi.WaitForRuntimeStatusesAsync(azurite.ConnectionString,
                expected.ToDictionary(e => e.Key.Id, e => e.Value.Status == "screening" ? "Running" : "Completed"), TimeSpan.FromSeconds(120));
            foreach (var (proposal, (status, _)) in expected)
            {
                    var record = await ProposalApi.GetAsync(staff[0], proposal.Id);
                Assert.Equal(status == "screening" ? 2 : 3, record.GetProperty("history").GetArrayLength());
            }

            // Both instances ran the workflows' activities (the work-item queue is shared by every worker).
            Assert.False(hosts.Any(h => h.HasExited), "an instance stopped");
            Assert.All(hosts, h => Assert.Contains("email sent now: True", h.Output, StringComparison.Ordinal));
            foreach (var client in clients.Concat(staff))
            {
                client.Dispose();
            }
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.DisposeAsync();
            }
        }
    }
}
