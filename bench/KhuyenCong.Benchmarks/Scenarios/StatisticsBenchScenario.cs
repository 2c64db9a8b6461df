namespace KhuyenCong.Benchmarks.Scenarios;

/// <summary><c>stats</c>: GET /api/stats at 1,000, 10,000 and 100,000 stored proposals against a single-entity point read (see <see cref="StatisticsScenario"/>).</summary>
internal sealed class StatisticsBenchScenario : IScenario
{
    public string Key => "stats";

    public string Note => "stats: floor = one point read of one entity straight from Azurite, alternated with the requests (one client); the statistics rows of 1,000 → 100,000 proposals are stored first. The ratio must not grow with the number of proposals.";

    public async Task<IReadOnlyList<BenchRow>> RunAsync(BenchContext bench)
    {
        var rows = await StatisticsScenario.RunAsync(bench.Staff, bench.ConnectionString, Math.Max(60, bench.Options.Requests / 2));
        return rows.Select(r => new BenchRow(r[0], r[1], r[2], r[3])).ToList();
    }
}
