using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using KhuyenCong.Domain.Links;
using KhuyenCong.Testing;

namespace KhuyenCong.IntegrationTests.Links;

[CollectionDefinition(Name)]
public sealed class LinksCollection : ICollectionFixture<LocalHostFixture>
{
    public const string Name = "Links";
}

/// <summary>The applicant's withdraw link, end to end: email, page, decision, workflow, tracking, and every misuse.</summary>
[Collection(LinksCollection.Name)]
public partial class WithdrawLinkTests(LocalHostFixture fixture)
{
    private const string DevKeys = """{"current":"dev","keys":{"dev":"a2h1eWVuY29uZy1sb2NhbGhvc3QtZGV2ZWxvcG1lbnQtb25seS1rZXk="}}""";

    private sealed record Submitted(string Id, string TrackingCode, string Email, string WithdrawUrl);

    private async Task<Submitted> SubmitAsync(HttpClient client)
    {
        var email = $"rut.de.an+{Guid.NewGuid():N}@example.vn";
        using var response = await client.PostAsJsonAsync("/api/proposals", new Dictionary<string, object>
        {
            ["organizationName"] = "Cơ sở dệt may Thu Hà",
            ["taxCode"] = "0105556667", ["entityType"] = "sme",
            ["representative"] = "Lê Thu Hà",
            ["email"] = email,
            ["phone"] = "0977111222",
            ["address"] = "Xóm Chùa",
            ["commune"] = "Xã Nghĩa Trụ",
            ["province"] = "hung-yen",
            ["kind"] = "training",
            ["sector"] = "Dệt may",
            ["fundingSource"] = "local",
            ["title"] = "Đào tạo nghề may công nghiệp",
            ["summary"] = "Đào tạo 40 lao động",
            ["totalCost"] = 300_000_000,
            ["requestedSupport"] = 100_000_000,
            ["ownContribution"] = 200_000_000,
            ["startDate"] = "2027-04-01",
            ["endDate"] = "2027-10-31",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var html = await Eventually.GetAsync(
            async () => (await client.GetFromJsonAsync<List<JsonElement>>(new Uri("/dev/outbox/messages", UriKind.Relative)))!
                .FirstOrDefault(m => m.GetProperty("to").EnumerateArray().Any(t => t.GetString() == email)).GetPropertyOrNull("html"),
            h => h is not null,
            what: "the acknowledgement email");
        var url = WithdrawLink().Match(html!).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(url), "the acknowledgement has no withdraw link");
        var code = body.GetProperty("trackingCode").GetString()!;
        // After the acknowledgement the workflow opens screening, where it then waits.
        await Eventually.GetAsync(async () => (string?)await StatusAsync(client, code), s => s == "screening", what: "screening");
        return new Submitted(body.GetProperty("id").GetString()!, body.GetProperty("trackingCode").GetString()!, email, WebUtility.HtmlDecode(url));
    }

    private static async Task<string> StatusAsync(HttpClient client, string trackingCode) =>
        (await client.GetFromJsonAsync<JsonElement>(new Uri($"/api/track/{trackingCode}", UriKind.Relative))).GetProperty("status").GetString()!;

    private static string PathOf(string url) => new Uri(url).PathAndQuery;

    private static async Task<(HttpStatusCode Status, string Body)> PostDecisionAsync(HttpClient client, string path, string? formToken)
    {
        var fields = new Dictionary<string, string> { ["reason"] = "Cơ sở đổi kế hoạch" };
        if (formToken is not null)
        {
            fields["formToken"] = formToken;
        }

        using var response = await client.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent(fields));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task<string> FormTokenAsync(HttpClient client, string path)
    {
        var page = await client.GetStringAsync(new Uri(path, UriKind.Relative));
        return FormToken().Match(page).Groups[1].Value;
    }

    [Fact]
    public async Task WithdrawLink_ConfirmedByTheApplicant_WithdrawsOnceAndTellsThem()
    {
        using var client = fixture.CreateClient();
        var proposal = await SubmitAsync(client);
        var path = PathOf(proposal.WithdrawUrl);

        using (var page = await client.GetAsync(new Uri(path, UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var html = await page.Content.ReadAsStringAsync();
            Assert.Contains("Đào tạo nghề may công nghiệp", html, StringComparison.Ordinal);
            Assert.Contains("method=\"post\"", html, StringComparison.Ordinal);
            Assert.Equal("no-referrer", page.Headers.GetValues("Referrer-Policy").Single());
        }

        // Opening the link (as a mail scanner would, twice) changes nothing.
        using (await client.GetAsync(new Uri(path, UriKind.Relative)))
        {
        }

        Assert.Equal("screening", await StatusAsync(client, proposal.TrackingCode));

        var formToken = await FormTokenAsync(client, path);
        var (status, body) = await PostDecisionAsync(client, path, formToken);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("id=\"decision\"", body, StringComparison.Ordinal);

        await Eventually.GetAsync(async () => (string?)await StatusAsync(client, proposal.TrackingCode), s => s == "withdrawn", what: "the withdrawn status");
        var track = await client.GetFromJsonAsync<JsonElement>(new Uri($"/api/track/{proposal.TrackingCode}", UriKind.Relative));
        Assert.Equal(["submitted", "screening", "withdrawn"], track.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("status").GetString()));

        var subjects = await Eventually.GetAsync(
            async () => (await client.GetFromJsonAsync<List<JsonElement>>(new Uri("/dev/outbox/messages", UriKind.Relative)))!
                .Where(m => m.GetProperty("to").EnumerateArray().Any(t => t.GetString() == proposal.Email))
                .Select(m => m.GetProperty("subject").GetString()!).ToList(),
            s => s?.Count >= 2,
            what: "the withdrawal email");
        Assert.Single(subjects, s => s.Contains("đã được rút", StringComparison.Ordinal));

        // The link is used: a second decision shows the first one.
        var (again, againBody) = await PostDecisionAsync(client, path, formToken);
        Assert.Equal(HttpStatusCode.Conflict, again);
        Assert.Contains("id=\"recorded-decision\"", againBody, StringComparison.Ordinal);
        using var reopened = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Conflict, reopened.StatusCode);
    }

    [Fact]
    public async Task WithdrawLink_TwentyConcurrentPosts_RecordExactlyOneDecision()
    {
        using var client = fixture.CreateClient();
        var proposal = await SubmitAsync(client);
        var path = PathOf(proposal.WithdrawUrl);
        var formToken = await FormTokenAsync(client, path);

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => PostDecisionAsync(client, path, formToken)));

