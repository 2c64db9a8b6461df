using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Budgets;
using KhuyenCong.Domain.Calls;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Testing;

namespace KhuyenCong.IntegrationTests.Cycle;

/// <summary>
/// A call's plan page over HTTP (issue 13 line 8): the tờ trình or the dispatch, then the People's Committee's or the
/// Ministry's decision, each form posted without JavaScript to the plan routes (303 back to the page, 400 with the page
/// again at the fields, 409 at the wrong stage, 403 from another site).
/// </summary>
[Collection(SelectionCollection.Name)]
public sealed class PlanPageTests(LocalHostFixture fixture)
{
    private static readonly string Today = DateTimeOffset.UtcNow.ToOffset(VietnamTime.Offset).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    private readonly CycleTestKit kit = new(fixture);

    /// <summary>A call of <paramref name="source"/> with two appraised proposals (90, 70), money for both, its selection approved by the director.</summary>
    private async Task<(Call Call, List<JsonElement> Lines)> ApprovedAsync(FundingSource source)
    {
        using var staff = kit.Staff();
        var call = await kit.CallAsync(source, CycleTestKit.NewPlanYear());
        await kit.AppraisedAsync(staff, call, 90m);
        await kit.AppraisedAsync(staff, call, 70m);
        var entries = (await CycleTestKit.RankingAsync(staff, call)).GetProperty("entries").EnumerateArray().ToList();
        await kit.Links.SetRemainingAsync(new BudgetKey(call.PlanYear, source), entries.Sum(e => e.GetProperty("maxAmount").GetInt64()));
        var selection = await CycleTestKit.ApprovedSelectionAsync(staff, call);
        return (call, selection.GetProperty("lines").EnumerateArray().ToList());
    }

    private async Task<string> TokenAsync(Call call)
    {
        using var staff = kit.Staff();
        return CyclePageSupport.Token(await staff.GetStringAsync(new Uri($"/staff/calls/{call.Id}/plan", UriKind.Relative)));
    }

    /// <summary>The decision form: the first line included at <paramref name="amount"/>, the second not included, as <paramref name="ifNotIncluded"/>.</summary>
    private static List<KeyValuePair<string, string>> DecisionForm(string token, string number, List<JsonElement> lines, string amount, string ifNotIncluded) =>
    [
        new("csrfToken", token), new("number", number), new("date", Today),
        new("lines[0].proposalId", lines[0].GetProperty("proposalId").GetString()!), new("lines[0].included", "true"), new("lines[0].amount", amount),
        new("lines[0].ifNotIncluded", "not-selected"),
        new("lines[1].proposalId", lines[1].GetProperty("proposalId").GetString()!), new("lines[1].amount", ""), new("lines[1].ifNotIncluded", ifNotIncluded),
    ];

    [Fact]
    public async Task PlanPage_PeopleCommittee_DecisionBeforeTheTờTrìnhIs409ThenTờTrìnhThenDecisionWithAnotherAmountAndAReserve()
    {
        var (call, lines) = await ApprovedAsync(FundingSource.Local);
        using var staff = kit.Staff();
        using var browser = CyclePageSupport.NoRedirectClient(fixture);
        var page = $"/staff/calls/{call.Id}/plan";
        var token = await TokenAsync(call);
        var reduced = lines[0].GetProperty("amount").GetInt64() - 5_000_000;
        var decision = DecisionForm(token, "2150/QĐ-UBND", lines, CyclePageSupport.Grouped(reduced), "reserve");

        var (early, _, earlyPage) = await CyclePageSupport.PostFormAsync(browser, $"/api/calls/{call.Id}/plan/decision", decision);
        var (submitted, location, _) = await CyclePageSupport.PostFormAsync(browser, $"/api/calls/{call.Id}/plan/submission",
            [new("csrfToken", token), new("number", "125/TTr-SCT"), new("date", Today)]);
        var afterSubmission = await staff.GetStringAsync(new Uri(page, UriKind.Relative));
        var (decided, decidedAt, _) = await CyclePageSupport.PostFormAsync(browser, $"/api/calls/{call.Id}/plan/decision", decision);
        var after = await staff.GetStringAsync(new Uri(page, UriKind.Relative));
        var budget = (await staff.GetFromJsonAsync<JsonElement>(new Uri($"/api/budgets?year={call.PlanYear}", UriKind.Relative)))
            .GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("fundingSource").GetString() == "local");

