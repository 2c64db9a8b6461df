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
        new("form-refused", Staff: false, _ => Task.FromResult("/"), PostTheFormWithoutScript, Status: 400),
        new("confirmation", Staff: false, async s => $"/track/{(await s.SubmittedAsync()).TrackingCode}?submitted=1"),
        new("tracking", Staff: false, async s => $"/track/{(await s.SubmittedAsync()).TrackingCode}"),
        new("link-review", Staff: false, s => s.ReviewLinkAsync()),
        new("link-approval", Staff: false, s => s.ApprovalLinkAsync()),
        new("link-revision", Staff: false, s => s.RevisionLinkAsync()),
        new("link-withdrawal", Staff: false, s => s.WithdrawalLinkAsync()),
        new("link-report", Staff: false, s => s.ReportLinkAsync()),
        new("link-already-used", Staff: false, s => s.UsedReviewLinkAsync(), Status: 409),
        new("staff-proposals", Staff: true, _ => Task.FromResult("/staff/proposals?year=2026")),
        new("staff-proposal", Staff: true, async s => $"/staff/proposals/{(await s.SubmittedAsync()).Id}"),
        new("staff-programmes", Staff: true, _ => Task.FromResult("/staff/programmes")),
        new("staff-plans", Staff: true, _ => Task.FromResult("/staff/plans")),
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
