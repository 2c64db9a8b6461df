using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using KhuyenCong.Application.Appraisal;
using KhuyenCong.Domain.Activities;
using KhuyenCong.Domain.Appraisal;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Infrastructure.Storage;
using Microsoft.Extensions.Logging;
using static KhuyenCong.Infrastructure.Storage.ConditionalWrites;

namespace KhuyenCong.Infrastructure.Appraisal;

/// <summary>
/// The roster in table <c>Reviewers</c>: one partition (<c>roster</c>; a province has tens to a few hundred
/// reviewers, and choosing reviewers reads them all), one row per reviewer keyed by id, holding the details and the
/// open-review counter. Every change is a single write to one row: details with a merge that leaves the counter
/// alone, the counter with a conditional write on the row's ETag, retried on conflict.
/// </summary>
public sealed partial class TableReviewerRoster(StorageTables storage, TimeProvider time, ILogger<TableReviewerRoster> logger) : IReviewerRoster
{
    public const string Partition = "roster";

    /// <summary>How many recent operation ids a row remembers to make counter changes idempotent.</summary>
    public const int RememberedOperations = 200;

    private const int MaxAttempts = 100;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<IReadOnlyList<RosterEntry>> ListAsync(CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(StorageTables.Reviewers, cancellationToken);
        var entries = new List<RosterEntry>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"), cancellationToken: cancellationToken))
        {
            entries.Add(FromEntity(row));
        }

        return entries
            .OrderBy(e => ReviewerValidator.MatchKey(e.Reviewer.Name), StringComparer.Ordinal)
            .ThenBy(e => e.Reviewer.Id, StringComparer.Ordinal)
            .ToList();
    }

    public async Task<RosterEntry?> GetAsync(string reviewerId, CancellationToken cancellationToken)
    {
        if (!IsKey(reviewerId))
        {
            return null;
        }

        var table = await storage.TableAsync(StorageTables.Reviewers, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition, reviewerId, cancellationToken: cancellationToken);
        return row.HasValue ? FromEntity(row.Value!) : null;
    }

    public async Task CreateAsync(Reviewer reviewer, string changedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reviewer);
        if (!IsKey(reviewer.Id))
        {
            throw new ArgumentException("The reviewer id is not a valid key.", nameof(reviewer));
        }

        var table = await storage.TableAsync(StorageTables.Reviewers, cancellationToken);
        var entity = Details(reviewer, changedBy);
        entity["OpenReviews"] = 0;
        entity["RecentOperations"] = "[]";
        entity["CreatedAt"] = time.GetUtcNow();
        if (!await TryAddAsync(table, entity, cancellationToken))
        {
            throw new InvalidOperationException("A reviewer with this id exists already.");
        }

