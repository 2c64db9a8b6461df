using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using KhuyenCong.Domain.Activities;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Statistics;

namespace KhuyenCong.Benchmarks;

/// <summary>
/// <c>GET /api/stats</c> with 1,000, 10,000 and 100,000 proposals stored, each p50 printed as a ratio to a single-entity
/// point read measured in the same run. The proposals' statistics rows (one contribution row each, the year's cells,
/// the years partition) are written straight to Table Storage in batches within one partition, as the refreshes would
/// leave them; the request reads only cells, so its cost must stay flat while the proposals grow a hundredfold.
/// The dataset spans 5 years × 6 kinds × 2 funding sources × 4 communes × 2 sectors (480 cells, all in use from the
/// first thousand proposals), the shape of one province's programme; the cost follows the cells in use, not the proposals.
/// </summary>
internal static class StatisticsScenario
{
    private static readonly int[] Years = [2021, 2022, 2023, 2024, 2025];
    private static readonly ProposalKind[] Kinds = [ProposalKind.Machinery, ProposalKind.Training, ProposalKind.DemonstrationModel, ProposalKind.TechnologyLine, ProposalKind.TradePromotion, ProposalKind.DigitalTransformation];
    private static readonly FundingSource[] Sources = [FundingSource.National, FundingSource.Local];
    private static readonly string[] Communes = ["Xã Tân Hưng", "Xã Đông Hưng", "Phường Phố Hiến", "Xã Thái Thụy"];
    private static readonly string[] Sectors = ["Chế biến nông sản", "Cơ khí"];
    private static readonly ProposalStatus[] Statuses = Enum.GetValues<ProposalStatus>();
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<List<string[]>> RunAsync(HttpClient http, string connectionString, int requests)
    {
        var service = new TableServiceClient(connectionString);
        var table = service.GetTableClient("Statistics");
        await table.CreateIfNotExistsAsync();
        var cellsTable = service.GetTableClient("StatisticsCells");
        await cellsTable.CreateIfNotExistsAsync();
        var cells = new Dictionary<(int Year, string RowKey), (StatisticsSnapshot Labels, StatisticsMeasures Measures)>();
        var rows = new List<string[]>();
        var stored = 0;
        foreach (var size in new[] { 1_000, 10_000, 100_000 })
        {
            var watch = Stopwatch.StartNew();
            await StoreAsync(table, cellsTable, cells, stored, size);
            stored = size;
            Console.WriteLine($"stats: {size:N0} proposals stored ({watch.Elapsed.TotalSeconds:F0} s)");

            // Let Azurite finish persisting the bulk writes before measuring (its saves block every request), warm up,
            // then alternate one point read and one request, so both see the same machine.
            await Task.Delay(TimeSpan.FromSeconds(size / 5_000 + 10));
            var probe = cells.Keys.First();
            var cellsRead = 0;
            for (var i = 0; i < 30; i++)
            {
                await PointReadAsync(cellsTable, probe);
                cellsRead = await StatsAsync(http, size);
            }

            var floorTimes = new List<double>();
            var statsTimes = new List<double>();
            for (var i = 0; i < requests; i++)
            {
                var timer = Stopwatch.StartNew();
                await PointReadAsync(cellsTable, probe);
                floorTimes.Add(timer.Elapsed.TotalMilliseconds);
                timer.Restart();
                cellsRead = await StatsAsync(http, size);
                statsTimes.Add(timer.Elapsed.TotalMilliseconds);
            }

            var floor = Median(floorTimes);
            var stats = Median(statsTimes);
            rows.Add([$"GET /api/stats p50, {size:N0} proposals ({cellsRead} cells read)", $"{stats:F1} ms", $"{floor:F1} ms (point read)", $"{stats / floor:F2}×"]);
        }

        return rows;
    }

    private static async Task PointReadAsync(TableClient table, (int Year, string RowKey) key) =>
        await table.GetEntityAsync<TableEntity>(key.Year.ToString("D4", CultureInfo.InvariantCulture), key.RowKey);

    /// <summary>GET /api/stats over the scenario's own years (2021-2025): the other scenarios' proposals are of this year.</summary>
    private static async Task<int> StatsAsync(HttpClient http, int expected)
    {
        using var response = await http.GetAsync(new Uri("/api/stats?from=2021&to=2025", UriKind.Relative));
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
        var count = body.RootElement.GetProperty("count").GetInt64();
        if (count != expected)
        {
            throw new InvalidOperationException($"GET /api/stats counted {count} proposals, {expected} stored.");
        }

        return body.RootElement.GetProperty("cellsRead").GetInt32();
    }

