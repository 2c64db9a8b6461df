using KhuyenCong.EndToEndTests.Web;
using KhuyenCong.Testing;
using Microsoft.Playwright;

namespace KhuyenCong.EndToEndTests.Journeys;

/// <summary>Pages at a phone's width (360 px, touch) or a desktop's (1280 px), signed in as staff or not, script on or off.</summary>
internal static class Viewports
{
    public static async Task<IPage> OpenAsync(BrowserFixture browser, Uri baseAddress, int width, bool staff = false, bool script = true)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = width < 600 ? 740 : 900 },
            IsMobile = width < 600,
            HasTouch = width < 600,
            Locale = "vi-VN",
            JavaScriptEnabled = script,
            ExtraHTTPHeaders = staff ? new Dictionary<string, string> { ["x-functions-key"] = LocalHostFactory.FunctionKey } : null,
        });
        return await context.NewPageAsync();
    }

    public static Task ScreenshotAsync(IPage page, string name, int width) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, $"{name}-{width}.png"), FullPage = true });

    /// <summary>The top of an element on the page, to check what comes first.</summary>
    public static async Task<double> TopAsync(IPage page, string selector) =>
        (await page.Locator(selector).First.BoundingBoxAsync())?.Y ?? throw new InvalidOperationException(selector + " is not on the page");
}
