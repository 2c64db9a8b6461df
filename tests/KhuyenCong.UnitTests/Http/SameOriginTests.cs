using KhuyenCong.UnitTests.Functions;
using static KhuyenCong.UnitTests.Web.WebTestSupport;

namespace KhuyenCong.UnitTests.Http;

/// <summary>The same-origin check of state-changing staff requests (issue 11, finding 1).</summary>
public class SameOriginTests
{
    [Theory]
    [InlineData(null, null)]
    [InlineData("same-origin", null)]
    [InlineData(null, "http://localhost")]
    [InlineData("same-origin", "http://localhost")]
    [InlineData("same-origin", "https://khuyencong.example.gov.vn")]
    public void Allows_NoBrowserHeadersOrThisSite_IsTrue(string? site, string? origin) =>
        Assert.True(StaffEndpoints.Origin().Allows(With(site, origin)));

    [Theory]
    [InlineData("cross-site", null)]
    [InlineData("same-site", null)]
    [InlineData("none", null)]
    [InlineData(null, "https://evil.example")]
    [InlineData("same-origin", "https://evil.example")]
    [InlineData(null, "null")]
    [InlineData(null, "http://localhost.evil.example")]
    [InlineData(null, "http://localhost:8080")]
    [InlineData(null, "not a url")]
    [InlineData(null, "file:///etc")]
    public void Allows_AnotherSite_IsFalse(string? site, string? origin) =>
        Assert.False(StaffEndpoints.Origin().Allows(With(site, origin)));

    private static Microsoft.AspNetCore.Http.HttpRequest With(string? site, string? origin)
    {
        var headers = new List<(string, string)>();
        if (site is not null)
        {
            headers.Add(("Sec-Fetch-Site", site));
        }

        if (origin is not null)
        {
            headers.Add(("Origin", origin));
        }

        var request = Request("/api/proposals/p1/screening", null, [.. headers]);
        request.Method = "POST";
        return request;
    }
}
