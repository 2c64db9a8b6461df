using System.Diagnostics;
using KhuyenCong.ReliabilityTests.Support;
using KhuyenCong.Testing;
using Xunit.Abstractions;

namespace KhuyenCong.ReliabilityTests;

/// <summary>
/// LocalHost killed with SIGKILL while 50 workflows are at different stages and work is in flight, then restarted on
/// the same storage: every workflow reaches its state, none is lost, no email goes out twice.
/// </summary>
[Trait(Reliability.Category, Reliability.Name)]
public sealed class SigkillTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly AzuriteFixture azurite = new();

    public Task InitializeAsync() => azurite.InitializeAsync();

    public Task DisposeAsync() => azurite.DisposeAsync();

    [Fact]
    public async Task Sigkill_50WorkflowsInFlight_AllReachTheirStateAfterRestartAndNoEmailIsSentTwice()
    {
        var clock = Stopwatch.StartNew();
        var expected = new Dictionary<SubmittedProposal, (string Status, int Emails)>();
        var killedAt = DateTimeOffset.MinValue;
        var first = await LocalHostProcess.StartAsync(azurite.ConnectionString);
        try
        {
            using var client = first.CreateClient();
            using var staff = first.CreateClient(staff: true);

            // 40 proposals first: 15 will be withdrawn by the applicant, 15 cancelled by an officer, 10 left waiting.
            var early = await SubmitManyAsync(client, 40, "sigkill");
            var acks = await ProposalApi.AcknowledgementsAsync(client, early.Take(15), TimeSpan.FromSeconds(240));
            output.WriteLine($"{clock.Elapsed}: 40 submitted, acknowledgements of the first 15 delivered");

            // Then, all at once: withdrawals, cancellations and 10 more submissions (acknowledgements in flight) ...
            var withdrawals = early.Take(15).Select(p => ProposalApi.WithdrawAsync(client, acks[p.Email]));
            var cancellations = early.Skip(15).Take(15).Select(p => ProposalApi.CancelAsync(staff, p.Id));
            var late = SubmitManyAsync(client, 10, "sigkill-late");
            await Task.WhenAll(withdrawals.Concat(cancellations).Append(late));

            // ... and the process is killed while the workflows record them and send their emails.
            await first.KillAsync();
            killedAt = DateTimeOffset.UtcNow;
            output.WriteLine($"{clock.Elapsed}: killed");
            foreach (var p in early.Take(15))
            {
                expected[p] = ("withdrawn", 4);
            }

            foreach (var p in early.Skip(15).Take(15))
            {
                expected[p] = ("cancelled", 3);
            }

            foreach (var p in early.Skip(30).Concat(await late))
            {
                expected[p] = ("screening", 2);
            }
        }
        finally
        {
            await first.DisposeAsync();
        }

        await using var second = await LocalHostProcess.StartAsync(azurite.ConnectionString);
        output.WriteLine($"{clock.Elapsed}: restarted");
        using var staffAfter = second.CreateClient(staff: true);
        await ProposalApi.WaitForStatesAsync(staffAfter, expected, TimeSpan.FromSeconds(240));
        output.WriteLine($"{clock.Elapsed}: every proposal in its state");

        // Settle: anything still redelivered would show up as a second message.
        await Task.Delay(TimeSpan.FromSeconds(5));
        var outbox = await ProposalApi.OutboxAsync(staffAfter);
        var ours = outbox.Where(m => m.To.Any(t => t.StartsWith("sigkill", StringComparison.Ordinal))).ToList();
        Assert.All(ours, m => Assert.False(string.IsNullOrEmpty(m.SendId)));

        // The one duplicate no sender can rule out (docs/storage.md, EmailLog): the killed process handed the email to
        // the mail service in its last moments and died before recording it; the claim is taken over after its lease
        // and the email goes out again. Such a pair is reported; any other duplicate fails the test.
        var repeated = ours.GroupBy(m => m.SendId!).Where(g => g.Count() > 1).ToList();
        foreach (var pair in repeated)
        {
            var copies = pair.OrderBy(m => m.ReceivedAt).ToList();
            output.WriteLine($"sent again after the kill: {pair.Key} at {copies[0].ReceivedAt:O} (kill at {killedAt:O}) and {copies[1].ReceivedAt:O}");
            Assert.True(copies.Count == 2 && copies[0].ReceivedAt <= killedAt && copies[0].ReceivedAt > killedAt.AddSeconds(-2) && copies[1].ReceivedAt > killedAt,
                $"send id {pair.Key} went out {copies.Count} times: {string.Join(", ", copies.Select(c => c.ReceivedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture)))} (kill at {killedAt:O})");
        }

        Assert.Equal(50 + 15 + 15, ours.Select(m => m.SendId).Distinct().Count());

        // A workflow waiting for screening whose instance row still reads Pending after the kill (its first episode's
        // history was written, the row not) gets its next episode from an officer's cancellation: it must then run to
        // its end, which shows it was never stuck.
        var lagging = await ProposalApi.StartedButRowPendingAsync(azurite.ConnectionString,
            expected.Where(e => e.Value.Status == "screening").Select(e => e.Key.Id));
        foreach (var proposal in expected.Keys.Where(p => lagging.Contains(p.Id)).ToList())
        {
            output.WriteLine($"instance row of {proposal.Id} read Pending after the restart although it had started: cancelled to run its next episode");
            await ProposalApi.CancelAsync(staffAfter, proposal.Id);
            expected[proposal] = ("cancelled", 3);
        }

        await ProposalApi.WaitForStatesAsync(staffAfter, expected, TimeSpan.FromSeconds(240));
        await ProposalApi.WaitForRuntimeStatusesAsync(azurite.ConnectionString,
            expected.ToDictionary(e => e.Key.Id, e => e.Value.Status == "screening" ? "Running" : "Completed"), TimeSpan.FromSeconds(120));
        foreach (var (proposal, (status, _)) in expected)
        {
            var record = await ProposalApi.GetAsync(staffAfter, proposal.Id);
            Assert.Equal(status == "screening" ? 2 : 3, record.GetProperty("history").GetArrayLength());
        }

        output.WriteLine($"{clock.Elapsed}: done");
    }

    private static async Task<List<SubmittedProposal>> SubmitManyAsync(HttpClient client, int count, string tag)
    {
        var submitted = new List<SubmittedProposal>();
        foreach (var chunk in Enumerable.Range(0, count).Chunk(5))
        {
            submitted.AddRange(await Task.WhenAll(chunk.Select(_ => ProposalApi.SubmitAsync(client, tag))));
        }

        return submitted;
    }
}
