using KhuyenCong.Domain.Text;
using KhuyenCong.Functions.Web;
using KhuyenCong.Web.Http;
using KhuyenCong.Web.Pages.NewProposal;
using KhuyenCong.Web.Pages.Staff;
using Microsoft.AspNetCore.Http;
using static KhuyenCong.UnitTests.Web.WebTestSupport;

namespace KhuyenCong.UnitTests.Web;

public class RequestLanguageTests
{
    private static string SetCookie(HttpRequest request) => request.HttpContext.Response.Headers.SetCookie.ToString();

    [Fact]
    public void From_NoQueryNoCookie_IsVietnameseAndSetsNoCookie()
    {
        var request = Request("/");

        Assert.Equal(Language.Vietnamese, RequestLanguage.From(request));
        Assert.Empty(SetCookie(request));
    }

    [Fact]
    public void From_QueryEn_IsEnglishAndRemembersItInALaxCookieForAYear()
    {
        var request = Request("/?lang=en");

        Assert.Equal(Language.English, RequestLanguage.From(request));
        var cookie = SetCookie(request);
        Assert.StartsWith("lang=en;", cookie, StringComparison.Ordinal);
        Assert.Contains("max-age=31536000", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void From_QueryWinsOverCookie()
    {
        var request = Request("/?lang=vi", cookie: "lang=en");

        Assert.Equal(Language.Vietnamese, RequestLanguage.From(request));
        Assert.StartsWith("lang=vi;", SetCookie(request), StringComparison.Ordinal);
    }

    [Fact]
    public void From_CookieEnWithoutQuery_IsEnglishWithoutSettingTheCookieAgain()
    {
        var request = Request("/", cookie: "lang=en");

        Assert.Equal(Language.English, RequestLanguage.From(request));
        Assert.Empty(SetCookie(request));
    }

    [Fact]
    public void From_AcceptLanguageEnglish_IsIgnored()
    {
        var request = Request("/", null, ("Accept-Language", "en-US,en;q=0.9"));

        Assert.Equal(Language.Vietnamese, RequestLanguage.From(request));
    }

    [Theory]
    [InlineData("/?lang=EN", Language.English)]
    [InlineData("/?lang=%20en%20", Language.English)]
    [InlineData("/?lang=Vi", Language.Vietnamese)]
    public void From_QueryCode_IgnoresCaseAndSpaces(string url, Language expected)
    {
        Assert.Equal(expected, RequestLanguage.From(Request(url, cookie: expected == Language.English ? "lang=vi" : "lang=en")));
    }

    [Theory]
    [InlineData("/?lang=fr")]
    [InlineData("/?lang=")]
    [InlineData("/?lang=en-US")]
    public void From_UnknownQueryCode_FallsBackToTheCookieAndSetsNothing(string url)
    {
        var request = Request(url, cookie: "lang=en");

        Assert.Equal(Language.English, RequestLanguage.From(request));
        Assert.Empty(SetCookie(request));
    }

    [Fact]
    public void From_UnknownCookie_IsVietnamese()
    {
        Assert.Equal(Language.Vietnamese, RequestLanguage.From(Request("/", cookie: "lang=de")));
    }
}
