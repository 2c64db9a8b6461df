using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KhuyenCong.EndToEndTests.Web;

/// <summary>
/// Issue 14 line 2 on a 360 px phone: the form offers what the API takes: beneficiaries of a đề án nhóm (for an
/// implementing unit), priority groups, and a typical-product round's level (for that kind), with script and without.
/// </summary>
[Collection(WebAppCollection.Name)]
public class ProposalFormListFieldsTests(WebAppFixture app, BrowserFixture browser)
{
    private static async Task FillCentreGroupAsync(IPage page)
    {
        await ProposalFormDriver.FillValidProposalAsync(page, ProposalFormDriver.WriteMinimalPdf("de-an-nhom.pdf"));
        await page.FillAsync("#organizationName", "Trung tâm Khuyến công và Tư vấn phát triển công nghiệp");
        await page.SelectOptionAsync("#entityType", new SelectOptionValue { Value = "service-provider" });
        await page.SelectOptionAsync("#kind", new SelectOptionValue { Value = "trade-promotion" });
        await page.SelectOptionAsync("#activity", new SelectOptionValue { Value = "fair-participation" });
        await page.SelectOptionAsync("#fundingSource", new SelectOptionValue { Value = "local" });
        await page.CheckAsync("#priorities-women-owned");
    }

    private static async Task FillRowAsync(IPage page, int row, string name, string taxCode, string type, string commune)
    {
        var r = page.Locator("#beneficiary-rows > li").Nth(row);
        await r.Locator("input[name='beneficiaryName']").FillAsync(name);
        await r.Locator("input[name='beneficiaryTaxCode']").FillAsync(taxCode);
        await r.Locator("select[name='beneficiaryEntityType']").SelectOptionAsync(new SelectOptionValue { Value = type });
        await r.Locator("input[name='beneficiaryCommune']").FillAsync(commune);
    }

    [Fact]
    public async Task Form_ImplementingUnitWithADuplicateBeneficiary_ShowsTheRowsAddsOneAndNamesTheFieldOnSending()
    {
        var page = await browser.NewPhonePageAsync(app.Host.BaseAddress);
        await page.GotoAsync("/");
        // An establishment proposing for itself sees neither the beneficiaries nor the round level.
        await Expect(page.Locator("#group-beneficiaries")).ToBeHiddenAsync();
        await Expect(page.Locator("#round-level-box")).ToBeHiddenAsync();
        await Expect(page.Locator("#field-priorities")).ToBeVisibleAsync();

        await FillCentreGroupAsync(page);
        await Expect(page.Locator("#group-beneficiaries")).ToBeVisibleAsync();
        await Expect(page.Locator("#beneficiary-rows > li")).ToHaveCountAsync(3);
        await page.ClickAsync("#add-beneficiary");
        await Expect(page.Locator("#beneficiary-rows > li")).ToHaveCountAsync(4);
        await Expect(page.Locator("#beneficiary-rows > li").Nth(3).Locator("legend")).ToHaveTextAsync("Cơ sở thụ hưởng 4");
        await Expect(page.Locator("#beneficiary-name-4")).ToBeFocusedAsync();
        await FillRowAsync(page, 0, "HTX Mây tre Phú Vinh", "0101234567", "cooperative", "Xã Tân Hưng");
        await FillRowAsync(page, 3, "Công ty TNHH Nhựa Lạc Đạo", "0101234567", "sme", "Xã Lạc Đạo");

        await ProposalFormDriver.CheckAndSendAsync(page);

        await Expect(page.Locator("#beneficiaries-error")).ToHaveTextAsync(
            "Cơ sở thụ hưởng có mã số thuế 0101234567 được kê khai nhiều lần: mỗi cơ sở chỉ kê khai một lần.", new() { Timeout = 30_000 });
        await Expect(page.Locator("#error-summary-list a[href='#beneficiaries']")).ToHaveCountAsync(1);
        await ProposalFormDriver.ExpectNoHorizontalScrollAsync(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "form-beneficiaries-360.png"), FullPage = true });

        // The typical-product kind shows the round level, with its levels named.
        await page.SelectOptionAsync("#kind", new SelectOptionValue { Value = "typical-product" });
        await Expect(page.Locator("#round-level-box")).ToBeVisibleAsync();
        await Expect(page.Locator("#roundLevel option[value='province']")).ToHaveTextAsync("Cấp tỉnh");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Form_WithoutScript_ShowsEveryListFieldAndKeepsRowsAndTicksWhenRefused()
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.Host.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 360, Height = 740 },
            IsMobile = true,
            HasTouch = true,
            Locale = "vi-VN",
            JavaScriptEnabled = false,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await Expect(page.Locator("#group-beneficiaries")).ToBeVisibleAsync();
        await Expect(page.Locator("#round-level-box")).ToBeVisibleAsync();
        await Expect(page.Locator("#add-beneficiary")).ToBeHiddenAsync();
        await page.FillAsync("#organizationName", "Trung tâm Khuyến công và Tư vấn phát triển công nghiệp");
        await page.CheckAsync("#priorities-ethnic-minority-owned");
        await FillRowAsync(page, 0, "HTX Mây tre Phú Vinh", "0101234567", "cooperative", "Xã Tân Hưng");
        await FillRowAsync(page, 1, "Hộ kinh doanh Nguyễn Văn Bình", "0101234567", "household-business", "Mỹ Hào");

        await page.ClickAsync("#submit-button");

        await Expect(page.Locator("#beneficiaries-error")).ToContainTextAsync("0101234567");
        await Expect(page.Locator("#beneficiaries")).ToHaveValueAsync("HTX Mây tre Phú Vinh");
        await Expect(page.Locator("#beneficiary-rows > li").Nth(1).Locator("input[name='beneficiaryName']")).ToHaveValueAsync("Hộ kinh doanh Nguyễn Văn Bình");
        await Expect(page.Locator("#priorities-ethnic-minority-owned")).ToBeCheckedAsync();
        await Expect(page.Locator("#taxCode-error")).ToHaveTextAsync("Vui lòng nhập mã số thuế.");
        await ProposalFormDriver.ExpectNoHorizontalScrollAsync(page);
        await context.CloseAsync();
    }
}
