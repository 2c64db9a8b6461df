using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using KhuyenCong.Testing;

namespace KhuyenCong.IntegrationTests.Cycle;

/// <summary>Posting the ranking's and the plan's staff forms as a browser without JavaScript would.</summary>
internal static partial class CyclePageSupport
{
    /// <summary>An officer's client that does not follow redirects (to see the 303 a form post answers).</summary>
    public static HttpClient NoRedirectClient(LocalHostFixture fixture)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = fixture.Host.BaseAddress };
        client.DefaultRequestHeaders.Add("x-functions-key", LocalHostFactory.FunctionKey);
        return client;
    }

    /// <summary>The page form's CSRF token.</summary>
    public static string Token(string page)
    {
        var match = TokenPattern().Match(page);
        Assert.True(match.Success, "the page's form carries the csrfToken field");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <summary>An amount as the pages show and officers type it: "1.234.567".</summary>
    public static string Grouped(long amount) => amount.ToString("#,0", CultureInfo.InvariantCulture).Replace(',', '.');

    /// <summary>Posts the form; <paramref name="crossSite"/> sends it as a browser would from another site.</summary>
    public static async Task<(HttpStatusCode Status, string? Location, string Body)> PostFormAsync(HttpClient client, string path,
        IEnumerable<KeyValuePair<string, string>> fields, bool crossSite = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = new FormUrlEncodedContent(fields) };
        if (crossSite)
        {
            request.Headers.Add("Origin", "https://evil.example");
            request.Headers.Add("Sec-Fetch-Site", "cross-site");
        }

        using var response = await client.SendAsync(request);
        return (response.StatusCode, response.Headers.Location?.OriginalString, await response.Content.ReadAsStringAsync());
    }

    [GeneratedRegex("name=\"csrfToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
