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
/// A plan's changes page over HTTP (issue 13 line 6): the adjustment decisions recorded, the adjustment form posted
/// without JavaScript to <c>POST /api/plans/{year}/{fundingSource}/adjustments</c> (303 back to the page, 400 with the
/// page again at the line's field and nothing stored, 403 from another site), and the links to it.
/// </summary>
[Collection(SelectionCollection.Name)]
public sealed class PlanChangesPageTests(LocalHostFixture fixture)
{
    private static readonly string Today = DateTimeOffset.UtcNow.ToOffset(VietnamTime.Offset).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    private readonly CycleTestKit kit = new(fixture);

    /// <summary>
    /// A local call whose plan the People's Committee decided (tờ trình then decision, through the API) with its two
    /// proposals: their ids and amounts. The first is then marked approved, the stage its workflow reaches on the
    /// decision, so that an adjustment may change it.
    /// </summary>
    private async Task<(Call Call, string Id, long Amount)> DecidedAsync()
    {
        using var staff = kit.Staff();
        var call = await kit.CallAsync(FundingSource.Local, CycleTestKit.NewPlanYear());
        await kit.AppraisedAsync(staff, call, 90m);
        await kit.AppraisedAsync(staff, call, 70m);
        var entries = (await CycleTestKit.RankingAsync(staff, call)).GetProperty("entries").EnumerateArray().ToList();
        await kit.Links.SetRemainingAsync(new BudgetKey(call.PlanYear, FundingSource.Local), entries.Sum(e => e.GetProperty("maxAmount").GetInt64()));
        var line = (await CycleTestKit.ApprovedSelectionAsync(staff, call)).GetProperty("lines").EnumerateArray().First();
        Assert.Equal(HttpStatusCode.OK, (await CycleTestKit.PlanStepAsync(staff, call, "submission", new { number = "125/TTr-SCT", date = Today })).Status);
        Assert.Equal(HttpStatusCode.OK, (await CycleTestKit.PlanStepAsync(staff, call, "decision", new { number = "2150/QĐ-UBND", date = Today })).Status);
        var id = line.GetProperty("proposalId").GetString()!;
        await kit.Links.SetStatusAsync(id, ProposalStatus.Approved);
        return (call, id, line.GetProperty("amount").GetInt64());
    }

    private static string Page(Call call) => $"/staff/plans/{call.PlanYear}/local/adjustments";

    private static string Api(Call call) => $"/api/plans/{call.PlanYear}/local/adjustments";

    /// <summary>The adjustment form: line 0 left empty, line 1 the proposal with <paramref name="action"/> and <paramref name="amount"/>, lines 2–4 empty.</summary>
    private static List<KeyValuePair<string, string>> AdjustmentForm(string token, string number, string id, string? action, string amount)
    {
        var fields = new List<KeyValuePair<string, string>> { new("csrfToken", token), new("number", number), new("date", Today), new("reason", "Cơ sở xin giảm quy mô.") };
        for (var i = 0; i < 5; i++)
        {
            fields.Add(new($"lines[{i}].proposalId", i == 1 ? id : ""));
            if (i == 1 && action is not null)
            {
                fields.Add(new($"lines[{i}].action", action));
            }

            fields.Add(new($"lines[{i}].amount", i == 1 ? amount : ""));
        }

        return fields;
    }

    [Fact]
    public async Task PlanChangesPage_FormPostChangesAnAmount_303ThenTheDecisionIsInTheHistoryWithTheAmountBeforeAndAfter()
    {
        var (call, id, amount) = await DecidedAsync();
        using var staff = kit.Staff();
        using var browser = CyclePageSupport.NoRedirectClient(fixture);
        var before = await staff.GetStringAsync(new Uri(Page(call), UriKind.Relative));
        var reduced = amount - 5_000_000;

        var (posted, location, _) = await CyclePageSupport.PostFormAsync(browser, Api(call),
            AdjustmentForm(CyclePageSupport.Token(before), "310/QĐ-UBND", id, "change", CyclePageSupport.Grouped(reduced)));
        var after = await staff.GetStringAsync(new Uri(Page(call), UriKind.Relative));
        var english = await staff.GetStringAsync(new Uri(Page(call) + "?lang=en", UriKind.Relative));
        var stored = await staff.GetFromJsonAsync<JsonElement>(new Uri(Api(call), UriKind.Relative));

        Assert.Contains("id=\"no-adjustments\"", before, StringComparison.Ordinal);
        Assert.Contains($"value=\"{id}\"", before, StringComparison.Ordinal);
        Assert.Contains("trong kế hoạch: " + CyclePageSupport.Grouped(amount) + " đồng", before, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.SeeOther, posted);
        Assert.Equal(Page(call) + "?lang=vi", location);
        Assert.Contains("Quyết định số 310/QĐ-UBND, ngày ", after, StringComparison.Ordinal);
        Assert.Contains("Điều chỉnh kinh phí", after, StringComparison.Ordinal);
        Assert.Contains(CyclePageSupport.Grouped(amount) + " đồng", after, StringComparison.Ordinal);
        Assert.Contains(CyclePageSupport.Grouped(reduced) + " đồng", after, StringComparison.Ordinal);
        Assert.Contains("Cơ sở xin giảm quy mô.", after, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"no-adjustments\"", after, StringComparison.Ordinal);
        Assert.Contains("Amount changed", english, StringComparison.Ordinal);
        var line = stored.GetProperty("adjustments").EnumerateArray().Single().GetProperty("lines").EnumerateArray().Single();
        Assert.Equal(id, line.GetProperty("proposalId").GetString());
        Assert.Equal(reduced, line.GetProperty("amount").GetInt64());
    }

