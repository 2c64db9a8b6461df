using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.Domain.Budgets;
using KhuyenCong.Domain.Calls;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Testing;

namespace KhuyenCong.IntegrationTests.Cycle;

/// <summary>A call's ranking and selection over HTTP: the officer's proposal, the director's link, refusals and concurrency (issue 13 line 3).</summary>
[Collection(SelectionCollection.Name)]
public sealed class SelectionTests(LocalHostFixture fixture)
{
    private readonly CycleTestKit kit = new(fixture);

    /// <summary>A local call with six appraised proposals (scores 70 to 95, two tied at 80) and money for the top three.</summary>
    private async Task<(Call Call, List<string> Ids, HttpClient Staff)> LocalCallAsync()
    {
        var staff = kit.Staff();
        var call = await kit.CallAsync(FundingSource.Local, CycleTestKit.NewPlanYear());
        var ids = new List<string>();
        foreach (var average in new[] { 70m, 80m, 95m, 80m, 88m, 75m })
        {
            ids.Add(await kit.AppraisedAsync(staff, call, average));
        }

        var ranking = await CycleTestKit.RankingAsync(staff, call);
        var topThree = ranking.GetProperty("entries").EnumerateArray().Take(3).Sum(e => e.GetProperty("maxAmount").GetInt64());
        await kit.Links.SetRemainingAsync(new BudgetKey(call.PlanYear, FundingSource.Local), topThree);
        return (call, ids, staff);
    }

    private static object Line(string id, bool included, string? reason = null, long? amount = null, string? ifLeftOut = null) =>
        new { proposalId = id, included, amount, ifLeftOut, reason };

