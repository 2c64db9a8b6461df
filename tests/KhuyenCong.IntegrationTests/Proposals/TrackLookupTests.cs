using System.Net;
using KhuyenCong.Domain.Tracking;

namespace KhuyenCong.IntegrationTests.Proposals;

/// <summary>
/// The lookup page <c>/track</c> ("Tra cứu hồ sơ"): it answers at <c>/track</c> and <c>/track/</c>, in Vietnamese first
/// and in English; by code it opens the code's page; by tax code and phone it lists the proposals that match both, and
/// its misses count against the tracking route's throttle (the same gate: 20 misses, then 429 for both).
/// </summary>
[Collection(IntakeCollection.Name)]
public class TrackLookupTests(IntakeFixture fixture) : IntakeTestBase(fixture)
{
    private static string NewAddress() =>
        $"203.0.{System.Security.Cryptography.RandomNumberGenerator.GetInt32(0, 256)}.{System.Security.Cryptography.RandomNumberGenerator.GetInt32(1, 255)}";

    private HttpClient ClientFrom(string address)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Fixture.Host.BaseAddress };
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return client;
    }

    private static FormUrlEncodedContent Lookup(string taxCode, string phone) =>
        new(new Dictionary<string, string> { ["taxCode"] = taxCode, ["phone"] = phone });

    [Theory]
    [InlineData("/track")]
    [InlineData("/track/")]
    public async Task TrackLookup_BareAddress_AnswersTheLookupPageInVietnamese(string address)
    {
        using var client = ClientFrom(NewAddress());

        using var response = await client.GetAsync(new Uri(address, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<h1>Tra cứu hồ sơ</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<form method=\"get\" action=\"/track\" id=\"lookup-by-code\"", html, StringComparison.Ordinal);
        Assert.Contains("<form method=\"post\" action=\"/track\" id=\"lookup-by-applicant\"", html, StringComparison.Ordinal);
        Assert.Contains("<a class=\"track-link\" id=\"track-link\" href=\"/track\">Tra cứu hồ sơ</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TrackLookup_English_AnswersInEnglish()
    {
        using var client = ClientFrom(NewAddress());

        var html = await client.GetStringAsync(new Uri("/track?lang=en", UriKind.Relative));

        Assert.Contains("<h1>Look up a proposal</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TrackLookup_Code_RedirectsToTheCodesPage()
    {
        var (_, code) = await AcceptedAsync(ProposalForms.Json(ProposalForms.Valid()));
        using var client = ClientFrom(NewAddress());

        using var response = await client.GetAsync(new Uri($"/track?code={Uri.EscapeDataString(" " + code + " ")}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal($"/track/{code}", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task TrackLookup_EmptyCode_Returns400WithTheErrorAtTheField()
    {
        using var client = ClientFrom(NewAddress());

        using var response = await client.GetAsync(new Uri("/track?code=", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<p class=\"field-error\" aria-live=\"polite\" id=\"code-error\">Vui lòng nhập mã theo dõi.</p>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TrackByApplicant_TaxCodeAndPhoneInAnotherForm_ListsTheProposal()
    {
        var taxCode = ProposalForms.NewTaxCode();
        var (_, code) = await AcceptedAsync(ProposalForms.Json(ProposalForms.Valid().With("taxCode", taxCode).With("title", "Máy ép viên nén mùn cưa")));
        using var client = ClientFrom(NewAddress());

        using var response = await client.PostAsync(new Uri("/track", UriKind.Relative), Lookup(taxCode, "+84 912.345.678"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"<a class=\"tracking-link\" href=\"/track/{code}\">{code}</a>: Máy ép viên nén mùn cưa.", html, StringComparison.Ordinal);
        Assert.Contains("Tìm thấy 1 đề án", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TrackByApplicant_RightTaxCodeWrongPhone_Returns404ListingNothing()
    {
        var taxCode = ProposalForms.NewTaxCode();
        var (_, code) = await AcceptedAsync(ProposalForms.Json(ProposalForms.Valid().With("taxCode", taxCode)));
        using var client = ClientFrom(NewAddress());

        using var response = await client.PostAsync(new Uri("/track?lang=en", UriKind.Relative), Lookup(taxCode, "0987 000 111"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(code, html, StringComparison.Ordinal);
        Assert.Contains("No proposal has this tax code and phone number.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TrackByApplicant_MalformedFields_Returns400WithEachErrorAtItsFieldAndTheValuesKept()
    {
        using var client = ClientFrom(NewAddress());

        using var response = await client.PostAsync(new Uri("/track", UriKind.Relative), Lookup("01234", "12ab"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Matches("id=\"taxCode-error\">Vui lòng nhập mã số thuế", html);
        Assert.Matches("id=\"phone-error\">Vui lòng nhập số điện thoại", html);
        Assert.Contains("value=\"01234\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"12ab\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TrackByApplicant_RepeatedMisses_Returns429AndTheTrackingRouteIsThrottledToo()
    {
        var taxCode = ProposalForms.NewTaxCode();
        var (_, code) = await AcceptedAsync(ProposalForms.Json(ProposalForms.Valid().With("taxCode", taxCode)));
        var address = NewAddress();
        using var client = ClientFrom(address);
        var misses = 0;
        HttpStatusCode last = default;
        for (var i = 0; i < 30 && last != HttpStatusCode.TooManyRequests; i++)
        {
            using var response = await client.PostAsync(new Uri("/track", UriKind.Relative), Lookup(ProposalForms.NewTaxCode(), "0912345678"));
            last = response.StatusCode;
            misses += last == HttpStatusCode.NotFound ? 1 : 0;
            if (last == HttpStatusCode.TooManyRequests)
            {
                Assert.Equal(TimeSpan.FromMinutes(10), response.Headers.RetryAfter?.Delta);
                Assert.Contains("Bạn đã tra cứu sai quá nhiều lần", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, last);
        Assert.Equal(20, misses);
        using var right = await client.PostAsync(new Uri("/track", UriKind.Relative), Lookup(taxCode, "0912345678"));
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        using var byCode = await client.GetAsync(new Uri($"/api/track/{code}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.TooManyRequests, byCode.StatusCode);
        using var other = ClientFrom(NewAddress());
        using var elsewhere = await other.PostAsync(new Uri("/track", UriKind.Relative), Lookup(taxCode, "0912345678"));
        Assert.Equal(HttpStatusCode.OK, elsewhere.StatusCode);
    }

    [Fact]
    public async Task TrackLookup_MissesByCode_CountForTheLookupByTaxCode()
    {
        var address = NewAddress();
        using var client = ClientFrom(address);
        for (var i = 0; i < 20; i++)
        {
            using var miss = await client.GetAsync(new Uri($"/track/{TrackingCode.New().Value}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, miss.StatusCode);
        }

        using var response = await client.PostAsync(new Uri("/track", UriKind.Relative), Lookup(ProposalForms.NewTaxCode(), "0912345678"));

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
    }
}