        LogCreated(logger, reviewer.Id);
    }

    public async Task<RosterEntry?> UpdateAsync(Reviewer reviewer, string changedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reviewer);
        if (!IsKey(reviewer.Id))
        {
            return null;
        }

        if (!await MergeAsync(Details(reviewer, changedBy), cancellationToken))
        {
            return null;
        }

        LogUpdated(logger, reviewer.Id, reviewer.Active);
        return await GetAsync(reviewer.Id, cancellationToken);
    }

    public async Task<RosterEntry?> DeactivateAsync(string reviewerId, string changedBy, CancellationToken cancellationToken)
    {
        if (!IsKey(reviewerId))
        {
            return null;
        }

        var change = new TableEntity(Partition, reviewerId) { ["Active"] = false, ["ChangedBy"] = changedBy, ["ChangedAt"] = time.GetUtcNow() };
        if (!await MergeAsync(change, cancellationToken))
        {
            return null;
        }

        LogDeactivated(logger, reviewerId);
        return await GetAsync(reviewerId, cancellationToken);
    }

    public async Task<int?> AdjustOpenReviewsAsync(string reviewerId, int delta, string? operationId, CancellationToken cancellationToken)
    {
        if (!IsKey(reviewerId))
        {
            return null;
        }

        var table = await storage.TableAsync(StorageTables.Reviewers, cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            var read = await table.GetEntityIfExistsAsync<TableEntity>(Partition, reviewerId, select: ["OpenReviews", "RecentOperations"], cancellationToken: cancellationToken);
            if (!read.HasValue)
            {
                return null;
            }

            var row = read.Value!;
            var (count, change) = CounterChange(row, reviewerId, delta, operationId);
            if (change is null)
            {
                return count;
            }

            // Conditional on the ETag read above: a concurrent change (or removal) refuses it, and we read again.
            if (await UpdateIfUnchangedAsync(table, change, row.ETag, TableUpdateMode.Merge, cancellationToken) is not null)
            {
                if (attempt > 1)
                {
                    LogCounterRetried(logger, reviewerId, attempt);
                }

                return count;
            }

            await BackOffCounterAsync(reviewerId, operationId, attempt, cancellationToken);
        }
    }

    /// <summary>
    /// The counter after <paramref name="delta"/> (never below 0) and the merge that writes it with the operation
    /// remembered; no merge (and the current count) when the operation was already counted.
    /// </summary>
    private static (int Count, TableEntity? Change) CounterChange(TableEntity row, string reviewerId, int delta, string? operationId)
    {
        var current = row.GetInt32("OpenReviews") ?? 0;
        var operations = JsonSerializer.Deserialize<List<string>>(row.GetString("RecentOperations") ?? "[]", Json) ?? [];
        if (operationId is not null && operations.Contains(operationId, StringComparer.Ordinal))
        {
            return (current, null);
        }

        var next = Math.Max(0, current + delta);
        if (operationId is not null)
        {
            operations.Add(operationId);
            if (operations.Count > RememberedOperations)
            {
                operations.RemoveRange(0, operations.Count - RememberedOperations);
            }
        }

        return (next, new TableEntity(Partition, reviewerId)
        {
            ["OpenReviews"] = next,
            ["RecentOperations"] = JsonSerializer.Serialize(operations, Json),
        });
    }

    /// <summary>Waits before the next attempt at the counter, or gives up after <see cref="MaxAttempts"/>.</summary>
    private Task BackOffCounterAsync(string reviewerId, string? operationId, int attempt, CancellationToken cancellationToken)
    {
        if (attempt >= MaxAttempts)
        {
            throw new InvalidOperationException($"The open-review counter of reviewer {reviewerId} kept changing: {MaxAttempts} attempts failed.");
        }

        // Spread the retries of competing writers (jitter from the attempt and a per-call hash, no shared state).
        var jitter = (int)((uint)HashCode.Combine(reviewerId, operationId, attempt, Environment.CurrentManagedThreadId) % 20);
        return Task.Delay(TimeSpan.FromMilliseconds(Math.Min(5 * attempt, 100) + jitter), time, cancellationToken);
    }

    private async Task<bool> MergeAsync(TableEntity change, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(StorageTables.Reviewers, cancellationToken);
        // If-Match: * — the row must exist; merge leaves the counter and the operations as they are.
        return await UpdateIfUnchangedAsync(table, change, ETag.All, TableUpdateMode.Merge, cancellationToken) is not null;
    }

    private TableEntity Details(Reviewer r, string changedBy) => new(Partition, r.Id)
    {
        ["Name"] = r.Name,
        ["Email"] = r.Email,
        ["Phone"] = r.Phone ?? string.Empty,
        ["Organization"] = r.Organization,
        ["Kinds"] = JsonSerializer.Serialize(r.Kinds.Select(k => k.ToCode()), Json),
        ["Sectors"] = JsonSerializer.Serialize(r.Sectors, Json),
        ["DeclaredTaxCodes"] = JsonSerializer.Serialize(r.DeclaredTaxCodes, Json),
        ["DeclaredOrganizations"] = JsonSerializer.Serialize(r.DeclaredOrganizations, Json),
        ["Active"] = r.Active,
        ["ChangedBy"] = changedBy,
        ["ChangedAt"] = time.GetUtcNow(),
    };

    private static RosterEntry FromEntity(TableEntity e)
    {
        List<string> List(string name) => JsonSerializer.Deserialize<List<string>>(e.GetString(name) ?? "[]", Json) ?? [];
        var kinds = List("Kinds").Select(code => ProposalKinds.TryParse(code, out var kind) ? kind : (ProposalKind?)null)
            .OfType<ProposalKind>().ToList();
        var reviewer = new Reviewer(
            e.RowKey,
            e.GetString("Name") ?? string.Empty,
            e.GetString("Email") ?? string.Empty,
            e.GetString("Phone") is { Length: > 0 } phone ? phone : null,
            e.GetString("Organization") ?? string.Empty,
            kinds,
            List("Sectors"),
            List("DeclaredTaxCodes"),
            List("DeclaredOrganizations"),
            e.GetBoolean("Active") ?? true);
        return new RosterEntry(reviewer, e.GetInt32("OpenReviews") ?? 0);
    }

    /// <summary>Ids are ours (32 hex digits); anything else cannot be a row key and is treated as unknown.</summary>
    private static bool IsKey(string? id) => id is { Length: > 0 and <= 64 } && id.All(char.IsAsciiLetterOrDigit);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Reviewer {ReviewerId} added to the roster")]
    private static partial void LogCreated(ILogger logger, string reviewerId);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "Reviewer {ReviewerId} updated (active: {Active})")]
    private static partial void LogUpdated(ILogger logger, string reviewerId, bool active);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Information, Message = "Reviewer {ReviewerId} deactivated")]
    private static partial void LogDeactivated(ILogger logger, string reviewerId);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Debug, Message = "Reviewer {ReviewerId}: open-review counter written after {Attempts} attempts")]
    private static partial void LogCounterRetried(ILogger logger, string reviewerId, int attempts);
}
