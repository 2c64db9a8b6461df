using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.Application.Appraisal;
using KhuyenCong.Application.Links;
using KhuyenCong.Application.Proposals;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.EndToEndTests.Pages;
using KhuyenCong.EndToEndTests.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KhuyenCong.EndToEndTests.Links;

/// <summary>
/// The reviewer's page on a phone (360 px) in Chromium. The review email is sent by the orchestration, so the link is
/// made here with the app's own LinkService and the proposal is put in review with the app's storage classes.
/// </summary>
[Collection(WebAppCollection.Name)]
public sealed class ReviewLinkBrowserTests(WebAppFixture app, BrowserFixture browser)
{
    [Fact]
    public async Task ReviewPage_OnAPhone_ScoreEveryCriterion_SeeTheTotal_Submit_SeeTheConfirmation()
    {
        var services = app.Host.Services;
        using var client = app.CreateClient();
        var id = await SubmitAsync(client);

        var repository = services.GetRequiredService<IProposalRepository>();
        await repository.ChangeStatusAsync(id, 100, new StatusChange(DateTimeOffset.UtcNow, ProposalStatus.Submitted, ProposalStatus.InReview, "test", null), CancellationToken.None);
        var rubric = await services.GetRequiredService<IRubricStore>().GetCurrentAsync(CancellationToken.None);
        var cases = services.GetRequiredService<IProposalCaseStore>();
        var reviewer = Guid.NewGuid().ToString("N");
        var now = DateTimeOffset.UtcNow;
        await cases.InviteAsync(new ReviewRecord(id, 1, reviewer, "Nguyễn Thị Hoa", ReviewState.Invited, now, now.AddDays(10), RubricId: rubric.Id, RubricVersion: rubric.Version), CancellationToken.None);
        var path = new Uri(services.GetRequiredService<LinkService>().CreateUrl(LinkActions.Review, id, reviewer, 1)).PathAndQuery;

        var page = await browser.NewPhonePageAsync(app.Host.BaseAddress);
        await page.GotoAsync(path);
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "vi");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Phiếu chấm thẩm định đề án");
        await Expect(page.Locator("#proposal-title")).ToHaveTextAsync("Máy chẻ nan tre tự động cho làng nghề");
        await Expect(page.Locator("#total")).ToHaveTextAsync("—");

        var expected = 0;
        foreach (var criterion in rubric.Criteria)
        {
            var points = criterion.MaxPoints - 2;
            expected += points;
            await page.FillAsync("#points-" + criterion.Code, points.ToString(CultureInfo.InvariantCulture));
        }

        await Expect(page.Locator("#total")).ToHaveTextAsync(expected.ToString(CultureInfo.InvariantCulture));
        await page.CheckAsync("#recommendation-approve");
        await page.FillAsync("#comment", "Đề án khả thi, cần theo dõi tiến độ lắp đặt.");
        await ProposalFormDriver.ExpectNoHorizontalScrollAsync(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "review-filled.png"), FullPage = true });

        await page.ClickAsync("#submit-review");

        await Expect(page.Locator("#decision")).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 30_000 });
        await Expect(page.Locator("#recorded-total")).ToHaveTextAsync(expected.ToString(CultureInfo.InvariantCulture));
        await ProposalFormDriver.ExpectNoHorizontalScrollAsync(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "review-submitted.png"), FullPage = true });

        var review = await cases.GetReviewAsync(id, 1, reviewer, CancellationToken.None);
        Assert.Equal(ReviewState.Submitted, review!.State);
        Assert.Equal(expected, review.Total);

        // Opening the link again shows the decision, not the form.
        var reopened = await page.GotoAsync(path);
        Assert.Equal(409, reopened!.Status);
        await Expect(page.Locator("#recorded-decision")).ToBeVisibleAsync();
    }

    private static async Task<string> SubmitAsync(HttpClient client) => (await TestProposals.SubmitAsync(client)).Id;

    [Fact]
    public async Task RevisionAndApprovalPages_FitAPhoneWithoutSideways_Scrolling()
    {
        var services = app.Host.Services;
        using var client = app.CreateClient();
        var repository = services.GetRequiredService<IProposalRepository>();
        var cases = services.GetRequiredService<IProposalCaseStore>();
        var links = services.GetRequiredService<LinkService>();
        var now = DateTimeOffset.UtcNow;

        var revised = await SubmitAsync(client);
        await cases.SaveScreeningAsync(revised, new ScreeningRecord(1, [new ScreeningFinding("quote-missing", "Thiếu báo giá thiết bị của nhà cung cấp", "The supplier's quote is missing", true)], now), CancellationToken.None);
        await cases.DecideScreeningAsync(revised, 1, ScreeningOutcome.RequestDocuments, "officer", "Vui lòng bổ sung báo giá máy chẻ nan và giấy chứng nhận đăng ký hợp tác xã.", now, CancellationToken.None);
        await repository.ChangeStatusAsync(revised, 100, new StatusChange(now, ProposalStatus.Submitted, ProposalStatus.NeedsRevision, "test", null), CancellationToken.None);

        var page = await browser.NewPhonePageAsync(app.Host.BaseAddress);
        await page.GotoAsync(new Uri(links.CreateUrl(LinkActions.Revise, revised, "applicant", 1)).PathAndQuery);
        await Expect(page.Locator("#request-comment")).ToContainTextAsync("báo giá máy chẻ nan");
        await Expect(page.Locator("#title")).ToHaveValueAsync("Máy chẻ nan tre tự động cho làng nghề");
        await ProposalFormDriver.ExpectNoHorizontalScrollAsync(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "revise-page.png"), FullPage = true });

        var approved = await SubmitAsync(client);
        await repository.ChangeStatusAsync(approved, 100, new StatusChange(now, ProposalStatus.Submitted, ProposalStatus.AwaitingApproval, "test", null), CancellationToken.None);
        await page.GotoAsync(new Uri(links.CreateUrl(LinkActions.Approve, approved, "director", 1)).PathAndQuery);
        await Expect(page.Locator("#requested-amount")).ToHaveTextAsync("160.000.000 đồng");
        await ProposalFormDriver.ExpectNoHorizontalScrollAsync(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "approve-page.png"), FullPage = true });
    }
}
