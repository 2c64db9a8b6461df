using System.Net;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Testing;
using static KhuyenCong.Domain.Proposals.FundingSource;
using static KhuyenCong.Domain.Activities.ProposalKind;

namespace KhuyenCong.IntegrationTests.Statistics;

/// <summary>The nightly recompute, run through the admin API as the timer would run it: drift is corrected and reported.</summary>
[Collection(StatisticsCollection.Name)]
public class StatisticsRecomputeTests(LocalHostFixture fixture)
{
    private async Task RunNightlyAsync()
    {
        using var client = fixture.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/admin/functions/RecomputeStatistics") { Content = new StringContent("{}") };
        request.Headers.Add("x-functions-key", LocalHostFactory.AdminKey);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    private async Task<JsonElement> LatestRunAsync()
    {
        using var client = fixture.CreateClient(withFunctionKey: true);
        var body = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/stats/runs", UriKind.Relative))).RootElement;
        return body.GetProperty("runs").EnumerateArray().First();
    }

    [Fact]
    public async Task RecomputeStatistics_CorruptedCellAndLostRefresh_CorrectedAndReported()
    {
        var cases = new List<Case>
        {
            new(2081, Machinery, National, "hung-yen", "Xã Tân Hưng", "Cơ khí", 300_000_000, Jobs: 4),
            new(2081, Machinery, National, "hung-yen", "Xã Tân Hưng", "Cơ khí", 200_000_000, Jobs: 1),
            new(2081, Training, Local, "hung-yen", "Xã Đông Hưng", "Dệt may", 80_000_000, Trainees: 20),
        };
        foreach (var c in cases)
        {
            await fixture.Proposals().StoreAsync(c);
        }

        // Drift 1: a cell's figures overwritten (a bug, a manual edit). Drift 2: a funding change whose refresh never ran.
        var table = fixture.StatisticsCellsTable();
        var cell = (await fixture.RowsAsync(2081)).First(r => r.RowKey.StartsWith("cell-", StringComparison.Ordinal) && r.GetString("Kind") == "machinery" && r.GetString("Facet") is null); // a main cell, not a facet cell (ADR 0029)
        cell["Count"] = 17L;
        cell["Requested"] = 1L;
        await table.UpdateEntityAsync(cell, ETag.All, TableUpdateMode.Replace);
        await fixture.PlainProposals().SaveFundingAsync(cases[2].Id, new ProposalFunding { ApprovedAmount = 80_000_000, PaidAmount = 30_000_000 }, CancellationToken.None);
        var drifted = await fixture.StatsAsync("from=2081&to=2081");
        Assert.Equal(18, drifted.Long("count"));

        await RunNightlyAsync();

        var stats = await fixture.StatsAsync("from=2081&to=2081");
        Assert.Equal(3, stats.Long("count"));
        Assert.Equal(580_000_000, stats.Long("requested"));
        Assert.Equal(80_000_000, stats.Long("approved"));
        Assert.Equal(30_000_000, stats.Long("paid"));
        Assert.Equal(5, stats.Long("jobs"));
        Assert.Equal(20, stats.Long("trainees"));
        var run = await LatestRunAsync();
        Assert.Equal("completed", run.GetProperty("outcome").GetString());
        Assert.True(run.GetProperty("cellsCorrected").GetInt32() >= 1, run.ToString());
        Assert.True(run.GetProperty("contributionsCorrected").GetInt32() >= 1, run.ToString());
        Assert.True(run.GetProperty("proposals").GetInt32() >= 3, run.ToString());
        await fixture.AssertSettledAsync(2081);

        // A second run finds nothing more to correct.
        await RunNightlyAsync();
        var again = await LatestRunAsync();
        Assert.NotEqual(run.GetProperty("id").GetString(), again.GetProperty("id").GetString());
        Assert.Equal(0, again.GetProperty("cellsCorrected").GetInt32());
        Assert.Equal(0, again.GetProperty("contributionsCorrected").GetInt32());
    }

    [Fact]
    public async Task RecomputeStatistics_ChangeLeftHalfDone_FinishesItOnce()
    {
        var c = new Case(2082, DemonstrationModel, Local, "hung-yen", "Xã Tân Hưng", "Cơ khí", 500_000_000);
        await fixture.Proposals().StoreAsync(c);

        // A crash after the intent was written: the contribution row holds a pending change nobody finished.
        await fixture.PlainProposals().SaveFundingAsync(c.Id, new ProposalFunding { ApprovedAmount = 400_000_000, PaidAmount = 100_000_000 }, CancellationToken.None);
        var table = fixture.StatisticsTable();
        var contribution = (await table.GetEntityAsync<TableEntity>("2082", "contrib-" + c.Id)).Value;
        var target = contribution.GetString("Snapshot").Replace("\"approved\":null,\"paid\":0", "\"approved\":400000000,\"paid\":100000000", StringComparison.Ordinal);
        Assert.NotEqual(contribution.GetString("Snapshot"), target);
        contribution["PendingOp"] = Guid.NewGuid().ToString("N");
        contribution["PendingTo"] = target;
        await table.UpdateEntityAsync(contribution, contribution.ETag, TableUpdateMode.Replace);

        await RunNightlyAsync();

        var stats = await fixture.StatsAsync("from=2082&to=2082");
        Assert.Equal(1, stats.Long("count"));
        Assert.Equal(400_000_000, stats.Long("approved"));
        Assert.Equal(100_000_000, stats.Long("paid"));
        Assert.Equal(100_000_000, stats.Long("paidDirect"));
        await fixture.AssertSettledAsync(2082);
    }
}
