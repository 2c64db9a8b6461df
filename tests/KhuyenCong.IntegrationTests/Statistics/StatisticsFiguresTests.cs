using System.Globalization;
using System.Text.Json;
using KhuyenCong.Domain.Activities;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Testing;
using static KhuyenCong.Domain.Proposals.FundingSource;
using static KhuyenCong.Domain.Activities.ProposalKind;
using static KhuyenCong.Domain.Proposals.ProposalStatus;

namespace KhuyenCong.IntegrationTests.Statistics;

/// <summary>
/// Each statistic of <c>GET /api/stats</c> against a dataset stored through the app's repository on Azurite, the
/// expected answers computed here from the dataset itself (LINQ over the cases), not by the app's code.
/// </summary>
[Collection(StatisticsCollection.Name)]
public class StatisticsFiguresTests(LocalHostFixture fixture)
{
    // ADR 0023: paid directly to establishments = machinery, technology lines and demonstration models.
    private static readonly ProposalKind[] Direct = [Machinery, TechnologyLine, DemonstrationModel];

    private static List<Case> Dataset()
    {
        // Years 2071-2073 belong to this test. "Thái Bình" merged into Hưng Yên on 1/7/2025: it counts as hung-yen.
        return
        [
            new(2071, Machinery, National, "hung-yen", "Xã Tân Hưng", "Chế biến nông sản", 300_000_000, 0, 5, Approved, 250_000_000, 100_000_000, "ct-2021-2025"),
            new(2071, Training, Local, "Thái Bình", "Xã Đông Hưng", "Dệt may", 120_000_000, 40, 0, Settled, 120_000_000, 120_000_000, "ct-2021-2025"),
            new(2071, DemonstrationModel, Local, "hung-yen", "xa tan hung", "chế biến nông sản", 800_000_000, 10, 12, InProgress, 700_000_000, 350_000_000),
            new(2072, TradePromotion, National, "hung-yen", "Phường Phố Hiến", "Thủ công mỹ nghệ", 90_000_000, 0, 0, Rejected),
            new(2072, Machinery, Local, "Hải Dương", "Xã Cẩm Giàng", "Cơ khí", 250_000_000, 0, 3, Accepted, 200_000_000, 200_000_000),
            new(2072, Training, National, "hung-yen", "Xã Tân Hưng", "Dệt may", 60_000_000, 25, 0),
            new(2073, DigitalTransformation, National, "hung-yen", "Xã Đông Hưng", "Cơ khí", 150_000_000, 0, 2, Approved, 150_000_000, 0, "ct-2026-2030"),
            new(2073, CleanerProduction, Local, "Thái Bình", "Xã Đông Hưng", "Chế biến nông sản", 400_000_000, 0, 6, Settled, 380_000_000, 380_000_000, "ct-2026-2030"),
            new(2073, Machinery, National, "hung-yen", "Xã Tân Hưng", "Cơ khí", 280_000_000, 0, 4, Withdrawn),
        ];
    }

    private static decimal? Ratio(long part, long whole) => whole == 0 ? null : Math.Round((decimal)part / whole, 4);

    private static decimal? Decimal(JsonElement e, string name) => e.GetProperty(name).ValueKind == JsonValueKind.Null ? null : e.GetProperty(name).GetDecimal();

