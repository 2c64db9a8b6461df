using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using KhuyenCong.Domain.Text;
using KhuyenCong.Functions.Web;
using KhuyenCong.Web.Rendering;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace KhuyenCong.Benchmarks.Scenarios;

/// <summary>
/// The HTML shell shared by every page: <c>&lt;html lang&gt;</c>, viewport, title, header with the service name and
/// the language switch, skip link, <c>&lt;main id="main"&gt;</c>, footer, the style sheet. Pages build their main
/// content as HTML, passing every value through <see cref="Encode(string?)"/>, and return <see cref="Page"/>.
/// </summary>
internal static class PageLayout
{
    /// <summary>
    /// Content-Security-Policy of every page: scripts and styles only from this site (no inline script or style), no
    /// framing, forms post only here.
    /// </summary>
    public const string ContentSecurityPolicy = PageOptions.DefaultContentSecurityPolicy;

    /// <summary>Encodes for HTML text and quoted attributes, leaving Vietnamese letters readable ("Hưng Yên", not "H&amp;#x1B0;ng").</summary>
    public static HtmlEncoder Encoder { get; } = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>The value encoded for HTML text or a double-quoted attribute; null gives "".</summary>
    public static string Encode(string? value) => string.IsNullOrEmpty(value) ? string.Empty : Encoder.Encode(value);

    /// <summary>The Vietnamese or the English text.</summary>
    public static string Choose(Language language, string vietnamese, string english) =>
        language == Language.English ? english : vietnamese;

    /// <summary>
    /// The same path and query with <c>lang</c> set to <paramref name="target"/> (other query values kept), not yet
    /// HTML-encoded: "/track/KC-…?submitted=1&amp;lang=en".
    /// </summary>
    public static string LanguageSwitchHref(HttpRequest request, Language target) => LanguageSwitch.Href(request, target);

    /// <summary>
    /// The whole document. <paramref name="title"/> is plain text (encoded here); <paramref name="mainHtml"/> and
    /// <paramref name="endOfBodyHtml"/> are HTML the caller built with <see cref="Encode(string?)"/>.
    /// </summary>
    public static string Render(HttpRequest request, Language language, string title, string mainHtml, string? endOfBodyHtml = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var other = language == Language.English ? Language.Vietnamese : Language.English;
        var service = Choose(language, "Khuyến công", "Industrial promotion");
        var html = new StringBuilder(4096 + mainHtml.Length + (endOfBodyHtml?.Length ?? 0));
        html.Append("<!DOCTYPE html>\n<html lang=\"").Append(language.ToCode()).Append("\">\n<head>\n")
            .Append("<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Encode(title)).Append(" – ").Append(Encode(service)).Append("</title>\n")
            .Append("<link rel=\"icon\" href=\"data:,\">\n")
            .Append("<link rel=\"stylesheet\" href=\"").Append(Encode(StaticAssets.Url("base.css"))).Append("\">\n")
            .Append("</head>\n<body>\n")
            .Append("<a class=\"skip-link\" href=\"#main\">")
            .Append(Encode(Choose(language, "Bỏ qua, đến nội dung chính", "Skip to main content"))).Append("</a>\n")
            .Append("<header class=\"site-header\">\n<div class=\"site-header-inner\">\n")
            .Append("<a class=\"site-name\" href=\"/\">").Append(Encode(service)).Append("</a>\n")
            .Append("<a class=\"language-switch\" href=\"").Append(Encode(LanguageSwitchHref(request, other)))
            .Append("\" lang=\"").Append(other.ToCode()).Append("\" hreflang=\"").Append(other.ToCode()).Append("\">")
            .Append(Encode(Choose(other, "Tiếng Việt", "English"))).Append("</a>\n")
            .Append("</div>\n</header>\n")
            .Append("<main id=\"main\" tabindex=\"-1\">\n").Append(mainHtml).Append("\n</main>\n")
            .Append("<footer class=\"site-footer\">\n<p>")
            .Append(Encode(Choose(language,
                "Chương trình khuyến công: hỗ trợ cơ sở công nghiệp nông thôn. Cần giúp đỡ? Liên hệ Trung tâm Khuyến công của tỉnh.",
                "Industrial promotion programme: support for rural industrial establishments. Need help? Contact your province's Industrial Promotion Centre.")))
            .Append("</p>\n</footer>\n");
        if (!string.IsNullOrEmpty(endOfBodyHtml))
        {
            html.Append(endOfBodyHtml).Append('\n');
        }

        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>
    /// <see cref="Render"/> as a response: text/html in UTF-8, the security headers (CSP, nosniff, referrer policy) and
    /// <c>Cache-Control: no-cache, private</c> with <c>Vary: Cookie</c> (the language may come from the cookie).
    /// </summary>
    public static ContentResult Page(HttpRequest request, Language language, string title, string mainHtml,
        string? endOfBodyHtml = null, int statusCode = StatusCodes.Status200OK)
    {
        ArgumentNullException.ThrowIfNull(request);
        var headers = request.HttpContext.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "same-origin";
        headers.CacheControl = "no-cache, private";
        headers.Vary = "Cookie";
        return new ContentResult
        {
            Content = Render(request, language, title, mainHtml, endOfBodyHtml),
            ContentType = "text/html; charset=utf-8",
            StatusCode = statusCode,
        };
    }
}
