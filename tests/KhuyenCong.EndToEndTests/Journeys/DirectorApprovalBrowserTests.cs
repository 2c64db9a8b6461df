using KhuyenCong.Application.Budgets;
using KhuyenCong.Application.Proposals;
using KhuyenCong.Domain.Budgets;
using KhuyenCong.EndToEndTests.Pages;
using KhuyenCong.EndToEndTests.Web;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace KhuyenCong.EndToEndTests.Journeys;

/// <summary>
/// Issue 16 item 8, the director on a phone and at a desk: the emailed link opens with the summary (amount asked,
/// council verdict and average, budget left) and the decision right under it; the amount is shown and typed grouped
/// with dots; the confirm step shows what the approval commits before any money is; no decision number needed. The
/// test counts the director's clicks and page loads (the note's "task time").
/// </summary>
[Collection(WebAppCollection.Name)]
public sealed class DirectorApprovalBrowserTests(WebAppFixture app, BrowserFixture browser, ITestOutputHelper output)
{
    [Theory]
    [InlineData(360)]
    [InlineData(1280)]
    public async Task Approval_SummaryFirst_GroupedAmount_ConfirmStep_ThenCommitted(int width)
    {
        var (id, link) = await PageStates.For(app).NewApprovalLinkAsync();
        var proposal = (await app.Host.Services.GetRequiredService<IProposalRepository>().GetAsync(id, CancellationToken.None))!;
        var ledger = app.Host.Services.GetRequiredService<IBudgetLedger>();
        var key = new BudgetKey(proposal.Year, proposal.Submission.FundingSource);
        var remaining = (await ledger.GetAsync(key, CancellationToken.None)).Remaining;
        var page = await Viewports.OpenAsync(browser, app.Host.BaseAddress, width, staff: true);
        var (clicks, loads) = (0, 0);
        page.Load += (_, _) => loads++;

        await page.GotoAsync(link);
        var summary = await Viewports.TopAsync(page, "#approval-summary");
        var form = await Viewports.TopAsync(page, "#approval-form");
        Assert.True(summary < form && form < await Viewports.TopAsync(page, "#funding"), "summary, then the decision, then the details");
        await Expect(page.Locator("#summary-requested")).ToHaveTextAsync("160.000.000 đồng");
        await Expect(page.Locator("#summary-verdict")).ToContainTextAsync("Đạt, điểm trung bình 86,5/");
        await Expect(page.Locator("#summary-budget")).ToHaveTextAsync(Money(remaining));
        await Expect(page.Locator("#amount")).ToHaveValueAsync("160.000.000");
        await Expect(page.Locator("input[name='decision']:checked")).ToHaveCountAsync(0);
        await Viewports.ScreenshotAsync(page, "journey-approval", width);

        await page.CheckAsync("#decision-approve");
        clicks++;
        await page.FillAsync("#amount", "150.000.000");
        await page.ClickAsync("#submit-decision");
        clicks++;
        await Expect(page.Locator("h1")).ToHaveTextAsync("Xác nhận phê duyệt");
        await Expect(page.Locator("#confirm-amount")).ToHaveTextAsync("150.000.000 đồng");
        await Expect(page.Locator("#confirm-budget-after")).ToHaveTextAsync(Money(remaining - 150_000_000));
        await Expect(page.Locator("#confirm-decision")).ToContainTextAsync("Chưa có số");
        Assert.Null(await ledger.GetCommitmentAsync(key, id, CancellationToken.None));
        await Viewports.ScreenshotAsync(page, "journey-approval-confirm", width);

        await page.ClickAsync("#confirm-decision-button");
        clicks++;
        await Expect(page.Locator("#decision")).ToContainTextAsync("Phê duyệt");
        Assert.Equal(150_000_000, (await ledger.GetCommitmentAsync(key, id, CancellationToken.None))!.Approved);
        output.WriteLine($"Task time at {width} px: the director approves one proposal in {clicks} clicks and {loads} page loads (no field typed when the amount asked is approved); the decision starts {form:0} px from the top.");
        Assert.Equal((3, 3), (clicks, loads));
        await page.Context.CloseAsync();
    }

    private static string Money(long amount) => KhuyenCong.Domain.Text.DisplayFormat.Amount(amount, KhuyenCong.Domain.Text.Language.Vietnamese) + " đồng";
}
