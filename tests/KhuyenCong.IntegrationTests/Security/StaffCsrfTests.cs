using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using KhuyenCong.LocalHost.Functions;
using KhuyenCong.LocalHost.Hosting;
using KhuyenCong.Testing;

namespace KhuyenCong.IntegrationTests.Security;

/// <summary>
/// Cross-site request forgery on staff routes (issue 11, finding 1). Every state-changing route of the function catalogue
/// that is not on the short public list below is a staff route, so a new route is covered by default: sent with the
/// function key (a signed-in staff member) but from another site, as text/plain JSON (a "simple" request a browser sends
/// without asking), it is refused and nothing is stored; sent from this site as text/plain, it answers 415; posted as an
/// HTML form without the CSRF token, 403.
/// </summary>
public partial class StaffCsrfTests(LocalHostFixture fixture) : IClassFixture<LocalHostFixture>
{
    /// <summary>The state-changing routes anyone may call (the public form and the emailed links' pages).</summary>
    private static readonly HashSet<string> PublicWrites = new(StringComparer.Ordinal)
    {
        "POST api/proposals",
        "POST links/{token}",
        "POST links/selection/{token}",
        // The public lookup by tax code and phone (reads, changes nothing but the throttle's count).
        "POST track",
    };

    public static TheoryData<string, string> StaffWrites()
    {
        var data = new TheoryData<string, string>();
        foreach (var function in FunctionCatalog.Discover(LocalHostApplication.FunctionsAssembly).Where(f => f.Kind == TriggerKind.Http))
        {
            foreach (var method in function.Http!.Methods.Select(m => m.ToUpperInvariant()).Where(m => m is not ("GET" or "HEAD" or "OPTIONS")))
            {
                if (!PublicWrites.Contains($"{method} {function.Http.Route}"))
                {
                    data.Add(method, function.Http.Route);
                }
            }
        }

        return data;
    }

    [Fact]
    public void StaffWrites_Discovered_IncludeEveryKindOfBody()
    {
        var routes = StaffWrites().Select(r => $"{r[0]} {r[1]}").ToList();

        Assert.Contains("POST api/proposals/{id}/screening", routes);
        Assert.Contains("POST api/proposals/{id}/cancel", routes);
        Assert.Contains("POST api/import/proposals", routes);
        Assert.Contains("POST api/geography/communes", routes);
        Assert.Contains("POST api/programmes", routes);
        Assert.Contains("PUT api/reviewers/{id}", routes);
        Assert.Contains("DELETE api/reviewers/{id}", routes);
        Assert.Contains("POST api/proposals/{id}/documents/{kind}", routes);
        Assert.Contains("PUT api/proposals/{id}/documents/{documentId}/signed", routes);
        Assert.Contains("PUT api/documents/templates/{kind}", routes);
        Assert.Contains("DELETE api/documents/templates/{kind}", routes);
        Assert.True(routes.Count >= 21, string.Join(", ", routes));
    }

    [Theory]
    [MemberData(nameof(StaffWrites))]
    public async Task StaffWrite_CrossSiteWithKeyAsTextPlainJson_Returns403AndStoresNothing(string method, string route)
    {
        var before = await StorageSnapshotAsync();
        using var client = fixture.CreateClient(withFunctionKey: true);
        using var request = Request(method, route, TextPlainJson());
        request.Headers.Add("Origin", "https://evil.example");
        request.Headers.Add("Sec-Fetch-Site", "cross-site");

        using var response = await client.SendAsync(request);

        await AssertProblemAsync(response, HttpStatusCode.Forbidden, method, route);
        Assert.Equal(before, await StorageSnapshotAsync());
    }

    [Theory]
    [MemberData(nameof(StaffWrites))]
    public async Task StaffWrite_CrossSiteWithOnlyOneHeader_Returns403(string method, string route)
    {
        using var client = fixture.CreateClient(withFunctionKey: true);
        foreach (var (header, value) in new[] { ("Origin", "https://evil.example"), ("Sec-Fetch-Site", "same-site"), ("Origin", "null") })
        {
            using var request = Request(method, route, new StringContent("{}", Encoding.UTF8, "application/json"));
            request.Headers.Add(header, value);

            using var response = await client.SendAsync(request);

            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{method} {route} with {header}: {value} answered {(int)response.StatusCode}");
        }
    }

