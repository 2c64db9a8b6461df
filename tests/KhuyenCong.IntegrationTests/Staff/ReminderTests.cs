using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.LocalHost.Hosting;
using KhuyenCong.Testing;

namespace KhuyenCong.IntegrationTests.Staff;

/// <summary>Its own Azurite and LocalHost, so no other test's reminders are in its outbox or its email log.</summary>
public sealed class ReminderFixture : IAsyncLifetime
{
    public const string Officer = "truong-phong@khuyencong.local";
    public const string SecondOfficer = "chuyen-vien@khuyencong.local";

    private readonly AzuriteFixture azurite = new();

    public LocalHostApplication Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await azurite.InitializeAsync();
        Host = await LocalHostFactory.StartAsync(azurite.ConnectionString, new Dictionary<string, string?>
        {
            ["Workflow:OfficerEmails"] = $"{Officer}; {SecondOfficer}",
        });
    }

    public async Task DisposeAsync()
    {
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }

        await azurite.DisposeAsync();
    }
}

/// <summary>The reminder timers, run through LocalHost's admin API (as the Functions host's), twice and concurrently.</summary>
public class ReminderTests(ReminderFixture fixture) : IClassFixture<ReminderFixture>
{
    private readonly StaffScenario scenario = new(fixture.Host);

