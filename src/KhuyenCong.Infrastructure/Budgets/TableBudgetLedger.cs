using Azure.Data.Tables;
using KhuyenCong.Application.Budgets;
using KhuyenCong.Domain.Budgets;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Infrastructure.Storage;
using Microsoft.Extensions.Logging;
using static KhuyenCong.Infrastructure.Budgets.BudgetRows;
using static KhuyenCong.Infrastructure.Storage.ConditionalWrites;

namespace KhuyenCong.Infrastructure.Budgets;

/// <summary>
/// The budget ledger in table <c>Budgets</c>, one partition per budget (<c>{year}-{source}</c>): row <c>line</c>
/// (Allocated, Committed, Paid), rows <c>commit-{proposalId}</c> and rows <c>payment-{paymentId}</c>.
/// </summary>
/// <remarks>
/// <para>
/// <b>Protocol.</b> Azurite ignores If-Match inside batch transactions, so no batch is used: every check-and-change is
/// a single conditional write (If-Match the ETag read) of the one row that serialises it, re-read and retried on 412.
/// The <c>line</c> row serialises the budget (commit, release, the paid total); a commitment row serialises its
/// proposal's payments. Idempotency comes from a second row (<c>commit-…</c>, <c>payment-…</c>) that goes
/// <c>pending</c> → <c>applied</c>:
/// </para>
/// <list type="number">
/// <item><b>Intent.</b> Insert the row as <c>pending</c> if absent (AddEntity). If it is already <c>applied</c>, the
/// change was made: answer as the first time.</item>
/// <item><b>Apply.</b> Read the serialising row; if its <c>Journal</c> lists the change, it is applied: go to 3. Otherwise
/// read the intent row <i>again, after</i> the serialising row: if no longer pending, it is applied: go to 3. Else check
/// the rule and write the serialising row with the new amounts <i>and</i> a journal entry for the change, If-Match.
/// Refused: delete the pending intent (If-Match) and answer the refusal.</item>
/// <item><b>Confirm.</b> Mark the intent row <c>applied</c> (recreating it from the journal entry if a refusing
/// concurrent call deleted it), then remove the journal entry.</item>
/// </list>
/// <para>
/// Why no change is counted twice: an intent becomes <c>applied</c> only after the serialising row holds its journal
/// entry, and the entry is removed only after the intent is <c>applied</c>; neither goes back. So from the moment the
/// change is written, "the journal lists it or the intent is applied" stays true. A writer that read the serialising
/// row at t1 (no entry) and the intent at t2 &gt; t1 (pending) knows the change was not written before t1; if anyone
/// writes it after t1, the ETag read at t1 is stale and the writer's own write fails with 412.
/// A crash anywhere leaves either a pending intent (step 2 not done: the retry does it) or a journal entry (the retry,
/// or any later read of the budget or the commitment once the entry is older than <see cref="StaleAfter"/>, finishes
/// step 3). A payment goes through the commitment row first (the Paid ≤ Approved check), then the line (the paid
/// total), then is confirmed. A release marks the commitment <c>released</c> with the returned amount (so payments
/// stop), returns it to the line with a journal entry <c>release-{proposalId}</c>, then sets <c>ReleaseApplied</c>.
/// </para>
/// </remarks>
public sealed partial class TableBudgetLedger(StorageTables storage, TimeProvider time, ILogger<TableBudgetLedger> logger) : IBudgetLedger
{
    /// <summary>A journal entry older than this is taken to belong to a crashed call, and any read finishes it.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(1);

    /// <summary>Conflicting writes tolerated by one call before it gives up (each is followed by a short random wait).</summary>
    public const int MaxAttempts = 2_000;

    public async Task<BudgetLine> GetAsync(BudgetKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var table = await storage.TableAsync(StorageTables.Budgets, cancellationToken);
        var line = await ReadAsync(table, key.Code, LineKey, cancellationToken);
        var stale = ReadJournal(line).Where(IsStale).ToList();
        if (stale.Count == 0)
        {
            return ToLine(key, line);
        }

        foreach (var entry in stale)
        {
            LogRepair(logger, key.Code, entry.Op);
            await FinishAsync(table, key, entry, cancellationToken);
        }

        return ToLine(key, await ReadAsync(table, key.Code, LineKey, cancellationToken));
    }

    public async Task<AllocationResult> SetAllocationAsync(BudgetKey key, long amount, string by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        var table = await storage.TableAsync(StorageTables.Budgets, cancellationToken);
        for (var attempt = 0; ; attempt++)
        {
            await PauseAsync(key, attempt, cancellationToken);
            var row = await ReadAsync(table, key.Code, LineKey, cancellationToken);
            var line = ToLine(key, row);
            var decision = BudgetRules.SetAllocation(line, amount);
            if (!decision.IsAllowed)
            {
                return new AllocationResult(false, line, decision.Refusal);
            }

            if (await TryWriteLineAsync(table, key, row, decision.Value, ReadJournal(row), e =>
            {
                e["AllocatedBy"] = by;
                e["AllocatedAt"] = time.GetUtcNow();
            }, cancellationToken))
            {
                return new AllocationResult(true, decision.Value, null);
            }
        }
    }

