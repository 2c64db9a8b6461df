using System.Globalization;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.EndToEndTests.Web;
using KhuyenCong.Testing;
using static Microsoft.Playwright.Assertions;

namespace KhuyenCong.EndToEndTests.Journeys;

/// <summary>
/// Issue 16 item 9, the statistics clerk at a phone's and a desktop's width: the dashboard opens on the current plan
/// year; the print view has the report header (agency, period, date printed) and the signature block; the report
/// export has Vietnamese labels; and every link works when the page was opened with LocalHost's <c>?code=</c> key.
/// </summary>
[Collection(WebAppCollection.Name)]
public sealed class StatisticsClerkBrowserTests(WebAppFixture app, BrowserFixture browser)
{
    [Theory]
    [InlineData(360)]
    [InlineData(1280)]
    public async Task Dashboard_OpenedWithTheKeyInTheAddress_CurrentYearPrintViewWithHeaderAndSignatures(int width)
    {
        var year = VietnamTime.Today(TimeProvider.System).Year.ToString(CultureInfo.InvariantCulture);
        var today = VietnamTime.Today(TimeProvider.System).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        var page = await Viewports.OpenAsync(browser, app.Host.BaseAddress, width, staff: false);
        await page.GotoAsync("/dashboard?code=" + LocalHostFactory.FunctionKey);

        await Expect(page.Locator("#f-from")).ToHaveValueAsync(year);
        await Expect(page.Locator("#f-to")).ToHaveValueAsync(year);
        await Expect(page.Locator("#staff-nav a[aria-current=page]")).ToHaveTextAsync("Thống kê");
        await Viewports.ScreenshotAsync(page, "clerk-dashboard", width);
        await page.Locator("#print-view").ClickAsync();

        await Expect(page.Locator("#report-header")).ToContainTextAsync("TRUNG TÂM KHUYẾN CÔNG");
        await Expect(page.Locator("#report-period")).ToHaveTextAsync("Kỳ báo cáo: Năm " + year);
        await Expect(page.Locator("#report-printed")).ToHaveTextAsync("Ngày in: " + today);
        await Expect(page.Locator("#signature-block")).ToContainTextAsync("NGƯỜI LẬP BIỂU");
        await Expect(page.Locator("#signature-block")).ToContainTextAsync("THỦ TRƯỞNG ĐƠN VỊ");
        Assert.Contains("code=" + LocalHostFactory.FunctionKey, page.Url, StringComparison.Ordinal);
        await Viewports.ScreenshotAsync(page, "clerk-dashboard-print", width);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Dashboard_ReportExportOpenedWithTheKeyInTheAddress_VietnameseLabelsAndGroupedAmounts()
    {
        var page = await Viewports.OpenAsync(browser, app.Host.BaseAddress, 1280, staff: false);
        await page.GotoAsync("/dashboard?from=&to=&lang=en&code=" + LocalHostFactory.FunctionKey);

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#export-report-csv").ClickAsync());

        Assert.Equal("thong-ke-khuyen-cong-bao-cao.csv", download.SuggestedFilename);
        var csv = (await File.ReadAllTextAsync((await download.PathAsync())!)).TrimStart('\uFEFF');
        Assert.StartsWith("Thống kê theo,Nhóm,Số đề án,Kinh phí đề nghị (đồng)", csv, StringComparison.Ordinal);
        Assert.Matches(@"^Tổng cộng,Tất cả,\d{1,3}(\.\d{3})*,\d{1,3}(\.\d{3})*,", csv.Split("\r\n")[1]);
        await page.Context.CloseAsync();
    }
}
