using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static KhuyenCong.IntegrationTests.Workflow.WorkflowProbe;

namespace KhuyenCong.IntegrationTests.Cycle;

/// <summary>
/// Issue 13's Proof over HTTP only: both plan paths from the call through the council's routes (members score through
/// their emailed links, the session closes the appraisal), then a plan adjustment and the year-end carry-over.
/// </summary>
[Collection(CycleOverHttpCollection.Name)]
public sealed class CycleOverHttpTests(CycleOverHttpFixture fixture)
{
    private readonly CycleOverHttpKit kit = new(fixture);

    private static long Amount(JsonElement element, string name) => element.GetProperty(name).GetInt64();

    /// <summary>Proposals of a call submitted, screened and scored by the council's members, then the session: their ids, in submission order.</summary>
    private async Task<(string CallId, string Title, List<string> Ids)> AppraisedAsync(string source, int year, int[] tenths)
    {
        var (callId, title, councilUrl, members, emails) = await kit.CallWithCouncilAsync(source, year);
        var ids = new List<string>();
        foreach (var score in tenths)
        {
            var (id, code) = await kit.SubmittedAndScreenedAsync(callId, source, 100_000_000);
            await kit.ScoredByMembersAsync(id, code, emails, score);
            ids.Add(id);
        }

        await kit.SessionAsync(councilUrl, members, ids);
        return (callId, title, ids);
    }

    [Fact]
    public async Task LocalCycle_SixProposalsMoneyForThree_PeopleCommitteeApprovesThreeAndTheOthersAreNotSelected_ThenAdjustedAndCarriedOver()
    {
        var year = CycleOverHttpKit.NewPlanYear();
        var (callId, title, ids) = await AppraisedAsync("local", year, [9, 10, 8, 9, 10, 8]);
        var ranked = (await kit.RankingAsync(callId)).EnumerateArray().ToList();
        var top = ranked.Take(3).Select(e => e.GetProperty("proposalId").GetString()!).ToList();
        var money = ranked.Take(3).Sum(e => Amount(e, "maxAmount"));
        Assert.Equal(HttpStatusCode.OK, (await kit.PutBudgetAsync(year, "local", money)).Status);
        await kit.ApprovedSelectionAsync(callId, title);

        Assert.Equal(HttpStatusCode.OK, (await kit.PostAsync($"/api/calls/{callId}/plan/submission", new { number = "125/TTr-SCT", date = CycleOverHttpKit.TodayText })).Status);
        Assert.Equal(HttpStatusCode.OK, (await kit.PostAsync($"/api/calls/{callId}/plan/decision", new { number = "2150/QĐ-UBND", date = CycleOverHttpKit.TodayText })).Status);

        foreach (var id in ids)
        {
            await WaitForStatusAsync(kit.Officer, id, top.Contains(id) ? "approved" : "not-selected");
        }

        Assert.Equal(money, Amount(await kit.BudgetAsync(year, "local"), "committed"));
        await AdjustedAsync(year, ranked, top);
        await CarriedOverAsync(year, ranked, top);
    }

