using System.Net;
using System.Text;
using System.Text.Json;
using KhuyenCong.Testing;

namespace KhuyenCong.IntegrationTests.Programmes;

/// <summary>One Azurite and LocalHost for the programme, plan and geography tests; each test uses its own years, ids and provinces.</summary>
[CollectionDefinition(Name)]
public sealed class ProgrammesCollection : ICollectionFixture<LocalHostFixture>
{
    public const string Name = "Programmes";
}

internal static class ProgrammeTestSupport
{
    public static Uri Path(string path) => new(path, UriKind.Relative);

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static StringContent Json(object value) => Json(JsonSerializer.Serialize(value));

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"{(int)response.StatusCode}: {text}");
        using var json = JsonDocument.Parse(text);
        return json.RootElement.Clone();
    }

    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var problem = await JsonAsync(response, status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return problem;
    }

    public static string[] Messages(JsonElement problem, string field) =>
        problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()!).ToArray();

    /// <summary>A valid programme body, 2021–2025 style, over the given years.</summary>
    public static Dictionary<string, object?> Programme(int fromYear, int toYear) => new(StringComparer.Ordinal)
    {
        ["name"] = "Chương trình khuyến công tỉnh Hưng Yên giai đoạn " + fromYear + "–" + toYear,
        ["fromYear"] = fromYear,
        ["toYear"] = toYear,
        ["fundingSource"] = "local",
        ["decisionNumber"] = "125/QĐ-UBND",
        ["targets"] = new object[]
        {
            new { code = "demonstration-models", target = 15 },
            new { code = "trainees", nameVi = "Lao động được đào tạo nghề may", nameEn = "Workers trained in sewing", unit = "người", target = 400 },
            new { code = "approved-amount", target = 5_200_000_000L },
            new { code = "paid-amount", target = 5_000_000_000L },
            new { code = "proposals", target = 10 },
        },
    };
}
