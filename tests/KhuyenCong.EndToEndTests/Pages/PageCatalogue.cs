using Microsoft.Playwright;

namespace KhuyenCong.EndToEndTests.Pages;

/// <summary>One page of the site as the page tests open it.</summary>
/// <param name="Name">Its name in test results and screenshot files ("link-review").</param>
/// <param name="Staff">Opened signed in as staff (LocalHost's function key).</param>
/// <param name="Address">Its address, once the state it needs is prepared.</param>
/// <param name="Open">How the page is reached from its address when not by opening it (a form's post); null: opened.</param>
/// <param name="Status">The status it answers with; null: any success.</param>
public sealed record CataloguedPage(string Name, bool Staff, Func<PageStates, Task<string>> Address,
    Func<IPage, string, Task<IResponse?>>? Open = null, int? Status = null)
{
    public override string ToString() => Name;
}

/// <summary>
/// Every page of the site, in the state in which it shows its content (a link page open, not refused): the page
/// tests (screenshots at 360 and 1280 px, accessibility scan) run on each. A new page is added here, once.
/// </summary>
public static class PageCatalogue
{
    public static IReadOnlyList<CataloguedPage> All { get; } =
    [
        new("form", Staff: false, _ => Task.FromResult("/")),
        new("form-group", Staff: false, _ => Task.FromResult("/"), ChooseAnImplementingUnitsRound),
        new("form-refused", Staff: false, _ => Task.FromResult("/"), PostTheFormWithoutScript, Status: 400),
        new("form-check-answers", Staff: false, _ => Task.FromResult("/"), FillAndCheckTheAnswers),
        new("confirmation", Staff: false, async s => $"/track/{(await s.SubmittedAsync()).TrackingCode}?submitted=1"),
        new("tracking", Staff: false, async s => $"/track/{(await s.SubmittedAsync()).TrackingCode}"),
        new("track-lookup", Staff: false, _ => Task.FromResult("/track")),
        new("track-lookup-found", Staff: false, async s => $"/track?taxCode={(await s.SubmittedAsync()).TaxCode}", LookUpByTaxCodeAndPhone),
        new("link-review", Staff: false, s => s.ReviewLinkAsync()),
        new("link-approval", Staff: false, s => s.ApprovalLinkAsync()),
        new("link-approval-confirm", Staff: true, async s => (await s.NewApprovalLinkAsync()).Link, AskToApprove),
        new("link-revision", Staff: false, s => s.RevisionLinkAsync()),
        new("link-withdrawal", Staff: false, s => s.WithdrawalLinkAsync()),
        new("link-report", Staff: false, s => s.ReportLinkAsync()),
        new("link-selection", Staff: false, s => s.SelectionLinkAsync()),
        new("link-already-used", Staff: false, s => s.UsedReviewLinkAsync(), Status: 409),
        new("staff-queue", Staff: true, async s => { await s.SubmittedAsync(); return "/staff/queue"; }),
        new("staff-decisions", Staff: true, async s => { await s.ApprovalLinkAsync(); await s.SelectionLinkAsync(); return "/staff/decisions"; }),
        new("staff-proposals", Staff: true, _ => Task.FromResult("/staff/proposals?year=2026")),
        new("staff-bulk-result", Staff: true, async s => { await s.SubmittedAsync(); return "/staff/proposals?year=2026"; }, TickAndAssignToAProgramme),
        new("staff-proposal", Staff: true, async s => $"/staff/proposals/{(await s.SubmittedAsync()).Id}"),
        new("staff-cancel", Staff: true, async s => $"/staff/proposals/{(await s.SubmittedAsync()).Id}/cancel"),
        new("staff-cancel-refused", Staff: true, async s => $"/staff/proposals/{(await s.SubmittedAsync()).Id}/cancel", PostWithoutScript("#form-cancel"), Status: 400),
        new("staff-proposal-refused", Staff: true, async s => $"/staff/proposals/{await s.ApprovedAsync()}", PostWithoutScript("#form-contract"), Status: 400),
        new("staff-programmes", Staff: true, _ => Task.FromResult("/staff/programmes")),
        new("staff-plans", Staff: true, _ => Task.FromResult("/staff/plans")),
        new("staff-plan-changes", Staff: true, _ => Task.FromResult("/staff/plans/2026/local/adjustments")),
        new("staff-calls", Staff: true, async s => { await s.CouncilAsync(); return "/staff/calls"; }),
        new("staff-councils", Staff: true, async s => { await s.CouncilAsync(); return "/staff/councils"; }),
        new("staff-council", Staff: true, s => s.CouncilAsync()),
        new("staff-ranking", Staff: true, s => s.RankingAsync()),
        new("staff-ranking-refused", Staff: true, s => s.RankingAsync(), IncludeTheThirdWithoutReason, Status: 400),
        new("staff-plan", Staff: true, s => s.PlanAsync()),
        new("staff-plan-decision", Staff: true, s => s.PlanDecisionAsync()),
        new("staff-council-documents", Staff: true, s => s.CouncilDocumentAsync()),
        new("dashboard", Staff: true, _ => Task.FromResult("/dashboard")),
        new("dashboard-print", Staff: true, _ => Task.FromResult("/dashboard?print=1")),
        new("reports", Staff: true, _ => Task.FromResult("/reports")),
        new("reports-six-month", Staff: true, _ => Task.FromResult("/reports?period=six-month&year=2019")),
        new("reports-bad-period", Staff: true, _ => Task.FromResult("/reports?period=custom&fromDate=2019-06-14&toDate=2019-01-01"), Status: 400),
        new("outbox", Staff: false, _ => Task.FromResult("/dev/outbox")),
    ];

