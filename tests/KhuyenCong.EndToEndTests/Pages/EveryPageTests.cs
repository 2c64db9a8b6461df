using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using KhuyenCong.EndToEndTests.Web;
using KhuyenCong.Testing;
using Microsoft.Playwright;

namespace KhuyenCong.EndToEndTests.Pages;

/// <summary>
/// Every page of <see cref="PageCatalogue"/> in Chromium at a phone's width (360 px) and a desktop's (1280 px): it
/// opens without error, a full-page screenshot is saved under tests/KhuyenCong.EndToEndTests/screenshots (CI keeps
/// them as an artifact), and axe finds no serious or critical accessibility violation.
/// </summary>
[Collection(WebAppCollection.Name)]
public sealed class EveryPageTests(WebAppFixture app, BrowserFixture browser)
{
    private static readonly string[] Blocking = ["serious", "critical"];

    public static TheoryData<string> Pages() => PageCatalogue.Names();

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_AtPhoneAndDesktopWidths_ScreenshotsAndNoSeriousAccessibilityViolation(string name)
    {
        var catalogued = PageCatalogue.Named(name);
        var address = await catalogued.Address(PageStates.For(app));
        foreach (var width in new[] { 360, 1280 })
        {
            var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
            {
                BaseURL = app.Host.BaseAddress.ToString(),
                ViewportSize = new ViewportSize { Width = width, Height = width < 600 ? 740 : 900 },
                IsMobile = width < 600,
                HasTouch = width < 600,
                Locale = "vi-VN",
                ExtraHTTPHeaders = catalogued.Staff ? new Dictionary<string, string> { ["x-functions-key"] = LocalHostFactory.FunctionKey } : null,
            });
            try
            {
                var page = await context.NewPageAsync();
                var response = catalogued.Open is { } open ? await open(page, address) : await page.GotoAsync(address);
                Assert.True(response is not null && (catalogued.Status is { } status ? response.Status == status : response.Ok),
                    $"{name} ({address}) answered {response?.Status}");
                await page.ScreenshotAsync(new PageScreenshotOptions
                {
                    Path = Path.Combine(BrowserFixture.ScreenshotDirectory, $"{name}-{width}.png"),
                    FullPage = true,
                });

                // The site's own markup: frames hold other documents (the outbox's emails, sandboxed without scripts,
                // where axe cannot run).
                var axe = await page.RunAxe(new AxeRunOptions { Iframes = false }).WaitAsync(TimeSpan.FromMinutes(2));

                var blocking = axe.Violations.Where(v => Blocking.Contains(v.Impact)).ToList();
                Assert.True(blocking.Count == 0, $"{name} at {width} px: " + string.Join("\n", blocking.Select(Describe)));
            }
            finally
            {
                await context.CloseAsync();
            }
        }
    }

    /// <summary>The scan as the page test runs it does report what it must: an unlabelled field and an image without text.</summary>
    [Fact]
    public async Task Scan_PageWithAnUnlabelledFieldAndAnImageWithoutText_BlockingViolationsFound()
    {
        var page = await browser.NewPhonePageAsync(app.Host.BaseAddress);
        await page.SetContentAsync("<!DOCTYPE html><html lang=\"vi\"><title>Thử</title><main><input id=\"x\"><img src=\"data:,\"></main></html>");

        var axe = await page.RunAxe(new AxeRunOptions { Iframes = false }).WaitAsync(TimeSpan.FromMinutes(2));

        var blocking = axe.Violations.Where(v => Blocking.Contains(v.Impact)).Select(v => v.Id).ToList();
        Assert.Contains("label", blocking);
        Assert.Contains("image-alt", blocking);
        await page.Context.CloseAsync();
    }

    private static string Describe(AxeResultItem violation) =>
        $"[{violation.Impact}] {violation.Id}: {violation.Help} at " +
        string.Join(", ", violation.Nodes.Take(5).Select(n => n.Html));
}
