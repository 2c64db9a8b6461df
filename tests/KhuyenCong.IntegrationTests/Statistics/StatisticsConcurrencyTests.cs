using KhuyenCong.Domain.Proposals;
using KhuyenCong.Testing;
using static KhuyenCong.Domain.Proposals.FundingSource;
using static KhuyenCong.Domain.Activities.ProposalKind;

namespace KhuyenCong.IntegrationTests.Statistics;

/// <summary>Refreshes run at least once and may race: many at once, of the same and of different proposals, give exact totals.</summary>
[Collection(StatisticsCollection.Name)]
public class StatisticsConcurrencyTests(LocalHostFixture fixture)
{
    [Fact]
    public async Task RefreshAsync_ManyParallelOfSameAndDifferentProposals_ExactTotals()
    {
        var cases = Enumerable.Range(0, 12)
            .Select(i => new Case(2091, i % 2 == 0 ? Machinery : Training, i % 3 == 0 ? Local : National, "hung-yen", "Xã Tân Hưng", "Cơ khí", 100_000_000 + i, Jobs: 1))
            .ToList();
        foreach (var c in cases)
        {
            await fixture.Proposals().StoreAsync(c);
        }

        // Every record changes behind the statistics' back, then each proposal is refreshed six times at once.
        await Task.WhenAll(cases.Select((c, i) => fixture.PlainProposals().SaveFundingAsync(c.Id,
            new ProposalFunding { ApprovedAmount = 90_000_000 + i, PaidAmount = 10_000_000 * (i + 1) }, CancellationToken.None)));
        var store = fixture.Statistics();
        await Task.WhenAll(Enumerable.Range(0, 6).SelectMany(_ => cases).Select(c => Task.Run(() => store.RefreshAsync(c.Id, CancellationToken.None))));

        var stats = await fixture.StatsAsync("from=2091&to=2091");
        Assert.Equal(12, stats.Long("count"));
        Assert.Equal(cases.Sum(c => c.Requested), stats.Long("requested"));
        Assert.Equal(Enumerable.Range(0, 12).Sum(i => 90_000_000L + i), stats.Long("approved"));
        Assert.Equal(Enumerable.Range(0, 12).Sum(i => 10_000_000L * (i + 1)), stats.Long("paid"));
        Assert.Equal(Enumerable.Range(0, 12).Where(i => i % 2 == 0).Sum(i => 10_000_000L * (i + 1)), stats.Long("paidDirect"));
        Assert.Equal(12, stats.Long("jobs"));
        await fixture.AssertSettledAsync(2091);
    }

    [Fact]
    public async Task ChangeStatusAsync_ParallelWorkflowStepsWithRetries_ExactCountsByStatus()
    {
        var cases = Enumerable.Range(0, 10)
            .Select(i => new Case(2092, Machinery, National, "hung-yen", i % 2 == 0 ? "Xã Tân Hưng" : "Xã Đông Hưng", "Cơ khí", 100_000_000))
            .ToList();
        foreach (var c in cases)
        {
            await fixture.Proposals().StoreAsync(c);
        }

        // Each proposal moves screening → in review → approved, every step delivered twice and all proposals at once
        // (an activity retried while another proposal's activity runs), with funding and programme in between.
        var repository = fixture.Proposals();
        var statuses = new[] { ProposalStatus.Screening, ProposalStatus.InReview, ProposalStatus.Approved };
        await Task.WhenAll(cases.Select(c => Task.Run(async () =>
        {
            for (var step = 0; step < statuses.Length; step++)
            {
                var change = new StatusChange(DateTimeOffset.UtcNow, step == 0 ? ProposalStatus.Submitted : statuses[step - 1], statuses[step], "tester", null);
                await Task.WhenAll(
                    repository.ChangeStatusAsync(c.Id, step + 2, change, CancellationToken.None),
                    repository.ChangeStatusAsync(c.Id, step + 2, change, CancellationToken.None));
            }

            await Task.WhenAll(
                repository.SaveFundingAsync(c.Id, new ProposalFunding { ApprovedAmount = 80_000_000 }, CancellationToken.None),
                repository.SetProgrammeAsync(c.Id, "ct-2026-2030", CancellationToken.None));
        })));

        var stats = await fixture.StatsAsync("from=2092&to=2092");
        Assert.Equal(10, stats.Long("count"));
        Assert.Equal(new Dictionary<string, long> { ["approved"] = 10 }, stats.Counts("byStatus", "status"));
        Assert.Equal(800_000_000, stats.Long("approved"));
        var programme = Assert.Single(stats.GetProperty("programmes").EnumerateArray());
        Assert.Equal("ct-2026-2030", programme.GetProperty("programmeId").GetString());
        Assert.Equal(10, programme.Long("count"));
        await fixture.AssertSettledAsync(2092);
    }
}
