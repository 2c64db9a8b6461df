using Azure.Data.Tables;
using KhuyenCong.Application.Budgets;
using KhuyenCong.Domain.Budgets;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Infrastructure.Storage;
using Microsoft.Extensions.Logging;
using static KhuyenCong.Infrastructure.Budgets.BudgetRows;
using static KhuyenCong.Infrastructure.Storage.ConditionalWrites;

namespace KhuyenCong.Infrastructure.Budgets;

/// <summary>The ledger's journal: finishing the commits, payments and releases a caller left pending, and the conditional writes of the line and commitment rows.</summary>
public sealed partial class TableBudgetLedger
{
    /// <summary>The applied or released commitment row; a pending one whose line entry exists is confirmed first; otherwise null.</summary>
    private async Task<TableEntity?> ReadCommitRowFinishingAsync(TableClient table, BudgetKey key, string proposalId, CancellationToken cancellationToken)
    {
        var rowKey = CommitKey(proposalId);
        var row = await ReadAsync(table, key.Code, rowKey, cancellationToken);
        if (row is not null && row.GetString(State) != Pending)
        {
            return row;
        }

        if (ReadJournal(await ReadAsync(table, key.Code, LineKey, cancellationToken)).FirstOrDefault(e => e.Id == rowKey) is not { } written)
        {
            return null;
        }

        await FinishCommitAsync(table, key, written, cancellationToken);
        return await ReadAsync(table, key.Code, rowKey, cancellationToken);
    }

    private async Task<CommitResult> ReplayCommitAsync(TableClient table, BudgetKey key, TableEntity row, long amount, CancellationToken cancellationToken)
    {
        // Finish a confirmation a crashed call may have left (the line's journal entry), then answer as the first time.
        var line = await RemoveFromLineAsync(table, key, row.RowKey, cancellationToken);
        var commitment = ToCommitment(row);
        return !commitment.IsReleased && commitment.Approved == amount
            ? new CommitResult(CommitOutcome.Committed, commitment, row.GetInt64(RemainingAfter) ?? 0, null)
            : new CommitResult(CommitOutcome.AlreadyCommitted, commitment, line.Remaining, BudgetRules.AlreadyCommitted(commitment));
    }

    /// <summary>Step 3 of a commitment whose line entry is written: the row becomes applied, then the entry goes.</summary>
    private async Task FinishCommitAsync(TableClient table, BudgetKey key, JournalEntry entry, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            await PauseAsync(key, attempt, cancellationToken);
            var row = await ReadAsync(table, key.Code, entry.Id, cancellationToken);
            if (row is null)
            {
                var applied = CommitRow(key.Code, entry.ProposalId, Applied, entry.Amount, entry.By, entry.At);
                applied[RemainingAfter] = entry.RemainingAfter;
                if (await TryAddAsync(table, applied, cancellationToken))
                {
                    break;
                }

                continue;
            }

            if (row.GetString(State) != Pending)
            {
                break;
            }

            row[State] = Applied;
            row[Approved] = entry.Amount;
            row[Paid] = 0L;
            row[RemainingAfter] = entry.RemainingAfter;
            row[By] = entry.By;
            row[At] = entry.At;
            if (await TryReplaceAsync(table, row, cancellationToken))
            {
                break;
            }
        }

