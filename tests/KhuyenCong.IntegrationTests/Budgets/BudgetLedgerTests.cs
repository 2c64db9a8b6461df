using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using KhuyenCong.Application.Budgets;
using KhuyenCong.Domain.Budgets;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Testing;
using static KhuyenCong.IntegrationTests.Budgets.BudgetTestSupport;

namespace KhuyenCong.IntegrationTests.Budgets;

/// <summary>The ledger's rules and idempotency on real Table Storage, one call at a time.</summary>
[Collection(BudgetCollection.Name)]
public class BudgetLedgerTests(LocalHostFixture fixture)
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task GetAsync_NothingAllocated_EveryAmountZero()
    {
        var key = new BudgetKey(2050, FundingSource.Local);

        Assert.Equal(BudgetLine.Empty(key), await fixture.Ledger().GetAsync(key, None));
    }

    [Fact]
    public async Task SetAllocationAsync_BelowCommitted_RefusedAndNothingChanges()
    {
        var ledger = fixture.Ledger();
        var key = National(2051);
        await ledger.SetAllocationAsync(key, 100_000_000, By, None);
        await ledger.CommitAsync(key, "p1", 60_000_000, By, None);

        var refused = await ledger.SetAllocationAsync(key, 59_999_999, By, None);
        var lowest = await ledger.SetAllocationAsync(key, 60_000_000, By, None);

        Assert.False(refused.IsSet);
        Assert.Equal(BudgetRefusalCodes.BelowCommitted, refused.Refusal?.Code);
        Assert.Equal(new BudgetLine(key, 100_000_000, 60_000_000, 0), refused.Line);
        Assert.True(lowest.IsSet);
        Assert.Equal(new BudgetLine(key, 60_000_000, 60_000_000, 0), await ledger.GetAsync(key, None));
    }

    [Fact]
    public async Task SetAllocationAsync_Negative_Refused()
    {
        var result = await fixture.Ledger().SetAllocationAsync(National(2052), -1, By, None);

        Assert.Equal(BudgetRefusalCodes.AllocationNegative, result.Refusal?.Code);
    }

    [Fact]
    public async Task CommitAsync_RepeatedWithTheSameAmount_ReturnsTheFirstResultAndChangesNothing()
    {
        var ledger = fixture.Ledger();
        var key = National(2053);
        await ledger.SetAllocationAsync(key, 300_000_000, By, None);
        var first = await ledger.CommitAsync(key, "p1", 100_000_000, By, None);
        await ledger.CommitAsync(key, "p2", 50_000_000, By, None);

        var again = await ledger.CommitAsync(key, "p1", 100_000_000, By, None);

        Assert.Equal(CommitOutcome.Committed, first.Outcome);
        Assert.Equal(200_000_000, first.Remaining);
        Assert.Equal(first, again);
        Assert.Equal(150_000_000, (await ledger.GetAsync(key, None)).Committed);
    }

    [Fact]
    public async Task CommitAsync_SameProposalAnotherAmount_AlreadyCommittedAndNothingChanges()
    {
        var ledger = fixture.Ledger();
        var key = National(2054);
        await ledger.SetAllocationAsync(key, 300_000_000, By, None);
        await ledger.CommitAsync(key, "p1", 100_000_000, By, None);

        var other = await ledger.CommitAsync(key, "p1", 120_000_000, By, None);

        Assert.Equal(CommitOutcome.AlreadyCommitted, other.Outcome);
        Assert.Equal(BudgetRefusalCodes.AlreadyCommitted, other.Refusal?.Code);
        Assert.Equal(100_000_000, other.Commitment?.Approved);
        Assert.Equal(200_000_000, other.Remaining);
        Assert.Equal(100_000_000, (await ledger.GetAsync(key, None)).Committed);
    }

    [Fact]
    public async Task CommitAsync_Insufficient_StoresNothingAndCanCommitOnceTheBudgetGrows()
    {
        var ledger = fixture.Ledger();
        var key = National(2055);
        await ledger.SetAllocationAsync(key, 50_000_000, By, None);

        var refused = await ledger.CommitAsync(key, "p1", 70_000_000, By, None);
        var rowsAfterRefusal = await fixture.RowsAsync(key);
        await ledger.SetAllocationAsync(key, 70_000_000, By, None);
        var committed = await ledger.CommitAsync(key, "p1", 70_000_000, By, None);

        Assert.Equal(CommitOutcome.InsufficientBudget, refused.Outcome);
        Assert.Equal(50_000_000, refused.Remaining);
        Assert.Null(refused.Commitment);
        Assert.Equal(["line"], rowsAfterRefusal.Select(r => r.RowKey));
        Assert.Equal(CommitOutcome.Committed, committed.Outcome);
        Assert.Equal(0, committed.Remaining);
    }

    [Fact]
    public async Task CommitAsync_NoAllocation_InsufficientWithZeroRemaining()
    {
        var result = await fixture.Ledger().CommitAsync(new BudgetKey(2056, FundingSource.Local), "p1", 1, By, None);

        Assert.Equal(CommitOutcome.InsufficientBudget, result.Outcome);
        Assert.Equal(0, result.Remaining);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a/b")]
    [InlineData("a#b")]
    [InlineData("a?b")]
    public async Task CommitAsync_IdNotUsableAsRowKey_Throws(string proposalId) =>
        await Assert.ThrowsAnyAsync<ArgumentException>(() => fixture.Ledger().CommitAsync(National(2057), proposalId, 1, By, None));

    [Fact]
    public async Task CommitAsync_ZeroAmount_Throws() =>
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => fixture.Ledger().CommitAsync(National(2057), "p1", 0, By, None));

    [Fact]
    public async Task RecordPaymentAsync_AdvanceThenFinal_PaysUpToTheApprovedAmountThenRefuses()
    {
        var ledger = fixture.Ledger();
        var key = National(2058);
        await ledger.SetAllocationAsync(key, 1_000_000_000, By, None);
        await ledger.CommitAsync(key, "p1", 100_000_000, By, None);

        var advance = await ledger.RecordPaymentAsync(key, "p1", "pay-1", PaymentKind.Advance, 30_000_000, By, None);
        var final = await ledger.RecordPaymentAsync(key, "p1", "pay-2", PaymentKind.Final, 70_000_000, By, None);
        var over = await ledger.RecordPaymentAsync(key, "p1", "pay-3", PaymentKind.Final, 1, By, None);

        Assert.Equal(PaymentOutcome.Paid, advance.Outcome);
        Assert.Equal(new Commitment("p1", 100_000_000, 30_000_000), advance.Commitment);
        Assert.Equal(PaymentKind.Final, final.Payment?.Kind);
        Assert.Equal(new Commitment("p1", 100_000_000, 100_000_000), final.Commitment);
        Assert.Equal(PaymentOutcome.ExceedsApproved, over.Outcome);
        Assert.Contains("đã thanh toán 100.000.000 đồng", over.Refusal?.Vietnamese, StringComparison.Ordinal);
        Assert.Equal(new BudgetLine(key, 1_000_000_000, 100_000_000, 100_000_000), await ledger.GetAsync(key, None));
        Assert.DoesNotContain(await fixture.RowsAsync(key), r => r.RowKey == "payment-pay-3");
    }

    [Fact]
    public async Task RecordPaymentAsync_SamePaymentIdAgain_DuplicateWithTheFirstPaymentAndCountedOnce()
    {
        var ledger = fixture.Ledger();
        var key = National(2059);
        await ledger.SetAllocationAsync(key, 1_000_000_000, By, None);
        await ledger.CommitAsync(key, "p1", 100_000_000, By, None);
        await ledger.RecordPaymentAsync(key, "p1", "pay-1", PaymentKind.Advance, 30_000_000, By, None);

        var same = await ledger.RecordPaymentAsync(key, "p1", "pay-1", PaymentKind.Advance, 30_000_000, By, None);
        var changed = await ledger.RecordPaymentAsync(key, "p1", "pay-1", PaymentKind.Final, 50_000_000, By, None);

        Assert.Equal(PaymentOutcome.Duplicate, same.Outcome);
        Assert.Equal(PaymentOutcome.Duplicate, changed.Outcome);
        Assert.Equal(30_000_000, changed.Payment?.Amount);
        Assert.Equal(PaymentKind.Advance, changed.Payment?.Kind);
        Assert.Equal(30_000_000, (await ledger.GetCommitmentAsync(key, "p1", None))?.Paid);
        Assert.Equal(30_000_000, (await ledger.GetAsync(key, None)).Paid);
    }

    [Fact]
    public async Task RecordPaymentAsync_NoCommitment_NotCommittedAndNothingStored()
    {
        var ledger = fixture.Ledger();
        var key = National(2060);
        await ledger.SetAllocationAsync(key, 1_000_000_000, By, None);

        var result = await ledger.RecordPaymentAsync(key, "nobody", "pay-1", PaymentKind.Advance, 1, By, None);

        Assert.Equal(PaymentOutcome.NotCommitted, result.Outcome);
        Assert.Equal(BudgetRefusalCodes.NotCommitted, result.Refusal?.Code);
        Assert.Equal(["line"], (await fixture.RowsAsync(key)).Select(r => r.RowKey));
    }

    [Fact]
    public async Task ReleaseAsync_PartlyPaid_ReturnsTheUnpaidPartThatOthersCanThenCommit()
    {
        var ledger = fixture.Ledger();
        var key = National(2061);
        await ledger.SetAllocationAsync(key, 100_000_000, By, None);
        await ledger.CommitAsync(key, "a", 70_000_000, By, None);
        await ledger.RecordPaymentAsync(key, "a", "a-advance", PaymentKind.Advance, 30_000_000, By, None);
        var before = await ledger.CommitAsync(key, "b", 40_000_000, By, None);

        var released = await ledger.ReleaseAsync(key, "a", By, None);
        var lineAfterRelease = await ledger.GetAsync(key, None);
        var again = await ledger.ReleaseAsync(key, "a", By, None);
        var b = await ledger.CommitAsync(key, "b", 40_000_000, By, None);
        var c = await ledger.CommitAsync(key, "c", 30_000_000, By, None);

        Assert.Equal(CommitOutcome.InsufficientBudget, before.Outcome);
        Assert.Equal(ReleaseOutcome.Released, released.Outcome);
        Assert.Equal(40_000_000, released.Returned);
        Assert.Equal(new Commitment("a", 70_000_000, 30_000_000, IsReleased: true), released.Commitment);
        Assert.Equal(new BudgetLine(key, 100_000_000, 30_000_000, 30_000_000), lineAfterRelease);
        Assert.Equal(released, again);
        Assert.Equal(CommitOutcome.Committed, b.Outcome);
        Assert.Equal(CommitOutcome.Committed, c.Outcome);
        Assert.Equal(new BudgetLine(key, 100_000_000, 100_000_000, 30_000_000), await ledger.GetAsync(key, None));
        await fixture.AssertSettledAsync(key);
    }

    [Fact]
    public async Task ReleaseAsync_Released_RefusesPaymentsAndANewCommitment()
    {
        var ledger = fixture.Ledger();
        var key = National(2062);
        await ledger.SetAllocationAsync(key, 100_000_000, By, None);
        await ledger.CommitAsync(key, "a", 70_000_000, By, None);
        await ledger.ReleaseAsync(key, "a", By, None);

        var payment = await ledger.RecordPaymentAsync(key, "a", "late", PaymentKind.Final, 1, By, None);
        var recommit = await ledger.CommitAsync(key, "a", 70_000_000, By, None);

        Assert.Equal(PaymentOutcome.NotCommitted, payment.Outcome);
        Assert.Equal(BudgetRefusalCodes.Released, payment.Refusal?.Code);
        Assert.Equal(CommitOutcome.AlreadyCommitted, recommit.Outcome);
        Assert.True(recommit.Commitment?.IsReleased);
        Assert.Equal(new BudgetLine(key, 100_000_000, 0, 0), await ledger.GetAsync(key, None));
    }

    [Fact]
    public async Task ReleaseAsync_NoCommitment_NotCommitted()
    {
        var result = await fixture.Ledger().ReleaseAsync(National(2063), "nobody", By, None);

        Assert.Equal(ReleaseOutcome.NotCommitted, result.Outcome);
        Assert.Equal(0, result.Returned);
    }

    // Crash recovery: the rows a call leaves when its process dies between two writes, set by hand.

    [Fact]
    public async Task CommitAsync_IntentLeftPendingByACrash_RetryCommitsOnce()
    {
        var ledger = fixture.Ledger();
        var key = National(2064);
        await ledger.SetAllocationAsync(key, 100_000_000, By, None);
        await fixture.Table().AddEntityAsync(PendingCommit(key, "p1", 60_000_000, DateTimeOffset.UtcNow));

        var before = await ledger.GetCommitmentAsync(key, "p1", None);
        var retry = await ledger.CommitAsync(key, "p1", 60_000_000, By, None);

        Assert.Null(before);
        Assert.Equal(CommitOutcome.Committed, retry.Outcome);
        Assert.Equal(60_000_000, (await ledger.GetAsync(key, None)).Committed);
        await fixture.AssertSettledAsync(key);
    }

    [Fact]
    public async Task CommitAsync_LineWrittenButIntentNotConfirmed_RetryDoesNotCountItTwice()
    {
        var ledger = fixture.Ledger();
        var key = National(2065);
        await ledger.SetAllocationAsync(key, 100_000_000, By, None);
        await fixture.Table().AddEntityAsync(PendingCommit(key, "p1", 60_000_000, DateTimeOffset.UtcNow));
        await WriteLineAsync(key, committed: 60_000_000, paid: 0, Entry("commit-p1", "commit", "p1", 60_000_000, DateTimeOffset.UtcNow, remainingAfter: 40_000_000));

        var retry = await ledger.CommitAsync(key, "p1", 60_000_000, By, None);

        Assert.Equal(CommitOutcome.Committed, retry.Outcome);
        Assert.Equal(40_000_000, retry.Remaining);
        Assert.Equal(new BudgetLine(key, 100_000_000, 60_000_000, 0), await ledger.GetAsync(key, None));
        await fixture.AssertSettledAsync(key);
    }

    [Fact]
    public async Task GetAsync_StaleJournalEntryWithoutItsRow_FinishesTheCommitment()
    {
        var ledger = fixture.Ledger();
        var key = National(2066);
        await ledger.SetAllocationAsync(key, 100_000_000, By, None);
        await WriteLineAsync(key, committed: 25_000_000, paid: 0, Entry("commit-p1", "commit", "p1", 25_000_000, DateTimeOffset.UtcNow.AddMinutes(-5)));

        var line = await ledger.GetAsync(key, None);

        Assert.Equal(new BudgetLine(key, 100_000_000, 25_000_000, 0), line);
        Assert.Equal("applied", (await fixture.RowAsync(key, "commit-p1")).GetString("State"));
        Assert.Equal(new Commitment("p1", 25_000_000, 0), await ledger.GetCommitmentAsync(key, "p1", None));
        await fixture.AssertSettledAsync(key);
    }

    [Fact]
    public async Task GetAsync_FreshJournalEntry_LeftToTheCallThatIsWritingIt()
    {
        var ledger = fixture.Ledger();
        var key = National(2067);
        await ledger.SetAllocationAsync(key, 100_000_000, By, None);
        await WriteLineAsync(key, committed: 25_000_000, paid: 0, Entry("commit-p1", "commit", "p1", 25_000_000, DateTimeOffset.UtcNow));

        await ledger.GetAsync(key, None);

        Assert.Contains("commit-p1", (await fixture.RowAsync(key, "line")).GetString("Journal"), StringComparison.Ordinal);
        Assert.False((await fixture.Table().GetEntityIfExistsAsync<TableEntity>(key.Code, "commit-p1")).HasValue);
    }

    [Fact]
    public async Task RecordPaymentAsync_CrashAfterTheCommitmentRow_RetryFinishesWithoutPayingTwice()
    {
        var ledger = fixture.Ledger();
        var key = National(2068);
        await ledger.SetAllocationAsync(key, 1_000_000_000, By, None);
        await ledger.CommitAsync(key, "p1", 100_000_000, By, None);
        var at = DateTimeOffset.UtcNow;
        var entry = Entry("payment-pay-1", "payment", "p1", 30_000_000, at, paymentId: "pay-1", paymentKind: "advance");
        await fixture.Table().AddEntityAsync(new TableEntity(key.Code, "payment-pay-1")
        {
            ["PaymentId"] = "pay-1", ["ProposalId"] = "p1", ["Kind"] = "advance", ["Amount"] = 30_000_000L, ["State"] = "pending", ["By"] = By, ["At"] = at,
        });
        var commitment = await fixture.RowAsync(key, "commit-p1");
        commitment["Paid"] = 30_000_000L;
        commitment["Journal"] = JsonSerializer.Serialize(new[] { entry });
        await fixture.Table().UpdateEntityAsync(commitment, commitment.ETag, TableUpdateMode.Replace);

        var retry = await ledger.RecordPaymentAsync(key, "p1", "pay-1", PaymentKind.Advance, 30_000_000, By, None);

        Assert.Equal(PaymentOutcome.Duplicate, retry.Outcome);
        Assert.Equal(new Commitment("p1", 100_000_000, 30_000_000), await ledger.GetCommitmentAsync(key, "p1", None));
        Assert.Equal(new BudgetLine(key, 1_000_000_000, 100_000_000, 30_000_000), await ledger.GetAsync(key, None));
        await fixture.AssertSettledAsync(key);
    }

    [Fact]
    public async Task ReleaseAsync_CrashAfterMarkingReleased_RetryReturnsTheMoneyOnce()
    {
        var ledger = fixture.Ledger();
        var key = National(2069);
        await ledger.SetAllocationAsync(key, 100_000_000, By, None);
        await ledger.CommitAsync(key, "p1", 100_000_000, By, None);
        var row = await fixture.RowAsync(key, "commit-p1");
        row["State"] = "released";
        row["Returned"] = 100_000_000L;
        row["ReleaseApplied"] = false;
        row["ReleasedBy"] = By;
        row["ReleasedAt"] = DateTimeOffset.UtcNow;
        await fixture.Table().UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace);
        var stuck = await ledger.GetAsync(key, None);

        var first = await ledger.ReleaseAsync(key, "p1", By, None);
        var second = await ledger.ReleaseAsync(key, "p1", By, None);

        Assert.Equal(100_000_000, stuck.Committed);
        Assert.Equal(100_000_000, first.Returned);
        Assert.Equal(first, second);
        Assert.Equal(new BudgetLine(key, 100_000_000, 0, 0), await ledger.GetAsync(key, None));
        Assert.True((await fixture.RowAsync(key, "commit-p1")).GetBoolean("ReleaseApplied"));
        await fixture.AssertSettledAsync(key);
    }

    private static TableEntity PendingCommit(BudgetKey key, string proposalId, long amount, DateTimeOffset at) => new(key.Code, "commit-" + proposalId)
    {
        ["ProposalId"] = proposalId, ["State"] = "pending", ["Approved"] = amount, ["Paid"] = 0L, ["By"] = By, ["At"] = at,
    };

    private static object Entry(string id, string op, string proposalId, long amount, DateTimeOffset at, long remainingAfter = 0, string? paymentId = null, string? paymentKind = null) =>
        new { id, op, proposalId, amount, by = By, at, paymentId, paymentKind, remainingAfter };

    /// <summary>Sets the line's amounts and journal as a call that wrote it and then died would leave them.</summary>
    private async Task WriteLineAsync(BudgetKey key, long committed, long paid, params object[] journal)
    {
        var line = await fixture.RowAsync(key, "line");
        line["Committed"] = committed;
        line["Paid"] = paid;
        line["Journal"] = JsonSerializer.Serialize(journal, new JsonSerializerOptions(JsonSerializerDefaults.Web));
        await fixture.Table().UpdateEntityAsync(line, ETag.All, TableUpdateMode.Replace);
    }
}