    [Fact]
    public async Task GetStatistics_MixedDataset_EveryFigureMatchesTheDataset()
    {
        var cases = Dataset();
        foreach (var c in cases)
        {
            await fixture.Proposals().StoreAsync(c);
        }

        var stats = await fixture.StatsAsync("from=2071&to=2073");

        Assert.Equal(cases.Count, stats.Long("count"));
        Assert.Equal(cases.Sum(c => c.Requested), stats.Long("requested"));
        Assert.Equal(cases.Sum(c => c.Approved ?? 0), stats.Long("approved"));
        Assert.Equal(cases.Count(c => c.Approved is not null), stats.Long("approvedCount"));
        Assert.Equal(cases.Sum(c => c.Paid), stats.Long("paid"));
        var paidDirect = cases.Where(c => Direct.Contains(c.Kind)).Sum(c => c.Paid);
        Assert.Equal(paidDirect, stats.Long("paidDirect"));
        Assert.Equal(Ratio(paidDirect, cases.Sum(c => c.Paid)), Decimal(stats, "directShare"));
        Assert.Equal(Ratio(cases.Sum(c => c.Paid), cases.Sum(c => c.Approved ?? 0)), Decimal(stats, "disbursementRate"));
        Assert.Equal(cases.Sum(c => c.Trainees), stats.Long("trainees"));
        Assert.Equal(cases.Sum(c => c.Jobs), stats.Long("jobs"));

        Assert.Equal(cases.GroupBy(c => c.Status.ToCode()).ToDictionary(g => g.Key, g => (long)g.Count()), stats.Counts("byStatus", "status"));
        Assert.Equal(cases.GroupBy(c => c.Kind.ToCode()).ToDictionary(g => g.Key, g => (long)g.Count()), stats.Counts("byKind", "kind"));
        Assert.Equal(cases.GroupBy(c => c.Year.ToString(CultureInfo.InvariantCulture)).ToDictionary(g => g.Key, g => (long)g.Count()), stats.Counts("byYear", "year"));
        Assert.Equal(cases.GroupBy(c => c.Year.ToString(CultureInfo.InvariantCulture)).ToDictionary(g => g.Key, g => g.Sum(c => c.Paid)), stats.Counts("byYear", "year", "paid"));
        Assert.Equal(cases.GroupBy(c => c.Kind.ToCode()).ToDictionary(g => g.Key, g => g.Sum(c => c.Requested)), stats.Counts("byKind", "kind", "requested"));

        // Money per funding source.
        foreach (var source in new[] { National, Local })
        {
            var mine = cases.Where(c => c.Source == source).ToList();
            var row = stats.GetProperty("byFundingSource").EnumerateArray().Single(x => x.GetProperty("fundingSource").GetString() == source.ToCode());
            Assert.Equal(mine.Count, row.Long("count"));
            Assert.Equal(mine.Sum(c => c.Requested), row.Long("requested"));
            Assert.Equal(mine.Sum(c => c.Approved ?? 0), row.Long("approved"));
            Assert.Equal(mine.Sum(c => c.Paid), row.Long("paid"));
            Assert.Equal(mine.Where(c => Direct.Contains(c.Kind)).Sum(c => c.Paid), row.Long("paidDirect"));
        }

        // Sectors ignore case and diacritics differences; communes are counted under today's province.
        Assert.Equal(4, stats.Counts("bySector", "sector").Count);
        Assert.Equal(3, stats.Counts("bySector", "sector")["Chế biến nông sản"]);
        var communes = stats.GetProperty("byCommune").EnumerateArray()
            .ToDictionary(x => x.GetProperty("province").GetString() + "|" + x.GetProperty("commune").GetString(), x => x.Long("count"));
        Assert.Equal(4, communes["hung-yen|Xã Tân Hưng"]);
        Assert.Equal(3, communes["hung-yen|Xã Đông Hưng"]);
        Assert.Equal(1, communes["hai-phong|Xã Cẩm Giàng"]);

        // Programmes (the programmes feature has not landed: counts and money per programme id).
        var programmes = stats.GetProperty("programmes").EnumerateArray()
            .ToDictionary(x => x.GetProperty("programmeId").GetString() ?? "", x => (x.Long("count"), x.Long("approved")));
        Assert.Equal((2L, 370_000_000L), programmes["ct-2021-2025"]);
        Assert.Equal((2L, 530_000_000L), programmes["ct-2026-2030"]);
        Assert.Equal(((long)cases.Count(c => c.Programme is null), cases.Where(c => c.Programme is null).Sum(c => c.Approved ?? 0)), programmes[""]);

        foreach (var year in new[] { 2071, 2072, 2073 })
        {
            await fixture.AssertSettledAsync(year);
        }
    }

    [Fact]
    public async Task GetStatistics_Filters_MatchTheFilteredDataset()
    {
        var cases = Dataset().Select(c => c with { Year = c.Year + 3 }).ToList(); // 2074-2076
        foreach (var c in cases)
        {
            await fixture.Proposals().StoreAsync(c);
        }

        async Task Check(string query, Func<Case, bool> keep)
        {
            var stats = await fixture.StatsAsync(query);
            var kept = cases.Where(keep).ToList();
            Assert.Equal(kept.Count, stats.Long("count"));
            Assert.Equal(kept.Sum(c => c.Requested), stats.Long("requested"));
            Assert.Equal(kept.Sum(c => c.Paid), stats.Long("paid"));
        }

        await Check("from=2074&to=2076&province=" + Uri.EscapeDataString("Thái Bình"), c => c.Province != "Hải Dương");
        await Check("from=2074&to=2076&kind=machinery", c => c.Kind == Machinery);
        await Check("from=2074&to=2076&fundingSource=local", c => c.Source == Local);
        await Check("from=2075&to=2076&fundingSource=national&kind=training", c => c.Year >= 2075 && c.Source == National && c.Kind == Training);
        await Check("from=2074&to=2076&commune=" + Uri.EscapeDataString("XA TAN HUNG"), c => c.Commune is "Xã Tân Hưng" or "xa tan hung");
        await Check("from=2074&to=2076&sector=" + Uri.EscapeDataString("co khi"), c => c.Sector == "Cơ khí");
        await Check("from=2076&to=2076", c => c.Year == 2076);
    }

    [Fact]
    public async Task DeleteAsync_CreatedProposal_RemovesItsContribution()
    {
        var c = new Case(2077, Machinery, National, "hung-yen", "Xã Tân Hưng", "Cơ khí", 100_000_000, Jobs: 2);
        await fixture.Proposals().StoreAsync(c);
        Assert.Equal(1, (await fixture.StatsAsync("from=2077&to=2077")).Long("count"));

        await fixture.Proposals().DeleteAsync(c.ToProposal(), CancellationToken.None);

        var stats = await fixture.StatsAsync("from=2077&to=2077");
        Assert.Equal(0, stats.Long("count"));
        Assert.Equal(0, stats.Long("requested"));
        Assert.DoesNotContain(await fixture.RowsAsync(2077), r => r.RowKey.StartsWith("contrib-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RefreshAsync_Repeated_ChangesNothing()
    {
        var c = new Case(2078, Training, Local, "hung-yen", "Xã Tân Hưng", "Dệt may", 50_000_000, Trainees: 30, Status: Approved, Approved: 50_000_000);
        await fixture.Proposals().StoreAsync(c);
        var before = (await fixture.StatsAsync("from=2078&to=2078")).ToString();

        for (var i = 0; i < 3; i++)
        {
            Assert.False(await fixture.Statistics().RefreshAsync(c.Id, CancellationToken.None));
        }

        Assert.Equal(before, (await fixture.StatsAsync("from=2078&to=2078")).ToString());
    }
}
