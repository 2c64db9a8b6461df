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

/// <summary>The nightly recompute of every year from the records (contributions and cells corrected, empty cells removed, each run recorded), and the rows' reading and writing it shares with the refresh.</summary>
public sealed partial class TableStatisticsStore
{
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
            ["Facet"] = key.Facet.Length == 0 ? null : key.Facet,
            ["EntityType"] = key.EntityType.Length == 0 ? null : key.EntityType,
            ["PaidOn"] = key.PaidOn is { } paid ? StatisticsCellKey.DecidedCode(paid) : null,
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
            ParseDay(row.GetString("Decided")), row.GetString("Facet") ?? StatisticsFacets.Main, row.GetString("EntityType") ?? string.Empty,
            ParseDay(row.GetString("PaidOn"))),
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

        // The payment rows of the partition give the payment days (ADR 0029); they are read after the record, and a refresh
        // follows the listing of each payment (PaymentRecording), so the last refresh sees every listed payment.
        var payments = new List<TableEntity>();
        var prefix = Budgets.TableProposalPayments.PaymentPrefix;
        await foreach (var row in proposals.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {proposalId} and RowKey ge {prefix} and RowKey lt {"payment."}"), select: ["At", "Amount"], cancellationToken: cancellationToken))
        {
            payments.Add(row);
        }

        var e = found.Value!;
        return new RecordState(RecordSnapshot.From(e, payments, geography), e.Timestamp ?? default);
    }

    private static string WriteSnapshot(StatisticsSnapshot snapshot) => JsonSerializer.Serialize(SnapshotDocument.From(snapshot), Json);

    private static StatisticsSnapshot? ReadSnapshot(string? json) =>
        string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize<SnapshotDocument>(json, Json)?.ToSnapshot();

    /// <summary>The stored form of a snapshot (codes, not enum numbers).</summary>
    private sealed record SnapshotDocument(int Year, string Status, string Kind, string FundingSource, string Sector, string Province, string Commune,
        string ProgrammeId, long Requested, long? Approved, long Paid, int Trainees, int Jobs, string? SectorCode = null, string? Activity = null,
        int Beneficiaries = 1, int ActualTrainees = 0, int ActualJobs = 0, int Models = 0, int ProductsCertified = 0, string? DecisionDate = null,
        IReadOnlyList<BeneficiaryPlace>? BeneficiaryPlaces = null, IReadOnlyList<DatedPayment>? Payments = null)
    {
        public static SnapshotDocument From(StatisticsSnapshot s) => new(s.Year, s.Status.ToCode(), s.Kind.ToCode(), s.FundingSource.ToCode(), s.Sector,
            s.Province, s.Commune, s.ProgrammeId, s.Requested, s.Approved, s.Paid, s.Trainees, s.Jobs, s.SectorCode, s.Activity,
            s.Beneficiaries, s.ActualTrainees, s.ActualJobs, s.Models, s.ProductsCertified,
            s.DecisionDate is { } day ? StatisticsCellKey.DecidedCode(day) : null, s.BeneficiaryPlaces, s.Payments);

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
                BeneficiaryPlaces = new(BeneficiaryPlaces ?? []),
                Payments = new(Payments ?? []),
            };
        }
    }

    /// <summary>A stored yyyy-MM-dd date, or null when empty or unreadable.</summary>
    private static DateOnly? ParseDay(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}
