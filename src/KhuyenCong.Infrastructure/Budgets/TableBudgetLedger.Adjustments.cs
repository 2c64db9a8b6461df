using Azure.Data.Tables;
using KhuyenCong.Application.Budgets;
using KhuyenCong.Domain.Budgets;
using KhuyenCong.Infrastructure.Storage;
using static KhuyenCong.Infrastructure.Budgets.BudgetRows;
using static KhuyenCong.Infrastructure.Storage.ConditionalWrites;

namespace KhuyenCong.Infrastructure.Budgets;

/// <summary>
/// Adjustments of a commitment (plan adjustments, carry-over), with the ledger's protocol (intent row
/// <c>adjust-{id}</c> pending → applied, a journal entry on each serialising row until confirmed):
/// <list type="bullet">
/// <item>A rise takes the money first: the line (Committed, and Allocated when it allocates; refused when the remaining
/// money is too small: the intent is deleted), then the commitment row (Approved). If the commitment was released in
/// between, the intent becomes <c>refused</c> and the line's entry is undone in one write.</item>
/// <item>A fall lowers the commitment first (refused below what is paid: the intent is deleted), so no payment can use
/// the money any more, then gives it back to the line.</item>
/// </list>
/// Each step is skipped when its row's journal lists the entry or the intent is no longer pending (entries are removed
/// only after the intent is applied), so a retry, a concurrent call with the same id, or a later read that finds a
/// stale entry finishes the change without counting it twice.
/// </summary>
public sealed partial class TableBudgetLedger
{
    public async Task<AdjustResult> AdjustAsync(BudgetKey key, string proposalId, string adjustmentId, long delta, bool allocates, string by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ValidateId(proposalId, nameof(proposalId));
        ValidateId(adjustmentId, nameof(adjustmentId));
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        if (delta == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(delta), "An adjustment changes the amount.");
        }

