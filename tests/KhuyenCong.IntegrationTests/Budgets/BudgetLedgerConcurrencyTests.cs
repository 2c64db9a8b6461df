using KhuyenCong.Application.Budgets;
using KhuyenCong.Domain.Budgets;
using KhuyenCong.Testing;
using static KhuyenCong.IntegrationTests.Budgets.BudgetTestSupport;

namespace KhuyenCong.IntegrationTests.Budgets;

/// <summary>The ledger under concurrent calls on real Table Storage (Azurite): no budget or approval is ever exceeded.</summary>
[Collection(BudgetCollection.Name)]
public class BudgetLedgerConcurrencyTests(LocalHostFixture fixture)
{
    [Fact]
    public async Task CommitAsync_50ConcurrentProposalsOnABudgetFor14_Exactly14CommitAndRemainingNeverNegative()
    {
        var ledger = fixture.Ledger();
        var key = National(2040);
        await ledger.SetAllocationAsync(key, 1_000_000_000, By, CancellationToken.None);
        using var done = new CancellationTokenSource();
        var observed = new List<BudgetLine>();
        var watcher = Task.Run(async () =>
        {
            while (!done.IsCancellationRequested)
            {
                observed.Add(await ledger.GetAsync(key, CancellationToken.None));
            }
        });

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
            Task.Run(() => ledger.CommitAsync(key, $"proposal-{i:D2}", 70_000_000, By, CancellationToken.None))));
        await done.CancelAsync();
        await watcher;

        Assert.Equal(14, results.Count(r => r.Outcome == CommitOutcome.Committed));
        Assert.Equal(36, results.Count(r => r.Outcome == CommitOutcome.InsufficientBudget));
        Assert.All(results.Where(r => r.Outcome == CommitOutcome.InsufficientBudget), r =>
        {
            Assert.Equal(BudgetRefusalCodes.InsufficientBudget, r.Refusal?.Code);
            Assert.InRange(r.Remaining, 0, 69_999_999);
        });
        Assert.Equal(14, results.Where(r => r.Outcome == CommitOutcome.Committed).Select(r => r.Remaining).Distinct().Count());
        var line = await ledger.GetAsync(key, CancellationToken.None);
        Assert.Equal(new BudgetLine(key, 1_000_000_000, 980_000_000, 0), line);
        Assert.Equal(20_000_000, line.Remaining);
        Assert.NotEmpty(observed);
        Assert.All(observed, l => Assert.InRange(l.Committed, 0, 980_000_000));
        Assert.All(observed, l => Assert.True(l.Remaining >= 0));
        var commitments = (await fixture.RowsAsync(key)).Where(r => r.RowKey.StartsWith("commit-", StringComparison.Ordinal)).ToList();
        Assert.Equal(14, commitments.Count);
        Assert.All(commitments, r => Assert.Equal("applied", r.GetString("State")));
        await fixture.AssertSettledAsync(key);
    }

    [Fact]
    public async Task CommitAsync_SameProposal10TimesConcurrently_OneCommitmentAndTheSameAnswer()
    {
        var ledger = fixture.Ledger();
        var key = National(2041);
        await ledger.SetAllocationAsync(key, 500_000_000, By, CancellationToken.None);

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            Task.Run(() => ledger.CommitAsync(key, "proposal-same", 200_000_000, By, CancellationToken.None))));

        Assert.All(results, r => Assert.Equal(CommitOutcome.Committed, r.Outcome));
        Assert.All(results, r => Assert.Equal(300_000_000, r.Remaining));
        Assert.Equal(200_000_000, (await ledger.GetAsync(key, CancellationToken.None)).Committed);
        Assert.Equal(new Commitment("proposal-same", 200_000_000, 0), await ledger.GetCommitmentAsync(key, "proposal-same", CancellationToken.None));
        Assert.Single(await fixture.RowsAsync(key), r => r.RowKey.StartsWith("commit-", StringComparison.Ordinal));
        await fixture.AssertSettledAsync(key);
    }

    [Fact]
    public async Task RecordPaymentAsync_20ConcurrentPaymentsOf30MillionOn100Million_Exactly3Paid()
    {
        var ledger = fixture.Ledger();
        var key = National(2042);
        await ledger.SetAllocationAsync(key, 1_000_000_000, By, CancellationToken.None);
        await ledger.CommitAsync(key, "proposal-pay", 100_000_000, By, CancellationToken.None);

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Task.Run(() => ledger.RecordPaymentAsync(key, "proposal-pay", $"payment-{i:D2}", PaymentKind.Advance, 30_000_000, By, CancellationToken.None))));

        Assert.Equal(3, results.Count(r => r.Outcome == PaymentOutcome.Paid));
        Assert.Equal(17, results.Count(r => r.Outcome == PaymentOutcome.ExceedsApproved));
        Assert.All(results.Where(r => r.Outcome == PaymentOutcome.ExceedsApproved), r => Assert.Equal(BudgetRefusalCodes.ExceedsApproved, r.Refusal?.Code));
        Assert.Equal(new Commitment("proposal-pay", 100_000_000, 90_000_000), await ledger.GetCommitmentAsync(key, "proposal-pay", CancellationToken.None));
        Assert.Equal(new BudgetLine(key, 1_000_000_000, 100_000_000, 90_000_000), await ledger.GetAsync(key, CancellationToken.None));
        var payments = (await fixture.RowsAsync(key)).Where(r => r.RowKey.StartsWith("payment-", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, payments.Count);
        Assert.All(payments, p => Assert.Equal("applied", p.GetString("State")));
        await fixture.AssertSettledAsync(key);
    }

    [Fact]
    public async Task RecordPaymentAsync_SamePaymentId10TimesConcurrently_CountedOnce()
    {
        var ledger = fixture.Ledger();
        var key = National(2043);
        await ledger.SetAllocationAsync(key, 1_000_000_000, By, CancellationToken.None);
        await ledger.CommitAsync(key, "proposal-dup", 100_000_000, By, CancellationToken.None);

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            Task.Run(() => ledger.RecordPaymentAsync(key, "proposal-dup", "advance-1", PaymentKind.Advance, 40_000_000, By, CancellationToken.None))));

        Assert.Single(results, r => r.Outcome == PaymentOutcome.Paid);
        Assert.Equal(9, results.Count(r => r.Outcome == PaymentOutcome.Duplicate));
        Assert.All(results, r => Assert.Equal(40_000_000, r.Payment?.Amount));
        Assert.Equal(40_000_000, (await ledger.GetCommitmentAsync(key, "proposal-dup", CancellationToken.None))?.Paid);
        Assert.Equal(40_000_000, (await ledger.GetAsync(key, CancellationToken.None)).Paid);
        await fixture.AssertSettledAsync(key);
    }

    [Fact]
    public async Task ReleaseAsync_ConcurrentWithPayments_PaidPlusReturnedIsTheApprovedAmount()
    {
        var ledger = fixture.Ledger();
        var key = National(2044);
        await ledger.SetAllocationAsync(key, 1_000_000_000, By, CancellationToken.None);
        await ledger.CommitAsync(key, "proposal-race", 100_000_000, By, CancellationToken.None);

        var payments = Enumerable.Range(0, 10).Select(i =>
            Task.Run(() => ledger.RecordPaymentAsync(key, "proposal-race", $"tranche-{i}", PaymentKind.Advance, 10_000_000, By, CancellationToken.None))).ToList();
        var releases = Enumerable.Range(0, 3).Select(_ => Task.Run(() => ledger.ReleaseAsync(key, "proposal-race", By, CancellationToken.None))).ToList();
        var paid = (await Task.WhenAll(payments)).Count(r => r.Outcome == PaymentOutcome.Paid) * 10_000_000L;
        var released = await Task.WhenAll(releases);

        Assert.All(released, r => Assert.Equal(ReleaseOutcome.Released, r.Outcome));
        Assert.Single(released.Select(r => r.Returned).Distinct());
        Assert.Equal(100_000_000, paid + released[0].Returned);
        Assert.Equal(new Commitment("proposal-race", 100_000_000, paid, IsReleased: true), await ledger.GetCommitmentAsync(key, "proposal-race", CancellationToken.None));
        Assert.Equal(new BudgetLine(key, 1_000_000_000, paid, paid), await ledger.GetAsync(key, CancellationToken.None));
        await fixture.AssertSettledAsync(key);
    }

    [Fact]
    public async Task SetAllocationAsync_LoweredWhileCommitsRun_CommittedNeverAboveAllocated()
    {
        var ledger = fixture.Ledger();
        var key = National(2045);
        await ledger.SetAllocationAsync(key, 1_000_000_000, By, CancellationToken.None);

        var commits = Enumerable.Range(0, 20).Select(i =>
            Task.Run(() => ledger.CommitAsync(key, $"p-{i}", 70_000_000, By, CancellationToken.None))).ToList();
        var lower = Task.Run(() => ledger.SetAllocationAsync(key, 500_000_000, By, CancellationToken.None));
        var results = await Task.WhenAll(commits);
        var allocation = await lower;

        var line = await ledger.GetAsync(key, CancellationToken.None);
        Assert.Equal(results.Count(r => r.Outcome == CommitOutcome.Committed) * 70_000_000L, line.Committed);
        Assert.True(line.Committed <= line.Allocated, $"committed {line.Committed} above allocated {line.Allocated}");
        Assert.Equal(allocation.IsSet ? 500_000_000 : 1_000_000_000, line.Allocated);
        Assert.Equal(allocation.IsSet ? 7 : 14, results.Count(r => r.Outcome == CommitOutcome.Committed));
        await fixture.AssertSettledAsync(key);
    }
}
