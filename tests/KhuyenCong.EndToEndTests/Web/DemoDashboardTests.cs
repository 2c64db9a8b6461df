using KhuyenCong.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KhuyenCong.EndToEndTests.Web;

/// <summary>
/// LocalHost started as <c>--seed-demo</c> does (the Hưng Yên đề án of 2014-2020 loaded through the import's code), then
/// the dashboard in Chromium shows the province's published figures.
/// </summary>
[Collection(WebAppCollection.Name)]
public sealed class DemoDashboardTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly AzuriteFixture azurite = new();
    private KhuyenCong.LocalHost.Hosting.LocalHostApplication? host;

    public async Task InitializeAsync()
    {
        await azurite.InitializeAsync();
        host = await LocalHostFactory.StartAsync(azurite.ConnectionString, seedDemo: true);
    }

    public async Task DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }

        await azurite.DisposeAsync();
    }

    [Fact]
    public async Task Dashboard_AfterSeedDemo_ShowsTheHungYenFigures()
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = host!.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            Locale = "vi-VN",
            ExtraHTTPHeaders = new Dictionary<string, string> { ["x-functions-key"] = LocalHostFactory.FunctionKey },
        });
        var page = await context.NewPageAsync();

        // National money: nearly 5.2 billion, with 400 industrial sewing trainees.
        await page.GotoAsync("/dashboard?from=2014&to=2020&fundingSource=national");
        await Expect(page.Locator("[data-figure=paid]")).ToHaveTextAsync("5.190.000.000 đồng");
        await Expect(page.Locator("[data-figure=trainees]")).ToHaveTextAsync("400");
        await Expect(page.Locator("[data-figure=count]")).ToHaveTextAsync("18");

        // Local money: over 5.8 billion, 71.7% of it paid directly to establishments.
        await page.GotoAsync("/dashboard?from=2014&to=2020&fundingSource=local");
        await Expect(page.Locator("[data-figure=paid]")).ToHaveTextAsync("5.850.000.000 đồng");
        await Expect(page.Locator("[data-figure=direct-share]")).ToContainTextAsync("71,7");
        await Expect(page.Locator("figure.chart svg")).ToHaveCountAsync(4);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "dashboard-demo.png"), FullPage = true });
        await context.CloseAsync();
    }
}
