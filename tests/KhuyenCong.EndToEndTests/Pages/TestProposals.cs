using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace KhuyenCong.EndToEndTests.Pages;

/// <summary>Proposals submitted through the public API, as an applicant would.</summary>
public static class TestProposals
{
    public sealed record Submitted(string Id, string TrackingCode, string TaxCode = "");

    /// <summary>A valid machinery proposal (Hà Nội, national money unless <paramref name="fundingSource"/> says): 160.000.000 đồng asked of 400.000.000.</summary>
    public static async Task<Submitted> SubmitAsync(HttpClient client, string fundingSource = "national")
    {
        ArgumentNullException.ThrowIfNull(client);
        var taxCode = "0" + Random.Shared.Next(100_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture);
        using var response = await client.PostAsJsonAsync("/api/proposals", new Dictionary<string, object>
        {
            ["organizationName"] = "Hợp tác xã Mây tre đan Phú Vinh",
            ["taxCode"] = taxCode, ["entityType"] = "cooperative",
            ["representative"] = "Phạm Văn Hùng",
            ["email"] = $"phu.vinh+{Guid.NewGuid():N}@example.vn",
            ["phone"] = "0988123456",
            ["address"] = "Thôn Phú Vinh",
            ["commune"] = "Xã Phú Nghĩa",
            ["province"] = "ha-noi",
            ["kind"] = "machinery",
            ["sector"] = "Thủ công mỹ nghệ",
            ["fundingSource"] = fundingSource,
            ["title"] = "Máy chẻ nan tre tự động cho làng nghề",
            ["summary"] = "Đầu tư 02 máy chẻ nan tự động, nâng năng suất gấp ba lần.",
            ["totalCost"] = 400_000_000,
            ["requestedSupport"] = 160_000_000,
            ["ownContribution"] = 240_000_000,
            ["startDate"] = "2027-03-01",
            ["endDate"] = "2027-09-30",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return new Submitted(body.GetProperty("id").GetString()!, body.GetProperty("trackingCode").GetString()!, taxCode);
    }
}
