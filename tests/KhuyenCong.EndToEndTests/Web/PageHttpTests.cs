using System.Net;
using System.Net.Http.Headers;

namespace KhuyenCong.EndToEndTests.Web;

/// <summary>The pages and assets over HTTP, as LocalHost serves them.</summary>
[Collection(WebAppCollection.Name)]
public class PageHttpTests(WebAppFixture app)
{
    [Fact]
    public async Task Root_IsTheVietnameseProposalFormWithCapsAndSecurityHeaders()
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Contains("script-src 'self'", string.Join(';', response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"vi\">", html, StringComparison.Ordinal);
        Assert.Contains("\"kind\":\"machinery\",\"maxPercent\":50,\"maxAmount\":300000000", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/other")]
    [InlineData("/assets/missing.js")]
    [InlineData("/assets/..%2Fhost.json")]
    [InlineData("/assets/%2E%2E%2Fbase.css")]
    public async Task UnknownPathsAndAssetNames_Are404(string path)
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Asset_IsCachedForAnHourAndRevalidatedWithItsETag()
    {
        using var client = app.CreateClient();

        using var first = await client.GetAsync(new Uri("/assets/form.js", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("text/javascript", first.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromHours(1), first.Headers.CacheControl?.MaxAge);
        Assert.True(first.Headers.CacheControl?.Public);
        var etag = first.Headers.ETag!;

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/assets/form.js", UriKind.Relative));
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue(etag.Tag));
        using var second = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
    }
}
