using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KhuyenCong.EndToEndTests.Web;

/// <summary>Issue 16 item 1 on a 360 px phone: a file per required document, and what is still missing said before sending.</summary>
[Collection(WebAppCollection.Name)]
public class ProposalFormDocumentsTests(WebAppFixture app, BrowserFixture browser)
{
    [Fact]
    public async Task Form_KindChosen_ShowsAFileInputPerRequiredDocumentAndFlagsWhatIsMissingBeforeSending()
    {
        var page = await browser.NewPhonePageAsync(app.Host.BaseAddress);
        await page.GotoAsync("/");
        await Expect(page.Locator("#document-files")).ToBeHiddenAsync();

        await page.SelectOptionAsync("#kind", new SelectOptionValue { Value = "training" });
        // Training asks for five documents; the supplier's quote (machinery's) has no input.
        await Expect(page.Locator("#document-files .document-file:visible")).ToHaveCountAsync(5);
        await Expect(page.Locator("#document-file-bao-gia")).ToBeHiddenAsync();
        await Expect(page.Locator("#documents-missing")).ToContainTextAsync("Còn thiếu: Đề án (thuyết minh đề án); Giấy chứng nhận đăng ký");

        await page.SetInputFilesAsync("#document-file-du-toan", ProposalFormDriver.WriteMinimalPdf("du-toan.pdf"));
        await Expect(page.Locator("#documents-training li[data-document='du-toan'] .document-status")).ToHaveTextAsync(" — đã chọn tệp: du-toan.pdf");
        await Expect(page.Locator("#documents-training li[data-document='thuyet-minh'] .document-status")).ToHaveTextAsync(" — chưa có tệp");
        await Expect(page.Locator("#documents-missing")).Not.ToContainTextAsync("Dự toán");
        await ProposalFormDriver.ExpectNoHorizontalScrollAsync(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "form-documents-360.png"), FullPage = true });

        // Another kind: its own inputs; the file chosen for a document it does not ask for is not sent (disabled).
        await page.SelectOptionAsync("#kind", new SelectOptionValue { Value = "machinery" });
        await Expect(page.Locator("#document-file-bao-gia")).ToBeVisibleAsync();
        await Expect(page.Locator("#documents-missing")).ToContainTextAsync("Báo giá máy móc, thiết bị của nhà cung cấp");
        await page.Context.CloseAsync();
    }
}
