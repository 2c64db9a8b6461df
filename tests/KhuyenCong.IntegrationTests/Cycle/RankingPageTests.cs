using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.Domain.Budgets;
using KhuyenCong.Domain.Calls;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Testing;

namespace KhuyenCong.IntegrationTests.Cycle;

/// <summary>
/// The officer's ranking page over HTTP (issue 13 line 8): the ranked list with the rule, the running total and the cut
/// line; its selection form posted without JavaScript to <c>POST /api/calls/{callId}/selection</c> (303 back to the page,
/// 400 with the page again at the fields, 409 at the wrong stage, 403 from another site).
/// </summary>
[Collection(SelectionCollection.Name)]
public sealed class RankingPageTests(LocalHostFixture fixture)
{
    private readonly CycleTestKit kit = new(fixture);

    /// <summary>A local call with three appraised proposals (90, 75, 60) and money for the first two; the ranking's entries.</summary>
    private async Task<(Call Call, List<JsonElement> Entries)> RankedCallAsync(string lowTitle = "Đề án điểm thấp")
    {
        using var staff = kit.Staff();
        var call = await kit.CallAsync(FundingSource.Local, CycleTestKit.NewPlanYear());
        await kit.AppraisedAsync(staff, call, 60m, title: lowTitle);
        await kit.AppraisedAsync(staff, call, 90m);
        await kit.AppraisedAsync(staff, call, 75m);
        var entries = (await CycleTestKit.RankingAsync(staff, call)).GetProperty("entries").EnumerateArray().ToList();
        await kit.Links.SetRemainingAsync(new BudgetKey(call.PlanYear, FundingSource.Local), entries.Take(2).Sum(e => e.GetProperty("maxAmount").GetInt64()));
        return (call, entries);
    }

    /// <summary>The form as the page fills it: every line, the first two included at their most, the third left out.</summary>
    private static List<KeyValuePair<string, string>> DefaultForm(string token, List<JsonElement> entries)
    {
        var fields = new List<KeyValuePair<string, string>> { new("csrfToken", token) };
        for (var i = 0; i < entries.Count; i++)
        {
            fields.Add(new($"lines[{i}].proposalId", entries[i].GetProperty("proposalId").GetString()!));
            if (i < 2)
            {
                fields.Add(new($"lines[{i}].included", "true"));
            }

            fields.Add(new($"lines[{i}].amount", CyclePageSupport.Grouped(entries[i].GetProperty("maxAmount").GetInt64())));
            fields.Add(new($"lines[{i}].ifLeftOut", "not-selected"));
            fields.Add(new($"lines[{i}].reason", string.Empty));
        }

        return fields;
    }

