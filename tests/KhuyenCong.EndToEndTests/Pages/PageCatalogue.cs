namespace KhuyenCong.EndToEndTests.Pages;

/// <summary>One page of the site as the page tests open it.</summary>
/// <param name="Name">Its name in test results and screenshot files ("link-review").</param>
/// <param name="Staff">Opened signed in as staff (LocalHost's function key).</param>
/// <param name="Address">Its address, once the state it needs is prepared.</param>
/// <param name="Status">The status it answers with (a refusal page is a page too: 409 for a link already used).</param>
public sealed record CataloguedPage(string Name, bool Staff, Func<PageStates, Task<string>> Address, int Status = 200)
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
        new("outbox", Staff: false, _ => Task.FromResult("/dev/outbox")),
    ];

    /// <summary>The catalogue's names, for theories.</summary>
    public static TheoryData<string> Names() => new(All.Select(p => p.Name));

    public static CataloguedPage Named(string name) => All.Single(p => p.Name == name);
}
