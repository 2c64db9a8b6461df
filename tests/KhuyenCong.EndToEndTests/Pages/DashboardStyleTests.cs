using KhuyenCong.EndToEndTests.Web;
using KhuyenCong.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KhuyenCong.EndToEndTests.Pages;

/// <summary>
/// The style sheet really applies to the dashboard and its print view: computed styles of the key figures, the tables
/// and, with print media emulated, of what the print view hides and shrinks. (A lost brace once nested all these rules
/// in another and the page showed unstyled, with every test passing.)
/// </summary>
[Collection(WebAppCollection.Name)]
public sealed class DashboardStyleTests(WebAppFixture app, BrowserFixture browser)
{
    private const string ComputedStyle = "([selector, property]) => getComputedStyle(document.querySelector(selector)).getPropertyValue(property)";

    [Fact]
    public async Task Dashboard_OnScreen_KeyFiguresAreGridCardsInLargeBoldType()
    {
        var (context, page) = await OpenAsync("/dashboard?from=&to=");

        await Expect(page.Locator("[data-figure=requested]")).ToBeVisibleAsync();
        Assert.Equal("grid", await StyleAsync(page, ".key-figures", "display"));
        Assert.Equal("700", await StyleAsync(page, "[data-figure=requested]", "font-weight"));
        Assert.Equal("20px", await StyleAsync(page, "[data-figure=requested]", "font-size"));
        Assert.Equal("1px solid rgb(200, 204, 210)", await StyleAsync(page, ".key-figures div", "border"));
        Assert.Equal("4px", await StyleAsync(page, ".key-figures div", "border-radius"));
        Assert.Equal("collapse", await StyleAsync(page, ".stats-table", "border-collapse"));
        Assert.Equal("block", await StyleAsync(page, ".site-header", "display"));
        await context.CloseAsync();
    }

    [Fact]
    public async Task DashboardPrintView_PrintMedia_NoHeaderNorFooterSmallerTypeAndBoundedCharts()
    {
        var (context, page) = await OpenAsync("/dashboard?from=&to=&print=1");

        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });

        await Expect(page.Locator("figure.chart svg").First).ToBeAttachedAsync();
        Assert.Equal("none", await StyleAsync(page, ".site-header", "display"));
        Assert.Equal("none", await StyleAsync(page, ".site-footer", "display"));
        Assert.Equal("none", await StyleAsync(page, ".skip-link", "display"));
        Assert.Equal("14.6667px", await StyleAsync(page, "body", "font-size"));
        Assert.Equal("453.543px", await StyleAsync(page, ".chart svg", "max-height"));
        Assert.Equal("avoid", await StyleAsync(page, ".chart", "break-inside"));
        Assert.Equal("700", await StyleAsync(page, "[data-figure=paid]", "font-weight"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "dashboard-print-media.png"), FullPage = true });
        await context.CloseAsync();
    }

    private async Task<(IBrowserContext Context, IPage Page)> OpenAsync(string path)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.Host.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            Locale = "vi-VN",
            ExtraHTTPHeaders = new Dictionary<string, string> { ["x-functions-key"] = LocalHostFactory.FunctionKey },
        });
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync(path);
        Assert.True(response is { Ok: true }, $"{path} answered {response?.Status}");
        return (context, page);
    }

    private static Task<string> StyleAsync(IPage page, string selector, string property) =>
        page.EvaluateAsync<string>(ComputedStyle, new[] { selector, property });
}
