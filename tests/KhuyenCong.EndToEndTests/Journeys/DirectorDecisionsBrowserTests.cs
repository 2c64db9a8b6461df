using KhuyenCong.Application.Proposals;
using KhuyenCong.EndToEndTests.Pages;
using KhuyenCong.EndToEndTests.Web;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace KhuyenCong.EndToEndTests.Journeys;

/// <summary>
/// Issue 16 item 8, the director's "waiting for my decision" list at a phone's and a desktop's width: the list (in the
/// staff navigation) shows the proposal awaiting approval with its figures, its row opens the decision page, the
/// director approves through the confirm step, and back on the list the proposal is gone.
/// </summary>
[Collection(WebAppCollection.Name)]
public sealed class DirectorDecisionsBrowserTests(WebAppFixture app, BrowserFixture browser)
{
    private const string Display = "s => getComputedStyle(document.querySelector(s)).display";

    private const string NothingCut = "() => [...document.querySelectorAll('#director-decisions td')].every(td => td.scrollWidth <= td.clientWidth + 1)";

    [Theory]
    [InlineData(360)]
    [InlineData(1280)]
    public async Task Decisions_RowOpensTheDecisionPage_ApprovedThroughTheConfirmStep_ThenGoneFromTheList(int width)
    {
        var (id, _) = await PageStates.For(app).NewApprovalLinkAsync();
        var code = (await app.Host.Services.GetRequiredService<IProposalRepository>().GetAsync(id, CancellationToken.None))!.TrackingCode;
        var page = await Viewports.OpenAsync(browser, app.Host.BaseAddress, width, staff: true);

        await page.GotoAsync("/staff/queue");
        await page.Locator("#staff-nav a", new() { HasText = "Chờ tôi quyết định" }).ClickAsync();

        await Expect(page.Locator("#staff-nav a[aria-current=page]")).ToHaveTextAsync("Chờ tôi quyết định");
        var row = page.Locator("#director-decisions tr", new() { HasText = code });
        await Expect(row).ToContainTextAsync("160.000.000 đồng");
        await Expect(row).ToContainTextAsync("Đạt, điểm trung bình 86,5/");
        Assert.Equal(width < 600 ? "block" : "table-cell", await page.EvaluateAsync<string>(Display, "#director-decisions td"));
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "no sideways scroll");
        Assert.True(await page.EvaluateAsync<bool>(NothingCut), "every cell's text fits its cell (a card's label and amount wrap)");
        await Viewports.ScreenshotAsync(page, "director-decisions", width);

        await row.Locator("td:last-child a").ClickAsync();
        await Expect(page.Locator("#approval-summary")).ToBeVisibleAsync();
        await Expect(page.Locator("#summary-requested")).ToHaveTextAsync("160.000.000 đồng");
        await page.CheckAsync("#decision-approve");
        await page.ClickAsync("#submit-decision");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Xác nhận phê duyệt");
        await page.ClickAsync("#confirm-decision-button");
        await Expect(page.Locator("#decision")).ToContainTextAsync("Phê duyệt");

        await page.GotoAsync("/staff/decisions");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Chờ tôi quyết định");
        await Expect(page.Locator("#director-decisions tr", new() { HasText = code })).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }
}
