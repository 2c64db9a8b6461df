using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.Domain.Tracking;
using KhuyenCong.Testing;

namespace KhuyenCong.IntegrationTests.Proposals;

/// <summary>The applicant's tracking by code: JSON and page, tolerant code forms, 404 for unknown codes, throttled guessing.</summary>
[Collection(IntakeCollection.Name)]
public class TrackingTests(IntakeFixture fixture) : IntakeTestBase(fixture)
{
    /// <summary>Each test guesses from its own address, so one test's misses never throttle another.</summary>
    private static string NewAddress() =>
        $"198.51.{System.Security.Cryptography.RandomNumberGenerator.GetInt32(0, 256)}.{System.Security.Cryptography.RandomNumberGenerator.GetInt32(1, 255)}";

    private HttpClient ClientFrom(string address)
    {
        var client = Fixture.CreateClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return client;
    }

    private static Uri Track(string code, string? query = null) => new($"/api/track/{Uri.EscapeDataString(code)}{query}", UriKind.Relative);

    [Fact]
    public async Task Track_KnownCode_ReturnsScreeningWithTheDatedTimelineFromSubmission()
    {
        var (_, code) = await AcceptedAsync(ProposalForms.Json(ProposalForms.Valid().With("title", "Dây chuyền sấy nông sản")));
        using var client = ClientFrom(NewAddress());
        // The workflow acknowledges the proposal and opens screening right after the submission.
        await Eventually.GetAsync(
            async () => (string?)(await client.GetFromJsonAsync<JsonElement>(Track(code))).GetProperty("status").GetString(),
            s => s == "screening",
            what: "screening");

        using var response = await client.GetAsync(Track(code));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.NoStore);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.Equal(code, root.GetProperty("trackingCode").GetString());
        Assert.Equal("Dây chuyền sấy nông sản", root.GetProperty("title").GetString());
        Assert.Equal("screening", root.GetProperty("status").GetString());
        Assert.Equal("Đang kiểm tra hồ sơ", root.GetProperty("statusLabel").GetString());
        var timeline = root.GetProperty("timeline").EnumerateArray().ToList();
        Assert.Equal(["submitted", "screening"], timeline.Select(e => e.GetProperty("status").GetString()));
        var entry = timeline[0];
        var at = entry.GetProperty("at").GetDateTimeOffset();
        Assert.InRange(at, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.False(root.TryGetProperty("email", out _), "Tracking shows no personal data.");
        Assert.False(root.TryGetProperty("taxCode", out _), "Tracking shows no personal data.");
    }

    [Fact]
    public async Task Track_KnownCodeInEnglish_ReturnsTheEnglishLabel()
    {
        var (_, code) = await AcceptedAsync(ProposalForms.Json(ProposalForms.Valid()));
        using var client = ClientFrom(NewAddress());

        using var response = await client.GetAsync(Track(code, "?lang=en"));

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(json.RootElement.GetProperty("statusLabel").GetString(), new[] { "Submitted", "Screening" });
    }

    [Fact]
    public async Task Track_LowerCaseAndCompactForms_FindTheProposal()
    {
        var (_, code) = await AcceptedAsync(ProposalForms.Json(ProposalForms.Valid()));
        using var client = ClientFrom(NewAddress());

        foreach (var form in new[] { code.ToLowerInvariant(), code.Replace("-", string.Empty, StringComparison.Ordinal), code[3..].ToLowerInvariant().Replace("-", string.Empty, StringComparison.Ordinal) })
        {
            using var response = await client.GetAsync(Track(form));

            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{form}: {(int)response.StatusCode}");
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal(code, json.RootElement.GetProperty("trackingCode").GetString());
        }
    }

