using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Azure;
using Azure.Data.Tables;
using KhuyenCong.Application.Statistics;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Statistics;
using KhuyenCong.Domain.Text;
using KhuyenCong.Infrastructure.Storage;
using Microsoft.Extensions.Logging;
using static KhuyenCong.Infrastructure.Storage.ConditionalWrites;

namespace KhuyenCong.Infrastructure.Statistics;

/// <summary>
/// Statistics in table <c>Statistics</c>, one partition per year (docs/storage.md, "Statistics"; ADR 0005):
/// <c>contrib-{proposalId}</c> rows hold what each proposal adds (its snapshot, the record version it came from, and
/// the change in flight), <c>cell-{hash}</c> rows hold the sums per combination of the filter dimensions. A change
/// is an intent on the contribution row (one conditional write), then the delta on each cell it touches (one
/// conditional write each, with the intent's id in the cell's journal so it is never added twice), then the
/// confirmation of the contribution row, then the journal entries go. Partition <c>years</c> lists the years that
/// have cells; table <c>StatisticsRuns</c> records each recompute.
/// </summary>
public sealed partial class TableStatisticsStore(StorageTables storage, ITodayGeography geography, TimeProvider time, ILogger<TableStatisticsStore> logger)
    : IStatisticsStore
{
    public const string TableName = StorageTables.Statistics;
    public const string CellsTableName = StorageTables.StatisticsCells;
    public const string RunsTableName = StorageTables.StatisticsRuns;
    public const string YearsPartition = "years";
    public const string ContributionPrefix = "contrib-";
    private const string RunsPartition = "runs";
    private const int MaxAttempts = 200;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
    private readonly ConcurrentDictionary<int, bool> yearsKnown = new();

    public async Task<bool> RefreshAsync(string proposalId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(proposalId);
        var record = await ReadRecordAsync(proposalId, cancellationToken);
        return record is not null && await RefreshAsync(record.Snapshot.Year, proposalId, cancellationToken);
    }

    public async Task<bool> RefreshAsync(int year, string proposalId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(proposalId);
        var table = await storage.TableAsync(TableName, cancellationToken);
        var partition = Partition(year);
        var rowKey = ContributionPrefix + proposalId;
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            // The contribution first, then the record: a write conditional on the contribution's ETag is then based on
            // a record read made after the contribution's last change, so a slow, stale refresh can never win.
            var found = await table.GetEntityIfExistsAsync<TableEntity>(partition, rowKey, cancellationToken: cancellationToken);
            var contribution = found.HasValue ? found.Value : null;
            if (contribution is not null && IsPending(contribution))
            {
                await CompleteAsync(table, await CellsAsync(cancellationToken), contribution, cancellationToken);
                continue;
            }

            var record = await ReadRecordAsync(proposalId, cancellationToken);
            var target = record is not null && record.Snapshot.Year == year ? record.Snapshot : null;
            var current = contribution is null ? null : ReadSnapshot(contribution.GetString("Snapshot"));
            var storedVersion = contribution?.GetDateTimeOffset("Version");
            if (target is not null && storedVersion > record!.Version)
            {
                return false; // a refresh that read a newer record has already written it
            }

            if (Equals(current, target))
            {
                if (contribution is null || target is null || storedVersion == record!.Version)
                {
                    return false;
                }

                contribution["Version"] = record.Version;
                if (await TryWriteAsync(() => table.UpdateEntityAsync(contribution, contribution.ETag, TableUpdateMode.Replace, cancellationToken)) is null)
                {
                    await BackOffAsync(attempt, cancellationToken);
                    continue;
                }

                return false;
            }

            var intent = contribution ?? new TableEntity(partition, rowKey) { ["ProposalId"] = proposalId, ["Snapshot"] = string.Empty };
            intent["PendingOp"] = Guid.NewGuid().ToString("N");
            intent["PendingTo"] = target is null ? string.Empty : WriteSnapshot(target);
            intent["PendingVersion"] = record?.Version;
            intent["PendingAt"] = time.GetUtcNow();
            var written = contribution is null
                ? await TryWriteAsync(() => table.AddEntityAsync(intent, cancellationToken))
                : await TryWriteAsync(() => table.UpdateEntityAsync(intent, contribution.ETag, TableUpdateMode.Replace, cancellationToken));
            if (written is null)
            {
                await BackOffAsync(attempt, cancellationToken);
                continue;
            }

            intent.ETag = written.Value;
            await CompleteAsync(table, await CellsAsync(cancellationToken), intent, cancellationToken);
            return true;
        }

        LogGaveUp(logger, year, MaxAttempts);
        throw new InvalidOperationException($"Statistics of year {year}: gave up after {MaxAttempts} conflicting writes.");
    }

    /// <summary>
    /// Finishes the change in flight on <paramref name="contribution"/>: the delta on each cell (skipped where the
    /// cell's journal already lists it), then the confirmation, then the journal entries go. False when another caller
    /// finished it meanwhile.
    /// </summary>
    private async Task<bool> CompleteAsync(TableClient table, TableClient cells, TableEntity contribution, CancellationToken cancellationToken)
    {
        var op = contribution.GetString("PendingOp");
        var from = ReadSnapshot(contribution.GetString("Snapshot"));
        var to = ReadSnapshot(contribution.GetString("PendingTo"));
        var year = int.Parse(contribution.PartitionKey, CultureInfo.InvariantCulture);
        var changes = StatisticsSnapshot.Delta(from, to);
        if (changes.Count > 0)
        {
            await RegisterYearAsync(year, cancellationToken);
        }

        foreach (var change in changes)
        {
            if (!await ApplyToCellAsync(table, cells, contribution.PartitionKey, contribution.RowKey, op, change, cancellationToken))
            {
                return false;
            }
        }

        var confirmed = new TableEntity(contribution.PartitionKey, contribution.RowKey)
        {
            ["ProposalId"] = contribution.GetString("ProposalId"),
            ["Snapshot"] = contribution.GetString("PendingTo"),
            ["Version"] = contribution.GetDateTimeOffset("PendingVersion"),
        };
        var written = to is null
            ? await TryWriteAsync(() => table.DeleteEntityAsync(contribution.PartitionKey, contribution.RowKey, contribution.ETag, cancellationToken))
            : await TryWriteAsync(() => table.UpdateEntityAsync(confirmed, contribution.ETag, TableUpdateMode.Replace, cancellationToken));
        if (written is null)
        {
            return false; // confirmed by another caller, which also clears the journals
        }

        foreach (var change in changes)
        {
            await RemoveFromJournalAsync(cells, contribution.PartitionKey, change.Key.RowKey, op, cancellationToken);
        }

        return true;
    }

    private async Task<bool> ApplyToCellAsync(TableClient table, TableClient cells, string partition, string contributionKey, string op, StatisticsCellChange change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var found = await cells.GetEntityIfExistsAsync<TableEntity>(partition, change.Key.RowKey, cancellationToken: cancellationToken);
            var cell = found.HasValue ? found.Value : null;
            var journal = Journal(cell);
            if (journal.Contains(op))
            {
                return true;
            }

            // Read the intent again, after the cell: still pending means the delta was not in the cell when it was read;
            // if another caller adds it after that read, the cell's ETag changes and the write below is refused.
            var intent = await table.GetEntityIfExistsAsync<TableEntity>(partition, contributionKey, cancellationToken: cancellationToken);
            if (!intent.HasValue || intent.Value!.GetString("PendingOp") != op)
            {
                return false;
            }

            var measures = cell is null ? new StatisticsMeasures() : ReadMeasures(cell);
            measures.Add(change.Measures);
            var row = CellRow(partition, change.Key, cell?.GetString("Commune") ?? change.Commune, cell?.GetString("Sector") ?? change.Sector, measures, [.. journal, op]);
            var written = cell is null
                ? await TryWriteAsync(() => cells.AddEntityAsync(row, cancellationToken))
                : await TryWriteAsync(() => cells.UpdateEntityAsync(row, cell.ETag, TableUpdateMode.Replace, cancellationToken));
            if (written is not null)
            {
                return true;
            }

            await BackOffAsync(attempt, cancellationToken);
        }

        LogGaveUp(logger, int.Parse(partition, CultureInfo.InvariantCulture), MaxAttempts);
        throw new InvalidOperationException($"Statistics of year {partition}: gave up after {MaxAttempts} conflicting writes.");
    }

    private async Task RemoveFromJournalAsync(TableClient table, string partition, string cellKey, string op, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var found = await table.GetEntityIfExistsAsync<TableEntity>(partition, cellKey, cancellationToken: cancellationToken);
            if (!found.HasValue)
            {
                return;
            }

            var cell = found.Value!;
            var journal = Journal(cell);
            if (!journal.Remove(op))
            {
                return;
            }

            cell["Journal"] = string.Join(' ', journal);
            if (await TryWriteAsync(() => table.UpdateEntityAsync(cell, cell.ETag, TableUpdateMode.Replace, cancellationToken)) is not null)
            {
                return;
            }

            await BackOffAsync(attempt, cancellationToken);
        }
    }

    public async Task<IReadOnlyList<StatisticsCell>> QueryAsync(StatisticsFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var table = await CellsAsync(cancellationToken);
        var years = (await YearsAsync(table, cancellationToken)).Where(filter.Includes).ToList();
        var dimensions = DimensionConditions(filter);
        var queries = new List<List<string>>();
        if (filter.Decided is { } period)
        {
            // yyyy-MM-dd sorts as the date; cells of undecided proposals and payment cells have no Decided column and never match.
            queries.Add([.. dimensions, DecidedIn(period)]);
            if (filter.PaidIn is { } paidIn)
            {
                queries.Add([.. dimensions, PaidIn(paidIn)]);
            }
        }
        else
        {
            queries.Add(dimensions);
        }

        var perYear = await Task.WhenAll(years.SelectMany(year => queries.Select(async conditions =>
        {
            var cells = new List<StatisticsCell>();
            await foreach (var row in table.QueryAsync<TableEntity>(CellsOf(year, conditions), cancellationToken: cancellationToken))
            {
                cells.Add(ReadCell(row));
            }

            return cells;
        })));

        // Payment cells count only for the payment period (ADR 0029); the rest is already what the query asked.
        return perYear.SelectMany(c => c).Where(c => filter.Matches(c.Key)).ToList();
    }

    private static string DecidedIn(Domain.Reports.ReportingPeriod period) =>
        TableClient.CreateQueryFilter($"Decided ge {StatisticsCellKey.DecidedCode(period.From)} and Decided le {StatisticsCellKey.DecidedCode(period.To)}");

    private static string PaidIn(Domain.Reports.ReportingPeriod period) =>
        TableClient.CreateQueryFilter($"PaidOn ge {StatisticsCellKey.DecidedCode(period.From)} and PaidOn le {StatisticsCellKey.DecidedCode(period.To)}");

    /// <summary>The conditions on the cells' dimension columns for the filter's source, kind, province, commune and sector.</summary>
    private static List<string> DimensionConditions(StatisticsFilter filter)
    {
        var conditions = new List<string>();
        if (filter.FundingSource is { } source)
        {
            conditions.Add(TableClient.CreateQueryFilter($"FundingSource eq {source.ToCode()}"));
        }

        if (filter.Kind is { } kind)
        {
            conditions.Add(TableClient.CreateQueryFilter($"Kind eq {kind.ToCode()}"));
        }

        if (filter.Province is { } province)
        {
            conditions.Add(TableClient.CreateQueryFilter($"Province eq {province}"));
        }

        if (filter.Commune is { } commune)
        {
            conditions.Add(TableClient.CreateQueryFilter($"CommuneKey eq {commune}"));
        }

        if (filter.Sector is { } sector)
        {
            conditions.Add(TableClient.CreateQueryFilter($"SectorKey eq {sector}"));
        }

        return conditions;
    }

    private static HashSet<string> Ids(SortedDictionary<int, HashSet<string>> byYear, int year)
    {
        if (!byYear.TryGetValue(year, out var ids))
        {
            ids = new HashSet<string>(StringComparer.Ordinal);
            byYear[year] = ids;
        }

        return ids;
    }

    private static async Task<Dictionary<string, TableEntity>> ContributionsAsync(TableClient table, int year, CancellationToken cancellationToken)
    {
        var partition = Partition(year);
        var rows = new Dictionary<string, TableEntity>(StringComparer.Ordinal);
        await foreach (var row in table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {ContributionPrefix} and RowKey lt {"contrib."}"), cancellationToken: cancellationToken))
        {
            rows[row.RowKey[ContributionPrefix.Length..]] = row;
        }

        return rows;
    }

    private static async Task<IReadOnlyList<int>> YearsAsync(TableClient table, CancellationToken cancellationToken)
    {
        var years = new List<int>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {YearsPartition}"), select: ["RowKey"], cancellationToken: cancellationToken))
        {
            if (int.TryParse(row.RowKey, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
            {
                years.Add(year);
            }
        }

        return years;
    }

    private async Task RegisterYearAsync(int year, CancellationToken cancellationToken)
    {
        if (yearsKnown.ContainsKey(year))
        {
            return;
        }

        var table = await CellsAsync(cancellationToken);
        await table.UpsertEntityAsync(new TableEntity(YearsPartition, Partition(year)), TableUpdateMode.Merge, cancellationToken);
        yearsKnown[year] = true;
    }

    private Task<TableClient> CellsAsync(CancellationToken cancellationToken) => storage.TableAsync(CellsTableName, cancellationToken);

    private Task BackOffAsync(int attempt, CancellationToken cancellationToken) =>
        Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 2 + Math.Min(50, attempt * 5))), time, cancellationToken);

    [LoggerMessage(EventId = 5001, Level = LogLevel.Error, Message = "Statistics of year {Year}: gave up after {Attempts} conflicting writes")]
    private static partial void LogGaveUp(ILogger logger, int year, int attempts);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Information,
        Message = "Statistics recomputed: {Years} years, {Proposals} proposals; corrected {Contributions} contributions and {Cells} cells, removed {Removed} empty cells")]
    private static partial void LogRecomputed(ILogger logger, int years, int proposals, int contributions, int cells, int removed);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Error, Message = "Statistics recompute failed: {ErrorType}")]
    private static partial void LogRecomputeFailed(ILogger logger, string errorType);
}