        await RemoveFromLineAsync(table, key, entry.Id, cancellationToken);
    }

    /// <summary>
    /// Step 2 of a payment on the commitment row: <see cref="PaymentOutcome.Paid"/> when this call wrote it,
    /// <see cref="PaymentOutcome.Duplicate"/> when it was already written, a refusal (intent deleted), or
    /// <see cref="PaymentOutcome.NotCommitted"/> without refusal to look again.
    /// </summary>
    private async Task<(PaymentOutcome Outcome, Commitment? Commitment, BudgetRefusal? Refusal)> ApplyPaymentToCommitmentAsync(
        TableClient table, BudgetKey key, JournalEntry entry, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            await PauseAsync(key, attempt, cancellationToken);
            if (await PayOnCommitmentOnceAsync(table, key, entry, cancellationToken) is { } step)
            {
                return step;
            }
        }
    }

    /// <summary>One read-decide-write of <see cref="ApplyPaymentToCommitmentAsync"/>; null when the write met a newer ETag (read again).</summary>
    private async Task<(PaymentOutcome Outcome, Commitment? Commitment, BudgetRefusal? Refusal)?> PayOnCommitmentOnceAsync(
        TableClient table, BudgetKey key, JournalEntry entry, CancellationToken cancellationToken)
    {
        const PaymentOutcome LookAgain = PaymentOutcome.NotCommitted;
        var commitmentRow = await ReadCommitRowFinishingAsync(table, key, entry.ProposalId, cancellationToken);
        var journal = ReadJournal(commitmentRow);
        if (journal.Any(e => e.Id == entry.Id))
        {
            return (PaymentOutcome.Duplicate, null, null);
        }

        var intent = await ReadAsync(table, key.Code, entry.Id, cancellationToken);
        if (intent is null)
        {
            return (LookAgain, null, null);
        }

        if (intent.GetString(State) != Pending)
        {
            return (PaymentOutcome.Duplicate, null, null);
        }

        if (commitmentRow is null)
        {
            return await TryDeleteAsync(table, intent, cancellationToken)
                ? (PaymentOutcome.NotCommitted, null, BudgetRules.NotCommitted())
                : (LookAgain, null, null);
        }

        var commitment = ToCommitment(commitmentRow);
        var decision = BudgetRules.Pay(commitment, entry.Amount);
        if (!decision.IsAllowed)
        {
            var outcome = decision.Refusal.Code == BudgetRefusalCodes.ExceedsApproved ? PaymentOutcome.ExceedsApproved : PaymentOutcome.NotCommitted;
            return await TryDeleteAsync(table, intent, cancellationToken) ? (outcome, commitment, decision.Refusal) : (LookAgain, null, null);
        }

        commitmentRow[Paid] = decision.Value.Paid;
        WriteJournal(commitmentRow, journal.Append(entry));
        return await TryReplaceAsync(table, commitmentRow, cancellationToken) ? (PaymentOutcome.Paid, decision.Value, null) : null;
    }

    /// <summary>Steps after the commitment row for a payment: the line's paid total, then confirmation.</summary>
    private async Task CompletePaymentAsync(TableClient table, BudgetKey key, JournalEntry entry, CancellationToken cancellationToken)
    {
        await AddPaymentToLineAsync(table, key, entry, cancellationToken);
        await ConfirmPaymentAsync(table, key, entry, cancellationToken);
        await RemoveFromCommitmentAsync(table, key, entry.ProposalId, entry.Id, cancellationToken);
        await RemoveFromLineAsync(table, key, entry.Id, cancellationToken);
    }

    /// <summary>Adds the payment to the line's paid total with its journal entry, unless the line lists it or the intent is applied.</summary>
    private async Task AddPaymentToLineAsync(TableClient table, BudgetKey key, JournalEntry entry, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            await PauseAsync(key, attempt, cancellationToken);
            var line = await ReadAsync(table, key.Code, LineKey, cancellationToken);
            var journal = ReadJournal(line);
            if (journal.Any(e => e.Id == entry.Id))
            {
                return;
            }

            var intent = await ReadAsync(table, key.Code, entry.Id, cancellationToken);
            if (intent?.GetString(State) == Applied)
            {
                return;
            }

            if (await TryWriteLineAsync(table, key, line, BudgetRules.RecordPayment(ToLine(key, line), entry.Amount), journal.Append(entry), null, cancellationToken))
            {
                return;
            }
        }
    }

    /// <summary>Marks the payment's intent row applied (recreating it from the entry if a refusing call deleted it).</summary>
    private async Task ConfirmPaymentAsync(TableClient table, BudgetKey key, JournalEntry entry, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            await PauseAsync(key, attempt, cancellationToken);
            var row = await ReadAsync(table, key.Code, entry.Id, cancellationToken);
            if (row is null ? await TryAddAsync(table, PaymentRow(key.Code, entry, Applied), cancellationToken) : row.GetString(State) == Applied)
            {
                return;
            }

            if (row is not null)
            {
                row[State] = Applied;
                if (await TryReplaceAsync(table, row, cancellationToken))
                {
                    return;
                }
            }
        }
    }

    /// <summary>Returns a released commitment's unpaid amount to the line (once), then confirms it on the commitment row.</summary>
    private async Task ApplyReleaseAsync(TableClient table, BudgetKey key, string proposalId, long amount, string by, CancellationToken cancellationToken)
    {
        var id = ReleaseKey(proposalId);
        var rowKey = CommitKey(proposalId);
        for (var attempt = 0; ; attempt++)
        {
            await PauseAsync(key, attempt, cancellationToken);
            var line = await ReadAsync(table, key.Code, LineKey, cancellationToken);
            var journal = ReadJournal(line);
            if (journal.Any(e => e.Id == id))
            {
                break;
            }

            var row = await ReadAsync(table, key.Code, rowKey, cancellationToken);
            if (row?.GetBoolean(ReleaseApplied) != false)
            {
                break;
            }

            var entry = new JournalEntry(id, JournalEntry.ReleaseOp, proposalId, amount, by, time.GetUtcNow());
            if (await TryWriteLineAsync(table, key, line, BudgetRules.Return(ToLine(key, line), amount), journal.Append(entry), null, cancellationToken))
            {
                break;
            }
        }

        await FinishReleaseAsync(table, key, proposalId, cancellationToken);
    }

    private async Task FinishReleaseAsync(TableClient table, BudgetKey key, string proposalId, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            await PauseAsync(key, attempt, cancellationToken);
            var row = await ReadAsync(table, key.Code, CommitKey(proposalId), cancellationToken);
            if (row is null || row.GetBoolean(ReleaseApplied) != false)
            {
                break;
            }

            row[ReleaseApplied] = true;
            if (await TryReplaceAsync(table, row, cancellationToken))
            {
                break;
            }
        }

        await RemoveFromLineAsync(table, key, ReleaseKey(proposalId), cancellationToken);
    }

    /// <summary>Finishes a journal entry found on the line (a crashed call's).</summary>
    private Task FinishAsync(TableClient table, BudgetKey key, JournalEntry entry, CancellationToken cancellationToken) => entry.Op switch
    {
        JournalEntry.CommitOp => FinishCommitAsync(table, key, entry, cancellationToken),
        JournalEntry.PaymentOp => CompletePaymentAsync(table, key, entry, cancellationToken),
        JournalEntry.ReleaseOp => FinishReleaseAsync(table, key, entry.ProposalId, cancellationToken),
        JournalEntry.AdjustOp => FinishAdjustAsync(table, key, entry, cancellationToken),
        _ => throw new InvalidOperationException($"Unknown budget journal operation '{entry.Op}'."),
    };

    /// <summary>Removes an entry from the line's journal (If-Match, retried); the line as it is afterwards.</summary>
    private async Task<BudgetLine> RemoveFromLineAsync(TableClient table, BudgetKey key, string id, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            await PauseAsync(key, attempt, cancellationToken);
            var line = await ReadAsync(table, key.Code, LineKey, cancellationToken);
            var journal = ReadJournal(line);
            var budget = ToLine(key, line);
            if (!journal.Any(e => e.Id == id)
                || await TryWriteLineAsync(table, key, line, budget, journal.Where(e => e.Id != id), null, cancellationToken))
            {
                return budget;
            }
        }
    }

    private async Task RemoveFromCommitmentAsync(TableClient table, BudgetKey key, string proposalId, string id, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            await PauseAsync(key, attempt, cancellationToken);
            var row = await ReadAsync(table, key.Code, CommitKey(proposalId), cancellationToken);
            var journal = ReadJournal(row);
            if (row is null || !journal.Any(e => e.Id == id))
            {
                return;
            }

            WriteJournal(row, journal.Where(e => e.Id != id));
            if (await TryReplaceAsync(table, row, cancellationToken))
            {
                return;
            }
        }
    }

    private static async Task<Commitment?> ReadCommitmentAsync(TableClient table, string partition, string proposalId, CancellationToken cancellationToken)
    {
        var row = await ReadAsync(table, partition, CommitKey(proposalId), cancellationToken);
        return row is null || row.GetString(State) == Pending ? null : ToCommitment(row);
    }

    /// <summary>Writes the line (insert when it was absent, else If-Match the version read); false on a conflict.</summary>
    private async Task<bool> TryWriteLineAsync(TableClient table, BudgetKey key, TableEntity? read, BudgetLine line, IEnumerable<JournalEntry> journal,
        Action<TableEntity>? also, CancellationToken cancellationToken)
    {
        var entity = read ?? new TableEntity(key.Code, LineKey)
        {
            ["Year"] = key.Year,
            ["FundingSource"] = key.FundingSource.ToCode(),
        };
        SetLine(entity, line);
        WriteJournal(entity, journal);
        entity["ChangedAt"] = time.GetUtcNow();
        also?.Invoke(entity);
        return read is null ? await TryAddAsync(table, entity, cancellationToken) : await TryReplaceAsync(table, entity, cancellationToken);
    }

    private bool IsStale(JournalEntry entry) => IsStale(entry.At);

    private bool IsStale(DateTimeOffset? at) => at is { } value && time.GetUtcNow() - value > StaleAfter;

    /// <summary>Before a retry: a short random wait that grows with the attempts (spreads contenders); gives up after <see cref="MaxAttempts"/>.</summary>
    private async Task PauseAsync(BudgetKey key, int attempt, CancellationToken cancellationToken)
    {
        if (attempt == 0)
        {
            return;
        }

        if (attempt >= MaxAttempts)
        {
            LogGaveUp(logger, key.Code, attempt);
            throw new InvalidOperationException($"Budget {key.Code}: gave up after {attempt} conflicting writes.");
        }

#pragma warning disable CA5394 // Jitter, not security.
        var milliseconds = Random.Shared.Next(1, 2 + Math.Min(40, attempt * 4));
#pragma warning restore CA5394
        await Task.Delay(TimeSpan.FromMilliseconds(milliseconds), time, cancellationToken);
    }
}