    [Fact]
    public async Task Track_UnknownWellFormedCode_Returns404()
    {
        using var client = ClientFrom(NewAddress());

        using var response = await client.GetAsync(Track(TrackingCode.New().Value));

        var problem = await ProblemAssert.StatusAsync(response, HttpStatusCode.NotFound);
        Assert.Equal("Không có đề án nào với mã theo dõi này. Vui lòng kiểm tra mã trong email xác nhận.", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("KC-1234")]
    [InlineData("not-a-code")]
    [InlineData("KC-0OIL-0OIL-0OIL-0OIL-0O")]
    public async Task Track_MalformedCode_Returns404(string code)
    {
        using var client = ClientFrom(NewAddress());

        using var response = await client.GetAsync(Track(code, "?lang=en"));

        var problem = await ProblemAssert.StatusAsync(response, HttpStatusCode.NotFound);
        Assert.Equal("No proposal has this tracking code. Check the code in your acknowledgement email.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Track_CodeWithOneSymbolChanged_Returns404()
    {
        var (_, code) = await AcceptedAsync(ProposalForms.Json(ProposalForms.Valid()));
        var changed = code[..^1] + (code[^1] == 'A' ? 'B' : 'A');
        using var client = ClientFrom(NewAddress());

        using var response = await client.GetAsync(Track(changed));

        await ProblemAssert.StatusAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Track_RepeatedMissesFromOneAddress_EventuallyReturns429WithRetryAfter()
    {
        var (_, code) = await AcceptedAsync(ProposalForms.Json(ProposalForms.Valid()));
        var address = NewAddress();
        HttpResponseMessage? refused = null;
        var misses = 0;
        for (var i = 0; i < 30 && refused is null; i++)
        {
            // Only the last X-Forwarded-For entry counts: the earlier ones are the client's to forge.
            using var client = ClientFrom($"10.{i}.0.1, {address}");
            var response = await client.GetAsync(Track(TrackingCode.New().Value));
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refused = response;
            }
            else
            {
                Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
                response.Dispose();
                misses++;
            }
        }

        Assert.NotNull(refused);
        using (refused)
        {
            Assert.Equal(20, misses);
            await ProblemAssert.StatusAsync(refused, HttpStatusCode.TooManyRequests);
            Assert.Equal(TimeSpan.FromMinutes(10), refused.Headers.RetryAfter?.Delta);
        }

        using var same = ClientFrom(address);
        using var known = await same.GetAsync(Track(code));
        Assert.Equal(HttpStatusCode.TooManyRequests, known.StatusCode);
        using var page = await same.GetAsync(new Uri($"/track/{code}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.TooManyRequests, page.StatusCode);

        using var other = ClientFrom($"{address}, {NewAddress()}");
        using var fromElsewhere = await other.GetAsync(Track(code));
        Assert.Equal(HttpStatusCode.OK, fromElsewhere.StatusCode);
    }

    [Fact]
    public async Task Track_RepeatedMissesFromOneAddressOnChangingPorts_EventuallyReturns429()
    {
        var address = NewAddress();
        HttpStatusCode last = default;
        var misses = 0;
        for (var i = 0; i < 30 && last != HttpStatusCode.TooManyRequests; i++)
        {
            // Azure's front end gives the client's address with the port of each new connection: a new port is the same client.
            using var client = ClientFrom($"{address}:{40000 + i}");
            using var response = await client.GetAsync(Track(TrackingCode.New().Value));
            last = response.StatusCode;
            misses += last == HttpStatusCode.NotFound ? 1 : 0;
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, last);
        Assert.Equal(20, misses);
    }

    [Fact]
    public async Task TrackingPage_KnownCode_Returns200HtmlWithCodeStatusAndDate()
    {
        var (_, code) = await AcceptedAsync(ProposalForms.Json(ProposalForms.Valid().With("title", "Mô hình trình diễn máy dệt")));
        using var client = ClientFrom(NewAddress());

        using var response = await client.GetAsync(new Uri($"/track/{code.ToLowerInvariant()}?submitted=1", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        var groups = string.Join("<span class=\"code-separator\">-</span>", code.Split('-').Select(g => $"<span class=\"code-group\">{g}</span>"));
        Assert.Contains($"<p class=\"tracking-code-large\" id=\"tracking-code\" aria-hidden=\"true\">{groups}</p>", html, StringComparison.Ordinal);
        Assert.Contains("Mô hình trình diễn máy dệt", html, StringComparison.Ordinal);
        Assert.Contains("data-status=\"submitted\">Đã nộp</strong>", html, StringComparison.Ordinal);
        Assert.Matches(@"<li><time datetime=""[^""]+"">\d{2}/\d{2}/\d{4} \d{2}:\d{2}</time> Đã nộp</li>", html);
    }

    [Fact]
    public async Task TrackingPage_UnknownCode_Returns404HtmlNamingTheCode()
    {
        using var client = ClientFrom(NewAddress());
        var code = TrackingCode.New().Value;

        using var response = await client.GetAsync(new Uri($"/track/{code}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"Không có đề án nào có mã theo dõi <strong>{code}</strong>.", html, StringComparison.Ordinal);
    }
}
