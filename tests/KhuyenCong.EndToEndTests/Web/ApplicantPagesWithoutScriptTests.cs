using System.Text.RegularExpressions;
using KhuyenCong.EndToEndTests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KhuyenCong.EndToEndTests.Web;

/// <summary>
/// Issue 16 item 5 in a 360 px phone with JavaScript off: the refused form's "English" link opens the form in English
/// (never a 401), and the withdraw page's button is drawn as the site's buttons are.
/// </summary>
[Collection(WebAppCollection.Name)]
public class ApplicantPagesWithoutScriptTests(WebAppFixture app, BrowserFixture browser)
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

    [Fact]
    public async Task RefusedForm_EnglishLink_OpensTheFormInEnglish()
    {
        var page = await NewPageWithoutScriptAsync();
        await page.GotoAsync("/");
        await page.ClickAsync("#submit-button");
        await Expect(page).ToHaveTitleAsync(new Regex("^Lỗi: "));

        var answer = page.WaitForResponseAsync(r => r.Request.IsNavigationRequest);
        await page.ClickAsync("a.language-switch");
        var response = await answer;

        Assert.Equal(200, response.Status);
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Submit an industrial promotion proposal");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task WithdrawPage_Button_IsStyledLikeTheSitesButtons()
    {
        var link = await PageStates.For(app).WithdrawalLinkAsync();
        var page = await NewPageWithoutScriptAsync();
        await page.GotoAsync(link);

        var confirm = page.Locator("#confirm");
        await Expect(confirm).ToHaveClassAsync(new Regex("\\bbutton\\b"));
        var style = await confirm.EvaluateAsync<string[]>(
            "b => { const s = getComputedStyle(b); return [s.minHeight, s.borderRadius, s.fontWeight, s.color, s.backgroundColor, s.cursor]; }");
        await page.GotoAsync("/");
        var primary = await page.Locator("#submit-button").EvaluateAsync<string[]>(
            "b => { const s = getComputedStyle(b); return [s.minHeight, s.borderRadius, s.fontWeight, s.color, s.backgroundColor, s.cursor]; }");

        // The same size, shape, weight and text colour as the form's button; the destructive red, not the browser's grey.
        Assert.Equal(primary[..4], style[..4]);
        Assert.NotEqual("rgb(239, 239, 239)", style[4]);
        Assert.Equal("pointer", style[5]);
        await page.Context.CloseAsync();
    }
}
