using System.Globalization;
using System.Net;
using System.Text.Json;
using KhuyenCong.Domain.Text;
using Azure.Data.Tables;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Statistics;
using KhuyenCong.IntegrationTests.Statistics;
using KhuyenCong.Testing;
using MiniExcelLibs;
using static KhuyenCong.Domain.Activities.ProposalKind;
using static KhuyenCong.Domain.Proposals.FundingSource;
using static KhuyenCong.IntegrationTests.Programmes.ProgrammeTestSupport;

namespace KhuyenCong.IntegrationTests.Reports;

/// <summary>
/// Money by source in the periodic report (issue 15 line 2, ADR 0032): the plans' money of the period's year beside
/// what was requested, approved and paid, and the establishments' own money (vốn đối ứng), the same in the report's
/// DOCX and XLSX, in <c>GET /api/stats</c> and on the dashboard with the report's query; saved through
/// <c>PUT /api/plans</c>, counted through the statistics (no read of the proposals per report).
/// </summary>
[Collection(StatisticsCollection.Name)]
public class PlannedMoneyReportTests(LocalHostFixture fixture)
{
    private async Task SavePlanAsync(int year, FundingSource source, long budget)
    {
        using var client = fixture.CreateClient(withFunctionKey: true);
        var plan = new { version = 0, budget, items = Array.Empty<object>(), notes = "Kế hoạch thử " + source.ToCode() };
        using var saved = await client.PutAsync(Path($"/api/plans/{year}/{source.ToCode()}"), Json(plan));
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// Two local proposals (one approved on 01/3 of the year, one only submitted) and an approved national one; each
    /// puts in as much of its own money as it asks for (400, 200 and 300 million).
    /// </summary>
    private async Task ProposalsAsync(int year)
    {
        var repository = fixture.Proposals();
        foreach (var (source, kind, amount, approved) in new[] { (Local, Machinery, 400_000_000L, true), (Local, Training, 200_000_000L, false), (National, Machinery, 300_000_000L, true) })
        {
            var c = new Case(year, kind, source, "hung-yen", "Xã Thử Kế Hoạch", "Cơ khí", amount, Status: approved ? ProposalStatus.InProgress : ProposalStatus.Submitted);
            await repository.StoreAsync(c);
            if (approved)
            {
                await repository.SaveFundingAsync(c.Id, new ProposalFunding { ApprovedAmount = amount, DecisionDate = new DateOnly(year, 3, 1) }, CancellationToken.None);
            }
        }
    }

    private async Task<HttpResponseMessage> GetAsync(string path)
    {
        using var client = fixture.CreateClient(withFunctionKey: true);
        var response = await client.GetAsync(Path(path));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return response;
    }

    [Fact]
    public async Task SixMonthReport_PlansSavedForBothSources_PlannedRequestedApprovedPaidAndOwnFundsAgreeInDocxXlsxStatsAndDashboard()
    {
        const int Year = 2087;
        const string SixMonth = "period=six-month&year=2087";
        await SavePlanAsync(Year, Local, 5_000_000_000);
        await SavePlanAsync(Year, National, 3_000_000_000);
        await ProposalsAsync(Year);

        // /api/stats with the report's own dashboard query: the plans of 2087 beside the decided proposals' figures.
        var stats = await fixture.StatsAsync(SixMonth);
        var planned = stats.GetProperty("planned");
        Assert.Equal([Year], planned.GetProperty("years").EnumerateArray().Select(y => y.GetInt32()));
        Assert.Equal(8_000_000_000, planned.Long("total"));
        Assert.Equal(new Dictionary<string, long> { ["local"] = 5_000_000_000, ["national"] = 3_000_000_000 }, planned.Counts("bySource", "fundingSource", "planned"));
        Assert.Equal(700_000_000, stats.Long("approvedCounterpart")); // the test cases' own money equals their request
        Assert.Equal(700_000_000, stats.Long("counterpart")); // the submitted one is not decided in the period

        // The XLSX: one line per source with its plan, then the establishments' own money, without plan or payment.
        using var xlsx = await GetAsync("/api/reports/periodic?" + SixMonth + "&format=xlsx");
        using var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        var rows = stream.Query(useHeaderRow: true, sheetName: "Kinh phí theo nguồn").Cast<IDictionary<string, object?>>().ToDictionary(r => (string)r["Nguồn kinh phí"]!);
        const string plan = "Kinh phí kế hoạch năm 2087 (đồng)";
        Assert.Equal(5_000_000_000, Number(rows["Khuyến công địa phương"][plan]));
        Assert.Equal(400_000_000, Number(rows["Khuyến công địa phương"]["Kinh phí được phê duyệt (đồng)"]));
        Assert.Equal(3_000_000_000, Number(rows["Khuyến công quốc gia"][plan]));
        Assert.Equal(700_000_000, Number(rows["Vốn đối ứng của cơ sở"]["Kinh phí được phê duyệt (đồng)"]));
        Assert.Null(rows["Vốn đối ứng của cơ sở"][plan]);
        Assert.Null(rows["Vốn đối ứng của cơ sở"]["Kinh phí đã thanh toán (đồng)"]);

        // The DOCX: the summary and the table, amounts in the official format.
        using var docx = await GetAsync("/api/reports/periodic?" + SixMonth + "&format=docx");
        var text = DocxReading.Text(await docx.Content.ReadAsByteArrayAsync());
        Assert.Contains("Kinh phí kế hoạch năm 2087: " + OfficialFormat.Money(8_000_000_000) + ".", text, StringComparison.Ordinal);
        Assert.Contains("Vốn đối ứng của cơ sở trong các đề án được phê duyệt: " + OfficialFormat.Money(700_000_000) + ".", text, StringComparison.Ordinal);
        Assert.Contains("Kế hoạch năm 2087 (đồng)", text, StringComparison.Ordinal);
        Assert.Contains("5.000.000.000", text, StringComparison.Ordinal);

        // The dashboard with the same query shows the same planned money and own funds.
        using var page = await GetAsync("/dashboard?" + SixMonth);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("data-figure=\"planned\">8.000.000.000 đồng<", html, StringComparison.Ordinal);
        Assert.Contains("data-figure=\"counterpart\">700.000.000 đồng<", html, StringComparison.Ordinal);
        await fixture.AssertSettledAsync(Year);
    }

    [Fact]
    public async Task PlanYearBasis_OneSourceOrANarrowingFilter_PlannedOfThatSourceOrNoneAndOwnFundsOfEveryProposal()
    {
        const string SixMonth = "period=six-month&year=2088";
        await SavePlanAsync(2088, Local, 1_000_000_000);
        await ProposalsAsync(2088);
        var byPlanYear = await fixture.StatsAsync(SixMonth + "&basis=planYear");
        Assert.Equal(900_000_000, byPlanYear.Long("counterpart")); // every proposal of the plan year, the submitted one too
        Assert.Equal(700_000_000, byPlanYear.Long("approvedCounterpart"));

        // One source: its plan only. A source without a saved plan has no planned money (null), not 0.
        var local = await fixture.StatsAsync(SixMonth + "&fundingSource=local");
        Assert.Equal(["local"], local.GetProperty("planned").GetProperty("bySource").EnumerateArray().Select(s => s.GetProperty("fundingSource").GetString()));
        Assert.Equal(1_000_000_000, local.GetProperty("planned").Long("total"));
        var both = await fixture.StatsAsync(SixMonth);
        Assert.Equal(JsonValueKind.Null, both.GetProperty("planned").GetProperty("bySource").EnumerateArray().Single(s => s.GetProperty("fundingSource").GetString() == "national").GetProperty("planned").ValueKind);

        // Plans are not split by kind or place: no planned money, said as "—" in the report.
        var byKind = await fixture.StatsAsync(SixMonth + "&kind=machinery");
        Assert.Equal(JsonValueKind.Null, byKind.GetProperty("planned").ValueKind);
        using var docx = await GetAsync("/api/reports/periodic?" + SixMonth + "&kind=machinery&format=docx");
        var text = DocxReading.Text(await docx.Content.ReadAsByteArrayAsync());
        Assert.Contains("Kinh phí kế hoạch năm 2088: —.", text, StringComparison.Ordinal);
        await fixture.AssertSettledAsync(2088);
    }

    [Fact]
    public async Task Recompute_OwnFundsMissingFromDataStoredBefore_FilledAndASecondRunChangesNothing()
    {
        await ProposalsAsync(2089);
        var before = await fixture.StatsAsync("from=2089&to=2089");
        Assert.Equal((900_000_000, 700_000_000), (before.Long("counterpart"), before.Long("approvedCounterpart")));

        // As stored before the own funds were counted: snapshots without them, cells without their columns.
        foreach (var row in await fixture.RowsAsync(2089))
        {
            var isCell = row.Remove(StatisticsMeasures.Counterpart) | row.Remove(StatisticsMeasures.ApprovedCounterpart);
            if (row.GetString("Snapshot") is { Length: > 0 } json)
            {
                var snapshot = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
                Assert.True(snapshot.Remove("ownContribution"), "the snapshot stores the own funds");
                row["Snapshot"] = snapshot.ToJsonString();
                await fixture.StatisticsTable().UpdateEntityAsync(row, Azure.ETag.All, TableUpdateMode.Replace);
            }
            else if (isCell)
            {
                await fixture.StatisticsCellsTable().UpdateEntityAsync(row, Azure.ETag.All, TableUpdateMode.Replace);
            }
        }

        Assert.Equal(0, (await fixture.StatsAsync("from=2089&to=2089")).Long("counterpart"));

        await fixture.Statistics().RecomputeAsync("test", CancellationToken.None);

        var after = await fixture.StatsAsync("from=2089&to=2089");
        Assert.Equal((900_000_000, 700_000_000), (after.Long("counterpart"), after.Long("approvedCounterpart")));
        var again = await fixture.Statistics().RecomputeAsync("test", CancellationToken.None);
        Assert.Equal((0, 0), (again.CellsCorrected, again.ContributionsCorrected));
        await fixture.AssertSettledAsync(2089);
    }

    private static long Number(object? cell) => Convert.ToInt64(cell, CultureInfo.InvariantCulture);
}
