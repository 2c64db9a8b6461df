using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using KhuyenCong.Application.Budgets;
using KhuyenCong.Domain.Budgets;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Testing;
using static KhuyenCong.IntegrationTests.Budgets.BudgetTestSupport;

namespace KhuyenCong.IntegrationTests.Budgets;

/// <summary>Moving a commitment up or down (plan adjustments, carry-over) and committing with the allocation, on real Table Storage.</summary>
[Collection(BudgetCollection.Name)]
public class BudgetLedgerAdjustmentTests(LocalHostFixture fixture)
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static BudgetKey Local(int year) => new(year, FundingSource.Local);

    private async Task<IBudgetLedger> CommittedAsync(BudgetKey key, long allocated, long approved, long paid = 0)
    {
        var ledger = fixture.Ledger();
        await ledger.SetAllocationAsync(key, allocated, By, None);
        Assert.Equal(CommitOutcome.Committed, (await ledger.CommitAsync(key, "p1", approved, By, None)).Outcome);
        if (paid > 0)
        {
            Assert.Equal(PaymentOutcome.Paid, (await ledger.RecordPaymentAsync(key, "p1", "pay-1", PaymentKind.Advance, paid, By, None)).Outcome);
        }

        return ledger;
    }

    [Fact]
    public async Task AdjustAsync_RaiseThenLower_CommitmentAndLineMoveTogether()
    {
        var key = Local(2090);
        var ledger = await CommittedAsync(key, 500_000_000, 100_000_000, paid: 30_000_000);

        var raised = await ledger.AdjustAsync(key, "p1", "a1", 50_000_000, allocates: false, By, None);
        var lowered = await ledger.AdjustAsync(key, "p1", "a2", -90_000_000, allocates: false, By, None);

        Assert.True(raised.IsAdjusted);
        Assert.True(lowered.IsAdjusted);
        Assert.Equal(new Commitment("p1", 60_000_000, 30_000_000), await ledger.GetCommitmentAsync(key, "p1", None));
        Assert.Equal(new BudgetLine(key, 500_000_000, 60_000_000, 30_000_000), await ledger.GetAsync(key, None));
        await fixture.AssertSettledAsync(key);
    }

    [Fact]
    public async Task AdjustAsync_BelowPaid_RefusedNamingThePaidAmountAndNothingChanges()
    {
        var key = Local(2091);
        var ledger = await CommittedAsync(key, 500_000_000, 100_000_000, paid: 30_000_000);

        var refused = await ledger.AdjustAsync(key, "p1", "a1", -80_000_000, allocates: false, By, None);

        Assert.False(refused.IsAdjusted);
        Assert.Equal(BudgetRefusalCodes.BelowPaid, refused.Refusal!.Code);
        Assert.Contains("30.000.000", refused.Refusal.Vietnamese, StringComparison.Ordinal);
        Assert.Equal(new Commitment("p1", 100_000_000, 30_000_000), await ledger.GetCommitmentAsync(key, "p1", None));
        Assert.Equal(new BudgetLine(key, 500_000_000, 100_000_000, 30_000_000), await ledger.GetAsync(key, None));
        Assert.False((await fixture.Table().GetEntityIfExistsAsync<TableEntity>(key.Code, "adjust-a1")).HasValue);
    }

    [Fact]
    public async Task AdjustAsync_RaiseAboveTheRemainingMoney_RefusedAndNothingChanges()
    {
        var key = Local(2092);
        var ledger = await CommittedAsync(key, 120_000_000, 100_000_000);

        var refused = await ledger.AdjustAsync(key, "p1", "a1", 20_000_001, allocates: false, By, None);
        var allocated = await ledger.AdjustAsync(key, "p1", "a2", 50_000_000, allocates: true, By, None);

        Assert.Equal(BudgetRefusalCodes.InsufficientBudget, refused.Refusal!.Code);
        Assert.True(allocated.IsAdjusted);
        Assert.Equal(new BudgetLine(key, 170_000_000, 150_000_000, 0), await ledger.GetAsync(key, None));
        await fixture.AssertSettledAsync(key);
    }

    [Fact]
    public async Task AdjustAsync_SameIdRetriedAndConcurrent_CountedOnceWithTheFirstDelta()
    {
        var key = Local(2093);
        var ledger = await CommittedAsync(key, 1_000_000_000, 100_000_000);

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => ledger.AdjustAsync(key, "p1", "a1", 40_000_000, false, By, None))));
        var retry = await ledger.AdjustAsync(key, "p1", "a1", 99_000_000, false, By, None);

        Assert.All(results, r => Assert.Equal(40_000_000, r.Delta));
        Assert.Equal(40_000_000, retry.Delta);
        Assert.Equal(new BudgetLine(key, 1_000_000_000, 140_000_000, 0), await ledger.GetAsync(key, None));
        Assert.Equal(140_000_000, (await ledger.GetCommitmentAsync(key, "p1", None))!.Approved);
        await fixture.AssertSettledAsync(key);
    }

    [Fact]
    public async Task AdjustAsync_CrashAfterTheLineWasRaised_RetryRaisesTheCommitmentOnce()
    {
        var key = Local(2094);
        var ledger = await CommittedAsync(key, 1_000_000_000, 100_000_000);
        var at = DateTimeOffset.UtcNow;
        var entry = new { id = "adjust-a1", op = "adjust", proposalId = "p1", amount = 40_000_000L, by = By, at, allocates = false };
        await fixture.Table().AddEntityAsync(new TableEntity(key.Code, "adjust-a1")
        {
            ["ProposalId"] = "p1", ["Delta"] = 40_000_000L, ["Allocates"] = false, ["State"] = "pending", ["By"] = By, ["At"] = at,
        });
        var line = await fixture.RowAsync(key, "line");
        line["Committed"] = 140_000_000L;
        line["Journal"] = JsonSerializer.Serialize(new[] { entry });
        await fixture.Table().UpdateEntityAsync(line, ETag.All, TableUpdateMode.Replace);

        var retry = await ledger.AdjustAsync(key, "p1", "a1", 40_000_000, false, By, None);

        Assert.True(retry.IsAdjusted);
        Assert.Equal(new Commitment("p1", 140_000_000, 0), await ledger.GetCommitmentAsync(key, "p1", None));
        Assert.Equal(new BudgetLine(key, 1_000_000_000, 140_000_000, 0), await ledger.GetAsync(key, None));
        await fixture.AssertSettledAsync(key);
    }

    [Fact]
    public async Task GetAsync_StaleAdjustmentEntryOnTheLine_FinishesTheAdjustment()
    {
        var key = Local(2095);
        var ledger = await CommittedAsync(key, 1_000_000_000, 100_000_000);
        var at = DateTimeOffset.UtcNow.AddMinutes(-5);
        var entry = new { id = "adjust-a1", op = "adjust", proposalId = "p1", amount = 25_000_000L, by = By, at, allocates = true };
        await fixture.Table().AddEntityAsync(new TableEntity(key.Code, "adjust-a1")
        {
            ["ProposalId"] = "p1", ["Delta"] = 25_000_000L, ["Allocates"] = true, ["State"] = "pending", ["By"] = By, ["At"] = at,
        });
        var line = await fixture.RowAsync(key, "line");
        line["Allocated"] = 1_025_000_000L;
        line["Committed"] = 125_000_000L;
        line["Journal"] = JsonSerializer.Serialize(new[] { entry });
        await fixture.Table().UpdateEntityAsync(line, ETag.All, TableUpdateMode.Replace);

        var repaired = await ledger.GetAsync(key, None);

        Assert.Equal(new BudgetLine(key, 1_025_000_000, 125_000_000, 0), repaired);
        Assert.Equal(125_000_000, (await ledger.GetCommitmentAsync(key, "p1", None))!.Approved);
        Assert.Equal("applied", (await fixture.RowAsync(key, "adjust-a1")).GetString("State"));
        await fixture.AssertSettledAsync(key);
    }

    [Fact]
    public async Task AdjustAsync_RaiseOfAReleasedCommitment_RefusedAndTheLineUnchanged()
    {
        var key = Local(2096);
        var ledger = await CommittedAsync(key, 1_000_000_000, 100_000_000);
        await ledger.ReleaseAsync(key, "p1", By, None);

        var refused = await ledger.AdjustAsync(key, "p1", "a1", 10_000_000, false, By, None);

        Assert.Equal(BudgetRefusalCodes.Released, refused.Refusal!.Code);
        Assert.Equal(new BudgetLine(key, 1_000_000_000, 0, 0), await ledger.GetAsync(key, None));
        await fixture.AssertSettledAsync(key);
    }

    [Fact]
    public async Task CommitAllocatedAsync_CrashAfterTheLineWrite_AllocationAddedOnce()
    {
        var ledger = fixture.Ledger();
        var key = National(2097);
        await ledger.SetAllocationAsync(key, 10_000_000, By, None);
        var at = DateTimeOffset.UtcNow;
        await fixture.Table().AddEntityAsync(new TableEntity(key.Code, "commit-p1")
        {
            ["ProposalId"] = "p1", ["State"] = "pending", ["Approved"] = 60_000_000L, ["Paid"] = 0L, ["Allocates"] = true, ["By"] = By, ["At"] = at,
        });
        var line = await fixture.RowAsync(key, "line");
        line["Allocated"] = 70_000_000L;
        line["Committed"] = 60_000_000L;
        line["Journal"] = JsonSerializer.Serialize(new[] { new { id = "commit-p1", op = "commit", proposalId = "p1", amount = 60_000_000L, by = By, at, remainingAfter = 10_000_000L } });
        await fixture.Table().UpdateEntityAsync(line, ETag.All, TableUpdateMode.Replace);

        var retry = await ledger.CommitAllocatedAsync(key, "p1", 60_000_000, By, None);
        var again = await ledger.CommitAllocatedAsync(key, "p1", 60_000_000, By, None);

        Assert.Equal(CommitOutcome.Committed, retry.Outcome);
        Assert.Equal(retry, again);
        Assert.Equal(new BudgetLine(key, 70_000_000, 60_000_000, 0), await ledger.GetAsync(key, None));
        await fixture.AssertSettledAsync(key);
    }

    [Fact]
    public async Task CommitAllocatedAsync_NoAllocationYet_CommitsWithItsOwnAllocation()
    {
        var ledger = fixture.Ledger();
        var key = National(2098);

        var first = await ledger.CommitAllocatedAsync(key, "p1", 60_000_000, By, None);
        var second = await ledger.CommitAllocatedAsync(key, "p2", 40_000_000, By, None);

        Assert.Equal(CommitOutcome.Committed, first.Outcome);
        Assert.Equal(CommitOutcome.Committed, second.Outcome);
        Assert.Equal(new BudgetLine(key, 100_000_000, 100_000_000, 0), await ledger.GetAsync(key, None));
        await fixture.AssertSettledAsync(key);
    }
}