    private static StatisticsSnapshot Snapshot(int i)
    {
        // Mixed radix: the first 480 proposals take every combination once, then the pattern repeats.
        var n = i;
        int Next(int radix)
        {
            var digit = n % radix;
            n /= radix;
            return digit;
        }

        var year = Years[Next(Years.Length)];
        var kind = Kinds[Next(Kinds.Length)];
        var source = Sources[Next(Sources.Length)];
        var commune = Communes[Next(Communes.Length)];
        var sector = Sectors[Next(Sectors.Length)];
        var status = Statuses[i % Statuses.Length];
        var approved = status is ProposalStatus.Approved or ProposalStatus.InProgress or ProposalStatus.Accepted or ProposalStatus.Settled ? 200_000_000L + i % 1000 : (long?)null;
        return new StatisticsSnapshot
        {
            Year = year, Status = status, Kind = kind, FundingSource = source, Sector = sector, Province = "hung-yen", Commune = commune,
            ProgrammeId = "ct-2021-2025", Requested = 250_000_000L + i % 1000, Approved = approved, Paid = approved is null ? 0 : approved.Value / 2,
            Trainees = kind == ProposalKind.Training ? 20 : 0, Jobs = 3,
        };
    }

    private static async Task StoreAsync(TableClient table, TableClient cellsTable, Dictionary<(int Year, string RowKey), (StatisticsSnapshot Labels, StatisticsMeasures Measures)> cells, int from, int to)
    {
        var contributions = new Dictionary<int, List<TableEntity>>();
        for (var i = from; i < to; i++)
        {
            var s = Snapshot(i);
            var id = i.ToString("D32", CultureInfo.InvariantCulture);
            if (!contributions.TryGetValue(s.Year, out var list))
            {
                contributions[s.Year] = list = [];
            }

            list.Add(new TableEntity(s.Year.ToString("D4", CultureInfo.InvariantCulture), "contrib-" + id)
            {
                ["ProposalId"] = id,
                ["Snapshot"] = JsonSerializer.Serialize(new
                {
                    s.Year, Status = s.Status.ToCode(), Kind = s.Kind.ToCode(), FundingSource = s.FundingSource.ToCode(), s.Sector, s.Province, s.Commune,
                    s.ProgrammeId, s.Requested, s.Approved, s.Paid, s.Trainees, s.Jobs,
                }, Json),
                ["Version"] = DateTimeOffset.UtcNow,
            });
            var key = (s.Year, s.Cell.RowKey);
            if (!cells.TryGetValue(key, out var cell))
            {
                cells[key] = cell = (s, new StatisticsMeasures());
            }

            cell.Measures.Add(s.Measures());
        }

        // Batches of 100 within one partition (the only kind Azure accepts), a few partitions at a time.
        var batches = contributions.SelectMany(p => p.Value.Chunk(100));
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (batch, ct) =>
            await table.SubmitTransactionAsync(batch.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)), ct));

        var cellRows = cells.Select(c =>
        {
            var row = new TableEntity(c.Key.Year.ToString("D4", CultureInfo.InvariantCulture), c.Key.RowKey)
            {
                ["FundingSource"] = c.Value.Labels.Cell.FundingSource, ["Kind"] = c.Value.Labels.Cell.Kind, ["Province"] = c.Value.Labels.Cell.Province,
                ["CommuneKey"] = c.Value.Labels.Cell.CommuneKey, ["SectorKey"] = c.Value.Labels.Cell.SectorKey, ["ProgrammeId"] = c.Value.Labels.Cell.ProgrammeId,
                ["Commune"] = c.Value.Labels.Commune, ["Sector"] = c.Value.Labels.Sector, ["Journal"] = string.Empty,
            };
            foreach (var name in StatisticsMeasures.Names)
            {
                row[name] = c.Value.Measures[name];
            }

            return row;
        }).GroupBy(r => r.PartitionKey).SelectMany(g => g.Chunk(100));
        foreach (var batch in cellRows)
        {
            await cellsTable.SubmitTransactionAsync(batch.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)));
        }

        foreach (var year in Years)
        {
            await cellsTable.UpsertEntityAsync(new TableEntity("years", year.ToString("D4", CultureInfo.InvariantCulture)));
        }
    }

    private static double Median(List<double> times)
    {
        times.Sort();
        return times[(times.Count - 1) / 2];
    }
}
