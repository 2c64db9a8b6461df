using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KhuyenCong.EndToEndTests.Web;

/// <summary>
/// Issue 16 item 2's proof on a 360 px phone: the form filled with a file on a throttled network (about 400 kbit/s,
/// Chromium's network emulation) keeps a draft on the device, survives a reload with the draft restored, shows the
/// upload's progress, and is sent; the draft is then gone. Dates typed as day/month/year (item 4).
/// </summary>
[Collection(WebAppCollection.Name)]
public class ProposalFormDraftTests(WebAppFixture app, BrowserFixture browser)
{
    /// <summary>A valid PDF of about 150 KB (the minimal one, then a comment line), so that the upload takes seconds.</summary>
    private static string WriteLargerPdf()
    {
        var path = ProposalFormDriver.WriteMinimalPdf("thuyet-minh-lon.pdf");
        File.AppendAllText(path, "%" + new string('x', 150_000) + "\n", Encoding.ASCII);
        return path;
    }

    [Fact]
    public async Task Form_OnAThrottledNetwork_KeepsTheDraftOverAReloadShowsProgressAndIsSent()
    {
        var page = await browser.NewPhonePageAsync(app.Host.BaseAddress);
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("Network.enable");
        // 400 kbit/s both ways (50,000 bytes a second) and 400 ms of latency: a slow 3G phone.
        await cdp.SendAsync("Network.emulateNetworkConditions", new Dictionary<string, object>
        {
            ["offline"] = false, ["latency"] = 400, ["downloadThroughput"] = 50_000, ["uploadThroughput"] = 50_000,
        });
        await page.GotoAsync("/", new PageGotoOptions { Timeout = 60_000 });
        var pdf = WriteLargerPdf();
        await ProposalFormDriver.FillValidProposalAsync(page, pdf);
        // The number pad has no slash: eight digits become day/month/year when the field is left.
        await page.FillAsync("#endDate", "31102026");
        await page.Locator("#endDate").BlurAsync();
        await Expect(page.Locator("#endDate")).ToHaveValueAsync("31/10/2026");
        await Expect(page.Locator("#endDate-error")).ToBeEmptyAsync();
        await Expect(page.Locator("#draft-status")).ToContainTextAsync("Bản nháp đã được lưu trên máy này");

        await page.ReloadAsync(new PageReloadOptions { Timeout = 60_000 });

        await Expect(page.Locator("#draft-status")).ToHaveTextAsync("Đã khôi phục bản nháp lưu trên máy này. Vui lòng chọn lại các tệp đính kèm.");
        await Expect(page.Locator("#organizationName")).ToHaveValueAsync("Hộ kinh doanh Nguyễn Văn Bình");
        await Expect(page.Locator("#kind")).ToHaveValueAsync("machinery");
        await Expect(page.Locator("#startDate")).ToHaveValueAsync("01/04/2026");
        await Expect(page.Locator("#summary")).ToHaveValueAsync(new Regex("^Đầu tư hệ thống sấy nhãn lồng"));
        await ProposalFormDriver.ExpectMachineryCapBoxAsync(page);
        await Expect(page.Locator("#documents-machinery")).ToBeVisibleAsync();

        await page.SetInputFilesAsync("#attachments", pdf);
        await ProposalFormDriver.CheckAndSendAsync(page);

        await Expect(page.Locator("#upload-progress")).ToBeVisibleAsync();
        await Expect(page.Locator("#upload-percent")).ToHaveTextAsync(new Regex("^Đang gửi hồ sơ… [0-9]+%$"));
        await Expect(page).ToHaveURLAsync(new Regex("/track/KC-[^/?]+\\?submitted=1$"), new PageAssertionsToHaveURLOptions { Timeout = 120_000 });
        // The confirmation: the code, what happens next and by when, the receipt.
        await Expect(page.Locator("#tracking-code")).ToHaveTextAsync(new Regex("^KC-"));
        await Expect(page.Locator("#answer-by")).ToHaveTextAsync(new Regex("^[0-9]{2}/[0-9]{2}/[0-9]{4}$"));
        await Expect(page.Locator("#next-steps li")).ToHaveCountAsync(3);
        await Expect(page.Locator("#receipt-link")).ToBeVisibleAsync();
        var left = await page.EvaluateAsync<string?>("() => window.localStorage.getItem('khuyencong.proposal-draft.v1')");
        Assert.Null(left);
        await page.Context.CloseAsync();
    }
}
