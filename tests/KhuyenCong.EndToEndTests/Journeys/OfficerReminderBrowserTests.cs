using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.EndToEndTests.Pages;
using KhuyenCong.EndToEndTests.Web;
using static Microsoft.Playwright.Assertions;

namespace KhuyenCong.EndToEndTests.Journeys;

/// <summary>
/// Issue 16 item 6, the officer reminding reviewers (ADR 0030) at a phone's and a desktop's width: ticked on the work
/// queue's "reviews overdue" rows, one post, a result per proposal, the reminder in LocalHost's outbox with a review
/// link; asked again from the proposal list the same day, the row says it was already sent and nothing more is sent.
/// </summary>
[Collection(WebAppCollection.Name)]
public sealed class OfficerReminderBrowserTests(WebAppFixture app, BrowserFixture browser)
{
    private async Task<List<JsonElement>> MessagesToAsync(string email)
    {
        using var client = app.CreateClient();
        var all = (await client.GetFromJsonAsync<List<JsonElement>>(new Uri("/dev/outbox/messages", UriKind.Relative)))!;
        return all.Where(m => m.GetProperty("to").EnumerateArray().Any(t => t.GetString() == email)).ToList();
    }

    [Theory]
    [InlineData(360)]
    [InlineData(1280)]
    public async Task RemindReviewers_TickedOnTheQueueThenAgainFromTheList_OneReminderWithALinkAndAResultPerRow(int width)
    {
        var (id, email) = await PageStates.For(app).OverdueReviewAsync();
        var page = await Viewports.OpenAsync(browser, app.Host.BaseAddress, width, staff: true);
        await page.GotoAsync("/staff/queue?reason=reviews-overdue");

        await page.Locator($"#remind-{id}").CheckAsync();
        await Viewports.ScreenshotAsync(page, "officer-queue-remind", width);
        await page.Locator("#queue-remind-submit").ClickAsync();

        await Expect(page.Locator("#bulk-summary")).ToHaveTextAsync("Đã thực hiện 1/1 đề án.");
        await Expect(page.Locator($"tr[data-id='{id}'][data-done='true']")).ToContainTextAsync("Đã gửi email nhắc cho 1 thành viên hội đồng.");
        var reminder = Assert.Single(await MessagesToAsync(email));
        Assert.StartsWith("Nhắc thẩm định đề án", reminder.GetProperty("subject").GetString(), StringComparison.Ordinal);
        Assert.Contains("/links/", reminder.GetProperty("html").GetString(), StringComparison.Ordinal);
        await Viewports.ScreenshotAsync(page, "officer-remind-result", width);

        await page.GotoAsync("/staff/proposals?status=in-review&sort=newest");
        await page.Locator($"#pick-{id}").CheckAsync();
        await page.Locator("#bulk-action").SelectOptionAsync("remind-reviewers");
        await page.Locator("#bulk-submit").ClickAsync();

        await Expect(page.Locator($"tr[data-id='{id}']")).ToContainTextAsync("1 thành viên hội đồng đã được nhắc hôm nay: không gửi lại.");
        Assert.Single(await MessagesToAsync(email));
        await page.Context.CloseAsync();
    }
}
