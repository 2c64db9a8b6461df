using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.Testing;

namespace KhuyenCong.IntegrationTests.Proposals;

/// <summary>A LocalHost of its own with three proposals, so the list's counts are exact.</summary>
public sealed class ListProposalsFixture : IAsyncLifetime
{
    public LocalHostFixture Host { get; } = new();

    public List<(string Id, string TrackingCode)> Submitted { get; } = [];

    public async Task InitializeAsync()
    {
        await Host.InitializeAsync();
        using var client = Host.CreateClient();
        foreach (var (title, kind, source, taxCode) in new[]
        {
            ("Máy sấy nông sản công nghệ mới", "machinery", "national", "0102030405"),
            ("Đào tạo nghề mây tre đan", "training", "local", "0102030406"),
            ("Mô hình trình diễn máy ép viên nén", "demonstration-model", "national", "0102030407"),
        })
        {
            using var response = await client.PostAsJsonAsync("/api/proposals", new Dictionary<string, object>
            {
                ["organizationName"] = "Hợp tác xã Đồng Tâm " + taxCode[^2..], ["taxCode"] = taxCode, ["entityType"] = "cooperative", ["representative"] = "Vũ Thị Hằng",
                ["email"] = $"list+{taxCode}@example.vn", ["phone"] = "0912000111", ["address"] = "Thôn Nam", ["commune"] = "Xã Tân Hưng",
                ["province"] = "hung-yen", ["kind"] = kind, ["sector"] = "Nông nghiệp", ["fundingSource"] = source, ["title"] = title,
                ["summary"] = "Tóm tắt", ["totalCost"] = 1_000_000_000, ["requestedSupport"] = 200_000_000, ["ownContribution"] = 800_000_000,
                ["startDate"] = "2027-01-01", ["endDate"] = "2027-12-31",
            });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            Submitted.Add((body.GetProperty("id").GetString()!, body.GetProperty("trackingCode").GetString()!));
        }
    }

    public Task DisposeAsync() => Host.DisposeAsync();
}

/// <summary>The staff list: filters, search with or without diacritics, paging, and refusals.</summary>
public class ListProposalsTests(ListProposalsFixture seeded) : IClassFixture<ListProposalsFixture>
{
    private readonly LocalHostFixture fixture = seeded.Host;
    private readonly List<(string Id, string TrackingCode)> submitted = seeded.Submitted;

    private async Task<JsonElement> ListAsync(string query)
    {
        using var staff = fixture.CreateClient(withFunctionKey: true);
        using var response = await staff.GetAsync(new Uri("/api/proposals" + query, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static List<string> Titles(JsonElement list) =>
        list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()!).ToList();

    [Fact]
    public async Task List_NoFilter_ReturnsThisYearsProposalsNewestFirst()
    {
        var list = await ListAsync(string.Empty);

        Assert.Equal(3, list.GetProperty("total").GetInt32());
        Assert.Equal(["Mô hình trình diễn máy ép viên nén", "Đào tạo nghề mây tre đan", "Máy sấy nông sản công nghệ mới"], Titles(list));
    }

    [Theory]
    [InlineData("?kind=training", "Đào tạo nghề mây tre đan")]
    [InlineData("?fundingSource=local", "Đào tạo nghề mây tre đan")]
    [InlineData("?q=may%20say", "Máy sấy nông sản công nghệ mới")]
    [InlineData("?q=M%C3%A1y%20s%E1%BA%A5y", "Máy sấy nông sản công nghệ mới")]
    [InlineData("?q=dao%20tao", "Đào tạo nghề mây tre đan")]
    [InlineData("?q=0102030407", "Mô hình trình diễn máy ép viên nén")]
    [InlineData("?kind=machinery&fundingSource=national&q=nong%20san", "Máy sấy nông sản công nghệ mới")]
    public async Task List_Filtered_ReturnsOnlyTheMatchingProposal(string query, string title) =>
        Assert.Equal([title], Titles(await ListAsync(query)));

    [Fact]
    public async Task List_ByTrackingCodeInLowerCase_FindsTheProposal()
    {
        var code = submitted[1].TrackingCode.ToLowerInvariant();

        Assert.Equal(["Đào tạo nghề mây tre đan"], Titles(await ListAsync("?q=" + code)));
    }

    [Fact]
    public async Task List_ByStatus_FollowsStatusChanges()
    {
        using (var staff = fixture.CreateClient(withFunctionKey: true))
        {
            using var cancelled = await staff.PostAsJsonAsync($"/api/proposals/{submitted[2].Id}/cancel", new { reason = "Trùng lặp" });
            Assert.True(cancelled.IsSuccessStatusCode);
        }

        var list = (await Eventually.GetAsync(async () => (JsonElement?)await ListAsync("?status=cancelled"),
            l => l?.GetProperty("total").GetInt32() == 1, what: "the cancelled proposal in the list"))!.Value;

        Assert.Equal(["Mô hình trình diễn máy ép viên nén"], Titles(list));
        Assert.Equal("cancelled", list.GetProperty("items")[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task List_Paged_ReturnsEachPageAndTheTotal()
    {
        var first = await ListAsync("?pageSize=2");
        var second = await ListAsync("?pageSize=2&page=2");

        Assert.Equal(2, first.GetProperty("items").GetArrayLength());
        Assert.Single(second.GetProperty("items").EnumerateArray());
        Assert.Equal(3, second.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task List_OtherYear_IsEmpty() =>
        Assert.Equal(0, (await ListAsync("?year=2019")).GetProperty("total").GetInt32());

    [Theory]
    [InlineData("?year=1999", "year")]
    [InlineData("?year=abc", "year")]
    [InlineData("?status=approved-ish", "status")]
    [InlineData("?kind=rocket", "kind")]
    [InlineData("?fundingSource=bank", "fundingSource")]
    [InlineData("?pageSize=500", "pageSize")]
    [InlineData("?page=0", "page")]
    public async Task List_BadFilter_Returns400OnTheField(string query, string field)
    {
        using var staff = fixture.CreateClient(withFunctionKey: true);
        using var response = await staff.GetAsync(new Uri("/api/proposals" + query, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task List_Anonymous_Returns401()
    {
        using var client = fixture.CreateClient();
        using var response = await client.GetAsync(new Uri("/api/proposals", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
