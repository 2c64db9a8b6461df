using System.Net;
using System.Net.Http.Json;
using KhuyenCong.Application.Email;
using KhuyenCong.ReliabilityTests.Support;
using KhuyenCong.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCong.ReliabilityTests;

/// <summary>Claim before send: concurrent attempts at one send id send one email; a failed send frees the claim.</summary>
[Trait(Reliability.Category, Reliability.Name)]
public sealed class EmailClaimTests(LocalHostFixture fixture) : IClassFixture<LocalHostFixture>
{
    private static EmailMessage Message(string sendId, string to) =>
        new(sendId, [new EmailRecipient(to)], "Thư thử tranh chấp", "<p>x</p>", "x");

    [Fact]
    public async Task SendOnce_TenConcurrentCallsWithOneSendId_SendExactlyOneEmail()
    {
        var sender = fixture.Host.Services.GetRequiredService<OnceOnlyEmailSender>();
        var to = ProposalApi.NewEmail("race");
        var sendId = "race-" + Guid.NewGuid().ToString("N");
        var proposalId = Guid.NewGuid().ToString("N");
        using var start = new ManualResetEventSlim();

        var attempts = Enumerable.Range(0, 10).Select(_ => Task.Run(async () =>
        {
            start.Wait();
            try
            {
                return await sender.SendOnceAsync(proposalId, Message(sendId, to), CancellationToken.None) ? "sent" : "already sent";
            }
            catch (EmailSendInProgressException)
            {
                return "in progress";
            }
        })).ToList();
        start.Set();
        var outcomes = await Task.WhenAll(attempts);

        Assert.Single(outcomes, o => o == "sent");
        using var client = fixture.CreateClient();
        await Task.Delay(500);
        Assert.Single(await ProposalApi.OutboxAsync(client), m => m.SendId == sendId);

        // Later attempts (retries of the losers) learn it was sent.
        Assert.False(await sender.SendOnceAsync(proposalId, Message(sendId, to), CancellationToken.None));
        Assert.Single(await ProposalApi.OutboxAsync(client), m => m.SendId == sendId);
    }

    [Fact]
    public async Task SendOnce_MailServiceFails_ReleasesTheClaimSoTheRetrySendsAtOnce()
    {
        var sender = fixture.Host.Services.GetRequiredService<OnceOnlyEmailSender>();
        var to = ProposalApi.NewEmail("release");
        var sendId = "release-" + Guid.NewGuid().ToString("N");
        var proposalId = Guid.NewGuid().ToString("N");
        using var client = fixture.CreateClient();
        using (var faults = await client.PostAsJsonAsync("/dev/outbox/faults", new { statuses = new[] { 500 } }))
        {
            Assert.Equal(HttpStatusCode.NoContent, faults.StatusCode);
        }

        await Assert.ThrowsAsync<EmailDeliveryException>(() => sender.SendOnceAsync(proposalId, Message(sendId, to), CancellationToken.None));
        Assert.True(await sender.SendOnceAsync(proposalId, Message(sendId, to), CancellationToken.None));

        Assert.Single(await ProposalApi.OutboxAsync(client), m => m.SendId == sendId);
    }

    [Fact]
    public async Task Claim_OlderThanItsLease_IsTakenOverOnce()
    {
        var log = fixture.Host.Services.GetRequiredService<IEmailLog>();
        var proposalId = Guid.NewGuid().ToString("N");
        var sendId = "lease-" + Guid.NewGuid().ToString("N");

        var dead = await log.ClaimAsync(proposalId, sendId, TimeSpan.FromMinutes(1), CancellationToken.None);
        var whileHeld = await log.ClaimAsync(proposalId, sendId, TimeSpan.FromMinutes(1), CancellationToken.None);
        await Task.Delay(2500);
        var takers = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => log.ClaimAsync(proposalId, sendId, TimeSpan.FromSeconds(2), CancellationToken.None)));

        Assert.Equal(EmailClaimOutcome.Claimed, dead.Outcome);
        Assert.Equal(EmailClaimOutcome.HeldByAnother, whileHeld.Outcome);
        var winner = Assert.Single(takers, t => t.Outcome == EmailClaimOutcome.Claimed);
        await log.RecordSentAsync(winner, "x", CancellationToken.None);
        Assert.Equal(EmailClaimOutcome.AlreadySent, (await log.ClaimAsync(proposalId, sendId, TimeSpan.FromSeconds(1), CancellationToken.None)).Outcome);
        Assert.Single(await log.ListAsync(proposalId, CancellationToken.None));
    }
}