    [Theory]
    [MemberData(nameof(StaffWrites))]
    public async Task StaffWrite_SameOriginTextPlainJson_Returns415InTheUsersLanguage(string method, string route)
    {
        using var client = fixture.CreateClient(withFunctionKey: true);
        using var request = Request(method, route + "?lang=en", TextPlainJson());
        request.Headers.Add("Origin", fixture.Host.BaseAddress.GetLeftPart(UriPartial.Authority));
        request.Headers.Add("Sec-Fetch-Site", "same-origin");

        using var response = await client.SendAsync(request);

        var problem = await AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType, method, route);
        Assert.Equal("This file type or format is not accepted.", problem.GetProperty("title").GetString());
    }

    [Theory]
    [MemberData(nameof(StaffWrites))]
    public async Task StaffWrite_FormPostWithoutCsrfToken_Returns403(string method, string route)
    {
        using var client = fixture.CreateClient(withFunctionKey: true);
        HttpContent[] forms =
        [
            new FormUrlEncodedContent(new Dictionary<string, string> { ["reason"] = "Giả mạo", ["decision"] = "accept" }),
            new MultipartFormDataContent { { new StringContent("Giả mạo"), "reason" }, { new ByteArrayContent("a,b\n1,2\n"u8.ToArray()), "file", "x.csv" } },
            new FormUrlEncodedContent(new Dictionary<string, string> { ["csrfToken"] = "dev.99999999999.forged", ["reason"] = "Giả mạo" }),
        ];
        foreach (var form in forms)
        {
            using var request = Request(method, route, form);

            using var response = await client.SendAsync(request);

            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{method} {route} ({form.Headers.ContentType?.MediaType}) answered {(int)response.StatusCode}: {body}");
            Assert.Contains("csrfToken", body, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(StaffWrites))]
    public async Task StaffWrite_FormPostWithTheToken_PassesTheCsrfCheck(string method, string route)
    {
        using var client = fixture.CreateClient(withFunctionKey: true);
        using var request = Request(method, route, new FormUrlEncodedContent(new Dictionary<string, string> { ["csrfToken"] = fixture.Host.StaffFormToken() }));

        using var response = await client.SendAsync(request);

        // Past the token: routes that take forms go on to their own checks (404 for the made-up id, 400), JSON routes 415.
        Assert.True(response.StatusCode is not HttpStatusCode.Forbidden and not HttpStatusCode.Unauthorized && (int)response.StatusCode < 500,
            $"{method} {route} answered {(int)response.StatusCode}");
    }

    private static StringContent TextPlainJson() =>
        new("""{"decision":"accept","reason":"Giả mạo","name":"Giả mạo","allocated":1,"programmeId":null}""", Encoding.UTF8, "text/plain");

    private static HttpRequestMessage Request(string method, string route, HttpContent content) =>
        new(new HttpMethod(method), "/" + RouteParameter().Replace(route, "test-value")) { Content = content };

    private static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode expected, string method, string route)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{method} {route} answered {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Rows in every table of the app (the durable engine's aside) and files in every container: what a request could have stored.</summary>
    private async Task<string> StorageSnapshotAsync()
    {
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var tables = new TableServiceClient(fixture.StorageConnectionString);
        await foreach (var table in tables.QueryAsync())
        {
            if (!table.Name.StartsWith("KhuyenCong", StringComparison.Ordinal))
            {
                var rows = 0;
                await foreach (var _ in tables.GetTableClient(table.Name).QueryAsync<TableEntity>(select: ["PartitionKey"]))
                {
                    rows++;
                }

                counts["table " + table.Name] = rows;
            }
        }

        var blobs = new BlobServiceClient(fixture.StorageConnectionString);
        await foreach (var container in blobs.GetBlobContainersAsync())
        {
            if (!container.Name.StartsWith("khuyencong", StringComparison.Ordinal))
            {
                var files = 0;
                await foreach (var _ in blobs.GetBlobContainerClient(container.Name).GetBlobsAsync())
                {
                    files++;
                }

                counts["container " + container.Name] = files;
            }
        }

        return string.Join("; ", counts.Select(c => $"{c.Key}={c.Value}"));
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}
