using System.Text.RegularExpressions;
using KhuyenCong.EndToEndTests.Web;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KhuyenCong.EndToEndTests.Journeys;

/// <summary>
/// Issue 16 item 2, the applicant at a phone's and a desktop's width (ADR 0030): with the script, the form's checks pass
/// and the first press shows every answer by part with "Sửa" links and the files chosen; "Sửa" returns to the field;
/// "Gửi hồ sơ" sends. Without the script the form posts at once. The confirmation shows the tracking code large, in
/// its groups, selected whole by one click and spelt out for screen readers; the Centre's demo address and hotline
/// (LocalHost's settings) are in the header and footer.
/// </summary>
[Collection(WebAppCollection.Name)]
public sealed partial class ApplicantCheckAnswersBrowserTests(WebAppFixture app, BrowserFixture browser)
{
    [GeneratedRegex("^KC(?:-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}){4}-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{2}$")]
    private static partial Regex TrackingCodePattern();

    [Theory]
    [InlineData(360)]
    [InlineData(1280)]
    public async Task CheckAnswers_WithScript_ShowsEveryAnswerChangeReturnsToTheFieldThenSendsToTheCodePanel(int width)
    {
        var page = await Viewports.OpenAsync(browser, app.Host.BaseAddress, width);
        await page.GotoAsync("/");
        await Expect(page.Locator("#submit-button")).ToHaveTextAsync("Xem lại trước khi gửi");
        await ProposalFormDriver.FillValidProposalAsync(page, ProposalFormDriver.WriteMinimalPdf("thuyet-minh.pdf"));

        await page.ClickAsync("#submit-button");

        var check = page.Locator("#check-answers");
        await Expect(check).ToBeVisibleAsync();
        await Expect(page.Locator("#check-answers-title")).ToBeFocusedAsync();
        await Expect(page.Locator("#group-establishment")).ToBeHiddenAsync();
        await Expect(check.Locator(".check-row[data-field='organizationName'] dt")).ToHaveTextAsync("Tên tổ chức, cơ sở");
        await Expect(check.Locator(".check-row[data-field='organizationName'] dd").First).ToHaveTextAsync("Hộ kinh doanh Nguyễn Văn Bình");
        await Expect(check.Locator(".check-row[data-field='province'] dd").First).ToHaveTextAsync("Hưng Yên");
        await Expect(check.Locator(".check-row[data-field='requestedSupport'] dd").First).ToHaveTextAsync("300.000.000");
        await Expect(check.Locator(".check-row[data-field='attachments'] dd").First).ToContainTextAsync("thuyet-minh.pdf");
        await Expect(check.Locator("dl[data-part='group-establishment']")).ToHaveCountAsync(1);
        await Expect(check.Locator("dl[data-part='group-funding']")).ToHaveCountAsync(1);
        await Expect(page.Locator("#submit-button")).ToHaveTextAsync("Gửi hồ sơ");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "no sideways scroll");
        await Viewports.ScreenshotAsync(page, "applicant-check-answers", width);

        await check.Locator(".check-row[data-field='title'] a").ClickAsync();
        await Expect(check).ToBeHiddenAsync();
        await Expect(page.Locator("#title")).ToBeFocusedAsync();
        await page.FillAsync("#title", "Máy sấy nhãn lồng bằng bơm nhiệt");
        await page.ClickAsync("#submit-button");
        await Expect(check.Locator(".check-row[data-field='title'] dd").First).ToHaveTextAsync("Máy sấy nhãn lồng bằng bơm nhiệt");

        await page.ClickAsync("#submit-button");

        await Expect(page).ToHaveURLAsync(new Regex("/track/KC-[^/?]+\\?submitted=1$"), new PageAssertionsToHaveURLOptions { Timeout = 120_000 });
        await ExpectTheCodePanelAsync(page, width);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(360)]
    [InlineData(1280)]
    public async Task CheckAnswers_WithoutScript_NoSeparateStepTheFormIsSentAndTheCodePanelShown(int width)
    {
        var page = await Viewports.OpenAsync(browser, app.Host.BaseAddress, width, script: false);
        await page.GotoAsync("/");
        await Expect(page.Locator("#check-answers")).ToBeHiddenAsync();
        await Expect(page.Locator("#submit-button")).ToHaveTextAsync("Gửi đề án");
        await ProposalFormDriver.FillValidProposalAsync(page, ProposalFormDriver.WriteMinimalPdf("thuyet-minh.pdf"));

        await page.ClickAsync("#submit-button");

        await Expect(page).ToHaveURLAsync(new Regex("/track/KC-[^/?]+\\?submitted=1$"), new PageAssertionsToHaveURLOptions { Timeout = 120_000 });
        await ExpectTheCodePanelAsync(page, width);
        await page.Context.CloseAsync();
    }

    /// <summary>The code large (≥ 28 px) in its groups, one click selects exactly the code, the screen reader's version spelt out; the Centre's contacts.</summary>
    private static async Task ExpectTheCodePanelAsync(IPage page, int width)
    {
        var code = page.Locator("#tracking-code");
        await Expect(code).ToBeVisibleAsync();
        var text = await code.TextContentAsync();
        Assert.Matches(TrackingCodePattern(), text);
        await Expect(code.Locator(".code-group")).ToHaveCountAsync(6);
        Assert.True(await code.EvaluateAsync<double>("e => parseFloat(getComputedStyle(e).fontSize)") >= 28, "the code is at least 28 px");
        await Expect(code).ToHaveAttributeAsync("aria-hidden", "true");
        var spoken = string.Join(", ", text!.Split('-').Select(g => string.Join(' ', g.ToCharArray())));
        await Expect(page.Locator("#tracking-code-spoken")).ToHaveTextAsync("Mã theo dõi: " + spoken);

        await code.Locator(".code-group").Nth(2).ClickAsync();
        Assert.Equal(text, await page.EvaluateAsync<string>("() => window.getSelection().toString()"));

        await Expect(page.Locator(".site-header .hotline")).ToContainTextAsync("(demo)");
        await Expect(page.Locator("#agency-contact")).ToContainTextAsync("(địa chỉ minh hoạ, demo)");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "no sideways scroll");
        await Viewports.ScreenshotAsync(page, "applicant-tracking-code", width);
    }
}