    /// <summary>An adjustment cuts the first proposal's amount and removes the third (cancelled); one below what is paid is refused naming the paid amount.</summary>
    private async Task AdjustedAsync(int year, List<JsonElement> ranked, List<string> top)
    {
        Assert.Equal(HttpStatusCode.Accepted, (await kit.PostAsync($"/api/proposals/{top[1]}/contract", new { contractNumber = "21/HĐ-KC", contractDate = CycleOverHttpKit.TodayText })).Status);
        await WaitForStatusAsync(kit.Officer, top[1], "in-progress");
        Assert.Equal(HttpStatusCode.Created, (await kit.PostAsync($"/api/proposals/{top[1]}/payments", new { paymentId = "tam-ung-" + top[1], kind = "advance", amount = 30_000_000 })).Status);
        var adjustments = $"/api/plans/{year}/local/adjustments";
        var decision = new
        {
            number = "310/QĐ-UBND", date = CycleOverHttpKit.TodayText, reason = "Cơ sở xin giảm quy mô.",
            lines = new object[] { new { proposalId = top[0], action = "change", amount = Amount(ranked[0], "maxAmount") - 10_000_000 }, new { proposalId = top[2], action = "remove" } },
        };

        var (created, body) = await kit.PostAsync(adjustments, decision);
        var (again, _) = await kit.PostAsync(adjustments, decision);
        var (belowPaid, problem) = await kit.PostAsync(adjustments, new
        {
            number = "311/QĐ-UBND", date = CycleOverHttpKit.TodayText, lines = new[] { new { proposalId = top[1], action = "change", amount = 20_000_000L } },
        });

        Assert.Equal(HttpStatusCode.Created, created);
        Assert.Equal("people-committee", body.GetProperty("adjustments")[0].GetProperty("decidedBy").GetString());
        Assert.Equal(HttpStatusCode.OK, again);
        Assert.Equal(HttpStatusCode.Conflict, belowPaid);
        Assert.Contains("30.000.000", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await WaitForStatusAsync(kit.Officer, top[2], "cancelled");
        var line = await kit.BudgetAsync(year, "local");
        Assert.Equal(Amount(ranked[0], "maxAmount") - 10_000_000 + Amount(ranked[1], "maxAmount"), Amount(line, "committed"));
        Assert.Single((await kit.Officer.GetFromJsonAsync<JsonElement>(adjustments)).GetProperty("adjustments").EnumerateArray());
    }

    /// <summary>The year-end carry-over: the unpaid money moves to next year's line; a later payment is recorded there; nothing counted twice.</summary>
    private async Task CarriedOverAsync(int year, List<JsonElement> ranked, List<string> top)
    {
        var first = Amount(ranked[0], "maxAmount") - 10_000_000;
        var second = Amount(ranked[1], "maxAmount");
        var before = await kit.BudgetAsync(year, "local");
        var carry = $"/api/plans/{year}/local/carry-over";

        var (created, body) = await kit.PostAsync(carry, new { number = "45/SCT-KHTC", date = CycleOverHttpKit.TodayText });
        var (again, _) = await kit.PostAsync(carry, new { number = "45/SCT-KHTC", date = CycleOverHttpKit.TodayText });
        var (other, _) = await kit.PostAsync(carry, new { number = "46/SCT-KHTC", date = CycleOverHttpKit.TodayText });
        Assert.Equal(HttpStatusCode.Created, (await kit.PostAsync($"/api/proposals/{top[1]}/payments", new { paymentId = "dot-2-" + top[1], kind = "advance", amount = 20_000_000 })).Status);

        Assert.Equal(HttpStatusCode.Created, created);
        Assert.Equal(HttpStatusCode.OK, again);
        Assert.Equal(HttpStatusCode.Conflict, other);
        var carried = body.GetProperty("carryOver").GetProperty("proposals").EnumerateArray().ToDictionary(p => p.GetProperty("proposalId").GetString()!, p => Amount(p, "amount"));
        Assert.Equal(new Dictionary<string, long> { [top[0]] = first, [top[1]] = second - 30_000_000 }, carried);
        var thisYear = await kit.BudgetAsync(year, "local");
        var nextYear = await kit.BudgetAsync(year + 1, "local");
        Assert.Equal(30_000_000, Amount(thisYear, "committed"));
        Assert.Equal(30_000_000, Amount(thisYear, "paid"));
        Assert.Equal(Amount(before, "allocated") - carried.Values.Sum(), Amount(thisYear, "allocated"));
        Assert.Equal(carried.Values.Sum(), Amount(nextYear, "allocated"));
        Assert.Equal(carried.Values.Sum(), Amount(nextYear, "committed"));
        Assert.Equal(20_000_000, Amount(nextYear, "paid"));
        Assert.Equal(Amount(before, "committed"), Amount(thisYear, "committed") + Amount(nextYear, "committed"));
    }

    [Fact]
    public async Task NationalCycle_SentToMinistryWhichIncludesTwoOfThree_TwoApprovedWithTheMinistrysAllocationOnceAndOneNotSelected()
    {
        var year = CycleOverHttpKit.NewPlanYear();
        var (callId, title, ids) = await AppraisedAsync("national", year, [10, 9, 8]);
        await kit.ApprovedSelectionAsync(callId, title);
        Assert.Equal(HttpStatusCode.OK, (await kit.PostAsync($"/api/calls/{callId}/plan/submission", new { number = "123/SCT-KC", date = CycleOverHttpKit.TodayText })).Status);
        foreach (var id in ids)
        {
            await WaitForStatusAsync(kit.Officer, id, "sent-to-ministry");
        }

        var decision = new { number = "88/QĐ-BCT", date = CycleOverHttpKit.TodayText, lines = new[] { new { proposalId = ids[2], included = false } } };
        var (decided, selection) = await kit.PostAsync($"/api/calls/{callId}/plan/decision", decision);
        var (again, _) = await kit.PostAsync($"/api/calls/{callId}/plan/decision", decision);

        Assert.Equal(HttpStatusCode.OK, decided);
        Assert.Equal(HttpStatusCode.OK, again);
        Assert.Equal("ministry", selection.GetProperty("planDecision").GetProperty("decidedBy").GetString());
        await WaitForStatusAsync(kit.Officer, ids[0], "approved");
        await WaitForStatusAsync(kit.Officer, ids[1], "approved");
        await WaitForStatusAsync(kit.Officer, ids[2], "not-selected");
        var line = await kit.BudgetAsync(year, "national");
        Assert.True(Amount(line, "committed") > 0);
        Assert.Equal(Amount(line, "committed"), Amount(line, "allocated"));
    }

    [Fact]
    public async Task PlanChangeRoutes_BadInputWrongStageOrSentTwiceAtOnce_RefusedByFieldOrStageAndStoredOnce()
    {
        var year = CycleOverHttpKit.NewPlanYear();
        var (_, _, ids) = await AppraisedAsync("local", year, [9]);
        var path = $"/api/plans/{year}/local/adjustments";
        var cases = new (string Path, object Body, string Field)[]
        {
            ($"/api/plans/{year}/abc/adjustments", new { number = "1/QĐ", date = CycleOverHttpKit.TodayText, lines = new[] { new { proposalId = ids[0], action = "add", amount = 1L } } }, "fundingSource"),
            (path, new { number = "", date = "2999-01-01", lines = Array.Empty<object>() }, "number"),
            (path, new { number = "1/QĐ", date = "2999-01-01", lines = Array.Empty<object>() }, "date"),
            (path, new { number = "1/QĐ", date = CycleOverHttpKit.TodayText, lines = Array.Empty<object>() }, "lines"),
            (path + "?lang=en", new { number = "1/QĐ", date = CycleOverHttpKit.TodayText, lines = new[] { new { proposalId = ids[0], action = "grow", amount = 1L } } }, "lines[0].action"),
            (path, new { number = "1/QĐ", date = CycleOverHttpKit.TodayText, lines = new[] { new { proposalId = "khong-co", action = "change", amount = 1L } } }, "lines[0].proposalId"),
            (path, new { number = "1/QĐ", date = CycleOverHttpKit.TodayText, lines = new[] { new { proposalId = ids[0], action = "add", amount = 999_000_000_000L } } }, "lines[0].amount"),
            ($"/api/plans/{year}/local/carry-over", new { number = "", date = CycleOverHttpKit.TodayText }, "number"),
        };
        foreach (var (target, body, field) in cases)
        {
            var (status, problem) = await kit.PostAsync(target, body);
            Assert.True(status == HttpStatusCode.BadRequest, $"{target} {field}: {(int)status}");
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{field}: {problem}");
        }

        var (_, action) = await kit.PostAsync(path + "?lang=en", new { number = "1/QĐ", date = CycleOverHttpKit.TodayText, lines = new[] { new { proposalId = ids[0], action = "grow" } } });
        Assert.Contains("The action must be", action.GetProperty("errors").GetProperty("lines[0].action")[0].GetString(), StringComparison.Ordinal);

        // Wrong stages: removing a proposal not in the plan, carrying over a plan with nothing unfinished.
        var (notInPlan, stage) = await kit.PostAsync(path + "?lang=en", new { number = "2/QĐ", date = CycleOverHttpKit.TodayText, lines = new[] { new { proposalId = ids[0], action = "remove" } } });
        var (nothing, _) = await kit.PostAsync($"/api/plans/{year}/local/carry-over", new { number = "3/SCT", date = CycleOverHttpKit.TodayText });
        Assert.Equal(HttpStatusCode.Conflict, notInPlan);
        Assert.Contains("appraised", stage.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, nothing);

        // Adding the appraised proposal: one decision number sent twice at once with two amounts is stored once.
        Assert.Equal(HttpStatusCode.OK, (await kit.PutBudgetAsync(year, "local", 500_000_000)).Status);
        var answers = await Task.WhenAll(new[] { 40_000_000L, 50_000_000L }.Select(amount => kit.PostAsync(path,
            new { number = "9/QĐ-UBND", date = CycleOverHttpKit.TodayText, lines = new[] { new { proposalId = ids[0], action = "add", amount } } })));
        Assert.Single(answers, a => a.Status == HttpStatusCode.Created);
        Assert.Single(answers, a => a.Status == HttpStatusCode.Conflict);
        await WaitForStatusAsync(kit.Officer, ids[0], "approved");
        var stored = (await kit.Officer.GetFromJsonAsync<JsonElement>(path)).GetProperty("adjustments");
        Assert.Single(stored.EnumerateArray());
        Assert.Equal(stored[0].GetProperty("lines")[0].GetProperty("amount").GetInt64(), Amount(await kit.BudgetAsync(year, "local"), "committed"));
        Assert.Equal(HttpStatusCode.BadRequest, (await kit.Officer.GetAsync(new Uri($"/api/plans/abc/local/adjustments", UriKind.Relative))).StatusCode);
    }
}