    [Fact]
    public async Task PlanChangesPage_FormLineWithoutAction_400WithThePageAgainAtThatLineAndNothingStored()
    {
        var (call, id, amount) = await DecidedAsync();
        using var staff = kit.Staff();
        using var browser = CyclePageSupport.NoRedirectClient(fixture);
        var token = CyclePageSupport.Token(await staff.GetStringAsync(new Uri(Page(call), UriKind.Relative)));
        var typed = CyclePageSupport.Grouped(amount - 1_000_000);

        var (status, _, html) = await CyclePageSupport.PostFormAsync(browser, Api(call), AdjustmentForm(token, "311/QĐ-UBND", id, null, typed));
        var stored = await staff.GetFromJsonAsync<JsonElement>(new Uri(Api(call), UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("id=\"adjustment-form\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#lines[1].action\"", html, StringComparison.Ordinal);
        Assert.Matches("id=\"lines\\[1\\]\\.action-error\">[^<]*Việc điều chỉnh phải là", html);
        Assert.DoesNotContain("href=\"#lines[0].", html, StringComparison.Ordinal);
        Assert.Contains("value=\"311/QĐ-UBND\"", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{typed}\"", html, StringComparison.Ordinal);
        Assert.Matches($"<option value=\"{id}\" selected", html);
        Assert.Empty(stored.GetProperty("adjustments").EnumerateArray());
    }

    [Fact]
    public async Task PlanChangesPage_CrossSiteFormPost_403AndNothingStored()
    {
        var (call, id, amount) = await DecidedAsync();
        using var staff = kit.Staff();
        using var browser = CyclePageSupport.NoRedirectClient(fixture);
        var token = CyclePageSupport.Token(await staff.GetStringAsync(new Uri(Page(call), UriKind.Relative)));

        var (status, _, _) = await CyclePageSupport.PostFormAsync(browser, Api(call),
            AdjustmentForm(token, "312/QĐ-UBND", id, "change", CyclePageSupport.Grouped(amount - 1_000_000)), crossSite: true);
        var stored = await staff.GetFromJsonAsync<JsonElement>(new Uri(Api(call), UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Empty(stored.GetProperty("adjustments").EnumerateArray());
    }

    [Fact]
    public async Task PlanChangesPage_CarryOverFormPost_303ThenTheCarriedAmountAndYearShownWithoutTheForm()
    {
        var (call, _, amount) = await DecidedAsync();
        using var staff = kit.Staff();
        using var browser = CyclePageSupport.NoRedirectClient(fixture);
        var before = await staff.GetStringAsync(new Uri(Page(call), UriKind.Relative));

        var (missing, _, refused) = await CyclePageSupport.PostFormAsync(browser, $"/api/plans/{call.PlanYear}/local/carry-over",
            [new("csrfToken", CyclePageSupport.Token(before)), new("number", ""), new("date", Today)]);
        var (posted, location, _) = await CyclePageSupport.PostFormAsync(browser, $"/api/plans/{call.PlanYear}/local/carry-over",
            [new("csrfToken", CyclePageSupport.Token(before)), new("number", "45/SCT-KHTC"), new("date", Today)]);
        var after = await staff.GetStringAsync(new Uri(Page(call), UriKind.Relative));

        Assert.Contains("id=\"carry-over-form\"", before, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, missing);
        Assert.Contains("href=\"#carry-number\"", refused, StringComparison.Ordinal);
        Assert.Contains("id=\"carry-number-error\"", refused, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.SeeOther, posted);
        Assert.Equal(Page(call) + "?lang=vi", location);
        Assert.Contains("Văn bản số 45/SCT-KHTC, ngày ", after, StringComparison.Ordinal);
        Assert.Contains(CyclePageSupport.Grouped(amount) + " đồng", after, StringComparison.Ordinal);
        Assert.Contains($"<td>{call.PlanYear + 1}</td>", after, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"carry-over-form\"", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlanChangesPage_LinkedFromTheDecidedCallPlanAndThePlansPage()
    {
        var (call, _, _) = await DecidedAsync();
        using var staff = kit.Staff();

        var callPlan = await staff.GetStringAsync(new Uri($"/staff/calls/{call.Id}/plan", UriKind.Relative));
        var plans = await staff.GetStringAsync(new Uri($"/staff/plans?year={call.PlanYear}", UriKind.Relative));

        Assert.Contains($"id=\"plan-changes-link\" href=\"{Page(call)}?lang=vi\"", callPlan, StringComparison.Ordinal);
        Assert.Contains($"id=\"changes-local\" href=\"{Page(call)}?lang=vi\"", plans, StringComparison.Ordinal);
    }
}
