using System.Net;
using System.Text.Json;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.IntegrationTests.Proposals;
using KhuyenCong.Testing;
using static KhuyenCong.IntegrationTests.Programmes.ProgrammeTestSupport;

namespace KhuyenCong.IntegrationTests.Cycle;

/// <summary>
/// One Azurite and LocalHost for the calls and councils tests: once a call is open, every proposal must name one, so
/// these tests keep to their own host (the other collections submit without calls).
/// </summary>
[CollectionDefinition(Name)]
public sealed class CycleCollection : ICollectionFixture<LocalHostFixture>
{
    public const string Name = "Cycle";
}

internal static class CycleTestSupport
{
    public static DateOnly Today => VietnamTime.Today(TimeProvider.System);

    public static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A valid call body for national money, open from yesterday for ten days, for next year's plan.</summary>
    public static Dictionary<string, object?> Call(string title, int opensIn = -1, int closesIn = 10, string source = "national") => new(StringComparer.Ordinal)
    {
        ["planYear"] = Today.Year + 1,
        ["fundingSource"] = source,
        ["title"] = title,
        ["opensOn"] = Day(Today.AddDays(opensIn)),
        ["closesOn"] = Day(Today.AddDays(closesIn)),
        ["kinds"] = new[] { "machinery", "training" },
        ["requiredDocuments"] = new Dictionary<string, string[]> { ["machinery"] = ["Báo giá thiết bị", "Giấy đăng ký kinh doanh"] },
        ["description"] = "Đợt đăng ký đề án khuyến công quốc gia năm " + (Today.Year + 1) + ".",
    };

    public static async Task<JsonElement> CreateCallAsync(HttpClient officer, Dictionary<string, object?> body)
    {
        using var response = await officer.PostAsync(Path("/api/calls"), Json(body));
        return await JsonAsync(response, HttpStatusCode.Created);
    }

    /// <summary>Submits a valid proposal as JSON with the changes; the answer.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, Action<Dictionary<string, object?>> change, string query = "")
    {
        var form = ProposalForms.Valid();
        change(form);
        return await client.PostAsync(Path("/api/proposals" + query), ProposalForms.Json(form));
    }
}
