using System.Net;
using Azure;
using Azure.Data.Tables;
using KhuyenCong.Application.Budgets;
using KhuyenCong.Domain.Budgets;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Reference;
using KhuyenCong.Domain.Text;
using KhuyenCong.Testing;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using static KhuyenCong.Domain.Proposals.FundingSource;
using static KhuyenCong.Domain.Activities.ProposalKind;

namespace KhuyenCong.IntegrationTests.Statistics;

/// <summary>
/// The facet cells (ADR 0029) on real Azurite through the app's own refresh and recompute: beneficiaries by entity type
/// and by their commune, money paid within a period by payment date (a payment dated outside it is not counted), the
/// same in <c>GET /api/stats</c> and in the periodic report, and the recompute filling them for data stored before them.
/// </summary>
[Collection(StatisticsCollection.Name)]
public class StatisticsFacetTests(LocalHostFixture fixture)
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    /// <summary>A decided proposal of a test commune, with its decision date in the 2083 six-month period.</summary>
    private async Task<Case> DecidedAsync(int year, FundingSource source, string commune, long approved, Beneficiary[]? beneficiaries = null)
    {
        var c = new Case(year, Machinery, source, "hung-yen", commune, "Cơ khí", approved, Status: ProposalStatus.InProgress, Approved: approved);
        var proposal = c.ToProposal();
        proposal = proposal with
        {
            Submission = beneficiaries is null
                ? proposal.Submission with { EntityType = "household-business" }
                : proposal.Submission with { EntityType = "service-provider", Beneficiaries = new ValueList<Beneficiary>(beneficiaries) },
        };

        var repository = fixture.Proposals();
        await repository.CreateAsync(proposal, CancellationToken.None);
        await repository.ChangeStatusAsync(c.Id, 2, new StatusChange(DateTimeOffset.UtcNow, ProposalStatus.Submitted, c.Status, "tester", null), CancellationToken.None);
        await repository.SaveFundingAsync(c.Id, new ProposalFunding { ApprovedAmount = approved, DecisionDate = new DateOnly(year, 3, 1) }, CancellationToken.None);
        return c;
    }

    /// <summary>Lists a payment made at <paramref name="at"/> (Vietnam time) and refreshes, as the payment route does after the ledger.</summary>
    private async Task PayAsync(Case c, string paymentId, long amount, DateTimeOffset at)
    {
        var payments = fixture.Host.Services.GetRequiredService<IProposalPayments>();
        await payments.AddAsync(new BudgetPayment(paymentId, c.Id, PaymentKind.Advance, amount, "finance-1", at), CancellationToken.None);
        await fixture.PlainProposals().SaveFundingAsync(c.Id, new ProposalFunding { ApprovedAmount = c.Approved, DecisionDate = new DateOnly(c.Year, 3, 1), PaidAmount = amount }, CancellationToken.None);
        await fixture.Statistics().RefreshAsync(c.Id, CancellationToken.None);
    }

    private async Task<HttpResponseMessage> ReportAsync(string query)
    {
        using var client = fixture.CreateClient(withFunctionKey: true);
        var response = await client.GetAsync(new Uri("/api/reports/periodic?" + query, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response;
    }

    [Fact]
    public async Task PaidWithinPeriod_PaymentsInsideAndOutside_OnlyThoseDatedInThePeriodCountInStatsAndReport()
    {
        const string commune = "Xã Thử Thanh Toán";
        var local = await DecidedAsync(2083, Local, commune, 500_000_000);
        var national = await DecidedAsync(2083, National, commune, 300_000_000);
        await PayAsync(local, "in-" + local.Id, 120_000_000, new DateTimeOffset(2083, 6, 14, 23, 30, 0, Vietnam)); // last day of the period, Vietnam time
        await PayAsync(local, "out-" + local.Id, 80_000_000, new DateTimeOffset(2083, 6, 15, 0, 30, 0, Vietnam)); // the next day: outside
        await PayAsync(national, "before-" + national.Id, 50_000_000, new DateTimeOffset(2082, 12, 14, 9, 0, 0, Vietnam)); // the day before: outside
        await PayAsync(national, "in-" + national.Id, 70_000_000, new DateTimeOffset(2082, 12, 15, 9, 0, 0, Vietnam)); // first day: inside
        var query = "period=six-month&year=2083&commune=" + Uri.EscapeDataString(commune);

        var stats = await fixture.StatsAsync(query);
        Assert.Equal(190_000_000, stats.Long("paidInPeriod"));
        Assert.Equal(new Dictionary<string, long> { ["local"] = 120_000_000, ["national"] = 70_000_000 }, stats.Counts("paidInPeriodBySource", "fundingSource", "paid"));
        var byPlanYear = await fixture.StatsAsync(query + "&basis=planYear");
        Assert.Equal(190_000_000, byPlanYear.Long("paidInPeriod"));
        Assert.Equal(2083, byPlanYear.GetProperty("filters").GetProperty("from").GetInt32());

        using var xlsx = await ReportAsync(query + "&format=xlsx");
        using var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        var sheet = stream.Query(useHeaderRow: true, sheetName: "Kinh phí thanh toán trong kỳ").Cast<IDictionary<string, object>>()
            .ToDictionary(r => (string)r["Nguồn kinh phí"], r => Convert.ToInt64(r["Đã thanh toán trong kỳ (đồng)"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(new Dictionary<string, long> { ["Khuyến công địa phương"] = 120_000_000, ["Khuyến công quốc gia"] = 70_000_000 }, sheet);
        using var docx = await ReportAsync(query + "&format=docx");
        var text = DocxReading.Text(await docx.Content.ReadAsByteArrayAsync());
        Assert.Contains("của mọi đề án): " + OfficialFormat.Money(190_000_000) + ".", text, StringComparison.Ordinal);
        await fixture.AssertSettledAsync(2083);
    }

    [Fact]
    public async Task BeneficiariesByTypeAndPlace_GroupProposal_CountedAtTheirOwnCommunesWithVietnameseTypes()
    {
        const string commune = "Xã Thử Thụ Hưởng";
        await DecidedAsync(2084, Local, commune, 200_000_000,
        [
            new Beneficiary("Hộ kinh doanh Mây tre A", "001084000001", "household-business", "Xã Tân Hưng"),
            new Beneficiary("Hộ kinh doanh Mây tre B", "001084000002", "household-business", "Xã Tân Hưng"),
            new Beneficiary("Hợp tác xã Mây tre C", "0900000084", "cooperative", "Xã Thử Hợp Tác"),
        ]);
        await DecidedAsync(2084, Local, commune, 100_000_000);

        var stats = await fixture.StatsAsync("from=2084&to=2084");
        Assert.Equal(4, stats.Long("beneficiaries"));
        Assert.Equal(new Dictionary<string, long> { ["Hộ kinh doanh"] = 2 + 1, ["Hợp tác xã"] = 1 }, stats.Counts("byEntityType", "label", "beneficiaries"));
        Assert.Equal(new Dictionary<string, long> { ["Xã Tân Hưng"] = 2, ["Xã Thử Hợp Tác"] = 1, [commune] = 1 }, stats.Counts("byBeneficiaryPlace", "commune", "beneficiaries"));

        // The commune filter of the beneficiary cells is the beneficiaries' own commune.
        var tanHung = await fixture.StatsAsync("from=2084&to=2084&commune=" + Uri.EscapeDataString("Xã Tân Hưng"));
        Assert.Equal(new Dictionary<string, long> { ["Hộ kinh doanh"] = 2 }, tanHung.Counts("byEntityType", "label", "beneficiaries"));
        Assert.Equal(0, tanHung.Long("count"));
    }

    [Fact]
    public async Task Recompute_FacetsMissingFromOlderData_FilledAndASecondRunChangesNothing()
    {
        var c = await DecidedAsync(2085, Local, "Xã Thử Tính Lại", 400_000_000);
        await PayAsync(c, "p-" + c.Id, 100_000_000, new DateTimeOffset(2085, 4, 2, 10, 0, 0, Vietnam));
        var query = "period=annual&year=2085&commune=" + Uri.EscapeDataString("Xã Thử Tính Lại");
        var before = await fixture.StatsAsync(query);
        Assert.Equal(100_000_000, before.Long("paidInPeriod"));
        await ForgetFacetsAsync(2085);
        var forgotten = await fixture.StatsAsync(query);
        Assert.Equal(0, forgotten.Long("paidInPeriod"));
        Assert.Empty(forgotten.GetProperty("byEntityType").EnumerateArray());

        await fixture.Statistics().RecomputeAsync("test", CancellationToken.None);

        var after = await fixture.StatsAsync(query);
        Assert.Equal(100_000_000, after.Long("paidInPeriod"));
        Assert.Equal(before.GetProperty("byEntityType").ToString(), after.GetProperty("byEntityType").ToString());
        var again = await fixture.Statistics().RecomputeAsync("test", CancellationToken.None);
        Assert.Equal((0, 0), (again.CellsCorrected, again.ContributionsCorrected));
        await fixture.AssertSettledAsync(2085);
    }

    /// <summary>Makes the year look as it was stored before facets: snapshots without them, no facet cells.</summary>
    private async Task ForgetFacetsAsync(int year)
    {
        foreach (var row in await fixture.RowsAsync(year))
        {
            if (row.GetString("Facet") is { Length: > 0 })
            {
                await fixture.StatisticsCellsTable().DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All);
            }
            else if (row.GetString("Snapshot") is { Length: > 0 } json)
            {
                var snapshot = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
                snapshot.Remove("beneficiaryPlaces");
                snapshot.Remove("payments");
                row["Snapshot"] = snapshot.ToJsonString();
                await fixture.StatisticsTable().UpdateEntityAsync(row, ETag.All, TableUpdateMode.Replace);
            }
        }
    }
}
