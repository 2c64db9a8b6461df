using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.Application.Proposals;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.EndToEndTests.Pages;
using KhuyenCong.EndToEndTests.Web;
using KhuyenCong.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KhuyenCong.EndToEndTests.Journeys;

/// <summary>
/// Issue 16 item 6, the officer at a phone's and a desktop's width: the work queue lists what waits with the checks'
/// flags; the staff navigation marks the current page; the list is ticked and assigned to a programme in one post with
/// a result per proposal; staff pages fill a wide screen and their tables read as cards on a phone.
/// </summary>
[Collection(WebAppCollection.Name)]
public sealed class OfficerWorkQueueBrowserTests(WebAppFixture app, BrowserFixture browser)
{
    private const string Display = "s => getComputedStyle(document.querySelector(s)).display";

    private IServiceProvider Services => app.Host.Services;

    private async Task<(string Id, string TrackingCode)> InScreeningAsync()
    {
        using var client = app.CreateClient();
        var submitted = await TestProposals.SubmitAsync(client);
        var cases = Services.GetRequiredService<IProposalCaseStore>();
        var round = await Eventually.GetAsync(
            async () => (await Services.GetRequiredService<IProposalRepository>().GetAsync(submitted.Id, CancellationToken.None))?.Status == ProposalStatus.Screening
                ? (await cases.GetAsync(submitted.Id, CancellationToken.None)).CurrentScreening : null,
            s => s is not null, TimeSpan.FromSeconds(60), "the workflow waiting for screening");
        await cases.SaveScreeningAsync(submitted.Id, round! with { Findings = [new("quote-missing", "Thiếu báo giá thiết bị", "Quote missing", true)] }, CancellationToken.None);
        return (submitted.Id, submitted.TrackingCode);
    }

    private async Task<string> ProgrammeAsync()
    {
        using var client = app.CreateClient(withFunctionKey: true);
        using var response = await client.PostAsJsonAsync("/api/programmes", new
        {
            name = "Chương trình khuyến công thử nghiệm " + Guid.NewGuid().ToString("N")[..6],
            fromYear = 2021, toYear = 2030, fundingSource = "national", decisionNumber = "12/QĐ-UBND",
            targets = new object[] { new { code = "proposals", target = 10 } },
        });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
    }

    [Theory]
    [InlineData(360)]
    [InlineData(1280)]
    public async Task WorkQueue_WaitingProposal_ListedWithItsFlagAndTheNavigationMarksThePage(int width)
    {
        var (id, code) = await InScreeningAsync();
        var page = await Viewports.OpenAsync(browser, app.Host.BaseAddress, width, staff: true);

        await page.GotoAsync("/staff/queue?reason=screening");

        await Expect(page.Locator("#staff-nav a[aria-current=page]")).ToHaveTextAsync("Việc cần xử lý");
        var row = page.Locator($"#work-queue tr:has(a[href^='/staff/proposals/{id}'])");
        await Expect(row).ToContainTextAsync(code);
        await Expect(row.Locator("li.flag-blocking")).ToHaveTextAsync("Thiếu báo giá thiết bị");
        Assert.Equal(width < 600 ? "block" : "table-cell", await page.EvaluateAsync<string>(Display, "#work-queue td"));
        var main = await page.Locator("main").BoundingBoxAsync();
        Assert.True(width < 600 || main!.Width > 1200, $"main is {main?.Width} px wide at {width} px");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "no sideways scroll");
        await Viewports.ScreenshotAsync(page, "officer-work-queue", width);

        await page.Locator("#staff-nav a", new() { HasText = "Đề án" }).First.ClickAsync();
        await Expect(page.Locator("#staff-nav a[aria-current=page]")).ToHaveTextAsync("Đề án");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(360)]
    [InlineData(1280)]
    public async Task ProposalList_TwoTickedAssignedToAProgramme_OnePostWithAResultPerProposal(int width)
    {
        var (first, second, programme) = ((await InScreeningAsync()).Id, (await InScreeningAsync()).Id, await ProgrammeAsync());
        var page = await Viewports.OpenAsync(browser, app.Host.BaseAddress, width, staff: true);
        await page.GotoAsync("/staff/proposals?status=screening&sort=newest");

        await page.Locator($"#pick-{first}").CheckAsync();
        await page.Locator($"#pick-{second}").CheckAsync();
        await page.Locator("#bulk-action").SelectOptionAsync("programme");
        await page.Locator("#bulk-programme").SelectOptionAsync(programme);
        await Viewports.ScreenshotAsync(page, "officer-proposal-list-ticked", width);
        await page.Locator("#bulk-submit").ClickAsync();

        await Expect(page.Locator("#bulk-summary")).ToHaveTextAsync("Đã thực hiện 2/2 đề án.");
        await Expect(page.Locator($"tr[data-id='{first}'][data-done='true']")).ToBeVisibleAsync();
        await Expect(page.Locator($"tr[data-id='{second}'][data-done='true']")).ToBeVisibleAsync();
        var repository = Services.GetRequiredService<IProposalRepository>();
        Assert.Equal(programme, (await repository.GetAsync(first, CancellationToken.None))!.ProgrammeId);
        Assert.Equal(programme, (await repository.GetAsync(second, CancellationToken.None))!.ProgrammeId);
        await Viewports.ScreenshotAsync(page, "officer-bulk-result", width);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ProposalList_ReportExportButton_DownloadsTheFilteredListWithVietnameseLabels()
    {
        await InScreeningAsync();
        var page = await Viewports.OpenAsync(browser, app.Host.BaseAddress, 1280, staff: true);
        await page.GotoAsync("/staff/proposals?status=screening");

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#export-report-csv").ClickAsync());

        var csv = (await File.ReadAllTextAsync((await download.PathAsync())!)).TrimStart('\uFEFF');
        Assert.StartsWith("Mã theo dõi,Tên đề án,Cơ sở,Tình trạng", csv, StringComparison.Ordinal);
        Assert.Contains("Máy chẻ nan tre tự động cho làng nghề", csv, StringComparison.Ordinal);
        Assert.Contains(",160.000.000\r\n", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("Đã duyệt", csv, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }
}