    private async Task RunAsync(string function)
    {
        using var client = fixture.Host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/admin/functions/{function}") { Content = new StringContent("{}") };
        request.Headers.Add("x-functions-key", LocalHostFactory.AdminKey);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    private async Task<List<JsonElement>> MessagesToAsync(string email)
    {
        using var client = fixture.Host.CreateClient();
        var all = (await client.GetFromJsonAsync<List<JsonElement>>(new Uri("/dev/outbox/messages", UriKind.Relative)))!;
        return all.Where(m => m.GetProperty("to").EnumerateArray().Any(t => t.GetString() == email)).ToList();
    }

    [Fact]
    public void Timers_AreServedWithTheirSchedulesFromSettings()
    {
        Assert.Equal("0 0 1 * * *", fixture.Host.Timers.Single(t => t.Name == "ReviewerDigest").Expression);
        Assert.Equal("0 0 1 * * 1", fixture.Host.Timers.Single(t => t.Name == "OverdueReport").Expression);
    }

    [Fact]
    public async Task Digest_RunTwiceAndConcurrently_SendsExactlyOneEmailPerReviewerWithOpenReviews()
    {
        var first = await scenario.SubmitAsync("Dây chuyền sấy <chè> Thái Nguyên");
        var second = await scenario.SubmitAsync("Máy dệt thổ cẩm");
        var hoa = await scenario.NewReviewerAsync("Nguyễn Thị Hoa");
        var nam = await scenario.NewReviewerAsync("Trần Văn Nam");
        var idle = await scenario.NewReviewerAsync("Lý Văn Rảnh");
        await scenario.InviteAsync(first, hoa, "Nguyễn Thị Hoa", DateTimeOffset.UtcNow.AddDays(6));
        await scenario.InviteAsync(first, nam, "Trần Văn Nam", DateTimeOffset.UtcNow.AddDays(6));
        await scenario.InviteAsync(second, nam, "Trần Văn Nam", DateTimeOffset.UtcNow.AddDays(-2));

        await RunAsync("ReviewerDigest");
        await RunAsync("ReviewerDigest");
        await Task.WhenAll(RunAsync("ReviewerDigest"), RunAsync("ReviewerDigest"), RunAsync("ReviewerDigest"));

        var toHoa = Assert.Single(await MessagesToAsync($"tham.dinh+{hoa}@example.vn"));
        var toNam = Assert.Single(await MessagesToAsync($"tham.dinh+{nam}@example.vn"));
        Assert.Empty(await MessagesToAsync($"tham.dinh+{idle}@example.vn"));
        var hoaHtml = toHoa.GetProperty("html").GetString()!;
        Assert.Contains("Dây chuyền sấy &lt;chè&gt; Thái Nguyên", hoaHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("<chè>", hoaHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("/links/", hoaHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("QUÁ HẠN", hoaHtml, StringComparison.Ordinal);
        var namHtml = toNam.GetProperty("html").GetString()!;
        Assert.Contains("Máy dệt thổ cẩm", namHtml, StringComparison.Ordinal);
        Assert.Contains("QUÁ HẠN", namHtml, StringComparison.Ordinal);
        Assert.Contains("OVERDUE", namHtml, StringComparison.Ordinal);
        Assert.StartsWith("Đề án chờ thẩm định", toNam.GetProperty("subject").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OverdueReport_RunTwiceAndConcurrently_ListsTheOverdueReviewAndTheProposalsAwaitingCouncilOrPlanOnceToEachOfficer()
    {
        var id = await scenario.SubmitAsync("Lò sấy <gỗ> quá hạn");
        var reviewer = await scenario.NewReviewerAsync("Đinh Quang Huy");
        await scenario.InviteAsync(id, reviewer, "Đinh Quang Huy", DateTimeOffset.UtcNow.AddDays(-3));
        var awaitingCouncil = await scenario.SubmitAsync("Chờ phiên họp hội đồng");
        await scenario.SetStatusAsync(awaitingCouncil, KhuyenCong.Domain.Proposals.ProposalStatus.InReview, DateTimeOffset.UtcNow.AddDays(-31));
        var awaitingPlan = await scenario.SubmitAsync("Chờ quyết định kế hoạch");
        await scenario.SetStatusAsync(awaitingPlan, KhuyenCong.Domain.Proposals.ProposalStatus.InPlan, DateTimeOffset.UtcNow.AddDays(-61));
        var sentToMinistry = await scenario.SubmitAsync("Chờ Bộ Công Thương");
        await scenario.SetStatusAsync(sentToMinistry, KhuyenCong.Domain.Proposals.ProposalStatus.SentToMinistry, DateTimeOffset.UtcNow.AddDays(-61));
        var recentlyAppraised = await scenario.SubmitAsync("Mới thẩm định xong");
        await scenario.SetStatusAsync(recentlyAppraised, KhuyenCong.Domain.Proposals.ProposalStatus.Appraised, DateTimeOffset.UtcNow.AddDays(-2));

        await Task.WhenAll(RunAsync("OverdueReport"), RunAsync("OverdueReport"));
        await RunAsync("OverdueReport");

        foreach (var officer in new[] { ReminderFixture.Officer, ReminderFixture.SecondOfficer })
        {
            // Officers also get the workflow's own emails (a proposal to screen): the report is the weekly one.
            var report = Assert.Single(await MessagesToAsync(officer), m => m.GetProperty("subject").GetString()!.StartsWith("Báo cáo quá hạn", StringComparison.Ordinal));
            var html = report.GetProperty("html").GetString()!;
            Assert.Contains("Lò sấy &lt;gỗ&gt; quá hạn", html, StringComparison.Ordinal);
            Assert.Contains("Đinh Quang Huy", html, StringComparison.Ordinal);
            Assert.Contains($"/staff/proposals/{id}", html, StringComparison.Ordinal);
            Assert.Contains($"/staff/proposals/{awaitingCouncil}", html, StringComparison.Ordinal);
            Assert.Contains($"/staff/proposals/{awaitingPlan}", html, StringComparison.Ordinal);
            Assert.Contains($"/staff/proposals/{sentToMinistry}", html, StringComparison.Ordinal);
            Assert.DoesNotContain($"/staff/proposals/{recentlyAppraised}", html, StringComparison.Ordinal);
            Assert.StartsWith("Báo cáo quá hạn tuần", report.GetProperty("subject").GetString(), StringComparison.Ordinal);
        }
    }
}
