using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Testing;
using static KhuyenCong.IntegrationTests.Programmes.ProgrammeTestSupport;

namespace KhuyenCong.IntegrationTests.Staff;

/// <summary>
/// <c>POST /staff/proposals/bulk</c> with <c>action=remind-reviewers</c> over HTTP: each open reviewer of each proposal in
/// review gets the reminder email in LocalHost's outbox with a working review link, once a day however often it is asked;
/// proposals not in review are refused on their row.
/// </summary>
[Collection(StaffCollection.Name)]
public partial class StaffBulkReminderTests(LocalHostFixture fixture)
{
    private readonly StaffScenario scenario = new(fixture.Host);

    [GeneratedRegex("https?://[^\"\\s<]+/links/[A-Za-z0-9._~-]+")]
    private static partial Regex LinkPattern();

    private async Task<List<JsonElement>> MessagesToAsync(string email)
    {
        using var client = fixture.Host.CreateClient();
        var all = (await client.GetFromJsonAsync<List<JsonElement>>(new Uri("/dev/outbox/messages", UriKind.Relative)))!;
        return all.Where(m => m.GetProperty("to").EnumerateArray().Any(t => t.GetString() == email)).ToList();
    }

    private async Task<(string Id, string Hoa, string Nam)> InReviewWithTwoOpenReviewsAsync()
    {
        var id = await scenario.SubmitAsync("Máy sấy <nông sản> " + Guid.NewGuid().ToString("N")[..6]);
        var hoa = await scenario.NewReviewerAsync("Nguyễn Thị Hoa");
        var nam = await scenario.NewReviewerAsync("Trần Văn Nam");
        await scenario.InviteAsync(id, hoa, "Nguyễn Thị Hoa", DateTimeOffset.UtcNow.AddDays(3));
        await scenario.InviteAsync(id, nam, "Trần Văn Nam", DateTimeOffset.UtcNow.AddDays(-1));
        await scenario.SetStatusAsync(id, ProposalStatus.InReview);
        return (id, $"tham.dinh+{hoa}@example.vn", $"tham.dinh+{nam}@example.vn");
    }

    [Fact]
    public async Task BulkRemind_ProposalInReviewAndOneInScreening_EmailsEachOpenReviewerAndRefusesTheOtherRow()
    {
        var (inReview, hoa, nam) = await InReviewWithTwoOpenReviewsAsync();
        var screening = await scenario.InScreeningAsync();

        using var response = await scenario.PostAsync("/staff/proposals/bulk", new { action = "remind-reviewers", ids = new[] { inReview, screening } });

        var body = await JsonAsync(response, HttpStatusCode.OK);
        Assert.Equal("remind-reviewers", body.GetProperty("action").GetString());
        var rows = body.GetProperty("results").EnumerateArray().ToList();
        Assert.True(rows[0].GetProperty("done").GetBoolean());
        Assert.Equal("Đã gửi email nhắc cho 2 thành viên hội đồng.", rows[0].GetProperty("message").GetString());
        Assert.False(rows[1].GetProperty("done").GetBoolean());
        Assert.Contains("chưa thể nhắc thành viên hội đồng", rows[1].GetProperty("message").GetString(), StringComparison.Ordinal);
        foreach (var email in new[] { hoa, nam })
        {
            var message = Assert.Single(await MessagesToAsync(email));
            Assert.StartsWith("Nhắc thẩm định đề án", message.GetProperty("subject").GetString(), StringComparison.Ordinal);
            Assert.Contains("Máy sấy &lt;nông sản&gt;", message.GetProperty("html").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task BulkRemind_AskedTwice_SendsOnceAndSaysAlreadyReminded()
    {
        var (id, hoa, nam) = await InReviewWithTwoOpenReviewsAsync();
        using (var first = await scenario.PostAsync("/staff/proposals/bulk", new { action = "remind-reviewers", ids = new[] { id } }))
        {
            Assert.Equal(1, (await JsonAsync(first, HttpStatusCode.OK)).GetProperty("done").GetInt32());
        }

        using var second = await scenario.PostAsync("/staff/proposals/bulk", new { action = "remind-reviewers", ids = new[] { id } });

        var row = (await JsonAsync(second, HttpStatusCode.OK)).GetProperty("results")[0];
        Assert.Equal("2 thành viên hội đồng đã được nhắc hôm nay: không gửi lại.", row.GetProperty("message").GetString());
        Assert.Single(await MessagesToAsync(hoa));
        Assert.Single(await MessagesToAsync(nam));
    }

    [Fact]
    public async Task BulkRemind_FormFromTheQueue_RendersTheResultPageAndTheEmailedLinkOpensTheReviewPage()
    {
        var (id, hoa, _) = await InReviewWithTwoOpenReviewsAsync();
        using var client = scenario.Staff();
        var queue = await client.GetStringAsync(Path("/staff/queue?reason=reviews-overdue"));
        Assert.Contains($"id=\"remind-{id}\"", queue, StringComparison.Ordinal);
        Assert.Contains("id=\"queue-remind-form\"", queue, StringComparison.Ordinal);

        using var response = await client.PostAsync(Path("/staff/proposals/bulk"), new FormUrlEncodedContent(
            [new("csrfToken", fixture.Host.StaffFormToken()), new("action", "remind-reviewers"), new("ids", id)]));

        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, html);
        Assert.Contains("Đã thực hiện 1/1 đề án.", html, StringComparison.Ordinal);
        Assert.Contains($"data-id=\"{id}\" data-done=\"true\"", html, StringComparison.Ordinal);
        var link = new Uri(LinkPattern().Match(Assert.Single(await MessagesToAsync(hoa)).GetProperty("html").GetString()!).Value);
        using var reviewer = fixture.Host.CreateClient();
        using var page = await reviewer.GetAsync(new Uri(link.PathAndQuery, UriKind.Relative));
        var reviewHtml = await page.Content.ReadAsStringAsync();
        Assert.True(page.StatusCode == HttpStatusCode.OK, reviewHtml);
        Assert.Contains("Nguyễn Thị Hoa", reviewHtml, StringComparison.Ordinal);
    }
}
