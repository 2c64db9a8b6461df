using System.Net;
using System.Text;
using KhuyenCong.IntegrationTests.Proposals;
using KhuyenCong.Testing;

namespace KhuyenCong.IntegrationTests.Security;

/// <summary>
/// <c>X-Content-Type-Options: nosniff</c> on every response, whatever produced it (issue 11, item 11): JSON, problems,
/// pages, files, redirects, and answers no function gave. Over plain HTTP (LocalHost) there is no HSTS: it is only sent
/// over HTTPS (Azure), which the unit tests show.
/// </summary>
public class ResponseHeaderTests(LocalHostFixture fixture) : IClassFixture<LocalHostFixture>
{
    public static TheoryData<string, string, string?> Requests() => new()
    {
        { "GET", "/api/caps", null },
        { "GET", "/api/health", null },
        { "GET", "/api/proposals", null },
        { "GET", "/api/track/KC-0000-0000-0000-0000-00", null },
        { "GET", "/", null },
        { "GET", "/assets/base.css", null },
        { "GET", "/no/such/route", null },
        { "POST", "/api/proposals", "{}" },
        { "POST", "/api/proposals?lang=en", "not json" },
        { "PUT", "/api/caps", "{}" },
        { "GET", "/dev/outbox", null },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Response_OfAnyKind_HasNosniffAndNoHstsOverHttp(string method, string path, string? json)
    {
        using var client = fixture.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request);

        Assert.True(response.Headers.TryGetValues("X-Content-Type-Options", out var values), $"{method} {path} ({(int)response.StatusCode}) has no X-Content-Type-Options");
        Assert.Equal(["nosniff"], values);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Submission_AcceptedAsJsonAndAsABrowserForm_HasNosniff()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = fixture.Host.BaseAddress };

        using var created = await client.PostAsync(ProposalForms.SubmitUri, ProposalForms.Json(ProposalForms.Valid()));
        using var form = new HttpRequestMessage(HttpMethod.Post, ProposalForms.SubmitUri) { Content = ProposalForms.Multipart(ProposalForms.Valid()).Build() };
        form.Headers.Add("Accept", "text/html");
        using var redirect = await client.SendAsync(form);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, redirect.StatusCode);
        Assert.Equal(["nosniff"], created.Headers.GetValues("X-Content-Type-Options"));
        Assert.Equal(["nosniff"], redirect.Headers.GetValues("X-Content-Type-Options"));
    }
}
