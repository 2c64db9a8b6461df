using KhuyenCong.Application.Proposals;
using KhuyenCong.Domain.Activities;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KhuyenCong.EndToEndTests.Web;

/// <summary>The statistics dashboard in a desktop-sized Chromium against LocalHost, signed in with the function key.</summary>
[Collection(WebAppCollection.Name)]
public class DashboardTests(WebAppFixture app, BrowserFixture browser)
{
    private static Proposal Proposal(int year, long requested) => new()
    {
        Id = Guid.NewGuid().ToString("N"),
        TrackingCode = "KC-E2E-" + Guid.NewGuid().ToString("N")[..8],
        Status = ProposalStatus.Submitted,
        SubmittedAt = new DateTimeOffset(year, 5, 20, 2, 0, 0, TimeSpan.Zero),
        Channel = SubmissionChannel.Imported,
        EnteredBy = "tester",
        Submission = new ProposalSubmission
        {
            OrganizationName = "HTX Mây tre đan Phú Vinh", TaxCode = "0109876543", Representative = "Lê Văn Bình", Email = "binh@example.vn",
            Phone = "0987654321", Address = "Thôn Phú Vinh", Commune = "Xã Phú Nghĩa", Province = "ha-noi", Kind = ProposalKind.DemonstrationModel,
            Sector = "Thủ công mỹ nghệ", FundingSource = FundingSource.Local, Title = "Mô hình trình diễn máy chẻ nan", Summary = "Thử",
            TotalCost = requested * 2, RequestedSupport = requested, OwnContribution = requested,
            StartDate = new DateOnly(year, 6, 1), EndDate = new DateOnly(year, 12, 1), ExpectedJobs = 7, ExpectedTrainees = 15,
        },
    };

    [Fact]
    public async Task Dashboard_StaffOpensIt_ChartsAndAKnownFigureAreShown()
    {
        await app.Host.Services.GetRequiredService<IProposalRepository>().CreateAsync(Proposal(2099, 765_000_000), CancellationToken.None);
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.Host.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            Locale = "vi-VN",
            ExtraHTTPHeaders = new Dictionary<string, string> { ["x-functions-key"] = LocalHostFactory.FunctionKey },
        });
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, m) => { if (m.Type is "error" or "warning") { problems.Add(m.Text); } };
        page.RequestFailed += (_, r) => problems.Add("failed: " + r.Url);

        await page.GotoAsync("/dashboard?from=2099&to=2099");

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "vi");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Thống kê khuyến công");
        await Expect(page.Locator("figure.chart svg")).ToHaveCountAsync(4);
        await Expect(page.Locator("#chart-by-kind rect.bar")).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-figure=requested]")).ToHaveTextAsync("765.000.000 đồng");
        await Expect(page.Locator("#table-kind")).ToContainTextAsync("Mô hình trình diễn kỹ thuật");
        await Expect(page.Locator("#table-commune")).ToContainTextAsync("Xã Phú Nghĩa");
        var barWidth = await page.Locator("#chart-by-year rect.bar").First.GetAttributeAsync("width");
        Assert.True(int.Parse(barWidth!, System.Globalization.CultureInfo.InvariantCulture) > 100, barWidth);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "dashboard.png"), FullPage = true });

        // The filter form submits to the same page; the print view leaves the form out.
        await page.SelectOptionAsync("#f-kind", "machinery");
        await page.ClickAsync("form.filters button[type=submit]");
        await Expect(page.Locator("[data-figure=count]")).ToHaveTextAsync("0");
        await page.GotoAsync("/dashboard?from=2099&to=2099&print=1");
        await Expect(page.Locator("form.filters")).ToHaveCountAsync(0);
        await Expect(page.Locator("figure.chart svg")).ToHaveCountAsync(4);

        Assert.Empty(problems);
        await context.CloseAsync();
    }
}
