using KhuyenCong.EndToEndTests.Pages;
using KhuyenCong.EndToEndTests.Web;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KhuyenCong.EndToEndTests.Journeys;

/// <summary>
/// The officer's ranking page and the director's selection link on a 360 px phone (issue 13 line 8): the style sheet
/// applies (type, the cut line, the wide tables scroll in their own region), nothing makes the page scroll sideways,
/// every control fits the screen; a full-page screenshot of each is saved as the page catalogue saves them.
/// </summary>
[Collection(WebAppCollection.Name)]
public sealed class CyclePhoneBrowserTests(WebAppFixture app, BrowserFixture browser)
{
    private const int Phone = 360;

    private const string ComputedStyle = "([selector, property]) => getComputedStyle(document.querySelector(selector)).getPropertyValue(property)";

    /// <summary>The visible controls of the page whose right edge passes the viewport's (none when everything fits).</summary>
    private const string OverflowingControls = """
        () => [...document.querySelectorAll('input:not([type=hidden]), select, textarea, button, legend')]
            .filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5)
            .map(e => e.id || e.name || e.tagName)
        """;

    [Fact]
    public async Task RankingPage_OnAPhone_NoSidewaysScrollTheCutLineMarkedAndEveryControlOnScreen()
    {
        var address = await PageStates.For(app).RankingAsync();
        var page = await Viewports.OpenAsync(browser, app.Host.BaseAddress, Phone, staff: true, script: false);

        var response = await page.GotoAsync(address);

        Assert.True(response is { Ok: true }, $"{address} answered {response?.Status}");
        await Expect(page.Locator("#cut-line")).ToBeAttachedAsync();
        await AssertFitsThePhoneAsync(page);
        Assert.Equal("auto", await StyleAsync(page, ".table-scroll", "overflow-x"));
        Assert.Equal("3px", await StyleAsync(page, "#cut-line td", "border-top-width"));
        Assert.Equal("rgb(138, 28, 21)", await StyleAsync(page, "#cut-line td", "color"));
        Assert.Equal("700", await StyleAsync(page, "#cut-line td", "font-weight"));
        Assert.Equal("16px", await StyleAsync(page, ".selection-line legend", "font-size"));
        Assert.Equal("rgb(244, 245, 247)", await StyleAsync(page, ".selection-line.below-cut", "background-color"));
        Assert.True(await page.Locator("[id='lines[0].included']").IsCheckedAsync());
        Assert.False(await page.Locator("[id='lines[2].included']").IsCheckedAsync());
        Assert.True((await page.Locator("#send-selection").BoundingBoxAsync())!.Height >= 44, "the send button is a comfortable touch target");
        await Viewports.ScreenshotAsync(page, "phone-staff-ranking", Phone);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task DirectorSelectionLink_OnAPhone_NoSidewaysScrollTheLinesScrollInTheirRegionAndTheDecisionFits()
    {
        var address = await PageStates.For(app).SelectionLinkAsync();
        var page = await Viewports.OpenAsync(browser, app.Host.BaseAddress, Phone);

        var response = await page.GotoAsync(address);

        Assert.True(response is { Ok: true }, $"{address} answered {response?.Status}");
        await Expect(page.Locator("#selection-lines")).ToBeVisibleAsync();
        await AssertFitsThePhoneAsync(page);
        Assert.Equal("auto", await StyleAsync(page, ".table-scroll", "overflow-x"));
        Assert.Equal("collapse", await StyleAsync(page, "#selection-lines", "border-collapse"));
        Assert.True(double.Parse((await StyleAsync(page, "body", "font-size")).TrimEnd('p', 'x'), System.Globalization.CultureInfo.InvariantCulture) >= 16,
            "body text is at least 16 px on a phone");
        Assert.True((await page.Locator("#submit-decision").BoundingBoxAsync())!.Height >= 44, "the decision button is a comfortable touch target");
        await Viewports.ScreenshotAsync(page, "phone-link-selection", Phone);
        await page.Context.CloseAsync();
    }

    /// <summary>No horizontal scroll of the page, every control on screen, the proposals' names in a readable column, the table's caption at its start.</summary>
    private static async Task AssertFitsThePhoneAsync(IPage page)
    {
        var proposalColumn = (await page.Locator("td.proposal-cell").First.BoundingBoxAsync())!.Width;
        Assert.True(proposalColumn >= 180, $"the proposal's column is {proposalColumn} px wide: its name breaks a word a line");
        Assert.Equal("left", await StyleAsync(page, ".cycle-table caption", "text-align"));
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= Phone, $"the page is {scrollWidth} px wide on a {Phone} px phone: it scrolls sideways");
        Assert.Empty(await page.EvaluateAsync<string[]>(OverflowingControls));
    }

    private static Task<string> StyleAsync(IPage page, string selector, string property) =>
        page.EvaluateAsync<string>(ComputedStyle, new[] { selector, property });
}