        Assert.Single(results, r => r.Status == HttpStatusCode.OK);
        Assert.Equal(19, results.Count(r => r.Status == HttpStatusCode.Conflict));
        await Eventually.GetAsync(async () => (string?)await StatusAsync(client, proposal.TrackingCode), s => s == "withdrawn", what: "the withdrawn status");
        var track = await client.GetFromJsonAsync<JsonElement>(new Uri($"/api/track/{proposal.TrackingCode}", UriKind.Relative));
        Assert.Equal(3, track.GetProperty("timeline").GetArrayLength());
    }

    [Fact]
    public async Task WithdrawLink_PostWithoutThePagesFormToken_Returns400AndChangesNothing()
    {
        using var client = fixture.CreateClient();
        var proposal = await SubmitAsync(client);
        var path = PathOf(proposal.WithdrawUrl);

        Assert.Equal(HttpStatusCode.BadRequest, (await PostDecisionAsync(client, path, null)).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostDecisionAsync(client, path, new string('0', 64))).Status);

        await Task.Delay(1500);
        Assert.Equal("screening", await StatusAsync(client, proposal.TrackingCode));
        using var page = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task Link_Tampered_Returns404ForGetAndPost()
    {
        using var client = fixture.CreateClient();
        var proposal = await SubmitAsync(client);
        var token = proposal.WithdrawUrl[(proposal.WithdrawUrl.LastIndexOf('/') + 1)..];
        var parts = token.Split('.');
        var tampered = $"{parts[0]}.{parts[1]}.{(parts[2][0] == 'A' ? 'B' : 'A')}{parts[2][1..]}";

        using var get = await client.GetAsync(new Uri($"/links/{tampered}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostDecisionAsync(client, $"/links/{tampered}", "x")).Status);
        using var garbage = await client.GetAsync(new Uri("/links/not-a-token", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, garbage.StatusCode);
        Assert.Equal("screening", await StatusAsync(client, proposal.TrackingCode));
    }

    [Fact]
    public async Task Link_SignedWithAnotherKey_Returns404()
    {
        using var client = fixture.CreateClient();
        var proposal = await SubmitAsync(client);
        var foreign = new LinkSigningKeys("dev", new Dictionary<string, byte[]> { ["dev"] = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32) });
        var token = LinkToken.Create(new LinkClaims(LinkToken.NewLinkId(), "withdraw", proposal.Id, "applicant", 1, DateTimeOffset.UtcNow.AddDays(1)), foreign);

        using var get = await client.GetAsync(new Uri($"/links/{token}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
    }

    [Fact]
    public async Task Link_Expired_Returns410ForGetAndPostAndChangesNothing()
    {
        using var client = fixture.CreateClient();
        var proposal = await SubmitAsync(client);
        var token = LinkToken.Create(new LinkClaims(LinkToken.NewLinkId(), "withdraw", proposal.Id, "applicant", 1, DateTimeOffset.UtcNow.AddMinutes(-1)), LinkSigningKeys.Parse(DevKeys));

        using var get = await client.GetAsync(new Uri($"/links/{token}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Gone, get.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, (await PostDecisionAsync(client, $"/links/{token}", "x")).Status);
        Assert.Equal("screening", await StatusAsync(client, proposal.TrackingCode));
    }

    [Fact]
    public async Task Link_ForAnUnknownProposal_Returns404()
    {
        using var client = fixture.CreateClient();
        var token = LinkToken.Create(new LinkClaims(LinkToken.NewLinkId(), "withdraw", "no-such-proposal", "applicant", 1, DateTimeOffset.UtcNow.AddDays(1)), LinkSigningKeys.Parse(DevKeys));

        using var get = await client.GetAsync(new Uri($"/links/{token}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
    }

    [Theory]
    [InlineData("{0}=")]
    [InlineData("{0}==")]
    [InlineData("{0a}%20{0b}")]
    [InlineData("{0a}%0A{0b}")]
    public async Task Link_GenuineButNotInItsCanonicalSpelling_Returns404(string spelling)
    {
        // Issue 11, finding 9: one link, one spelling (padding and spaces are not skipped).
        using var client = fixture.CreateClient();
        var proposal = await SubmitAsync(client);
        var token = LinkToken.Create(new LinkClaims(LinkToken.NewLinkId(), "withdraw", proposal.Id, "applicant", 1, DateTimeOffset.UtcNow.AddDays(1)), LinkSigningKeys.Parse(DevKeys));
        var path = "/links/" + spelling.Replace("{0a}", token[..^6], StringComparison.Ordinal).Replace("{0b}", token[^6..], StringComparison.Ordinal).Replace("{0}", token, StringComparison.Ordinal);

        using var genuine = await client.GetAsync(new Uri("/links/" + token, UriKind.Relative));
        using var respelled = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, genuine.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, respelled.StatusCode);
    }

    [GeneratedRegex("href=\"([^\"]*/links/[^\"?]+)\"")]
    private static partial Regex WithdrawLink();

    [GeneratedRegex("name=\"formToken\" value=\"([0-9a-f]+)\"")]
    private static partial Regex FormToken();
}

internal static class JsonElementExtensions
{
    public static string? GetPropertyOrNull(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value.GetString() : null;
}