    /// <summary>The catalogue's names, for theories.</summary>
    public static TheoryData<string> Names() => new(All.Select(p => p.Name));

    public static CataloguedPage Named(string name) => All.Single(p => p.Name == name);

    /// <summary>
    /// The lookup by tax code and phone number of the proposal <see cref="PageStates.SubmittedAsync"/> sent (the tax
    /// code rides in the address's query, which the page ignores; the phone is 0988123456).
    /// </summary>
    private static async Task<IResponse?> LookUpByTaxCodeAndPhone(IPage page, string address)
    {
        var taxCode = System.Web.HttpUtility.ParseQueryString(new Uri(new Uri("http://x"), address).Query)["taxCode"]!;
        await page.GotoAsync(address);
        await page.FillAsync("#taxCode", taxCode);
        await page.FillAsync("#phone", "0988 123 456");
        return await PostedAsync(page, () => page.ClickAsync("#lookup-applicant-button"));
    }

    /// <summary>The answer to the form post <paramref name="send"/> makes, once its page is loaded.</summary>
    public static async Task<IResponse?> PostedAsync(IPage page, Func<Task> send)
    {
        var answer = page.WaitForResponseAsync(r => r.Request.IsNavigationRequest && r.Request.Method == "POST");
        await send();
        var response = await answer;
        await page.WaitForLoadStateAsync(LoadState.Load);
        return response;
    }

    /// <summary>
    /// The officer ticks the first proposal of the list and assigns it to a programme (created through the API with the
    /// page's staff key): the answer is the page of results per proposal.
    /// </summary>
    private static async Task<IResponse?> TickAndAssignToAProgramme(IPage page, string address)
    {
        var created = await page.Context.APIRequest.PostAsync("/api/programmes", new APIRequestContextOptions
        {
            DataObject = new
            {
                name = "Chương trình khuyến công giai đoạn 2021–2030",
                fromYear = 2021, toYear = 2030, fundingSource = "national", decisionNumber = "12/QĐ-UBND",
                targets = new object[] { new { code = "proposals", target = 10 } },
            },
        });
        Assert.True(created.Ok, await created.TextAsync());
        using var json = System.Text.Json.JsonDocument.Parse(await created.TextAsync());
        var programme = json.RootElement.GetProperty("id").GetString()!;
        await page.GotoAsync(address);
        await page.Locator("input[name=ids]").First.CheckAsync();
        await page.SelectOptionAsync("#bulk-action", "programme");
        await page.SelectOptionAsync("#bulk-programme", programme);
        return await PostedAsync(page, () => page.ClickAsync("#bulk-submit"));
    }

    /// <summary>The director chooses to approve the amount asked and continues: the confirm step, before any money is committed.</summary>
    private static async Task<IResponse?> AskToApprove(IPage page, string address)
    {
        await page.GotoAsync(address);
        await page.CheckAsync("#decision-approve");
        return await PostedAsync(page, () => page.ClickAsync("#submit-decision"));
    }

    /// <summary>The officer includes the third ranked proposal (below the cut) without a reason: the ranking page again with the errors.</summary>
    private static async Task<IResponse?> IncludeTheThirdWithoutReason(IPage page, string address)
    {
        await page.GotoAsync(address);
        await page.Locator("[id='lines[2].included']").CheckAsync();
        return await PostedAsync(page, () => page.ClickAsync("#send-selection"));
    }

    /// <summary>The form as an implementing unit fills it for a typical-product round: the beneficiary rows and the round level show.</summary>
    private static async Task<IResponse?> ChooseAnImplementingUnitsRound(IPage page, string address)
    {
        var response = await page.GotoAsync(address);
        await page.SelectOptionAsync("#entityType", new SelectOptionValue { Value = "service-provider" });
        await page.SelectOptionAsync("#kind", new SelectOptionValue { Value = "typical-product" });
        await page.Locator("#round-level-box").WaitForAsync();
        return response;
    }

    /// <summary>The proposal form filled in and checked once (form-check.js): the "check your answers" step.</summary>
    private static async Task<IResponse?> FillAndCheckTheAnswers(IPage page, string address)
    {
        var response = await page.GotoAsync(address);
        await Web.ProposalFormDriver.FillValidProposalAsync(page, Web.ProposalFormDriver.WriteMinimalPdf("thuyet-minh.pdf"));
        await page.ClickAsync("#submit-button");
        await page.Locator("#check-answers").WaitForAsync();
        return response;
    }

    /// <summary>
    /// A staff action form posted blank by the browser itself (form.submit() skips staff.js, as without script): the
    /// page again with the messages at the fields (ADR 0030).
    /// </summary>
    private static Func<IPage, string, Task<IResponse?>> PostWithoutScript(string form) => async (page, address) =>
    {
        await page.GotoAsync(address);
        return await PostedAsync(page, () => page.Locator(form).EvaluateAsync("form => form.submit()"));
    };

    /// <summary>
    /// The blank form posted by the browser itself (form.submit() skips form.js, as if there were no script): the
    /// answer is the form again with every field's error.
    /// </summary>
    private static async Task<IResponse?> PostTheFormWithoutScript(IPage page, string address)
    {
        await page.GotoAsync(address);
        var answer = page.WaitForResponseAsync(r => r.Request.IsNavigationRequest && r.Request.Method == "POST");
        await page.Locator("#proposal-form").EvaluateAsync("form => form.submit()");
        var response = await answer;
        await page.WaitForURLAsync("**/api/proposals?lang=*");
        return response;
    }
}