    [Fact]
    public async Task RankingPage_ThreeAppraisedMoneyForTwo_ShowsTheRuleTheRunningTotalAndTheCutLineBeforeTheThird()
    {
        var (call, entries) = await RankedCallAsync("Đề án <b>điểm thấp</b>");
        using var staff = kit.Staff();

        var html = await staff.GetStringAsync(new Uri($"/staff/calls/{call.Id}/ranking", UriKind.Relative));
        var english = await staff.GetStringAsync(new Uri($"/staff/calls/{call.Id}/ranking?lang=en", UriKind.Relative));

        Assert.Contains("Điểm bình quân của hội đồng thẩm định, từ cao xuống thấp", html, StringComparison.Ordinal);
        Assert.Contains("Bằng điểm: nộp hồ sơ sớm hơn xếp trước", html, StringComparison.Ordinal);
        Assert.Contains("Nghị định 235/2025/NĐ-CP", html, StringComparison.Ordinal);
        var rows = entries.Select(e => html.IndexOf($"id=\"rank-{e.GetProperty("proposalId").GetString()}\"", StringComparison.Ordinal)).ToList();
        var cut = html.IndexOf("id=\"cut-line\"", StringComparison.Ordinal);
        Assert.True(rows[0] > 0 && rows[0] < rows[1] && rows[1] < cut && cut < rows[2], $"rows {string.Join(",", rows)}, cut {cut}");
        Assert.Contains(CyclePageSupport.Grouped(entries[1].GetProperty("runningTotal").GetInt64()) + " đồng", html, StringComparison.Ordinal);
        Assert.Contains("Đề án &lt;b&gt;điểm thấp&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>điểm thấp</b>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"selection-form\"", html, StringComparison.Ordinal);
        Assert.Contains("average score, highest first", english, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\"", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RankingPage_DefaultFormPosted_ProposesTheRankingCutAtTheMoneyRedirectsBackAndASecondPostIs409()
    {
        var (call, entries) = await RankedCallAsync();
        using var staff = kit.Staff();
        using var browser = CyclePageSupport.NoRedirectClient(fixture);
        var page = $"/staff/calls/{call.Id}/ranking";
        var token = CyclePageSupport.Token(await staff.GetStringAsync(new Uri(page, UriKind.Relative)));

        var (status, location, _) = await CyclePageSupport.PostFormAsync(browser, $"/api/calls/{call.Id}/selection", DefaultForm(token, entries));
        var (again, _, conflict) = await CyclePageSupport.PostFormAsync(browser, $"/api/calls/{call.Id}/selection", DefaultForm(token, entries));
        var selection = (await staff.GetFromJsonAsync<JsonElement>(new Uri($"/api/calls/{call.Id}/selection", UriKind.Relative))).GetProperty("current");
        var after = await staff.GetStringAsync(new Uri(page, UriKind.Relative));

        Assert.Equal(HttpStatusCode.SeeOther, status);
        Assert.Equal(page + "?lang=vi", location);
        Assert.Equal([true, true, false], selection.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("included").GetBoolean()));
        Assert.All(selection.GetProperty("lines").EnumerateArray(), l => Assert.False(l.GetProperty("deviation").GetBoolean()));
        Assert.Contains("Đã trình Giám đốc, chờ duyệt", after, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"selection-form\"", after, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, again);
        Assert.Contains("đang chờ Giám đốc duyệt", conflict, StringComparison.Ordinal);
        await CycleTestKit.DirectorLinkAsync(staff, call, 1);
    }

    [Fact]
    public async Task RankingPage_ThirdIncludedWithoutReason_Is400WithThePageAgainTheValuesKeptAndNothingStored()
    {
        var (call, entries) = await RankedCallAsync();
        using var staff = kit.Staff();
        using var browser = CyclePageSupport.NoRedirectClient(fixture);
        var form = DefaultForm(CyclePageSupport.Token(await staff.GetStringAsync(new Uri($"/staff/calls/{call.Id}/ranking", UriKind.Relative))), entries);
        form.Add(new("lines[2].included", "true"));
        form[form.FindIndex(f => f.Key == "lines[2].amount")] = new("lines[2].amount", "12.345.678");

        var (status, _, html) = await CyclePageSupport.PostFormAsync(browser, $"/api/calls/{call.Id}/selection", form);
        using var stored = await staff.GetAsync(new Uri($"/api/calls/{call.Id}/selection", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("id=\"selection-form\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"error-summary\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#lines[2].reason\"", html, StringComparison.Ordinal);
        Assert.Contains("Vui lòng nêu lý do khi lựa chọn khác với danh sách xếp thứ tự", html, StringComparison.Ordinal);
        Assert.Matches("name=\"lines\\[2\\]\\.reason\"[^>]*aria-invalid=\"true\"|aria-invalid=\"true\"[^>]*name=\"lines\\[2\\]\\.reason\"", html);
        Assert.Contains("value=\"12.345.678\"", html, StringComparison.Ordinal);
        Assert.Matches("id=\"lines\\[2\\]\\.included\"[^>]*checked", html);
        Assert.Equal(HttpStatusCode.NotFound, stored.StatusCode);
    }

    [Fact]
    public async Task RankingPage_FormPostedFromAnotherSite_Is403AndNothingStored()
    {
        var (call, entries) = await RankedCallAsync();
        using var staff = kit.Staff();
        using var browser = CyclePageSupport.NoRedirectClient(fixture);
        var form = DefaultForm(CyclePageSupport.Token(await staff.GetStringAsync(new Uri($"/staff/calls/{call.Id}/ranking", UriKind.Relative))), entries);

        var (status, _, _) = await CyclePageSupport.PostFormAsync(browser, $"/api/calls/{call.Id}/selection", form, crossSite: true);
        var (noToken, _, _) = await CyclePageSupport.PostFormAsync(browser, $"/api/calls/{call.Id}/selection", form.Skip(1).ToList());
        using var stored = await staff.GetAsync(new Uri($"/api/calls/{call.Id}/selection", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal(HttpStatusCode.Forbidden, noToken);
        Assert.Equal(HttpStatusCode.NotFound, stored.StatusCode);
    }

    [Fact]
    public async Task CallsAndRankingPages_UnknownCall_Is404AndTheCallsPageLinksEachCallsRankingAndPlan()
    {
        var (call, _) = await RankedCallAsync();
        using var staff = kit.Staff();

        using var missing = await staff.GetAsync(new Uri("/staff/calls/khong-co/ranking", UriKind.Relative));
        using var missingPlan = await staff.GetAsync(new Uri("/staff/calls/khong-co/plan", UriKind.Relative));
        var calls = await staff.GetStringAsync(new Uri("/staff/calls", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missingPlan.StatusCode);
        Assert.Contains($"href=\"/staff/calls/{call.Id}/ranking?lang=vi\"", calls, StringComparison.Ordinal);
        Assert.Contains($"href=\"/staff/calls/{call.Id}/plan?lang=vi\"", calls, StringComparison.Ordinal);
    }
}
