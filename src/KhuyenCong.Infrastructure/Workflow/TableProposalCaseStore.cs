using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Azure;
using Azure.Data.Tables;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Infrastructure.Storage;
using static KhuyenCong.Infrastructure.Storage.ConditionalWrites;

namespace KhuyenCong.Infrastructure.Workflow;

/// <summary>
/// The workflow's records in the proposal's partition of table <c>Proposals</c> (see docs/storage.md): one row per
/// screening round, review, verdict, approval round, report, and one for the contract and the acceptance. Each row holds
/// its record as JSON in <c>Data</c>; first-decision-wins changes are conditional inserts or ETag-conditional updates.
/// </summary>
public sealed class TableProposalCaseStore(StorageTables storage) : IProposalCaseStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private const string ScreeningPrefix = "screening-";
    private const string ReviewPrefix = "review-";
    private const string VerdictPrefix = "verdict-";
    private const string ApprovalPrefix = "approval-";
    private const string ReportPrefix = "report-";
    private const string ContractKey = "contract";
    private const string AcceptanceKey = "acceptance";

    public async Task<ProposalCase> GetAsync(string proposalId, CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken);
        var rows = new List<TableEntity>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {proposalId} and RowKey ge {"a"} and RowKey lt {"z"}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            rows.Add(row);
        }

        return new ProposalCase(
            proposalId,
            ReadAll<ScreeningRecord>(rows, ScreeningPrefix).OrderBy(s => s.Round).ToList(),
            ReadAll<ReviewRecord>(rows, ReviewPrefix).OrderBy(r => r.Round).ThenBy(r => r.InvitedAt).ThenBy(r => r.ReviewerId, StringComparer.Ordinal).ToList(),
            ReadAll<VerdictRecord>(rows, VerdictPrefix).OrderBy(v => v.Round).ToList(),
            ReadAll<ApprovalRecord>(rows, ApprovalPrefix).OrderBy(a => a.Round).ToList(),
            ReadOne<ContractRecord>(rows, ContractKey),
            ReadAll<ProgressReport>(rows, ReportPrefix).OrderBy(r => r.At).ToList(),
            ReadOne<AcceptanceRecord>(rows, AcceptanceKey));
    }

    /// <summary>The records of the rows whose key starts with <paramref name="prefix"/> (one per round, review or report).</summary>
    private static IEnumerable<T> ReadAll<T>(IEnumerable<TableEntity> rows, string prefix) =>
        rows.Where(row => row.RowKey.StartsWith(prefix, StringComparison.Ordinal)).Select(Read<T>);

    /// <summary>The record of the row keyed <paramref name="key"/> (the contract, the acceptance), or null when absent.</summary>
    private static T? ReadOne<T>(IEnumerable<TableEntity> rows, string key)
        where T : class =>
        rows.LastOrDefault(row => row.RowKey == key) is { } row ? Read<T>(row) : null;

    public async Task SaveScreeningAsync(string proposalId, ScreeningRecord screening, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(screening);
        var table = await TableAsync(cancellationToken);
        var key = ScreeningPrefix + Round(screening.Round);
        while (true)
        {
            var existing = await table.GetEntityIfExistsAsync<TableEntity>(proposalId, key, cancellationToken: cancellationToken);
            if (!existing.HasValue)
            {
                if (await TryAddAsync(table, Row(proposalId, key, screening), cancellationToken))
                {
                    return;
                }

                continue;
            }

            // A replayed check never erases a decision already taken on the round.
            var current = Read<ScreeningRecord>(existing.Value!);
            var merged = screening with
            {
                Outcome = current.Outcome ?? screening.Outcome,
                DecidedBy = current.DecidedBy ?? screening.DecidedBy,
                DecidedAt = current.DecidedAt ?? screening.DecidedAt,
                Comment = current.Comment ?? screening.Comment,
                RevisionDueAt = current.RevisionDueAt ?? screening.RevisionDueAt,
                RevisedAt = current.RevisedAt ?? screening.RevisedAt,
            };
            if (await TryReplaceAsync(table, Row(proposalId, key, merged), existing.Value!.ETag, cancellationToken))
            {
                return;
            }
        }
    }

    public Task<bool> DecideScreeningAsync(string proposalId, int round, ScreeningOutcome outcome, string by, string? comment, DateTimeOffset at, CancellationToken cancellationToken) =>
        UpdateAsync<ScreeningRecord>(proposalId, ScreeningPrefix + Round(round),
            s => s.Outcome is not null ? null : s with { Outcome = outcome, DecidedBy = by, DecidedAt = at, Comment = comment },
            cancellationToken);

    public Task<bool> MarkRevisedAsync(string proposalId, int round, DateTimeOffset at, CancellationToken cancellationToken) =>
        UpdateAsync<ScreeningRecord>(proposalId, ScreeningPrefix + Round(round),
            s => s.RevisedAt is not null ? null : s with { RevisedAt = at },
            cancellationToken);

    public async Task InviteAsync(ReviewRecord review, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(review);
        var table = await TableAsync(cancellationToken);
        await TryAddAsync(table, Row(review.ProposalId, ReviewKey(review.Round, review.ReviewerId), review), cancellationToken);
        var current = await GetReviewAsync(review.ProposalId, review.Round, review.ReviewerId, cancellationToken);
        if (current is { IsOpen: true })
        {
            var index = await storage.TableAsync(StorageTables.OpenReviews, cancellationToken);
            await index.UpsertEntityAsync(new TableEntity(OpenPartition, OpenKey(current))
            {
                ["ReviewerId"] = current.ReviewerId,
                ["ProposalId"] = current.ProposalId,
                ["Round"] = current.Round,
                ["InvitedAt"] = current.InvitedAt,
                ["DueAt"] = current.DueAt,
            }, TableUpdateMode.Replace, cancellationToken);
        }
    }

    public async Task<IReadOnlyList<OpenReview>> ListOpenReviewsAsync(CancellationToken cancellationToken)
    {
        var index = await storage.TableAsync(StorageTables.OpenReviews, cancellationToken);
        var open = new List<OpenReview>();
        await foreach (var row in index.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {OpenPartition}"), cancellationToken: cancellationToken))
        {
            open.Add(new OpenReview(row.GetString("ReviewerId"), row.GetString("ProposalId"), row.GetInt32("Round") ?? 1,
                row.GetDateTimeOffset("InvitedAt") ?? default, row.GetDateTimeOffset("DueAt") ?? default));
        }

        return open;
    }

    private const string OpenPartition = "open";

    private static string OpenKey(ReviewRecord review) => review.ReviewerId + "|" + review.ProposalId + "|" + Round(review.Round);

    private async Task CloseOpenReviewAsync(ReviewRecord review, CancellationToken cancellationToken)
    {
        var index = await storage.TableAsync(StorageTables.OpenReviews, cancellationToken);
        await DeleteIfUnchangedAsync(index, OpenPartition, OpenKey(review), ETag.All, cancellationToken);
    }

    public async Task<ReviewRecord?> GetReviewAsync(string proposalId, int round, string reviewerId, CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(proposalId, ReviewKey(round, reviewerId), cancellationToken: cancellationToken);
        return row.HasValue ? Read<ReviewRecord>(row.Value!) : null;
    }

    public async Task<ReviewChange> DecideReviewAsync(ReviewRecord decided, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decided);
        var table = await TableAsync(cancellationToken);
        var key = ReviewKey(decided.Round, decided.ReviewerId);
        while (true)
        {
            var existing = await table.GetEntityIfExistsAsync<TableEntity>(decided.ProposalId, key, cancellationToken: cancellationToken);
            if (!existing.HasValue)
            {
                return new ReviewChange(false, null);
            }

            var current = Read<ReviewRecord>(existing.Value!);
            if (!current.IsOpen)
            {
                await CloseOpenReviewAsync(current, cancellationToken);
                return new ReviewChange(false, current);
            }

            var next = decided with { InvitedAt = current.InvitedAt, DueAt = current.DueAt, ReviewerName = current.ReviewerName };
            if (await TryReplaceAsync(table, Row(decided.ProposalId, key, next), existing.Value!.ETag, cancellationToken))
            {
                await CloseOpenReviewAsync(next, cancellationToken);
                return new ReviewChange(true, next);
            }
        }
    }

    public async Task SaveVerdictAsync(string proposalId, VerdictRecord verdict, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        var table = await TableAsync(cancellationToken);
        await TryAddAsync(table, Row(proposalId, VerdictPrefix + Round(verdict.Round), verdict), cancellationToken);
    }

    public async Task<bool> SaveApprovalAsync(string proposalId, ApprovalRecord approval, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(approval);
        return await TryAddAsync(await TableAsync(cancellationToken), Row(proposalId, ApprovalPrefix + Round(approval.Round), approval), cancellationToken);
    }

    public async Task<bool> SaveContractAsync(string proposalId, ContractRecord contract, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contract);
        return await TryAddAsync(await TableAsync(cancellationToken), Row(proposalId, ContractKey, contract), cancellationToken);
    }

    public async Task AddReportAsync(string proposalId, ProgressReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        await TryAddAsync(await TableAsync(cancellationToken), Row(proposalId, ReportPrefix + report.Id, report), cancellationToken);
    }

    public async Task<bool> SaveAcceptanceAsync(string proposalId, AcceptanceRecord acceptance, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(acceptance);
        return await TryAddAsync(await TableAsync(cancellationToken), Row(proposalId, AcceptanceKey, acceptance), cancellationToken);
    }

    private async Task<bool> UpdateAsync<T>(string proposalId, string key, Func<T, T?> change, CancellationToken cancellationToken)
        where T : class
    {
        var table = await TableAsync(cancellationToken);
        while (true)
        {
            var existing = await table.GetEntityIfExistsAsync<TableEntity>(proposalId, key, cancellationToken: cancellationToken);
            if (!existing.HasValue)
            {
                return false;
            }

            var next = change(Read<T>(existing.Value!));
            if (next is null)
            {
                return false;
            }

            if (await TryReplaceAsync(table, Row(proposalId, key, next), existing.Value!.ETag, cancellationToken))
            {
                return true;
            }
        }
    }

    private Task<TableClient> TableAsync(CancellationToken cancellationToken) => storage.TableAsync(StorageTables.Proposals, cancellationToken);

    private static string Round(int round) => round.ToString("D2", CultureInfo.InvariantCulture);

    private static string ReviewKey(int round, string reviewerId) => ReviewPrefix + Round(round) + "-" + reviewerId;

    private static TableEntity Row<T>(string proposalId, string key, T value) => new(proposalId, key) { ["Data"] = JsonSerializer.Serialize(value, Json) };

    private static T Read<T>(TableEntity row) => JsonSerializer.Deserialize<T>(row.GetString("Data") ?? "null", Json)
        ?? throw new InvalidOperationException($"Row {row.RowKey} of proposal {row.PartitionKey} holds no data.");
}