    public Task<CommitResult> CommitAsync(BudgetKey key, string proposalId, long amount, string by, CancellationToken cancellationToken) =>
        CommitAsync(key, proposalId, amount, allocates: false, by, cancellationToken);

    public Task<CommitResult> CommitAllocatedAsync(BudgetKey key, string proposalId, long amount, string by, CancellationToken cancellationToken) =>
        CommitAsync(key, proposalId, amount, allocates: true, by, cancellationToken);

    private async Task<CommitResult> CommitAsync(BudgetKey key, string proposalId, long amount, bool allocates, string by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ValidateId(proposalId, nameof(proposalId));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        var table = await storage.TableAsync(StorageTables.Budgets, cancellationToken);
        var partition = key.Code;
        var rowKey = CommitKey(proposalId);
        for (var attempt = 0; ; attempt++)
        {
            await PauseAsync(key, attempt, cancellationToken);
            var row = await ReadAsync(table, partition, rowKey, cancellationToken);
            if (row is null)
            {
                // 1. Intent, inserted only if absent; then look again.
                var intentRow = CommitRow(partition, proposalId, Pending, amount, by, time.GetUtcNow());
                intentRow[Allocates] = allocates;
                await TryAddAsync(table, intentRow, cancellationToken);
                continue;
            }

            if (row.GetString(State) != Pending)
            {
                return await ReplayCommitAsync(table, key, row, amount, cancellationToken);
            }

            if (row.GetInt64(Approved) != amount && IsStale(row.GetDateTimeOffset(At)))
            {
                // An intent left by a crashed call with another amount: this call's amount replaces it.
                row[Approved] = amount;
                row[Allocates] = allocates;
                row[By] = by;
                row[At] = time.GetUtcNow();
                await TryReplaceAsync(table, row, cancellationToken);
                continue;
            }

            // 2. Apply to the line with a single conditional write.
            var line = await ReadAsync(table, partition, LineKey, cancellationToken);
            var journal = ReadJournal(line);
            if (journal.FirstOrDefault(e => e.Id == rowKey) is { } written)
            {
                await FinishCommitAsync(table, key, written, cancellationToken);
                continue;
            }

            var intent = await ReadAsync(table, partition, rowKey, cancellationToken);
            if (intent is null || intent.GetString(State) != Pending)
            {
                continue;
            }

            var intentAmount = intent.GetInt64(Approved) ?? 0;
            var budget = ToLine(key, line);
            // With the allocation (Ministry's, carried over), both grow in this one write: never one without the other.
            var decision = intent.GetBoolean(Allocates) == true ? BudgetRules.CommitAllocated(budget, intentAmount) : BudgetRules.Commit(budget, intentAmount);
            if (!decision.IsAllowed)
            {
                if (!await TryDeleteAsync(table, intent, cancellationToken) || intentAmount != amount)
                {
                    continue;
                }

                return new CommitResult(CommitOutcome.InsufficientBudget, null, budget.Remaining, decision.Refusal);
            }

            var entry = new JournalEntry(rowKey, JournalEntry.CommitOp, proposalId, intentAmount, intent.GetString(By) ?? by,
                time.GetUtcNow(), RemainingAfter: decision.Value.Remaining);
            if (await TryWriteLineAsync(table, key, line, decision.Value, journal.Append(entry), null, cancellationToken))
            {
                // 3. Confirm; the next turn answers from the applied row.
                await FinishCommitAsync(table, key, entry, cancellationToken);
            }
        }
    }

