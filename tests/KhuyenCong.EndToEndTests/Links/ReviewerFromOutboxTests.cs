using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.EndToEndTests.Web;
using KhuyenCong.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KhuyenCong.EndToEndTests.Links;

/// <summary>
/// A reviewer as in real life, on a phone: the workflow invites them by email; they open it in the dev outbox, follow
/// the link, score the rubric and submit. Everything before is done through the public and staff routes.
/// </summary>
[Collection(WebAppCollection.Name)]
public sealed class ReviewerFromOutboxTests(WebAppFixture app, BrowserFixture browser)
{
    [Fact]
    public async Task Reviewer_OpensTheInvitationInTheOutbox_FollowsTheLinkScoresAndSubmits()
    {
        using var client = app.CreateClient();
        using var staff = app.CreateClient(withFunctionKey: true);
        var sector = "Sơn mài " + Guid.NewGuid().ToString("N")[..6];
        var reviewerEmail = $"ts.son.mai+{Guid.NewGuid():N}@khuyencong.test";
        using (var added = await staff.PostAsJsonAsync("/api/reviewers", new
        {
            name = "TS. Đỗ Thị Sơn",
            email = reviewerEmail,
            phone = "0903 222 333",
            organization = "Viện Nghiên cứu Cơ khí",
            kinds = new[] { "brand" },
            sectors = new[] { sector },
            declaredTaxCodes = Array.Empty<string>(),
            declaredOrganizations = Array.Empty<string>(),
        }))
        {
            Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        }

        using var submitted = await client.PostAsJsonAsync("/api/proposals", new Dictionary<string, object>
        {
            ["organizationName"] = "Cơ sở Sơn mài Hạ Thái",
            ["taxCode"] = "0" + Random.Shared.Next(100_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture), ["entityType"] = "sme",
            ["representative"] = "Nguyễn Văn Thái",
            ["email"] = $"ha.thai+{Guid.NewGuid():N}@example.vn",
            ["phone"] = "0912 888 999",
            ["address"] = "Thôn Hạ Thái",
            ["commune"] = "Xã Duyên Thái",
            ["province"] = "ha-noi",
            ["kind"] = "brand",
            ["sector"] = sector,
            ["fundingSource"] = "local",
            ["title"] = "Xây dựng thương hiệu sơn mài Hạ Thái",
            ["summary"] = "Đăng ký nhãn hiệu, thiết kế bao bì và quảng bá sản phẩm.",
            ["totalCost"] = 200_000_000,
            ["requestedSupport"] = 80_000_000,
            ["ownContribution"] = 120_000_000,
            ["startDate"] = "2027-03-01",
            ["endDate"] = "2027-09-30",
        });
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var created = await submitted.Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetString()!;
        var code = created.GetProperty("trackingCode").GetString()!;
        await Eventually.GetAsync(async () => (string?)(await staff.GetFromJsonAsync<JsonElement>(new Uri($"/api/proposals/{id}", UriKind.Relative))).GetProperty("status").GetString(),
            s => s == "screening", what: "screening");
        using (var accepted = await staff.PostAsJsonAsync($"/api/proposals/{id}/screening", new { decision = "accept" }))
        {
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        }

        await Eventually.GetAsync(
            async () => (await client.GetFromJsonAsync<List<JsonElement>>(new Uri("/dev/outbox/messages", UriKind.Relative)))!
                .Count(m => m.GetProperty("subject").GetString()!.StartsWith("Mời thẩm định", StringComparison.Ordinal) && m.GetProperty("subject").GetString()!.Contains(code, StringComparison.Ordinal)),
            n => n == 1,
            what: "the invitation in the outbox");

        // The reviewer opens the outbox, finds the invitation and follows its link.
        var page = await browser.NewPhonePageAsync(app.Host.BaseAddress);
        await page.GotoAsync("/dev/outbox");
        var invitation = page.Locator("article").Filter(new LocatorFilterOptions { HasText = "Mời thẩm định đề án " + code });
        await Expect(invitation).ToHaveCountAsync(1);
        await Expect(invitation.Locator("p.meta")).ToContainTextAsync(reviewerEmail);
        var link = invitation.Locator("ul.links a[href*='/links/']").First;
        var href = await link.GetAttributeAsync("href");
        Assert.StartsWith(app.Host.BaseAddress.ToString().TrimEnd('/') + "/links/", href, StringComparison.Ordinal);
        await page.GotoAsync(href!);

        await Expect(page.Locator("h1")).ToHaveTextAsync("Phiếu chấm thẩm định đề án", new LocatorAssertionsToHaveTextOptions { Timeout = 30_000 });
        await Expect(page.Locator("#proposal-title")).ToHaveTextAsync("Xây dựng thương hiệu sơn mài Hạ Thái");
        var expected = 0;
        foreach (var input in await page.Locator("input.score").AllAsync())
        {
            var max = int.Parse((await input.GetAttributeAsync("max"))!, CultureInfo.InvariantCulture);
            var points = max * 4 / 5;
            expected += points;
            await input.FillAsync(points.ToString(CultureInfo.InvariantCulture));
        }

        await Expect(page.Locator("#total")).ToHaveTextAsync(expected.ToString(CultureInfo.InvariantCulture));
        await page.CheckAsync("#recommendation-approve");
        await page.FillAsync("#comment", "Thương hiệu có tiềm năng xuất khẩu.");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "review-from-outbox.png"), FullPage = true });
        await page.ClickAsync("#submit-review");

        await Expect(page.Locator("#decision")).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 30_000 });
        await Expect(page.Locator("#recorded-total")).ToHaveTextAsync(expected.ToString(CultureInfo.InvariantCulture));

        // The only reviewer has answered: the council concludes and the director is asked.
        await Eventually.GetAsync(async () => (string?)(await staff.GetFromJsonAsync<JsonElement>(new Uri($"/api/proposals/{id}", UriKind.Relative))).GetProperty("status").GetString(),
            s => s == "awaiting-approval", TimeSpan.FromSeconds(60), "awaiting approval");
    }
}