        Assert.Equal(HttpStatusCode.Conflict, early);
        Assert.Contains("Chưa ghi nhận tờ trình", earlyPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.SeeOther, submitted);
        Assert.Equal(page + "?lang=vi", location);
        Assert.Contains("125/TTr-SCT", afterSubmission, StringComparison.Ordinal);
        Assert.Contains("id=\"decision-form\"", afterSubmission, StringComparison.Ordinal);
        Assert.Contains("id=\"van-ban\"", afterSubmission, StringComparison.Ordinal); // the call's documents on its plan page (issue 15 line 6)
        Assert.Contains("id=\"generate-selection-submission\"", afterSubmission, StringComparison.Ordinal);
        Assert.Contains("id=\"generate-plan-decision\"", afterSubmission, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.SeeOther, decided);
        Assert.Equal(page + "?lang=vi", decidedAt);
        Assert.Contains("2150/QĐ-UBND", after, StringComparison.Ordinal);
        Assert.Contains(CyclePageSupport.Grouped(reduced) + " đồng", after, StringComparison.Ordinal);
        Assert.Contains("Dự phòng cho kế hoạch sau", after, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"decision-form\"", after, StringComparison.Ordinal);
        Assert.Equal(reduced, budget.GetProperty("committed").GetInt64());
        await kit.Links.ExpectRaisedAsync(lines[1].GetProperty("proposalId").GetString()!, CycleEvents.PlanDecided);
    }

    [Fact]
    public async Task PlanPage_TờTrìnhWithoutNumberOrAmountAboveTheMost_Is400WithThePageAgainAtTheFieldsAndTheValuesKept()
    {
        var (call, lines) = await ApprovedAsync(FundingSource.Local);
        using var browser = CyclePageSupport.NoRedirectClient(fixture);
        var token = await TokenAsync(call);

        var (missing, _, html) = await CyclePageSupport.PostFormAsync(browser, $"/api/calls/{call.Id}/plan/submission",
            [new("csrfToken", token), new("number", " "), new("date", Today)]);
        var (submitted, _, _) = await CyclePageSupport.PostFormAsync(browser, $"/api/calls/{call.Id}/plan/submission",
            [new("csrfToken", token), new("number", "126/TTr-SCT"), new("date", Today)]);
        var above = CyclePageSupport.Grouped(lines[0].GetProperty("maxAmount").GetInt64() + 1);
        var (tooMuch, _, decisionPage) = await CyclePageSupport.PostFormAsync(browser, $"/api/calls/{call.Id}/plan/decision",
            DecisionForm(token, "2151/QĐ-UBND", lines, above, "not-selected"));

        Assert.Equal(HttpStatusCode.BadRequest, missing);
        Assert.Contains("id=\"submission-form\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#number\"", html, StringComparison.Ordinal);
        Assert.Contains("Vui lòng nhập số văn bản", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{Today}\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.SeeOther, submitted);
        Assert.Equal(HttpStatusCode.BadRequest, tooMuch);
        Assert.Contains("id=\"decision-form\"", decisionPage, StringComparison.Ordinal);
        Assert.Contains("href=\"#lines[0].amount\"", decisionPage, StringComparison.Ordinal);
        Assert.Contains($"value=\"{above}\"", decisionPage, StringComparison.Ordinal);
        Assert.Contains("value=\"2151/QĐ-UBND\"", decisionPage, StringComparison.Ordinal);
        Assert.DoesNotMatch("id=\"lines\\[1\\]\\.included\"[^>]*checked", decisionPage);
    }

    [Fact]
    public async Task PlanPage_National_DispatchThenTheMinistrysDecisionPerProposalAndACrossSitePostIs403()
    {
        var (call, lines) = await ApprovedAsync(FundingSource.National);
        using var staff = kit.Staff();
        using var browser = CyclePageSupport.NoRedirectClient(fixture);
        var page = $"/staff/calls/{call.Id}/plan";
        var before = await staff.GetStringAsync(new Uri(page, UriKind.Relative));
        var token = CyclePageSupport.Token(before);
        var dispatch = new List<KeyValuePair<string, string>> { new("csrfToken", token), new("number", "1520/SCT-QLCN"), new("date", Today) };

        var (forged, _, _) = await CyclePageSupport.PostFormAsync(browser, $"/api/calls/{call.Id}/plan/submission", dispatch, crossSite: true);
        var stillOpen = await staff.GetStringAsync(new Uri(page, UriKind.Relative));
        var (sent, _, _) = await CyclePageSupport.PostFormAsync(browser, $"/api/calls/{call.Id}/plan/submission", dispatch);
        var amount = lines[0].GetProperty("amount").GetInt64();
        var (decided, _, _) = await CyclePageSupport.PostFormAsync(browser, $"/api/calls/{call.Id}/plan/decision",
            DecisionForm(token, "2050/QĐ-BCT", lines, CyclePageSupport.Grouped(amount), "not-selected"));
        var after = await staff.GetStringAsync(new Uri(page, UriKind.Relative));

        Assert.Contains("Công văn gửi Bộ Công Thương", before, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, forged);
        Assert.Contains("id=\"submission-form\"", stillOpen, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.SeeOther, sent);
        Assert.Equal(HttpStatusCode.SeeOther, decided);
        Assert.Contains("1520/SCT-QLCN", after, StringComparison.Ordinal);
        Assert.Contains("2050/QĐ-BCT", after, StringComparison.Ordinal);
        Assert.Contains("Không lựa chọn", after, StringComparison.Ordinal);
        Assert.Contains(CyclePageSupport.Grouped(amount) + " đồng", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlanPage_SelectionNotApproved_SaysSoWithoutAFormAndLinksTheRanking()
    {
        using var staff = kit.Staff();
        var call = await kit.CallAsync(FundingSource.Local, CycleTestKit.NewPlanYear());

        var html = await staff.GetStringAsync(new Uri($"/staff/calls/{call.Id}/plan", UriKind.Relative));

        Assert.Contains("id=\"plan-not-ready\"", html, StringComparison.Ordinal);
        Assert.Contains("Đợt này chưa có danh sách đề xuất lựa chọn.", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/staff/calls/{call.Id}/ranking?lang=vi\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"submission-form\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"decision-form\"", html, StringComparison.Ordinal);
    }
}
