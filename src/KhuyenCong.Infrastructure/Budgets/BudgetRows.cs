using System.Text.Json;
using Azure.Data.Tables;
using KhuyenCong.Application.Budgets;
using KhuyenCong.Domain.Budgets;

namespace KhuyenCong.Infrastructure.Budgets;

/// <summary>
/// A change applied to a row that serialises changes (the budget's <c>line</c> row, or a proposal's commitment row)
/// and not yet confirmed on the row that makes it idempotent. It holds everything needed to finish the change.
/// </summary>
/// <param name="Id">The row key of the row it is confirmed on (<c>commit-…</c>, <c>payment-…</c>), or <c>release-{proposalId}</c>.</param>
/// <param name="Op"><c>commit</c>, <c>payment</c> or <c>release</c>.</param>
internal sealed record JournalEntry(
    string Id,
    string Op,
    string ProposalId,
    long Amount,
    string By,
    DateTimeOffset At,
    string? PaymentId = null,
    string? PaymentKind = null,
    long RemainingAfter = 0,
    bool Allocates = false)
{
    public const string CommitOp = "commit";
    public const string PaymentOp = "payment";
    public const string ReleaseOp = "release";

    /// <summary>An adjustment: <see cref="Amount"/> is the change (below 0 lowers), <see cref="Allocates"/> moves the allocation with it.</summary>
    public const string AdjustOp = "adjust";
}

/// <summary>The row keys, property names and states of table <c>Budgets</c>, and the few storage calls the ledger makes.</summary>
internal static class BudgetRows
{
    public const string LineKey = "line";
    public const string Pending = "pending";
    public const string Applied = "applied";
    public const string Released = "released";
    public const string Refused = "refused";

    public const string State = nameof(State);
    public const string ProposalId = nameof(ProposalId);
    public const string PaymentId = nameof(PaymentId);
    public const string Kind = nameof(Kind);
    public const string Amount = nameof(Amount);
    public const string Approved = nameof(Approved);
    public const string Paid = nameof(Paid);
    public const string Allocated = nameof(Allocated);
    public const string Committed = nameof(Committed);
    public const string Journal = nameof(Journal);
    public const string RemainingAfter = nameof(RemainingAfter);
    public const string Returned = nameof(Returned);
    public const string ReleaseApplied = nameof(ReleaseApplied);
    public const string By = nameof(By);
    public const string At = nameof(At);
    public const string ReleasedBy = nameof(ReleasedBy);
    public const string ReleasedAt = nameof(ReleasedAt);
    public const string Allocates = nameof(Allocates);
    public const string Delta = nameof(Delta);
    public const string RefusalCode = nameof(RefusalCode);
    public const string RefusalVi = nameof(RefusalVi);
    public const string RefusalEn = nameof(RefusalEn);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    public static string CommitKey(string proposalId) => "commit-" + proposalId;

    public static string PaymentKey(string paymentId) => "payment-" + paymentId;

    public static string ReleaseKey(string proposalId) => "release-" + proposalId;

    public static string AdjustKey(string adjustmentId) => "adjust-" + adjustmentId;

    public static TableEntity AdjustRow(string partition, JournalEntry entry, string state) =>
        new(partition, entry.Id)
        {
            [ProposalId] = entry.ProposalId,
            [Delta] = entry.Amount,
            [Allocates] = entry.Allocates,
            [State] = state,
            [By] = entry.By,
            [At] = entry.At,
        };

    public static JournalEntry AdjustEntry(TableEntity adjustRow) => new(
        adjustRow.RowKey,
        JournalEntry.AdjustOp,
        adjustRow.GetString(ProposalId) ?? string.Empty,
        adjustRow.GetInt64(Delta) ?? 0,
        adjustRow.GetString(By) ?? string.Empty,
        adjustRow.GetDateTimeOffset(At) ?? default,
        Allocates: adjustRow.GetBoolean(Allocates) == true);

