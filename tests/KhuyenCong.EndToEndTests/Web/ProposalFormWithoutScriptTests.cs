using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KhuyenCong.EndToEndTests.Web;

/// <summary>The proposal form in a phone's Chromium with JavaScript off: the server alone checks and answers.</summary>
[Collection(WebAppCollection.Name)]
public class ProposalFormWithoutScriptTests(WebAppFixture app, BrowserFixture browser)
{
    private async Task<IPage> NewPageWithoutScriptAsync()
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.Host.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 360, Height = 740 },
            HasTouch = true,
            IsMobile = true,
            Locale = "vi-VN",
            JavaScriptEnabled = false,
        });
        return await context.NewPageAsync();
    }

    /// <summary>
    /// Issue 16 line 5: a form with mistakes comes back once, with what was typed and each message at its field (the
    /// browser's own checks do not stop it field by field); corrected, it is sent and the confirmation opens.
    /// </summary>
    [Fact]
    public async Task Form_WithoutScriptSentWithMistakes_ComesBackOnceWithTheValuesAndEveryErrorThenIsSent()
    {
        var page = await NewPageWithoutScriptAsync();
        await page.GotoAsync("/");
        await page.FillAsync("#organizationName", "Hộ kinh doanh Nguyễn Văn Bình");
        await page.SelectOptionAsync("#province", new SelectOptionValue { Label = "Hưng Yên" });
        await page.FillAsync("#summary", "Đầu tư hệ thống sấy nhãn lồng.\nĐịa điểm: thôn Đông Kết.");
        await page.FillAsync("#totalCost", "600.000.000");
        await page.FillAsync("#requestedSupport", "700.000.000");

        await page.ClickAsync("#submit-button");

        await Expect(page).ToHaveTitleAsync(new Regex("^Lỗi: Đăng ký đề án khuyến công"));
        await Expect(page.Locator("#error-summary")).ToBeVisibleAsync();
        await Expect(page.Locator("#taxCode-error")).ToHaveTextAsync("Vui lòng nhập mã số thuế.");
        await Expect(page.Locator("#taxCode")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#taxCode")).ToHaveAccessibleDescriptionAsync(new Regex("Vui lòng nhập mã số thuế\\.$"));
        await Expect(page.Locator("#requestedSupport-error")).ToHaveTextAsync("Kinh phí đề nghị hỗ trợ không được lớn hơn tổng kinh phí.");
        await Expect(page.Locator("#error-summary-list a[href='#taxCode']")).ToHaveTextAsync("Vui lòng nhập mã số thuế.");
        await Expect(page.Locator("#error-summary-list a[href='#requestedSupport']")).ToHaveCountAsync(1);
        await Expect(page.Locator("#organizationName-error")).ToBeEmptyAsync();
        await Expect(page.Locator("#organizationName")).ToHaveValueAsync("Hộ kinh doanh Nguyễn Văn Bình");
        await Expect(page.Locator("#province")).ToHaveValueAsync("hung-yen");
        await Expect(page.Locator("#summary")).ToHaveValueAsync("Đầu tư hệ thống sấy nhãn lồng.\nĐịa điểm: thôn Đông Kết.");
        await Expect(page.Locator("#requestedSupport")).ToHaveValueAsync("700.000.000");
        await Expect(page.Locator("a.language-switch")).ToHaveAttributeAsync("href", "/?lang=en");
        await ProposalFormDriver.ExpectNoHorizontalScrollAsync(page);
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "form-refused-without-script.png"),
            FullPage = true,
        });

        await ProposalFormDriver.FillValidProposalAsync(page, ProposalFormDriver.WriteMinimalPdf("thuyet-minh.pdf"));
        await page.ClickAsync("#submit-button");

        await Expect(page).ToHaveURLAsync(new Regex("/track/KC-[^/?]+\\?submitted=1$"), new PageAssertionsToHaveURLOptions { Timeout = 60_000 });
        await Expect(page.Locator("#tracking-code")).ToHaveTextAsync(new Regex("^KC-"));
        await page.Context.CloseAsync();
    }
}
