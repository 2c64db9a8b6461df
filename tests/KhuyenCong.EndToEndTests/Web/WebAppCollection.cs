using KhuyenCong.Testing;
using Microsoft.Playwright;

namespace KhuyenCong.EndToEndTests.Web;

[CollectionDefinition(Name)]
public sealed class WebAppCollection : ICollectionFixture<WebAppFixture>, ICollectionFixture<BrowserFixture>
{
    public const string Name = "Web app";
}

/// <summary>LocalHost on its own Azurite: the whole app, with its Table Storage caps seeded with the national caps.</summary>
public sealed class WebAppFixture : LocalHostFixture
{
}

/// <summary>Debian's Chromium driven by Playwright (Playwright's own browser download is not available here).</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where screenshots go: tests/KhuyenCong.EndToEndTests/screenshots (ignored by git, kept by CI as an artifact).</summary>
    public static string ScreenshotDirectory => Directory.CreateDirectory(
        Path.Combine(KhuyenCong.LocalHost.Hosting.RepositoryLayout.FindRoot(), "tests", "KhuyenCong.EndToEndTests", "screenshots")).FullName;

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(ChromiumPath), $"{ChromiumPath} is missing: run `apt-get update && apt-get install -y chromium`.");
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run",
            ],
        });
    }

    /// <summary>A fresh phone-sized page (360 × 740, touch) in its own context, so cookies never leak between tests.</summary>
    public async Task<IPage> NewPhonePageAsync(Uri baseAddress)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 360, Height = 740 },
            HasTouch = true,
            IsMobile = true,
            DeviceScaleFactor = 2,
            Locale = "vi-VN",
        });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
    }
}
