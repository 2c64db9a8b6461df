using KhuyenCong.Application.Proposals;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using KhuyenCong.Web.Pages.Links;
using KhuyenCong.Web.Pages.Tracking;
using KhuyenCong.Web.Rendering;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using static KhuyenCong.UnitTests.Web.Components.ComponentRendering;

namespace KhuyenCong.UnitTests.Web.Components;

public class PageRendererTests
{
    private static TrackingView View(string code, string title) => new(code, title, "in-review", "Đang thẩm định",
        new DateTimeOffset(2026, 3, 1, 2, 0, 0, TimeSpan.Zero),
        [new TimelineEntry("submitted", "Đã nộp", new DateTimeOffset(2026, 3, 1, 2, 0, 0, TimeSpan.Zero))], "Hội đồng đang chấm điểm.");

    [Fact]
    public async Task PageAsync_TrackingPage_LayoutSecurityHeadersAndEncodedValues()
    {
        var request = WebTestSupport.Request("/track/KC-AAAA?submitted=1");
        var model = new TrackingPageModel("KC-AAAA", View("KC-AAAA", "Máy chẻ nan <script>alert(1)</script> Hưng Yên"), Submitted: true, TooManyRequests: false, "http://localhost/track/KC-AAAA");

        var page = await Renderer.PageAsync<TrackingPage, TrackingPageModel>(request, Language.Vietnamese, model, PageOptions.Standard with { CacheControl = "no-store" });

        Assert.Equal(200, page.StatusCode);
        Assert.Equal("text/html; charset=utf-8", page.ContentType);
        var headers = request.HttpContext.Response.Headers;
        Assert.Equal(PageOptions.DefaultContentSecurityPolicy, headers.ContentSecurityPolicy.ToString());
        Assert.Equal("nosniff", headers.XContentTypeOptions.ToString());
        Assert.Equal("same-origin", headers["Referrer-Policy"].ToString());
        Assert.Equal("no-store", headers.CacheControl.ToString());
        Assert.Equal("Cookie", headers.Vary.ToString());
        var html = page.Content!;
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"vi\">", html, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">", html, StringComparison.Ordinal);
        Assert.Contains("<title>Theo dõi đề án – Khuyến công</title>", html, StringComparison.Ordinal);
        foreach (var sheet in new[] { "base", "forms", "staff", "dashboard", "components", "print" })
        {
            Assert.Contains($"<link rel=\"stylesheet\" href=\"/assets/{sheet}.css?v=test\" />", html, StringComparison.Ordinal);
        }

        Assert.Contains("<a class=\"skip-link\" href=\"#main\">Bỏ qua, đến nội dung chính</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a class=\"language-switch\" href=\"/track/KC-AAAA?submitted=1&amp;lang=en\" lang=\"en\" hreflang=\"en\">English</a>", html, StringComparison.Ordinal);
        Assert.Contains("<main id=\"main\" tabindex=\"-1\">", html, StringComparison.Ordinal);
        Assert.Contains("<footer class=\"site-footer\">", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"tracking-code-large\" id=\"tracking-code\" aria-hidden=\"true\"><span class=\"code-group\">KC</span><span class=\"code-separator\">-</span><span class=\"code-group\">AAAA</span></p>", html, StringComparison.Ordinal);
        Assert.Contains("Máy chẻ nan &lt;script&gt;alert(1)&lt;/script&gt; Hưng Yên", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("data-status=\"in-review\">Đang thẩm định</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<time datetime=\"2026-03-01T02:00:00Z\">01/03/2026 09:00</time> Đã nộp", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PageAsync_TrackingPageNotFoundInEnglish_404WithTheCodeShown()
    {
        var request = WebTestSupport.Request("/track/nope?lang=en");

        var page = await Renderer.PageAsync<TrackingPage, TrackingPageModel>(request, Language.English,
            new TrackingPageModel("<nope>", null, false, false, null), PageOptions.Standard with { StatusCode = 404 });

        Assert.Equal(404, page.StatusCode);
        Assert.Contains("<html lang=\"en\">", page.Content, StringComparison.Ordinal);
        Assert.Contains("<h1>Proposal not found</h1>", page.Content, StringComparison.Ordinal);
        Assert.Contains("No proposal has the tracking code <strong>&lt;nope&gt;</strong>.", page.Content, StringComparison.Ordinal);
        Assert.Contains("href=\"/track/nope?lang=vi\" lang=\"vi\" hreflang=\"vi\">Tiếng Việt</a>", page.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PageAsync_ManyRequestsAtOnce_EachGetsItsOwnPage()
    {
        var codes = Enumerable.Range(0, 64).Select(i => $"KC-{i:D4}").ToList();

        var pages = await Task.WhenAll(codes.Select(code => Task.Run(() =>
            Renderer.PageAsync<TrackingPage, TrackingPageModel>(WebTestSupport.Request("/track/" + code), Language.Vietnamese,
                new TrackingPageModel(code, View(code, "Đề án " + code), false, false, null)))))
            .WaitAsync(TimeSpan.FromMinutes(2));

        for (var i = 0; i < codes.Count; i++)
        {
            Assert.Contains($"<span id=\"tracking-code\">{codes[i]}</span>", pages[i].Content, StringComparison.Ordinal);
            Assert.Contains($"<h2>Đề án {codes[i]}</h2>", pages[i].Content, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task PageResult_Executed_WritesTheSamePageWithTheLinkHeaders()
    {
        using var services = Services();
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Path = "/links/t";
        context.Response.Body = new MemoryStream();
        var result = PageResult.For<LinkConflictPage, LinkConflictPageModel>(Language.Vietnamese,
            new(new Bilingual("Đề án không còn chờ thao tác này.", "Not awaited."), "Máy sấy", "KC-2026-ABCD", ProposalStatus.Approved),
            PageOptions.EmailedLink with { StatusCode = 409 });

        await result.ExecuteResultAsync(new ActionContext(context, new RouteData(), new ActionDescriptor()));

        Assert.Equal(409, context.Response.StatusCode);
        Assert.Equal("no-referrer", context.Response.Headers["Referrer-Policy"].ToString());
        Assert.Equal("no-store", context.Response.Headers.CacheControl.ToString());
        Assert.StartsWith("text/html", context.Response.ContentType, StringComparison.Ordinal);
        var html = System.Text.Encoding.UTF8.GetString(((MemoryStream)context.Response.Body).ToArray());
        Assert.Contains("<strong class=\"status-badge status-approved\" id=\"current-status\" data-status=\"approved\">Đã phê duyệt</strong>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LinkPages_NotFoundExpiredRefused_TheirMessageInTheLanguage()
    {
        var notFound = await Renderer.PageAsync<LinkNotFoundPage>(WebTestSupport.Request("/links/x"), Language.English);
        var expired = await Renderer.PageAsync<LinkExpiredPage>(WebTestSupport.Request("/links/x"), Language.Vietnamese);
        var refused = await Renderer.PageAsync<LinkRefusedPage, string>(WebTestSupport.Request("/links/x"), Language.Vietnamese, "Tệp quá lớn <20 MB>.");

        Assert.Contains("<h1>Link not found</h1>", notFound.Content, StringComparison.Ordinal);
        Assert.Contains("<h1>Đường liên kết đã hết hạn</h1>", expired.Content, StringComparison.Ordinal);
        Assert.Contains("<p role=\"alert\" id=\"refusal\">Tệp quá lớn &lt;20 MB&gt;.</p>", refused.Content, StringComparison.Ordinal);
    }
}
