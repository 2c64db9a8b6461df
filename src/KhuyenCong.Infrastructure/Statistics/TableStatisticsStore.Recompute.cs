using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Azure;
using Azure.Data.Tables;
using KhuyenCong.Application.Statistics;
using KhuyenCong.Domain.Activities;
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
        var cellsTable = await CellsAsync(cancellationToken);
        var byYear = await ProposalIdsByYearAsync(cellsTable, cancellationToken);
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

    /// <summary>Every proposal by year, from the year partitions of the index, and every year that has cells (maybe with none).</summary>
    private async Task<SortedDictionary<int, HashSet<string>>> ProposalIdsByYearAsync(TableClient cellsTable, CancellationToken cancellationToken)
    {
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

        foreach (var y in await YearsAsync(cellsTable, cancellationToken))
        {
            Ids(byYear, y);
        }

        return byYear;
    }

    /// <summary>
    /// Rewrites the year's cells that differ from the sum of its contributions. Cells are read first, then the
    /// contributions; every write is conditional on the ETag of that read, so a refresh that changes a cell meanwhile
    /// makes the write fail and the year is done again; a change in flight is finished first.
    /// </summary>
    private async Task<(int Corrected, int Removed)> RecomputeCellsAsync(TableClient table, TableClient cellsTable, int year, CancellationToken cancellationToken)
    {
        var corrections = new CellCorrections();
        for (var attempt = 1; attempt <= 50; attempt++)
        {
            var cells = await CellRowsAsync(cellsTable, year, cancellationToken);
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

            var expected = ExpectedCells(contributions.Values);
            if (await CorrectCellsAsync(cellsTable, Partition(year), cells, expected, corrections, cancellationToken))
            {
                if (cells.Count > 0 || expected.Count > 0)
                {
                    await RegisterYearAsync(year, cancellationToken);
                }

                return (corrections.Corrected.Count, corrections.Removed.Count);
            }

            await BackOffAsync(attempt, cancellationToken);
        }

        throw new InvalidOperationException($"Statistics of year {year}: the cells kept changing during the recompute.");
    }

    private static async Task<Dictionary<string, TableEntity>> CellRowsAsync(TableClient cellsTable, int year, CancellationToken cancellationToken)
    {
        var cells = new Dictionary<string, TableEntity>(StringComparer.Ordinal);
        await foreach (var row in cellsTable.QueryAsync<TableEntity>(CellsOf(year, []), cancellationToken: cancellationToken))
        {
            cells[row.RowKey] = row;
        }

        return cells;
    }

    /// <summary>What each cell should hold: the sum of the contributions' snapshots, by cell row key.</summary>
    private static Dictionary<string, StatisticsCellChange> ExpectedCells(IEnumerable<TableEntity> contributions)
    {
        var expected = new Dictionary<string, StatisticsCellChange>(StringComparer.Ordinal);
        foreach (var c in contributions)
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

        return expected;
    }

    /// <summary>Writes every cell that differs from what it should hold; false when a write met a newer ETag (the year is done again).</summary>
    private static async Task<bool> CorrectCellsAsync(TableClient cellsTable, string partition, Dictionary<string, TableEntity> cells,
        Dictionary<string, StatisticsCellChange> expected, CellCorrections corrections, CancellationToken cancellationToken)
    {
        var conflict = false;
        foreach (var key in cells.Keys.Union(expected.Keys, StringComparer.Ordinal).ToList())
        {
            cells.TryGetValue(key, out var cell);
            expected.TryGetValue(key, out var want);
            conflict |= await CorrectCellAsync(cellsTable, partition, key, cell, want, corrections, cancellationToken);
        }

        return !conflict;
    }

    /// <summary>
    /// One cell: deleted when nothing should be there, added when missing, replaced (If-Match) when its measures differ
    /// or its journal still lists entries. True when the conditional write was refused.
    /// </summary>
    private static async Task<bool> CorrectCellAsync(TableClient cellsTable, string partition, string key, TableEntity? cell, StatisticsCellChange? want,
        CellCorrections corrections, CancellationToken cancellationToken)
    {
        if (want is null)
        {
            (ReadMeasures(cell!).IsZero ? corrections.Removed : corrections.Corrected).Add(key);
            return await TryWriteAsync(() => cellsTable.DeleteEntityAsync(partition, key, cell!.ETag, cancellationToken)) is null;
        }

        if (cell is null)
        {
            corrections.Corrected.Add(key);
            return await TryWriteAsync(() => cellsTable.AddEntityAsync(CellRow(partition, want.Key, want.Commune, want.Sector, want.Measures, []), cancellationToken)) is null;
        }

        var measuresDiffer = !ReadMeasures(cell).Equals(want.Measures);
        if (!measuresDiffer && Journal(cell).Count == 0)
        {
            return false;
        }

        if (measuresDiffer)
        {
            corrections.Corrected.Add(key);
        }

        var row = CellRow(partition, want.Key, cell.GetString("Commune") ?? want.Commune, cell.GetString("Sector") ?? want.Sector, want.Measures, []);
        return await TryWriteAsync(() => cellsTable.UpdateEntityAsync(row, cell.ETag, TableUpdateMode.Replace, cancellationToken)) is null;
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
        IReadOnlyList<BeneficiaryPlace>? BeneficiaryPlaces = null, IReadOnlyList<DatedPayment>? Payments = null, long OwnContribution = 0)
    {
        public static SnapshotDocument From(StatisticsSnapshot s) => new(s.Year, s.Status.ToCode(), s.Kind.ToCode(), s.FundingSource.ToCode(), s.Sector,
            s.Province, s.Commune, s.ProgrammeId, s.Requested, s.Approved, s.Paid, s.Trainees, s.Jobs, s.SectorCode, s.Activity,
            s.Beneficiaries, s.ActualTrainees, s.ActualJobs, s.Models, s.ProductsCertified,
            s.DecisionDate is { } day ? StatisticsCellKey.DecidedCode(day) : null, s.BeneficiaryPlaces, s.Payments, s.OwnContribution);

        public StatisticsSnapshot ToSnapshot()
        {
            ProposalStatusCodes.TryParse(Status, out var status);
            ProposalKinds.TryParse(Kind, out var kind);
            FundingSources.TryParse(FundingSource, out var source);
            return new StatisticsSnapshot
            {
                Year = Year, Status = status, Kind = kind, FundingSource = source, Sector = Sector, Province = Province, Commune = Commune,
                ProgrammeId = ProgrammeId, Requested = Requested, Approved = Approved, Paid = Paid, Trainees = Trainees, Jobs = Jobs,
                SectorCode = SectorCode ?? Domain.Sectors.SectorCatalog.Match(Sector), Activity = Activity, Beneficiaries = Beneficiaries,
                ActualTrainees = ActualTrainees, ActualJobs = ActualJobs, Models = Models, ProductsCertified = ProductsCertified,
                DecisionDate = ParseDay(DecisionDate),
                BeneficiaryPlaces = new(BeneficiaryPlaces ?? []),
                Payments = new(Payments ?? []),
                OwnContribution = OwnContribution,
            };
        }
    }

    /// <summary>A stored yyyy-MM-dd date, or null when empty or unreadable.</summary>
    private static DateOnly? ParseDay(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    /// <summary>The cells a recompute of one year corrected and removed (a cell counts once however many attempts it takes).</summary>
    private sealed class CellCorrections
    {
        public HashSet<string> Corrected { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Removed { get; } = new(StringComparer.Ordinal);
    }
}