        var table = await storage.TableAsync(StorageTables.Budgets, cancellationToken);
        var rowKey = AdjustKey(adjustmentId);
        for (var attempt = 0; ; attempt++)
        {
            await PauseAsync(key, attempt, cancellationToken);
            var row = await ReadAsync(table, key.Code, rowKey, cancellationToken);
            if (row is null)
            {
                var mine = new JournalEntry(rowKey, JournalEntry.AdjustOp, proposalId, delta, by, time.GetUtcNow(), Allocates: allocates);
                await TryAddAsync(table, AdjustRow(key.Code, mine, Pending), cancellationToken);
                continue;
            }

            if (await AdjustOnceAsync(table, key, row, cancellationToken) is { } result)
            {
                return result;
            }
        }
    }

    /// <summary>
    /// One turn for an existing intent row: apply its steps when pending, then answer once the intent is applied or
    /// refused; null to look again.
    /// </summary>
    private async Task<AdjustResult?> AdjustOnceAsync(TableClient table, BudgetKey key, TableEntity row, CancellationToken cancellationToken)
    {
        var entry = AdjustEntry(row);
        var refusal = row.GetString(State) switch
        {
            Applied => null,
            Refused => StoredRefusal(row),
            _ => await ApplyAdjustAsync(table, key, entry, cancellationToken),
        };
        if (refusal is not null && row.GetString(State) == Pending && await ReadAsync(table, key.Code, row.RowKey, cancellationToken) is null)
        {
            // Refused at its first step (the intent is gone, nothing was written): answered, not sticky.
            return new AdjustResult(false, await ReadCommitmentAsync(table, key.Code, entry.ProposalId, cancellationToken), 0, refusal);
        }

        await FinishAdjustAsync(table, key, entry, cancellationToken);
        var after = await ReadAsync(table, key.Code, row.RowKey, cancellationToken);
        if (after?.GetString(State) is not (Applied or Refused))
        {
            return null;
        }

        var commitment = await ReadCommitmentAsync(table, key.Code, entry.ProposalId, cancellationToken);
        return after.GetString(State) == Applied
            ? new AdjustResult(true, commitment, entry.Amount, null)
            : new AdjustResult(false, commitment, 0, StoredRefusal(after));
    }

    /// <summary>Both steps in their order (see the class); a refusal of the first step deletes the intent, of the second marks it refused.</summary>
    private async Task<BudgetRefusal?> ApplyAdjustAsync(TableClient table, BudgetKey key, JournalEntry entry, CancellationToken cancellationToken)
    {
        var rises = entry.Amount > 0;
        var first = rises ? await AdjustLineAsync(table, key, entry, cancellationToken) : await AdjustCommitmentAsync(table, key, entry, cancellationToken);
        if (first is not null)
        {
            var intent = await ReadAsync(table, key.Code, entry.Id, cancellationToken);
            if (intent?.GetString(State) == Pending)
            {
                await TryDeleteAsync(table, intent, cancellationToken);
            }

            return first;
        }

        var second = rises ? await AdjustCommitmentAsync(table, key, entry, cancellationToken) : await AdjustLineAsync(table, key, entry, cancellationToken);
        if (second is not null)
        {
            await MarkAdjustAsync(table, key, entry, Refused, second, cancellationToken);
        }

        return second;
    }

    /// <summary>The line's step: null when written now or before (or the intent is no longer pending), else the refusal.</summary>
    private async Task<BudgetRefusal?> AdjustLineAsync(TableClient table, BudgetKey key, JournalEntry entry, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            await PauseAsync(key, attempt, cancellationToken);
            var line = await ReadAsync(table, key.Code, LineKey, cancellationToken);
            var journal = ReadJournal(line);
            var intent = await ReadAsync(table, key.Code, entry.Id, cancellationToken);
            if (journal.Any(e => e.Id == entry.Id) || intent?.GetString(State) != Pending)
            {
                return null;
            }

            var decision = BudgetRules.AdjustLine(ToLine(key, line), entry.Amount, entry.Allocates);
            if (!decision.IsAllowed)
            {
                return decision.Refusal;
            }

            if (await TryWriteLineAsync(table, key, line, decision.Value, journal.Append(entry), null, cancellationToken))
            {
                return null;
            }
        }
    }

    /// <summary>The commitment row's step: null when written now or before (or the intent is no longer pending), else the refusal.</summary>
    private async Task<BudgetRefusal?> AdjustCommitmentAsync(TableClient table, BudgetKey key, JournalEntry entry, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            await PauseAsync(key, attempt, cancellationToken);
            var row = await ReadCommitRowFinishingAsync(table, key, entry.ProposalId, cancellationToken);
            var journal = ReadJournal(row);
            var intent = await ReadAsync(table, key.Code, entry.Id, cancellationToken);
            if (journal.Any(e => e.Id == entry.Id) || intent?.GetString(State) != Pending)
            {
                return null;
            }

            if (row is null)
            {
                return BudgetRules.NotCommitted();
            }

            var decision = BudgetRules.Adjust(ToCommitment(row), entry.Amount);
            if (!decision.IsAllowed)
            {
                return decision.Refusal;
            }

            row[Approved] = decision.Value.Approved;
            WriteJournal(row, journal.Append(entry));
            if (await TryReplaceAsync(table, row, cancellationToken))
            {
                return null;
            }
        }
    }

    /// <summary>
    /// Finishes an adjustment whose entry is on a row (or whose intent is pending): applied → both entries removed;
    /// refused → the line's entry undone; pending → both steps, then applied.
    /// </summary>
    private async Task FinishAdjustAsync(TableClient table, BudgetKey key, JournalEntry entry, CancellationToken cancellationToken)
    {
        var intent = await ReadAsync(table, key.Code, entry.Id, cancellationToken);
        if (intent is null)
        {
            // Deleted by a refusing concurrent call after this entry was written: the entry is the intent.
            await TryAddAsync(table, AdjustRow(key.Code, entry, Pending), cancellationToken);
            intent = await ReadAsync(table, key.Code, entry.Id, cancellationToken);
        }

        if (intent?.GetString(State) == Pending && await ApplyAdjustAsync(table, key, entry, cancellationToken) is null)
        {
            await MarkAdjustAsync(table, key, entry, Applied, null, cancellationToken);
        }

        intent = await ReadAsync(table, key.Code, entry.Id, cancellationToken);
        if (intent?.GetString(State) == Refused)
        {
            await UndoAdjustOnLineAsync(table, key, entry, cancellationToken);
            return;
        }

        if (intent?.GetString(State) == Applied)
        {
            await RemoveFromCommitmentAsync(table, key, entry.ProposalId, entry.Id, cancellationToken);
            await RemoveFromLineAsync(table, key, entry.Id, cancellationToken);
        }
    }

    /// <summary>Marks the pending intent applied or refused (never back); a refusal keeps its reason for replays.</summary>
    private async Task MarkAdjustAsync(TableClient table, BudgetKey key, JournalEntry entry, string state, BudgetRefusal? refusal, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            await PauseAsync(key, attempt, cancellationToken);
            var row = await ReadAsync(table, key.Code, entry.Id, cancellationToken) ?? AdjustRow(key.Code, entry, Pending);
            if (row.GetString(State) != Pending)
            {
                return;
            }

            row[State] = state;
            if (refusal is not null)
            {
                row[RefusalCode] = refusal.Code;
                row[RefusalVi] = refusal.Vietnamese;
                row[RefusalEn] = refusal.English;
            }

            if (row.ETag == default ? await TryAddAsync(table, row, cancellationToken) : await TryReplaceAsync(table, row, cancellationToken))
            {
                return;
            }
        }
    }

    /// <summary>A refused rise: the line's entry goes, with its amounts, in one write (nothing when it is gone already).</summary>
    private async Task UndoAdjustOnLineAsync(TableClient table, BudgetKey key, JournalEntry entry, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            await PauseAsync(key, attempt, cancellationToken);
            var line = await ReadAsync(table, key.Code, LineKey, cancellationToken);
            var journal = ReadJournal(line);
            if (!journal.Any(e => e.Id == entry.Id))
            {
                return;
            }

            var undone = BudgetRules.AdjustLine(ToLine(key, line), -entry.Amount, entry.Allocates).Value!;
            if (await TryWriteLineAsync(table, key, line, undone, journal.Where(e => e.Id != entry.Id), null, cancellationToken))
            {
                return;
            }
        }
    }

    private static BudgetRefusal StoredRefusal(TableEntity row) => new(
        row.GetString(RefusalCode) ?? BudgetRefusalCodes.Released, row.GetString(RefusalVi) ?? string.Empty, row.GetString(RefusalEn) ?? string.Empty);
}
