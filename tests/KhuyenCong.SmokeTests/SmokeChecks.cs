using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace KhuyenCong.SmokeTests;

/// <summary>One result of a check: what was tried, and the problem (null when it passed).</summary>
public sealed record Outcome(string What, string? Problem);

/// <summary>
/// The smoke checks, by name. Each talks HTTP only, to any host running the app: Core Tools with Azurite, or Azure.
/// <c>submission</c> creates a proposal (and sends its emails): never run it against production.
/// </summary>
public static class SmokeChecks
{
    public static IReadOnlyDictionary<string, Func<HttpClient, Task<IReadOnlyList<Outcome>>>> All { get; } =
        new Dictionary<string, Func<HttpClient, Task<IReadOnlyList<Outcome>>>>(StringComparer.Ordinal)
        {
            ["health"] = HealthAsync,
            ["submission"] = SubmissionAsync,
            ["staff"] = StaffAsync,
        };

    /// <summary>Staff routes (read and write) that must refuse a caller who is not signed in, whatever header it sends.</summary>
    private static readonly (HttpMethod Method, string Path)[] StaffRoutes =
    [
        (HttpMethod.Get, "/api/proposals"),
        (HttpMethod.Get, "/api/proposals/smoke-no-such-proposal"),
        (HttpMethod.Post, "/api/proposals/smoke-no-such-proposal/cancel"),
        (HttpMethod.Get, "/staff/proposals"),
    ];

    /// <summary><c>GET /api/health</c> answers 200: tables, blobs and the durable task hub are reachable.</summary>
    public static async Task<IReadOnlyList<Outcome>> HealthAsync(HttpClient http)
    {
        ArgumentNullException.ThrowIfNull(http);
        using var response = await http.GetAsync(new Uri("/api/health", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        return [new("GET /api/health is 200", response.StatusCode == HttpStatusCode.OK ? null : $"{(int)response.StatusCode}: {Shorten(body)}")];
    }

    /// <summary>A valid proposal is accepted (201 with a tracking code), and its tracking page answers.</summary>
    public static async Task<IReadOnlyList<Outcome>> SubmissionAsync(HttpClient http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        var proposal = new Dictionary<string, object>
        {
            ["organizationName"] = "Hợp tác xã Kiểm thử Khói",
            ["taxCode"] = "0" + Random.Shared.NextInt64(100_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture), ["entityType"] = "sme",
            ["representative"] = "Nguyễn Văn Khói",
            ["email"] = "smoke@example.invalid",
            ["phone"] = "0987654321",
            ["address"] = "Thôn Thử",
            ["commune"] = "Xã Phú Nghĩa",
            ["province"] = "ha-noi",
            ["kind"] = "machinery",
            ["sector"] = "Thủ công mỹ nghệ",
            ["fundingSource"] = "national",
            ["title"] = "Kiểm thử khói sau triển khai",
            ["summary"] = "Đề án giả lập của kiểm thử khói.",
            ["totalCost"] = 400_000_000,
            ["requestedSupport"] = 200_000_000,
            ["ownContribution"] = 200_000_000,
            ["startDate"] = today.AddDays(60).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["endDate"] = today.AddDays(240).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        using var response = await http.PostAsJsonAsync(new Uri("/api/proposals", UriKind.Relative), proposal);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.Created)
        {
            return [new("POST /api/proposals is 201", $"{(int)response.StatusCode}: {Shorten(body)}")];
        }

        var code = JsonDocument.Parse(body).RootElement.GetProperty("trackingCode").GetString()!;
        using var tracking = await http.GetAsync(new Uri("/api/track/" + Uri.EscapeDataString(code), UriKind.Relative));
        return
        [
            new("POST /api/proposals is 201", null),
            new("GET /api/track/{code} is 200", tracking.StatusCode == HttpStatusCode.OK ? null : $"{(int)tracking.StatusCode}"),
        ];
    }

    /// <summary>
    /// Staff routes refuse (401) a caller without sign-in, and one that sends its own <c>X-MS-CLIENT-PRINCIPAL</c> with
    /// every staff role: App Service Authentication removes it in Azure, and elsewhere the app ignores it.
    /// </summary>
    public static async Task<IReadOnlyList<Outcome>> StaffAsync(HttpClient http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var forged = ForgedPrincipal();
        var outcomes = new List<Outcome>();
        foreach (var (method, path) in StaffRoutes)
        {
            foreach (var withForgery in new[] { false, true })
            {
                using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
                if (method == HttpMethod.Post)
                {
                    request.Content = new StringContent("{\"reason\":\"smoke\"}", Encoding.UTF8, "application/json");
                }

                if (withForgery)
                {
                    request.Headers.Add("X-MS-CLIENT-PRINCIPAL", forged);
                    request.Headers.Add("X-MS-CLIENT-PRINCIPAL-NAME", "smoke-forger@example.invalid");
                    request.Headers.Add("X-MS-CLIENT-PRINCIPAL-IDP", "aad");
                }

                using var response = await http.SendAsync(request);
                outcomes.Add(new($"{method} {path} {(withForgery ? "with a forged principal" : "anonymous")} is 401",
                    response.StatusCode == HttpStatusCode.Unauthorized ? null : $"{(int)response.StatusCode}"));
            }
        }

        return outcomes;
    }

    /// <summary>A principal as App Service would write it for an Entra ID admin (base64 JSON).</summary>
    private static string ForgedPrincipal()
    {
        var json = JsonSerializer.Serialize(new
        {
            auth_typ = "aad",
            name_typ = "name",
            role_typ = "roles",
            claims = new[]
            {
                new { typ = "name", val = "Smoke forger" },
                new { typ = "roles", val = "admin" },
                new { typ = "roles", val = "officer" },
                new { typ = "roles", val = "director" },
                new { typ = "roles", val = "finance" },
                new { typ = "http://schemas.microsoft.com/identity/claims/objectidentifier", val = "00000000-0000-0000-0000-00000000f00d" },
            },
        });
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(json));
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
