using System.Net;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Testing;

namespace KhuyenCong.IntegrationTests.Staff;

/// <summary><c>GET /staff/queue</c> over HTTP: what waits on the officers, with the checks' flags and the step filter.</summary>
[Collection(StaffCollection.Name)]
public class StaffQueueTests(LocalHostFixture fixture)
{
    private readonly StaffScenario scenario = new(fixture.Host);

    private async Task<(HttpStatusCode Status, string Html)> QueueAsync(string query = "")
    {
        using var client = scenario.Staff();
        using var response = await client.GetAsync(new Uri("/staff/queue" + query, UriKind.Relative));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Queue_ProposalInScreeningWithABlockingFinding_ListedWithTheFlagAndALink()
    {
        var title = "Máy dệt chiếu " + Guid.NewGuid().ToString("N")[..8];
        var id = await scenario.SubmitAsync(title);
        await scenario.Cases.SaveScreeningAsync(id, new ScreeningRecord(1, [new ScreeningFinding("missing-quote", "Thiếu báo giá thiết bị", "Equipment quote missing", true)],
            DateTimeOffset.UtcNow), CancellationToken.None);
        await scenario.SetStatusAsync(id, ProposalStatus.Screening);

        var (status, html) = await QueueAsync();

        Assert.True(status == HttpStatusCode.OK, html);
        Assert.Contains(title, html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/staff/proposals/{id}?lang=vi", html, StringComparison.Ordinal);
        Assert.Contains("<li class=\"flag-blocking\">Thiếu báo giá thiết bị</li>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/staff/queue?lang=vi", html, StringComparison.Ordinal);
        Assert.Matches("href=\"/staff/queue[^\"]*\" aria-current=\"page\"", html);
    }

    [Fact]
    public async Task Queue_ReviewOverdueFilter_ListsTheOverdueReviewOnlyMarkedOverdue()
    {
        var title = "Lò sấy chè " + Guid.NewGuid().ToString("N")[..8];
        var id = await scenario.SubmitAsync(title);
        var reviewer = await scenario.NewReviewerAsync("Lê Văn Quá Hạn");
        await scenario.InviteAsync(id, reviewer, "Lê Văn Quá Hạn", DateTimeOffset.UtcNow.AddDays(-2));
        await scenario.SetStatusAsync(id, ProposalStatus.InReview);
        var screening = await scenario.InScreeningAsync("Chỉ đang kiểm tra " + Guid.NewGuid().ToString("N")[..8]);

        var (status, html) = await QueueAsync("?reason=reviews-overdue");

        Assert.True(status == HttpStatusCode.OK, html);
        Assert.Contains(title, html, StringComparison.Ordinal);
        Assert.Contains("Chuyên gia quá hạn nhận xét (1 chuyên gia)", html, StringComparison.Ordinal);
        Assert.Contains("Quá hạn", html, StringComparison.Ordinal);
        Assert.DoesNotContain(screening, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Queue_ProposalOfNextYearsPlan_ListedSinceACallOfThisYearTakesProposalsForNextYear()
    {
        var title = "Máy ép gạch " + Guid.NewGuid().ToString("N")[..8];
        var submitted = (await scenario.Proposals.GetAsync(await scenario.SubmitAsync(), CancellationToken.None))!;
        var id = Guid.NewGuid().ToString("N");
        await scenario.Proposals.CreateAsync(submitted with
        {
            Id = id,
            TrackingCode = "KC-" + id[..16].ToUpperInvariant(),
            AssignedPlanYear = VietnamTime.Today(TimeProvider.System).Year + 1,
            Submission = submitted.Submission with { Title = title },
        }, CancellationToken.None);

        var (status, html) = await QueueAsync();

        Assert.True(status == HttpStatusCode.OK, html);
        Assert.Contains(title, html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/staff/proposals/{id}?lang=vi", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Queue_UnknownStep_Returns400WithTheMessageAtTheField()
    {
        var (status, html) = await QueueAsync("?reason=everything");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("Chọn một việc trong danh sách.", html, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", html, StringComparison.Ordinal);
    }
}