    [Fact]
    public async Task Ranking_LocalCallMoneyForThree_ByScoreTiesBySubmissionAndCutAtTheMoney()
    {
        var (call, ids, staff) = await LocalCallAsync();

        var ranking = await CycleTestKit.RankingAsync(staff, call);

        var entries = ranking.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal([ids[2], ids[4], ids[1], ids[3], ids[5], ids[0]], entries.Select(e => e.GetProperty("proposalId").GetString()));
        Assert.Equal("submitted-at", entries[3].GetProperty("placedBy").GetString());
        Assert.Equal([true, true, true, false, false, false], entries.Select(e => e.GetProperty("aboveCut").GetBoolean()));
        Assert.Equal(ranking.GetProperty("available").GetInt64(), ranking.GetProperty("cutTotal").GetInt64());
        Assert.Equal(entries[2].GetProperty("runningTotal").GetInt64(), ranking.GetProperty("cutTotal").GetInt64());
        Assert.Equal(["score", "submitted-at"], ranking.GetProperty("rule").EnumerateArray().Select(r => r.GetProperty("code").GetString()));
        Assert.Contains("235/2025", ranking.GetProperty("notApplied")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProposeSelection_DefaultThenDirectorApprovesThroughLink_StoredAndLinkDecidesOnce()
    {
        var (call, ids, staff) = await LocalCallAsync();

        var (status, body) = await CycleTestKit.ProposeAsync(staff, call, new { });

        Assert.Equal(HttpStatusCode.Created, status);
        var lines = body.GetProperty("selection").GetProperty("lines").EnumerateArray().ToList();
        Assert.Equal([true, true, true, false, false, false], lines.Select(l => l.GetProperty("included").GetBoolean()));
        Assert.True(body.GetProperty("directorNotified").GetBoolean());
        var anonymous = kit.Anonymous();
        var link = await CycleTestKit.DirectorLinkAsync(anonymous, call, 1);
        var (pageStatus, page) = await kit.Links.GetAsync(anonymous, link);
        Assert.Equal(HttpStatusCode.OK, pageStatus);
        Assert.Contains(call.Title, page, StringComparison.Ordinal);
        Assert.Contains("director-sign-in", page, StringComparison.Ordinal);

        var (notSignedIn, _) = await CycleTestKit.DecideAsync(anonymous, link, "approve");
        Assert.Equal(HttpStatusCode.Unauthorized, notSignedIn);
        var (approved, recorded) = await CycleTestKit.DecideAsync(staff, link, "approve");
        Assert.Equal(HttpStatusCode.OK, approved);
        Assert.Contains("Giám đốc đã duyệt", recorded, StringComparison.Ordinal);

        var stored = await staff.GetFromJsonAsync<JsonElement>(new Uri($"/api/calls/{call.Id}/selection", UriKind.Relative));
        Assert.Equal("approved", stored.GetProperty("current").GetProperty("status").GetString());
        var (again, _) = await kit.Links.GetAsync(staff, link);
        Assert.Equal(HttpStatusCode.Conflict, again);
        var (proposeAgain, problem) = await CycleTestKit.ProposeAsync(staff, call, new { });
        Assert.Equal(HttpStatusCode.Conflict, proposeAgain);
        Assert.Contains("đã được Giám đốc duyệt", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProposeSelection_BadChoices_400NamingTheFieldAndNothingStored()
    {
        var (call, ids, staff) = await LocalCallAsync();
        var fourth = (await CycleTestKit.RankingAsync(staff, call)).GetProperty("entries")[3];
        var fourthId = fourth.GetProperty("proposalId").GetString()!;

        var refusals = new (object Body, string Field)[]
        {
            (new { lines = new[] { Line(fourthId, true) } }, "lines[0].reason"),
            (new { lines = new[] { Line(fourthId, true, "Đề án có tác động lớn tới lao động nữ") } }, "lines"),
            (new { lines = new[] { Line(fourthId, true, "Lý do", fourth.GetProperty("maxAmount").GetInt64() + 1) } }, "lines[0].amount"),
            (new { lines = new[] { Line("khong-co", true, "Lý do") } }, "lines[0].proposalId"),
            (new { lines = new[] { Line(fourthId, false, ifLeftOut: "later") } }, "lines[0].ifLeftOut"),
        };
        foreach (var (body, field) in refusals)
        {
            var (status, problem) = await CycleTestKit.ProposeAsync(staff, call, body);
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{field}: {problem}");
        }

        var (english, inEnglish) = await CycleTestKit.ProposeAsync(staff, call, refusals[1].Body, "?lang=en");
        Assert.Equal(HttpStatusCode.BadRequest, english);
        Assert.Contains("above the", inEnglish.GetProperty("errors").GetProperty("lines")[0].GetString(), StringComparison.Ordinal);
        using var none = await staff.GetAsync(new Uri($"/api/calls/{call.Id}/selection", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        using var unknown = await staff.PostAsJsonAsync(new Uri("/api/calls/khongcodot/selection", UriKind.Relative), new { });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task ProposeSelection_DeviationsWithReasons_StoredWithReserveAndAmount()
    {
        var (call, ids, staff) = await LocalCallAsync();
        var entries = (await CycleTestKit.RankingAsync(staff, call)).GetProperty("entries").EnumerateArray().ToList();
        var (first, third, fourth) = (entries[0].GetProperty("proposalId").GetString()!, entries[2].GetProperty("proposalId").GetString()!, entries[3].GetProperty("proposalId").GetString()!);

        var (status, body) = await CycleTestKit.ProposeAsync(staff, call, new
        {
            lines = new[]
            {
                Line(third, false, "Cơ sở chưa bố trí đủ vốn đối ứng", ifLeftOut: "reserve"),
                Line(fourth, true, "Đề án ở xã miền núi"),
                Line(first, true, "Giảm theo khả năng ngân sách", entries[0].GetProperty("maxAmount").GetInt64() - 1_000_000),
            },
        });

        Assert.Equal(HttpStatusCode.Created, status);
        var lines = body.GetProperty("selection").GetProperty("lines").EnumerateArray().ToDictionary(l => l.GetProperty("proposalId").GetString()!);
        Assert.Equal("reserve", lines[third].GetProperty("ifLeftOut").GetString());
        Assert.True(lines[fourth].GetProperty("deviation").GetBoolean());
        Assert.Equal(entries[0].GetProperty("maxAmount").GetInt64() - 1_000_000, lines[first].GetProperty("amount").GetInt64());
        Assert.Equal("not-selected", lines[entries[5].GetProperty("proposalId").GetString()!].GetProperty("ifLeftOut").GetString());
    }

    [Fact]
    public async Task ProposeSelection_TwoAtOnce_OneStoredTheOther409()
    {
        var (call, _, staff) = await LocalCallAsync();

        var answers = await Task.WhenAll(CycleTestKit.ProposeAsync(staff, call, new { }), CycleTestKit.ProposeAsync(kit.Staff(), call, new { }));

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], answers.Select(a => a.Status).Order());
        var stored = await staff.GetFromJsonAsync<JsonElement>(new Uri($"/api/calls/{call.Id}/selection", UriKind.Relative));
        Assert.Equal(1, stored.GetProperty("current").GetProperty("round").GetInt32());
        Assert.Empty(stored.GetProperty("history").EnumerateArray());
    }

    [Fact]
    public async Task SendBack_WithoutCommentThenWithIt_422ThenNewRoundAndTheOldLink409()
    {
        var (call, _, staff) = await LocalCallAsync();
        Assert.Equal(HttpStatusCode.Created, (await CycleTestKit.ProposeAsync(staff, call, new { })).Status);
        var link = await CycleTestKit.DirectorLinkAsync(staff, call, 1);

        var (noComment, page) = await CycleTestKit.DecideAsync(staff, link, "send-back");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noComment);
        Assert.Contains("Vui lòng ghi ý kiến", page, StringComparison.Ordinal);
        var (sentBack, _) = await CycleTestKit.DecideAsync(staff, link, "send-back", "Xem lại thứ tự đề án bằng điểm");
        Assert.Equal(HttpStatusCode.OK, sentBack);

        var (again, body) = await CycleTestKit.ProposeAsync(staff, call, new { });
        Assert.Equal(HttpStatusCode.Created, again);
        Assert.Equal(2, body.GetProperty("selection").GetProperty("round").GetInt32());
        var (old, oldPage) = await kit.Links.GetAsync(staff, link);
        Assert.Equal(HttpStatusCode.Conflict, old);
        Assert.Contains("đề xuất mới hơn", oldPage, StringComparison.Ordinal);
        var stored = await staff.GetFromJsonAsync<JsonElement>(new Uri($"/api/calls/{call.Id}/selection", UriKind.Relative));
        Assert.Equal("Xem lại thứ tự đề án bằng điểm", stored.GetProperty("history")[0].GetProperty("decision").GetProperty("comment").GetString());
        Assert.NotEqual(link, await CycleTestKit.DirectorLinkAsync(staff, call, 2));
    }
}
