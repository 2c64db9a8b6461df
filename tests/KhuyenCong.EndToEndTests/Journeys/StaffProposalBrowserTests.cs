using KhuyenCong.Application.Proposals;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.EndToEndTests.Pages;
using KhuyenCong.EndToEndTests.Web;
using KhuyenCong.Testing;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace KhuyenCong.EndToEndTests.Journeys;

/// <summary>
/// Issue 16 item 7, the officer's proposal page at a phone's and a desktop's width: the evidence (files, findings,
/// earlier support) before the actions; no decision preselected, and sending none puts the error at the field and
/// stores nothing; the documents to request ticked from the blocking findings; labels, never codes; cancelling is
/// destructive and asks for confirmation on a page of its own (no script needed).
/// </summary>
[Collection(WebAppCollection.Name)]
public sealed class StaffProposalBrowserTests(WebAppFixture app, BrowserFixture browser)
{
    private static readonly ScreeningFinding Blocking = new("quote-missing", "Thiếu báo giá thiết bị của nhà cung cấp", "The supplier's quote is missing", true);
    private static readonly ScreeningFinding Notice = new("earlier-support", "Cơ sở đã nhận hỗ trợ năm 2024", "Supported in 2024", false);

    private IServiceProvider Services => app.Host.Services;

    /// <summary>A proposal waiting for the screening decision, its automatic checks replaced by one blocking finding and one notice.</summary>
    private async Task<string> InScreeningAsync()
    {
        using var client = app.CreateClient();
        var id = (await TestProposals.SubmitAsync(client)).Id;
        var cases = Services.GetRequiredService<IProposalCaseStore>();
        var round = await Eventually.GetAsync(
            async () => (await Services.GetRequiredService<IProposalRepository>().GetAsync(id, CancellationToken.None))?.Status == ProposalStatus.Screening
                ? (await cases.GetAsync(id, CancellationToken.None)).CurrentScreening : null,
            s => s is not null, TimeSpan.FromSeconds(60), "the workflow waiting for screening");
        await cases.SaveScreeningAsync(id, round! with { Findings = [Blocking, Notice] }, CancellationToken.None);
        return id;
    }

    [Theory]
    [InlineData(360)]
    [InlineData(1280)]
    public async Task ProposalPage_EvidenceFirst_NoDefaultDecision_DocumentsTickedFromBlockingFindings(int width)
    {
        var id = await InScreeningAsync();
        var page = await Viewports.OpenAsync(browser, app.Host.BaseAddress, width, staff: true);
        await page.GotoAsync($"/staff/proposals/{id}");

        var actions = await Viewports.TopAsync(page, "#form-screening");
        Assert.True(await Viewports.TopAsync(page, "ul.findings") < actions, "the findings come before the actions");
        Assert.True(await Viewports.TopAsync(page, "#earlier-support") < actions, "the earlier support comes before the actions");
        await Expect(page.Locator("input[name='decision']:checked")).ToHaveCountAsync(0);
        await Expect(page.Locator("#screening-documents-quote-missing")).ToBeCheckedAsync();
        await Expect(page.Locator("#screening-documents-earlier-support")).Not.ToBeCheckedAsync();
        var text = await page.Locator("main").InnerTextAsync();
        Assert.DoesNotContain("ha-noi", text, StringComparison.Ordinal);
        Assert.Contains("Hà Nội", text, StringComparison.Ordinal);
        Assert.DoesNotContain("(system)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("(applicant)", text, StringComparison.Ordinal);
        Assert.Contains("hệ thống (tự động)", text, StringComparison.Ordinal);
        await ProposalFormDriver.ExpectNoHorizontalScrollAsync(page);
        await Viewports.ScreenshotAsync(page, "journey-staff-proposal", width);

        // Sent with no decision chosen: the error at the field, nothing stored.
        await page.ClickAsync("#form-screening button[type='submit']");
        await Expect(page.Locator("#screening-decision-error")).ToContainTextAsync("Vui lòng chọn quyết định");
        await Expect(page.Locator("#field-screening-decision")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("has-error"));
        Assert.Null((await Services.GetRequiredService<IProposalCaseStore>().GetAsync(id, CancellationToken.None)).CurrentScreening!.Outcome);
        await Viewports.ScreenshotAsync(page, "journey-staff-no-decision", width);

        // Request documents: the applicant receives the ticked findings.
        await page.CheckAsync("#screening-decision-request-documents");
        await page.ClickAsync("#form-screening button[type='submit']");
        await Expect(page.Locator("#done")).ToBeVisibleAsync();
        var decided = (await Services.GetRequiredService<IProposalCaseStore>().GetAsync(id, CancellationToken.None)).Screenings.First(s => s.Outcome is not null);
        Assert.Equal("Hồ sơ cần bổ sung:\n- Thiếu báo giá thiết bị của nhà cung cấp", decided.Comment);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(360)]
    [InlineData(1280)]
    public async Task Cancel_WithoutScript_IsDestructiveAndAsksForConfirmationFirst(int width)
    {
        var id = await InScreeningAsync();
        var page = await Viewports.OpenAsync(browser, app.Host.BaseAddress, width, staff: true, script: false);
        await page.GotoAsync($"/staff/proposals/{id}");

        await Expect(page.Locator("#cancel-link")).ToHaveClassAsync("button destructive");
        await page.ClickAsync("#cancel-link");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Hủy đề án?");
        await Expect(page.Locator("#form-cancel button[type='submit']")).ToHaveClassAsync("button destructive");
        await Viewports.ScreenshotAsync(page, "journey-staff-cancel-confirm", width);
        Assert.NotEqual(ProposalStatus.Cancelled, (await Services.GetRequiredService<IProposalRepository>().GetAsync(id, CancellationToken.None))!.Status);

        await page.FillAsync("#cancel-reason", "Cơ sở đề nghị dừng.");
        await page.ClickAsync("#form-cancel button[type='submit']");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/staff/proposals/{id}\\?.*done=cancel"));
        await Eventually.GetAsync(
            async () => (await Services.GetRequiredService<IProposalRepository>().GetAsync(id, CancellationToken.None))?.Status,
            s => s == ProposalStatus.Cancelled, TimeSpan.FromSeconds(60), "the proposal cancelled");
        await page.Context.CloseAsync();
    }
}
