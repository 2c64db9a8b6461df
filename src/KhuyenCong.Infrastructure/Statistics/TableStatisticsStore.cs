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

        if (filter.Decided is { } period)
        {
            // yyyy-MM-dd sorts as the date; cells of undecided proposals have no Decided column and never match.
            var (first, last) = (StatisticsCellKey.DecidedCode(period.From), StatisticsCellKey.DecidedCode(period.To));
            conditions.Add(TableClient.CreateQueryFilter($"Decided ge {first} and Decided le {last}"));
        }

        var perYear = await Task.WhenAll(years.Select(async year =>
        {
            var cells = new List<StatisticsCell>();
            await foreach (var row in table.QueryAsync<TableEntity>(CellsOf(year, conditions), cancellationToken: cancellationToken))
            {
                cells.Add(ReadCell(row));
            }

            return cells;
        }));
        return perYear.SelectMany(c => c).ToList();
    }

    public async Task<StatisticsRun> RecomputeAsync(string trigger, CancellationToken cancellationToken)
    {
        var started = time.GetUtcNow();
        var id = (DateTimeOffset.MaxValue.UtcTicks - started.UtcTicks).ToString("D19", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8];
        var run = new StatisticsRun { Id = id, StartedAt = started, Outcome = "running", Trigger = trigger };
        try
        {
            run = await RecomputeAllAsync(run, cancellationToken);
            run = run with { Outcome = "completed", FinishedAt = time.GetUtcNow() };
            LogRecomputed(logger, run.Years, run.Proposals, run.ContributionsCorrected, run.CellsCorrected, run.CellsRemoved);
        }
        catch (Exception ex) when (ex is RequestFailedException or InvalidOperationException or TimeoutException)
        {
            run = run with { Outcome = "failed", FinishedAt = time.GetUtcNow(), Error = ex.GetType().Name };
            LogRecomputeFailed(logger, ex.GetType().Name);
            await SaveRunAsync(run, cancellationToken);
            throw;
        }

        await SaveRunAsync(run, cancellationToken);
        return run;
    }

    private async Task<StatisticsRun> RecomputeAllAsync(StatisticsRun run, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableName, cancellationToken);
        var index = await storage.TableAsync(StorageTables.ProposalIndex, cancellationToken);

        // Every proposal, from the year partitions of the index (the nightly job is the one reader allowed to read them all).
        var byYear = new SortedDictionary<int, HashSet<string>>();
        var from = "year-" + StatisticsFilter.MinYear.ToString(CultureInfo.InvariantCulture);
        var to = "year-" + (StatisticsFilter.MaxYear + 1).ToString(CultureInfo.InvariantCulture);
        await foreach (var row in index.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey ge {from} and PartitionKey lt {to}"), select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            if (int.TryParse(row.PartitionKey.AsSpan("year-".Length), NumberStyles.None, CultureInfo.InvariantCulture, out var y))
            {
                Ids(byYear, y).Add(row.RowKey);
            }
        }

        var cellsTable = await CellsAsync(cancellationToken);
        foreach (var y in await YearsAsync(cellsTable, cancellationToken))
        {
            Ids(byYear, y);
        }

        int proposals = 0, contributions = 0, cells = 0, removed = 0;
        foreach (var (year, ids) in byYear)
        {
            var stored = await ContributionsAsync(table, year, cancellationToken);
            ids.UnionWith(stored.Keys);
            proposals += ids.Count;
            await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (proposalId, ct) =>
            {
                if (await RefreshAsync(year, proposalId, ct))
                {
                    Interlocked.Increment(ref contributions);
                }
            });

            var (corrected, emptied) = await RecomputeCellsAsync(table, cellsTable, year, cancellationToken);
            cells += corrected;
            removed += emptied;
        }

        return run with { Years = byYear.Count, Proposals = proposals, ContributionsCorrected = contributions, CellsCorrected = cells, CellsRemoved = removed };
    }

    /// <summary>
    /// Rewrites the year's cells that differ from the sum of its contributions. Cells are read first, then the
    /// contributions; every write is conditional on the ETag of that read, so a refresh that changes a cell meanwhile
    /// makes the write fail and the year is done again; a change in flight is finished first.
    /// </summary>
    private async Task<(int Corrected, int Removed)> RecomputeCellsAsync(TableClient table, TableClient cellsTable, int year, CancellationToken cancellationToken)
    {
        var corrected = new HashSet<string>(StringComparer.Ordinal);
        var removed = new HashSet<string>(StringComparer.Ordinal);
        var partition = Partition(year);
        for (var attempt = 1; attempt <= 50; attempt++)
        {
            var cells = new Dictionary<string, TableEntity>(StringComparer.Ordinal);
            await foreach (var row in cellsTable.QueryAsync<TableEntity>(CellsOf(year, []), cancellationToken: cancellationToken))
            {
                cells[row.RowKey] = row;
            }

            var contributions = await ContributionsAsync(table, year, cancellationToken);
            var pending = contributions.Values.Where(IsPending).ToList();
            if (pending.Count > 0)
            {
                foreach (var p in pending)
                {
                    await CompleteAsync(table, cellsTable, p, cancellationToken);
                }

                continue;
            }

            var expected = new Dictionary<string, StatisticsCellChange>(StringComparer.Ordinal);
            foreach (var c in contributions.Values)
            {
                foreach (var change in StatisticsSnapshot.Delta(null, ReadSnapshot(c.GetString("Snapshot"))))
                {
                    if (expected.TryGetValue(change.Key.RowKey, out var sum))
                    {
                        sum.Measures.Add(change.Measures);
                    }
                    else
                    {
                        expected[change.Key.RowKey] = change;
                    }
                }
            }

            var conflict = false;
            foreach (var key in cells.Keys.Union(expected.Keys, StringComparer.Ordinal).ToList())
            {
                cells.TryGetValue(key, out var cell);
                expected.TryGetValue(key, out var want);
                ETag? written;
                if (want is null)
                {
                    (ReadMeasures(cell!).IsZero ? removed : corrected).Add(key);
                    written = await TryWriteAsync(() => cellsTable.DeleteEntityAsync(partition, key, cell!.ETag, cancellationToken));
                }
                else if (cell is null)
                {
                    corrected.Add(key);
                    written = await TryWriteAsync(() => cellsTable.AddEntityAsync(CellRow(partition, want.Key, want.Commune, want.Sector, want.Measures, []), cancellationToken));
                }
                else if (!ReadMeasures(cell).Equals(want.Measures) || Journal(cell).Count > 0)
                {
                    if (!ReadMeasures(cell).Equals(want.Measures))
                    {
                        corrected.Add(key);
                    }

                    var row = CellRow(partition, want.Key, cell.GetString("Commune") ?? want.Commune, cell.GetString("Sector") ?? want.Sector, want.Measures, []);
                    written = await TryWriteAsync(() => cellsTable.UpdateEntityAsync(row, cell.ETag, TableUpdateMode.Replace, cancellationToken));
                }
                else
                {
                    continue;
                }

                conflict |= written is null;
            }

            if (!conflict)
            {
                if (cells.Count > 0 || expected.Count > 0)
                {
                    await RegisterYearAsync(year, cancellationToken);
                }

                return (corrected.Count, removed.Count);
            }

            await BackOffAsync(attempt, cancellationToken);
        }

        throw new InvalidOperationException($"Statistics of year {year}: the cells kept changing during the recompute.");
    }

    public async Task<IReadOnlyList<StatisticsRun>> ListRunsAsync(int count, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(RunsTableName, cancellationToken);
        var runs = new List<StatisticsRun>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {RunsPartition}"), maxPerPage: Math.Min(count, 1000), cancellationToken: cancellationToken))
        {
            runs.Add(new StatisticsRun
            {
                Id = row.RowKey,
                StartedAt = row.GetDateTimeOffset("StartedAt") ?? default,
                FinishedAt = row.GetDateTimeOffset("FinishedAt"),
                Outcome = row.GetString("Outcome") ?? string.Empty,
                Trigger = row.GetString("Trigger") ?? string.Empty,
                Years = row.GetInt32("Years") ?? 0,
                Proposals = row.GetInt32("Proposals") ?? 0,
                ContributionsCorrected = row.GetInt32("ContributionsCorrected") ?? 0,
                CellsCorrected = row.GetInt32("CellsCorrected") ?? 0,
                CellsRemoved = row.GetInt32("CellsRemoved") ?? 0,
                Error = row.GetString("Error"),
            });
            if (runs.Count >= count)
            {
                break;
            }
        }

        return runs;
    }

    private async Task SaveRunAsync(StatisticsRun run, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(RunsTableName, cancellationToken);
        await table.UpsertEntityAsync(new TableEntity(RunsPartition, run.Id)
        {
            ["StartedAt"] = run.StartedAt,
            ["FinishedAt"] = run.FinishedAt,
            ["Outcome"] = run.Outcome,
            ["Trigger"] = run.Trigger,
            ["Years"] = run.Years,
            ["Proposals"] = run.Proposals,
            ["ContributionsCorrected"] = run.ContributionsCorrected,
            ["CellsCorrected"] = run.CellsCorrected,
            ["CellsRemoved"] = run.CellsRemoved,
            ["Error"] = run.Error,
        }, TableUpdateMode.Replace, cancellationToken);
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

    private static string CellsOf(int year, IReadOnlyList<string> conditions)
    {
        var partition = Partition(year);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {StatisticsCellKey.Prefix} and RowKey lt {"cell."}");
        return conditions.Count == 0 ? filter : filter + " and " + string.Join(" and ", conditions);
    }

    private static string Partition(int year) => year.ToString("D4", CultureInfo.InvariantCulture);

    private static bool IsPending(TableEntity contribution) => !string.IsNullOrEmpty(contribution.GetString("PendingOp"));

    private static List<string> Journal(TableEntity? cell) =>
        (cell?.GetString("Journal") ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();

    private static TableEntity CellRow(string partition, StatisticsCellKey key, string commune, string sector, StatisticsMeasures measures, IEnumerable<string> journal)
    {
        var row = new TableEntity(partition, key.RowKey)
        {
            ["FundingSource"] = key.FundingSource,
            ["Kind"] = key.Kind,
            ["Province"] = key.Province,
            ["CommuneKey"] = key.CommuneKey,
            ["SectorKey"] = key.SectorKey,
            ["ProgrammeId"] = key.ProgrammeId,
            ["Decided"] = key.Decided is { } day ? StatisticsCellKey.DecidedCode(day) : null,
            ["Commune"] = commune,
            ["Sector"] = sector,
            ["Journal"] = string.Join(' ', journal),
        };
        foreach (var name in StatisticsMeasures.Names)
        {
            row[name] = measures[name];
        }

        return row;
    }

    private static StatisticsMeasures ReadMeasures(TableEntity cell)
    {
        var measures = new StatisticsMeasures();
        foreach (var name in StatisticsMeasures.Names)
        {
            measures.Add(name, cell.GetInt64(name) ?? 0);
        }

        return measures;
    }

    private static StatisticsCell ReadCell(TableEntity row) => new(
        int.Parse(row.PartitionKey, CultureInfo.InvariantCulture),
        new StatisticsCellKey(row.GetString("FundingSource") ?? string.Empty, row.GetString("Kind") ?? string.Empty, row.GetString("Province") ?? string.Empty,
            row.GetString("CommuneKey") ?? string.Empty, row.GetString("SectorKey") ?? string.Empty, row.GetString("ProgrammeId") ?? string.Empty,
            ParseDay(row.GetString("Decided"))),
        row.GetString("Commune") ?? string.Empty,
        row.GetString("Sector") ?? string.Empty,
        ReadMeasures(row));

    private sealed record RecordState(StatisticsSnapshot Snapshot, DateTimeOffset Version);

    /// <summary>The record row (a point read) as a snapshot, with its last-modified time as the version; null when gone.</summary>
    private async Task<RecordState?> ReadRecordAsync(string proposalId, CancellationToken cancellationToken)
    {
        var proposals = await storage.TableAsync(StorageTables.Proposals, cancellationToken);
        var found = await proposals.GetEntityIfExistsAsync<TableEntity>(proposalId, "record", cancellationToken: cancellationToken);
        if (!found.HasValue)
        {
            return null;
        }

        var e = found.Value!;
        var snapshot = RecordSnapshot.From(e, geography);
        return new RecordState(snapshot, e.Timestamp ?? default);
    }

    private static string WriteSnapshot(StatisticsSnapshot snapshot) => JsonSerializer.Serialize(SnapshotDocument.From(snapshot), Json);

    private static StatisticsSnapshot? ReadSnapshot(string? json) =>
        string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize<SnapshotDocument>(json, Json)?.ToSnapshot();

    /// <summary>The stored form of a snapshot (codes, not enum numbers).</summary>
    private sealed record SnapshotDocument(int Year, string Status, string Kind, string FundingSource, string Sector, string Province, string Commune,
        string ProgrammeId, long Requested, long? Approved, long Paid, int Trainees, int Jobs, string? SectorCode = null, string? Activity = null,
        int Beneficiaries = 1, int ActualTrainees = 0, int ActualJobs = 0, int Models = 0, int ProductsCertified = 0, string? DecisionDate = null)
    {
        public static SnapshotDocument From(StatisticsSnapshot s) => new(s.Year, s.Status.ToCode(), s.Kind.ToCode(), s.FundingSource.ToCode(), s.Sector,
            s.Province, s.Commune, s.ProgrammeId, s.Requested, s.Approved, s.Paid, s.Trainees, s.Jobs, s.SectorCode, s.Activity,
            s.Beneficiaries, s.ActualTrainees, s.ActualJobs, s.Models, s.ProductsCertified,
            s.DecisionDate is { } day ? StatisticsCellKey.DecidedCode(day) : null);

        public StatisticsSnapshot ToSnapshot()
        {
            ProposalStatusCodes.TryParse(Status, out var status);
            ProposalCatalog.TryParseKind(Kind, out var kind);
            ProposalCatalog.TryParseFundingSource(FundingSource, out var source);
            return new StatisticsSnapshot
            {
                Year = Year, Status = status, Kind = kind, FundingSource = source, Sector = Sector, Province = Province, Commune = Commune,
                ProgrammeId = ProgrammeId, Requested = Requested, Approved = Approved, Paid = Paid, Trainees = Trainees, Jobs = Jobs,
                SectorCode = SectorCode ?? Domain.Sectors.SectorCatalog.Match(Sector), Activity = Activity, Beneficiaries = Beneficiaries,
                ActualTrainees = ActualTrainees, ActualJobs = ActualJobs, Models = Models, ProductsCertified = ProductsCertified,
                DecisionDate = ParseDay(DecisionDate),
            };
        }
    }

    /// <summary>A stored yyyy-MM-dd date, or null when empty or unreadable.</summary>
    private static DateOnly? ParseDay(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

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
