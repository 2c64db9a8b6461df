using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using KhuyenCong.Application.Budgets;
using KhuyenCong.Domain.Budgets;
using KhuyenCong.Infrastructure.Budgets;
using KhuyenCong.Infrastructure.Storage;
using KhuyenCong.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using static KhuyenCong.IntegrationTests.Budgets.BudgetTestSupport;

namespace KhuyenCong.IntegrationTests.Budgets;

/// <summary>
/// The interleavings stress cannot be counted on to produce: one call is held just before a read while another call
/// does the whole change; the held call must then see the change as made and not make it again.
/// </summary>
[Collection(BudgetCollection.Name)]
public class BudgetLedgerInterleavingTests(LocalHostFixture fixture)
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task CommitAsync_OtherCallCommitsWhileThisOneIsBetweenItsReads_CountedOnce()
    {
        var key = National(2070);
        await fixture.Ledger().SetAllocationAsync(key, 1_000_000_000, By, None);
        var gate = new PauseFirstRequest(m => m.Request.Method == RequestMethod.Get && IsRow(m, key, "line"));
        var held = HeldLedger(gate);

        // Held: inserts its intent, reads it (pending), then waits before reading the line.
        var heldCommit = Task.Run(() => held.CommitAsync(key, "p1", 60_000_000, By, None));
        await gate.Reached.WaitAsync(TimeSpan.FromSeconds(30));
        var other = await fixture.Ledger().CommitAsync(key, "p1", 60_000_000, By, None);
        gate.Release();
        var heldResult = await heldCommit;

        Assert.Equal(CommitOutcome.Committed, other.Outcome);
        Assert.Equal(other, heldResult);
        Assert.Equal(new BudgetLine(key, 1_000_000_000, 60_000_000, 0), await fixture.Ledger().GetAsync(key, None));
        await fixture.AssertSettledAsync(key);
    }

    [Fact]
    public async Task RecordPaymentAsync_OtherCallPaysWhileThisOneIsBetweenItsReads_CountedOnce()
    {
        var key = National(2071);
        await fixture.Ledger().SetAllocationAsync(key, 1_000_000_000, By, None);
        await fixture.Ledger().CommitAsync(key, "p1", 100_000_000, By, None);
        var gate = new PauseFirstRequest(m => m.Request.Method == RequestMethod.Get && IsRow(m, key, "commit-p1"));
        var held = HeldLedger(gate);

        // Held: inserts its pending payment, reads it, then waits before reading the commitment.
        var heldPayment = Task.Run(() => held.RecordPaymentAsync(key, "p1", "pay-1", PaymentKind.Advance, 30_000_000, By, None));
        await gate.Reached.WaitAsync(TimeSpan.FromSeconds(30));
        var other = await fixture.Ledger().RecordPaymentAsync(key, "p1", "pay-1", PaymentKind.Advance, 30_000_000, By, None);
        gate.Release();
        var heldResult = await heldPayment;

        Assert.Equal(PaymentOutcome.Paid, other.Outcome);
        Assert.Equal(PaymentOutcome.Duplicate, heldResult.Outcome);
        Assert.Equal(new Commitment("p1", 100_000_000, 30_000_000), await fixture.Ledger().GetCommitmentAsync(key, "p1", None));
        Assert.Equal(30_000_000, (await fixture.Ledger().GetAsync(key, None)).Paid);
        await fixture.AssertSettledAsync(key);
    }

    [Fact]
    public async Task ReleaseAsync_OtherCallReleasesWhileThisOneIsBeforeTheLine_ReturnedOnce()
    {
        var key = National(2072);
        await fixture.Ledger().SetAllocationAsync(key, 100_000_000, By, None);
        await fixture.Ledger().CommitAsync(key, "p1", 100_000_000, By, None);
        var gate = new PauseFirstRequest(m => m.Request.Method == RequestMethod.Get && IsRow(m, key, "line"));
        var held = HeldLedger(gate);

        // Held: marks the commitment released, then waits before reading the line to return the money.
        var heldRelease = Task.Run(() => held.ReleaseAsync(key, "p1", By, None));
        await gate.Reached.WaitAsync(TimeSpan.FromSeconds(30));
        var other = await fixture.Ledger().ReleaseAsync(key, "p1", By, None);
        gate.Release();
        var heldResult = await heldRelease;

        Assert.Equal(100_000_000, other.Returned);
        Assert.Equal(other, heldResult);
        Assert.Equal(new BudgetLine(key, 100_000_000, 0, 0), await fixture.Ledger().GetAsync(key, None));
        await fixture.AssertSettledAsync(key);
    }

    private TableBudgetLedger HeldLedger(HttpPipelinePolicy gate)
    {
        var options = new TableClientOptions();
        options.AddPolicy(gate, HttpPipelinePosition.PerCall);
        var storage = new StorageTables(new TableServiceClient(fixture.StorageConnectionString, options), new BlobServiceClient(fixture.StorageConnectionString));
        return new TableBudgetLedger(storage, TimeProvider.System, NullLogger<TableBudgetLedger>.Instance);
    }

    private static bool IsRow(HttpMessage message, BudgetKey key, string rowKey) =>
        Uri.UnescapeDataString(message.Request.Uri.ToUri().AbsolutePath).EndsWith($"(PartitionKey='{key.Code}',RowKey='{rowKey}')", StringComparison.Ordinal);

    /// <summary>Holds the first request that matches until <see cref="Release"/>; lets every other request through.</summary>
    private sealed class PauseFirstRequest(Func<HttpMessage, bool> matches) : HttpPipelinePolicy
    {
        private readonly TaskCompletionSource reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int held;

        public Task Reached => reached.Task;

        public void Release() => released.TrySetResult();

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            if (matches(message) && Interlocked.Exchange(ref held, 1) == 0)
            {
                reached.TrySetResult();
                await released.Task;
            }

            await ProcessNextAsync(message, pipeline);
        }

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            throw new NotSupportedException("The table client is used asynchronously.");
    }
}
