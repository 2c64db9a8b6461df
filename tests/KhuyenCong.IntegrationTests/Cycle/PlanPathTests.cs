using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Budgets;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Testing;

namespace KhuyenCong.IntegrationTests.Cycle;

/// <summary>
/// The plan paths over HTTP (issue 13 lines 4 and 5): the local call through the People's Committee's decision, the
/// national call through the Ministry's; money committed in the ledger and the workflow events raised.
/// </summary>
[Collection(SelectionCollection.Name)]
public sealed class PlanPathTests(LocalHostFixture fixture)
{
    private static readonly string Today = DateTimeOffset.UtcNow.ToOffset(VietnamTime.Offset).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    private readonly CycleTestKit kit = new(fixture);

    private static async Task<JsonElement> BudgetAsync(HttpClient staff, int year, string source) =>
        (await staff.GetFromJsonAsync<JsonElement>(new Uri($"/api/budgets?year={year}", UriKind.Relative)))
            .GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("fundingSource").GetString() == source);

    [Fact]
    public async Task LocalPath_SixProposalsMoneyForThree_PeopleCommitteeDecisionCommitsThreeAndTheOthersNotSelected()
    {
        var staff = kit.Staff();
        var call = await kit.CallAsync(FundingSource.Local, CycleTestKit.NewPlanYear());
        var ids = new List<string>();
        foreach (var average in new[] { 70m, 85m, 95m, 60m, 90m, 75m })
        {
            ids.Add(await kit.AppraisedAsync(staff, call, average));
        }

        var entries = (await CycleTestKit.RankingAsync(staff, call)).GetProperty("entries").EnumerateArray().ToList();
        var money = entries.Take(3).Sum(e => e.GetProperty("maxAmount").GetInt64());
        await kit.Links.SetRemainingAsync(new BudgetKey(call.PlanYear, FundingSource.Local), money);
        await CycleTestKit.ApprovedSelectionAsync(staff, call);
        var (top, second, third) = (entries[0].GetProperty("proposalId").GetString()!, entries[1].GetProperty("proposalId").GetString()!, entries[2].GetProperty("proposalId").GetString()!);

        var (early, _) = await CycleTestKit.PlanStepAsync(staff, call, "decision", new { number = "2150/QĐ-UBND", date = Today });
        Assert.Equal(HttpStatusCode.Conflict, early);
        var (submitted, _) = await CycleTestKit.PlanStepAsync(staff, call, "submission", new { number = "125/TTr-SCT", date = Today });
        Assert.Equal(HttpStatusCode.OK, submitted);
        await kit.Links.ExpectRaisedAsync(top, CycleEvents.PlanSubmitted);
        Assert.Empty(await kit.Links.RaisedEventsAsync(entries[3].GetProperty("proposalId").GetString()!, CycleEvents.PlanSubmitted));

        var reduced = entries[0].GetProperty("maxAmount").GetInt64() - 5_000_000;
        var refusals = new (object Body, string Field)[]
        {
            (new { number = "2150/QĐ-UBND", date = Today, lines = new[] { new { proposalId = top, amount = entries[0].GetProperty("maxAmount").GetInt64() + 1 } } }, "lines[0].amount"),
            (new { number = "2150/QĐ-UBND", date = Today, lines = new[] { new { proposalId = entries[4].GetProperty("proposalId").GetString(), amount = 1L } } }, "lines[0].proposalId"),
            (new { number = "", date = "2999-01-01" }, "number"),
        };
        foreach (var (body, field) in refusals)
        {
            var (status, problem) = await CycleTestKit.PlanStepAsync(staff, call, "decision", body);
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{field}: {problem}");
        }

        Assert.Equal(0, (await BudgetAsync(staff, call.PlanYear, "local")).GetProperty("committed").GetInt64());
        var decision = new { number = "2150/QĐ-UBND", date = Today, lines = new[] { new { proposalId = top, amount = reduced } } };
        var (decided, selection) = await CycleTestKit.PlanStepAsync(staff, call, "decision", decision);

        Assert.Equal(HttpStatusCode.OK, decided);
        Assert.Equal("people-committee", selection.GetProperty("planDecision").GetProperty("decidedBy").GetString());
        var line = await BudgetAsync(staff, call.PlanYear, "local");
        Assert.Equal(money - 5_000_000, line.GetProperty("committed").GetInt64());
        foreach (var id in ids)
        {
            await kit.Links.ExpectRaisedAsync(id, CycleEvents.PlanDecided);
        }

        var topDecided = await kit.RaisedAsync(top, CycleEvents.PlanDecided);
        Assert.Equal(reduced, topDecided.GetProperty("Amount").GetInt64());
        Assert.Equal("2150/QĐ-UBND", topDecided.GetProperty("DecisionNumber").GetString());
        Assert.Equal((int)PlanOutcome.Included, (await kit.RaisedAsync(third, CycleEvents.PlanDecided)).GetProperty("Outcome").GetInt32());
        Assert.All(await Task.WhenAll(ids.Except([top, second, third]).Select(id => kit.RaisedAsync(id, CycleEvents.PlanDecided))),
            p => Assert.Equal((int)PlanOutcome.NotSelected, p.GetProperty("Outcome").GetInt32()));

        var (replay, _) = await CycleTestKit.PlanStepAsync(staff, call, "decision", decision);
        Assert.Equal(HttpStatusCode.OK, replay);
        Assert.Equal(money - 5_000_000, (await BudgetAsync(staff, call.PlanYear, "local")).GetProperty("committed").GetInt64());
        var (other, _) = await CycleTestKit.PlanStepAsync(staff, call, "decision", decision with { number = "9999/QĐ-UBND" });
        Assert.Equal(HttpStatusCode.Conflict, other);
    }

    [Fact]
    public async Task NationalPath_MinistryIncludesTwoOfThree_AllocationAndCommitmentsRecordedThirdNotSelected()
    {
        var staff = kit.Staff();
        var call = await kit.CallAsync(FundingSource.National, CycleTestKit.NewPlanYear());
        var ids = new List<string>();
        foreach (var average in new[] { 91m, 82m, 77m })
        {
            ids.Add(await kit.AppraisedAsync(staff, call, average));
        }

        var selected = await CycleTestKit.ApprovedSelectionAsync(staff, call);
        Assert.All(selected.GetProperty("lines").EnumerateArray(), l => Assert.True(l.GetProperty("included").GetBoolean()));
        var (neverSent, problem) = await CycleTestKit.PlanStepAsync(staff, call, "decision", new { number = "1234/QĐ-BCT", date = Today });
        Assert.Equal(HttpStatusCode.Conflict, neverSent);
        Assert.Contains("công văn", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var (dispatched, _) = await CycleTestKit.PlanStepAsync(staff, call, "submission", new { number = "456/SCT-KC", date = Today });
        Assert.Equal(HttpStatusCode.OK, dispatched);
        foreach (var id in ids)
        {
            await kit.Links.ExpectRaisedAsync(id, CycleEvents.PlanSubmitted);
            Assert.Equal((int)PlanPath.National, (await kit.RaisedAsync(id, CycleEvents.PlanSubmitted)).GetProperty("Path").GetInt32());
        }

        var (decided, selection) = await CycleTestKit.PlanStepAsync(staff, call, "decision", new
        {
            number = "1234/QĐ-BCT",
            date = Today,
            lines = new object[] { new { proposalId = ids[2], included = false } },
        });

        Assert.Equal(HttpStatusCode.OK, decided);
        var included = selection.GetProperty("planDecision").GetProperty("lines").EnumerateArray().Where(l => l.GetProperty("included").GetBoolean()).ToList();
        Assert.Equal([ids[0], ids[1]], included.Select(l => l.GetProperty("proposalId").GetString()));
        var total = included.Sum(l => l.GetProperty("amount").GetInt64());
        var line = await BudgetAsync(staff, call.PlanYear, "national");
        Assert.Equal(total, line.GetProperty("allocated").GetInt64());
        Assert.Equal(total, line.GetProperty("committed").GetInt64());
        await kit.Links.ExpectRaisedAsync(ids[2], CycleEvents.PlanDecided);
        Assert.Equal((int)PlanOutcome.NotSelected, (await kit.RaisedAsync(ids[2], CycleEvents.PlanDecided)).GetProperty("Outcome").GetInt32());
        var first = await kit.RaisedAsync(ids[0], CycleEvents.PlanDecided);
        Assert.Equal("ministry", first.GetProperty("DecidedBy").GetString());
        Assert.Equal((int)PlanOutcome.Included, first.GetProperty("Outcome").GetInt32());
    }
}
