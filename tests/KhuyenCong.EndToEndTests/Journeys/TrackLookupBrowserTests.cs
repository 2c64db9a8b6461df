using KhuyenCong.EndToEndTests.Pages;
using KhuyenCong.EndToEndTests.Web;
using static Microsoft.Playwright.Assertions;

namespace KhuyenCong.EndToEndTests.Journeys;

/// <summary>
/// Issue 16 item 3: the applicant finds their proposal from the header's "Tra cứu hồ sơ", by tracking code or by tax
/// code and phone number, at a phone's and a desktop's width, with the script and without.
/// </summary>
[Collection(WebAppCollection.Name)]
public sealed class TrackLookupBrowserTests(WebAppFixture app, BrowserFixture browser)
{
    [Theory]
    [InlineData(360)]
    [InlineData(1280)]
    public async Task Lookup_FromTheHeaderByTaxCodeAndPhone_ListsTheProposalAndOpensIt(int width)
    {
        var submitted = await PageStates.For(app).SubmittedAsync();
        var page = await Viewports.OpenAsync(browser, app.Host.BaseAddress, width, script: false);
        await page.GotoAsync("/");

        await page.ClickAsync("#track-link");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/track$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Tra cứu hồ sơ");
        await page.FillAsync("#taxCode", submitted.TaxCode);
        await page.FillAsync("#phone", "0988 123 456");
        await page.ClickAsync("#lookup-applicant-button");

        var found = page.Locator($"#found a.tracking-link:text-is('{submitted.TrackingCode}')");
        await Expect(found).ToHaveCountAsync(1);
        await ProposalFormDriver.ExpectNoHorizontalScrollAsync(page);
        await Viewports.ScreenshotAsync(page, "journey-track-found", width);
        await found.ClickAsync();
        await Expect(page.Locator("#tracking-code")).ToHaveTextAsync(submitted.TrackingCode);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(360)]
    [InlineData(1280)]
    public async Task Lookup_ByCodeAndMistakes_OpensTheCodesPageAndShowsErrorsAtTheirFields(int width)
    {
        var submitted = await PageStates.For(app).SubmittedAsync();
        var page = await Viewports.OpenAsync(browser, app.Host.BaseAddress, width);
        await page.GotoAsync("/track/?lang=en");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Look up a proposal");

        await page.ClickAsync("#lookup-applicant-button");
        await Expect(page.Locator("#taxCode-error")).ToContainTextAsync("Enter the establishment's tax code");
        await Expect(page.Locator("#phone-error")).ToContainTextAsync("Enter the phone number");
        await Expect(page.Locator("#taxCode")).ToHaveAttributeAsync("aria-invalid", "true");
        await Viewports.ScreenshotAsync(page, "journey-track-errors", width);

        await page.FillAsync("#code", submitted.TrackingCode.ToLowerInvariant());
        await page.ClickAsync("#lookup-code-button");
        await Expect(page.Locator("#tracking-code")).ToHaveTextAsync(submitted.TrackingCode);
        await page.Context.CloseAsync();
    }
}
