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
        var request = new CommitRequest(key, proposalId, amount, allocates, by);
        for (var attempt = 0; ; attempt++)
        {
            await PauseAsync(key, attempt, cancellationToken);
            if (await CommitOnceAsync(table, request, cancellationToken) is { } result)
            {
                return result;
            }
        }
    }

    /// <summary>One turn of the commit protocol (see the class): intent, answer, or apply; null to look again.</summary>
    private async Task<CommitResult?> CommitOnceAsync(TableClient table, CommitRequest request, CancellationToken cancellationToken)
    {
        var (key, proposalId, amount, allocates, by) = request;
        var row = await ReadAsync(table, key.Code, request.RowKey, cancellationToken);
        if (row is null)
        {
            // 1. Intent, inserted only if absent; then look again.
            var intentRow = CommitRow(key.Code, proposalId, Pending, amount, by, time.GetUtcNow());
            intentRow[Allocates] = allocates;
            await TryAddAsync(table, intentRow, cancellationToken);
            return null;
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
            return null;
        }

        return await ApplyCommitToLineAsync(table, request, cancellationToken);
    }

    /// <summary>
    /// 2. Apply to the line with a single conditional write (If-Match the line's ETag), then 3. confirm; a refusal
    /// deletes the pending intent and answers when the intent was this call's amount. Null to look again.
    /// </summary>
    private async Task<CommitResult?> ApplyCommitToLineAsync(TableClient table, CommitRequest request, CancellationToken cancellationToken)
    {
        var (key, proposalId, amount, _, by) = request;
        var line = await ReadAsync(table, key.Code, LineKey, cancellationToken);
        var journal = ReadJournal(line);
        if (journal.FirstOrDefault(e => e.Id == request.RowKey) is { } written)
        {
            await FinishCommitAsync(table, key, written, cancellationToken);
            return null;
        }

        var intent = await ReadAsync(table, key.Code, request.RowKey, cancellationToken);
        if (intent is null || intent.GetString(State) != Pending)
        {
            return null;
        }

        var intentAmount = intent.GetInt64(Approved) ?? 0;
        var budget = ToLine(key, line);
        // With the allocation (Ministry's, carried over), both grow in this one write: never one without the other.
        var decision = intent.GetBoolean(Allocates) == true ? BudgetRules.CommitAllocated(budget, intentAmount) : BudgetRules.Commit(budget, intentAmount);
        if (!decision.IsAllowed)
        {
            return await TryDeleteAsync(table, intent, cancellationToken) && intentAmount == amount
                ? new CommitResult(CommitOutcome.InsufficientBudget, null, budget.Remaining, decision.Refusal)
                : null;
        }

        var entry = new JournalEntry(request.RowKey, JournalEntry.CommitOp, proposalId, intentAmount, intent.GetString(By) ?? by,
            time.GetUtcNow(), RemainingAfter: decision.Value.Remaining);
        if (await TryWriteLineAsync(table, key, line, decision.Value, journal.Append(entry), null, cancellationToken))
        {
            // 3. Confirm; the next turn answers from the applied row.
            await FinishCommitAsync(table, key, entry, cancellationToken);
        }

        return null;
    }

    public async Task<PaymentResult> RecordPaymentAsync(BudgetKey key, string proposalId, string paymentId, PaymentKind kind, long amount, string by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ValidateId(proposalId, nameof(proposalId));
        ValidateId(paymentId, nameof(paymentId));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        var table = await storage.TableAsync(StorageTables.Budgets, cancellationToken);
        var request = new PaymentRequest(key, proposalId, paymentId, kind, amount, by);
        for (var attempt = 0; ; attempt++)
        {
            await PauseAsync(key, attempt, cancellationToken);
            if (await RecordPaymentOnceAsync(table, request, cancellationToken) is { } result)
            {
                return result;
            }
        }
    }

    /// <summary>
    /// One turn of a payment (see the class): the intent inserted if absent, an applied payment answered as a
    /// duplicate, or the pending intent (this call's or a concurrent one's) completed with its own data. Null to look again.
    /// </summary>
    private async Task<PaymentResult?> RecordPaymentOnceAsync(TableClient table, PaymentRequest request, CancellationToken cancellationToken)
    {
        var key = request.Key;
        var row = await ReadAsync(table, key.Code, request.RowKey, cancellationToken);
        if (row is null)
        {
            await TryAddAsync(table, PaymentRow(key.Code, request.Intent(time.GetUtcNow()), Pending), cancellationToken);
            return null;
        }

        if (row.GetString(State) == Applied)
        {
            // Finish a confirmation a crashed call may have left (journal entries), then answer.
            await RemoveFromCommitmentAsync(table, key, row.GetString(ProposalId) ?? request.ProposalId, request.RowKey, cancellationToken);
            await RemoveFromLineAsync(table, key, request.RowKey, cancellationToken);
            var first = ToPayment(row);
            return new PaymentResult(PaymentOutcome.Duplicate, await ReadCommitmentAsync(table, key.Code, first.ProposalId, cancellationToken), first, null);
        }

        // The pending intent is completed with its own data (it may be a concurrent call's).
        var entry = PaymentEntry(row);
        var isMine = entry.ProposalId == request.ProposalId && entry.Amount == request.Amount && entry.PaymentKind == request.Kind.ToCode();
        var step = await ApplyPaymentToCommitmentAsync(table, key, entry, cancellationToken);
        if (step.Refusal is not null)
        {
            return isMine ? new PaymentResult(step.Outcome, step.Commitment, null, step.Refusal) : null;
        }

        if (step.Outcome is PaymentOutcome.Paid or PaymentOutcome.Duplicate)
        {
            await CompletePaymentAsync(table, key, entry, cancellationToken);
        }

        return isMine && step.Outcome == PaymentOutcome.Paid ? new PaymentResult(PaymentOutcome.Paid, step.Commitment, ToPayment(entry), null) : null;
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

    /// <summary>What a commit asks for; its intent row is <c>commit-{proposalId}</c>.</summary>
    private sealed record CommitRequest(BudgetKey Key, string ProposalId, long Amount, bool Allocates, string By)
    {
        public string RowKey => CommitKey(ProposalId);
    }

    /// <summary>What a payment asks for; its intent row is <c>payment-{paymentId}</c>.</summary>
    private sealed record PaymentRequest(BudgetKey Key, string ProposalId, string PaymentId, PaymentKind Kind, long Amount, string By)
    {
        public string RowKey => PaymentKey(PaymentId);

        /// <summary>The journal entry of this payment, as its pending intent row holds it.</summary>
        public JournalEntry Intent(DateTimeOffset at) => new(RowKey, JournalEntry.PaymentOp, ProposalId, Amount, By, at, PaymentId, Kind.ToCode());
    }
}