    /// <summary>Row keys may not hold / \ # ? or control characters; ids are also kept short.</summary>
    public static void ValidateId(string id, string parameterName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id, parameterName);
        if (id.Length > 200 || id.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c)))
        {
            throw new ArgumentException("Ids are 1-200 characters without / \\ # ? or control characters.", parameterName);
        }
    }

    public static IReadOnlyList<JournalEntry> ReadJournal(TableEntity? entity) =>
        entity?.GetString(Journal) is { Length: > 0 } json ? JsonSerializer.Deserialize<List<JournalEntry>>(json, Json) ?? [] : [];

    public static void WriteJournal(TableEntity entity, IEnumerable<JournalEntry> journal)
    {
        var list = journal.ToList();
        entity[Journal] = list.Count == 0 ? string.Empty : JsonSerializer.Serialize(list, Json);
    }

    public static BudgetLine ToLine(BudgetKey key, TableEntity? entity) => entity is null
        ? BudgetLine.Empty(key)
        : new BudgetLine(key, entity.GetInt64(Allocated) ?? 0, entity.GetInt64(Committed) ?? 0, entity.GetInt64(Paid) ?? 0);

    public static void SetLine(TableEntity entity, BudgetLine line)
    {
        entity[Allocated] = line.Allocated;
        entity[Committed] = line.Committed;
        entity[Paid] = line.Paid;
    }

    public static Commitment ToCommitment(TableEntity row) => new(
        row.GetString(ProposalId) ?? string.Empty,
        row.GetInt64(Approved) ?? 0,
        row.GetInt64(Paid) ?? 0,
        row.GetString(State) == Released);

    public static BudgetPayment ToPayment(TableEntity row) => new(
        row.GetString(PaymentId) ?? string.Empty,
        row.GetString(ProposalId) ?? string.Empty,
        PaymentKindCodes.TryParse(row.GetString(Kind), out var kind) ? kind : PaymentKind.Advance,
        row.GetInt64(Amount) ?? 0,
        row.GetString(By) ?? string.Empty,
        row.GetDateTimeOffset(At) ?? default);

    public static BudgetPayment ToPayment(JournalEntry entry) => new(
        entry.PaymentId ?? string.Empty,
        entry.ProposalId,
        PaymentKindCodes.TryParse(entry.PaymentKind, out var kind) ? kind : PaymentKind.Advance,
        entry.Amount,
        entry.By,
        entry.At);

    public static TableEntity CommitRow(string partition, string proposalId, string state, long approved, string by, DateTimeOffset at) =>
        new(partition, CommitKey(proposalId))
        {
            [ProposalId] = proposalId,
            [State] = state,
            [Approved] = approved,
            [Paid] = 0L,
            [By] = by,
            [At] = at,
        };

    public static TableEntity PaymentRow(string partition, JournalEntry entry, string state) =>
        new(partition, PaymentKey(entry.PaymentId!))
        {
            [PaymentId] = entry.PaymentId,
            [ProposalId] = entry.ProposalId,
            [Kind] = entry.PaymentKind,
            [Amount] = entry.Amount,
            [State] = state,
            [By] = entry.By,
            [At] = entry.At,
        };

    public static JournalEntry PaymentEntry(TableEntity paymentRow) => new(
        paymentRow.RowKey,
        JournalEntry.PaymentOp,
        paymentRow.GetString(ProposalId) ?? string.Empty,
        paymentRow.GetInt64(Amount) ?? 0,
        paymentRow.GetString(By) ?? string.Empty,
        paymentRow.GetDateTimeOffset(At) ?? default,
        paymentRow.GetString(PaymentId),
        paymentRow.GetString(Kind));

    public static async Task<TableEntity?> ReadAsync(TableClient table, string partition, string rowKey, CancellationToken cancellationToken)
    {
        var response = await table.GetEntityIfExistsAsync<TableEntity>(partition, rowKey, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }
}
