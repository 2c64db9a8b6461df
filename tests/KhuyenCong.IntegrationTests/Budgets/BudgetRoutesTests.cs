using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using KhuyenCong.Testing;
using static KhuyenCong.IntegrationTests.Budgets.BudgetTestSupport;

namespace KhuyenCong.IntegrationTests.Budgets;

/// <summary><c>GET /api/budgets</c> and <c>PUT /api/budgets/{year}/{fundingSource}</c> through LocalHost.</summary>
[Collection(BudgetCollection.Name)]
public class BudgetRoutesTests(LocalHostFixture fixture)
{
    private static Uri Path(string path) => new(path, UriKind.Relative);

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.Clone();
    }

    private static string[] Messages(JsonElement problem, string field) =>
        problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()!).ToArray();

    [Fact]
    public async Task ListBudgets_Anonymous_Returns401()
    {
        using var client = fixture.CreateClient();

        using var response = await client.GetAsync(Path("/api/budgets?year=2026"));

        await ProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task SetBudgetAllocation_Anonymous_Returns401AndChangesNothing()
    {
        using var client = fixture.CreateClient();

        using var response = await client.PutAsync(Path("/api/budgets/2080/national"), Json("{\"allocated\":1000}"));

        await ProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal(0, (await fixture.Ledger().GetAsync(National(2080), CancellationToken.None)).Allocated);
    }

    [Fact]
    public async Task SetBudgetAllocation_BadYearSourceAndAmount_Returns400WithEachFieldInVietnamese()
    {
        using var client = fixture.CreateClient(withFunctionKey: true);

        using var response = await client.PutAsync(Path("/api/budgets/1999/provincial"), Json("{\"allocated\":-1}"));

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["Năm phải là số từ 2000 đến 2100."], Messages(problem, "year"));
        Assert.Equal(["Nguồn kinh phí không hợp lệ (national hoặc local)."], Messages(problem, "fundingSource"));
        Assert.Equal(["Kinh phí được giao không được là số âm."], Messages(problem, "allocated"));
    }

    [Theory]
    [InlineData("/api/budgets/abc/local", "{\"allocated\":1}", "year")]
    [InlineData("/api/budgets/2101/local", "{\"allocated\":1}", "year")]
    [InlineData("/api/budgets/2081/local", "{}", "allocated")]
    [InlineData("/api/budgets/2081/local", "{\"allocated\":1.5}", "allocated")]
    [InlineData("/api/budgets/2081/local", "{\"allocated\":\"5200000000\"}", "allocated")]
    [InlineData("/api/budgets/2081/local", "not json", "body")]
    [InlineData("/api/budgets/2081/local", "[1]", "body")]
    public async Task SetBudgetAllocation_InvalidInput_Returns400NamingTheField(string path, string body, string field)
    {
        using var client = fixture.CreateClient(withFunctionKey: true);

        using var response = await client.PutAsync(Path(path + "?lang=en"), Json(body));

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal([field], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        Assert.Equal("The request is not valid.", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task SetBudgetAllocation_BelowCommitted_Returns400OnAllocatedAndKeepsTheAllocation()
    {
        using var client = fixture.CreateClient(withFunctionKey: true);
        using (var set = await client.PutAsync(Path("/api/budgets/2082/local"), Json("{\"allocated\":100000000}")))
        {
            Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        }

        var key = new Domain.Budgets.BudgetKey(2082, Domain.Proposals.FundingSource.Local);
        await fixture.Ledger().CommitAsync(key, "p1", 60_000_000, By, CancellationToken.None);

        using var vi = await client.PutAsync(Path("/api/budgets/2082/local"), Json("{\"allocated\":50000000}"));
        using var en = await client.PutAsync(Path("/api/budgets/2082/local?lang=en"), Json("{\"allocated\":50000000}"));

        Assert.Equal(
            ["Kinh phí được giao (50.000.000 đồng) không được thấp hơn số đã cam kết cho các đề án đã phê duyệt (60.000.000 đồng)."],
            Messages(await ProblemAsync(vi, HttpStatusCode.BadRequest), "allocated"));
        Assert.Equal(
            ["The allocated amount (50,000,000 VND) cannot be below what approved proposals have committed (60,000,000 VND)."],
            Messages(await ProblemAsync(en, HttpStatusCode.BadRequest), "allocated"));
        Assert.Equal(100_000_000, (await fixture.Ledger().GetAsync(key, CancellationToken.None)).Allocated);
    }

    [Fact]
    public async Task ListBudgets_NoYear_Returns400OnYear()
    {
        using var client = fixture.CreateClient(withFunctionKey: true);

        using var response = await client.GetAsync(Path("/api/budgets"));

        Assert.Single(Messages(await ProblemAsync(response, HttpStatusCode.BadRequest), "year"));
    }

    [Fact]
    public async Task SetThenList_RoundTrip_BothSourcesWithCommittedAndRemaining()
    {
        using var client = fixture.CreateClient(withFunctionKey: true);
        using var put = await client.PutAsync(Path("/api/budgets/2083/national"), Json("{ \"allocated\": 5200000000 }"));
        using var putJson = JsonDocument.Parse(await put.Content.ReadAsStringAsync());
        await fixture.Ledger().CommitAsync(National(2083), "p1", 2_200_000_000, By, CancellationToken.None);

        using var list = await client.GetAsync(Path("/api/budgets?year=2083"));
        using var listJson = JsonDocument.Parse(await list.Content.ReadAsStringAsync());
        using var english = await client.GetFromJsonAsync<JsonDocument>(Path("/api/budgets?year=2083&lang=en"));

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(5_200_000_000, putJson.RootElement.GetProperty("allocated").GetInt64());
        Assert.Equal(5_200_000_000, putJson.RootElement.GetProperty("remaining").GetInt64());
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(2083, listJson.RootElement.GetProperty("year").GetInt32());
        var lines = listJson.RootElement.GetProperty("lines").EnumerateArray().ToList();
        Assert.Equal(["national", "local"], lines.Select(l => l.GetProperty("fundingSource").GetString()));
        Assert.Equal(["Khuyến công quốc gia", "Khuyến công địa phương"], lines.Select(l => l.GetProperty("fundingSourceName").GetString()));
        Assert.Equal([5_200_000_000, 2_200_000_000, 0, 3_000_000_000],
            new[] { "allocated", "committed", "paid", "remaining" }.Select(p => lines[0].GetProperty(p).GetInt64()));
        Assert.Equal([0L, 0L, 0L, 0L], new[] { "allocated", "committed", "paid", "remaining" }.Select(p => lines[1].GetProperty(p).GetInt64()));
        Assert.Equal("National industrial promotion (national budget)",
            english!.RootElement.GetProperty("lines")[0].GetProperty("fundingSourceName").GetString());
    }
}