    public async Task<PaymentResult> RecordPaymentAsync(BudgetKey key, string proposalId, string paymentId, PaymentKind kind, long amount, string by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ValidateId(proposalId, nameof(proposalId));
        ValidateId(paymentId, nameof(paymentId));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        var table = await storage.TableAsync(StorageTables.Budgets, cancellationToken);
        var partition = key.Code;
        var rowKey = PaymentKey(paymentId);
        for (var attempt = 0; ; attempt++)
        {
            await PauseAsync(key, attempt, cancellationToken);
            var row = await ReadAsync(table, partition, rowKey, cancellationToken);
            if (row is null)
            {
                var mine = new JournalEntry(rowKey, JournalEntry.PaymentOp, proposalId, amount, by, time.GetUtcNow(), paymentId, kind.ToCode());
                await TryAddAsync(table, PaymentRow(partition, mine, Pending), cancellationToken);
                continue;
            }

            if (row.GetString(State) == Applied)
            {
                // Finish a confirmation a crashed call may have left (journal entries), then answer.
                await RemoveFromCommitmentAsync(table, key, row.GetString(ProposalId) ?? proposalId, rowKey, cancellationToken);
                await RemoveFromLineAsync(table, key, rowKey, cancellationToken);
                var first = ToPayment(row);
                return new PaymentResult(PaymentOutcome.Duplicate, await ReadCommitmentAsync(table, partition, first.ProposalId, cancellationToken), first, null);
            }

            // The pending intent is completed with its own data (it may be a concurrent call's).
            var entry = PaymentEntry(row);
            var isMine = entry.ProposalId == proposalId && entry.Amount == amount && entry.PaymentKind == kind.ToCode();
            var step = await ApplyPaymentToCommitmentAsync(table, key, entry, cancellationToken);
            if (step.Refusal is not null)
            {
                if (isMine)
                {
                    return new PaymentResult(step.Outcome, step.Commitment, null, step.Refusal);
                }

                continue;
            }

            if (step.Outcome == PaymentOutcome.Paid)
            {
                await CompletePaymentAsync(table, key, entry, cancellationToken);
                if (isMine)
                {
                    return new PaymentResult(PaymentOutcome.Paid, step.Commitment, ToPayment(entry), null);
                }
            }
            else if (step.Outcome == PaymentOutcome.Duplicate)
            {
                await CompletePaymentAsync(table, key, entry, cancellationToken);
            }
        }
    }

    public async Task<ReleaseResult> ReleaseAsync(BudgetKey key, string proposalId, string by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ValidateId(proposalId, nameof(proposalId));
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        var table = await storage.TableAsync(StorageTables.Budgets, cancellationToken);
        var partition = key.Code;
        for (var attempt = 0; ; attempt++)
        {
            await PauseAsync(key, attempt, cancellationToken);
            var row = await ReadCommitRowFinishingAsync(table, key, proposalId, cancellationToken);
            if (row is null)
            {
                return new ReleaseResult(ReleaseOutcome.NotCommitted, null, 0);
            }

            if (row.GetString(State) == Applied)
            {
                // Mark the commitment released with the amount it returns: from now on no payment is accepted.
                var (_, returned) = BudgetRules.Release(ToCommitment(row));
                row[State] = Released;
                row[Returned] = returned;
                row[ReleaseApplied] = false;
                row[ReleasedBy] = by;
                row[ReleasedAt] = time.GetUtcNow();
                await TryReplaceAsync(table, row, cancellationToken);
                continue;
            }

            var amount = row.GetInt64(Returned) ?? 0;
            if (row.GetBoolean(ReleaseApplied) != true)
            {
                await ApplyReleaseAsync(table, key, proposalId, amount, row.GetString(ReleasedBy) ?? by, cancellationToken);
            }
            else
            {
                await RemoveFromLineAsync(table, key, ReleaseKey(proposalId), cancellationToken);
            }

            return new ReleaseResult(ReleaseOutcome.Released, ToCommitment(row), amount);
        }
    }

    public async Task<Commitment?> GetCommitmentAsync(BudgetKey key, string proposalId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ValidateId(proposalId, nameof(proposalId));
        var table = await storage.TableAsync(StorageTables.Budgets, cancellationToken);
        var row = await ReadCommitRowFinishingAsync(table, key, proposalId, cancellationToken);
        if (row is null)
        {
            return null;
        }

        var repaired = false;
        if (row.GetString(State) == Released && row.GetBoolean(ReleaseApplied) != true && IsStale(row.GetDateTimeOffset(ReleasedAt)))
        {
            LogRepair(logger, key.Code, JournalEntry.ReleaseOp);
            await ApplyReleaseAsync(table, key, proposalId, row.GetInt64(Returned) ?? 0, row.GetString(ReleasedBy) ?? "repair", cancellationToken);
            repaired = true;
        }

        foreach (var entry in ReadJournal(row).Where(IsStale))
        {
            LogRepair(logger, key.Code, entry.Op);
            await FinishAsync(table, key, entry, cancellationToken);
            repaired = true;
        }

        return repaired ? await ReadCommitmentAsync(table, key.Code, proposalId, cancellationToken) : ToCommitment(row);
    }

    [LoggerMessage(EventId = 4301, Level = LogLevel.Warning, Message = "Budget {Budget}: finishing a {Operation} left unfinished by an earlier call")]
    private static partial void LogRepair(ILogger logger, string budget, string operation);

    [LoggerMessage(EventId = 4302, Level = LogLevel.Error, Message = "Budget {Budget}: gave up after {Attempts} conflicting writes")]
    private static partial void LogGaveUp(ILogger logger, string budget, int attempts);
}
