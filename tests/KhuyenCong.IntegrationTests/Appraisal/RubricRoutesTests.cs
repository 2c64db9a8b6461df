using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using KhuyenCong.Testing;

namespace KhuyenCong.IntegrationTests.Appraisal;

[Collection(AppraisalCollection.Name)]
public class RubricRoutesTests(LocalHostFixture fixture)
{
    private static readonly Uri Rubric = new("/api/rubric", UriKind.Relative);

    private static async Task<JsonNode> JsonOf(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

    private static JsonObject Body(int? version, int passMark, params (string Code, int Max)[] criteria) => new()
    {
        ["version"] = version,
        ["passMark"] = passMark,
        ["criteria"] = new JsonArray(criteria.Select(c => (JsonNode)new JsonObject
        {
            ["code"] = c.Code,
            ["nameVi"] = "Tiêu chí " + c.Code,
            ["nameEn"] = "Criterion " + c.Code,
            ["maxPoints"] = c.Max,
        }).ToArray()),
    };

    [Fact]
    public async Task GetRubric_Anonymous_Returns401()
    {
        using var client = fixture.CreateClient();

        using var response = await client.GetAsync(Rubric);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task SaveRubric_Anonymous_Returns401AndSavesNothing()
    {
        using var anonymous = fixture.CreateClient();
        using var staff = fixture.CreateClient(withFunctionKey: true);
        var before = (await JsonOf(await staff.GetAsync(Rubric)))["version"]!.GetValue<int>();

        using var response = await anonymous.PutAsJsonAsync(Rubric, Body(null, 50, ("a", 100)));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(before, (await JsonOf(await staff.GetAsync(Rubric)))["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task GetRubricVersion1_Staff_IsTheSeededDefaultWith100PointsAndPassMark70()
    {
        using var client = fixture.CreateClient(withFunctionKey: true);

        using var response = await client.GetAsync(new Uri("/api/rubrics/khuyen-cong/versions/1", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await JsonOf(response);
        Assert.Equal(100, json["totalPoints"]!.GetValue<int>());
        Assert.Equal(70, json["passMark"]!.GetValue<int>());
        var criteria = json["criteria"]!.AsArray();
        Assert.Equal(5, criteria.Count);
        Assert.Equal("Sự cần thiết và phù hợp", criteria[0]!["nameVi"]!.GetValue<string>());
        Assert.Equal(100, criteria.Sum(c => c!["maxPoints"]!.GetValue<int>()));
    }

    [Fact]
    public async Task GetRubricVersion_Unknown_Returns404()
    {
        using var client = fixture.CreateClient(withFunctionKey: true);

        using var response = await client.GetAsync(new Uri("/api/rubrics/khuyen-cong/versions/999", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task SaveRubric_InvalidRubric_Returns400WithErrorsByField()
    {
        using var client = fixture.CreateClient(withFunctionKey: true);
        var body = Body(null, 0, ("a", 50), ("a", 30), ("c", 0));

        using var response = await client.PutAsJsonAsync(new Uri("/api/rubric?lang=en", UriKind.Relative), body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await JsonOf(response))["errors"]!.AsObject();
        Assert.Equal(["criteria[1].code", "criteria[2].maxPoints", "passMark"], errors.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Contains("used twice", errors["criteria[1].code"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaveRubric_DeclaredTotalNotTheSum_Returns400OnTotalPointsInVietnamese()
    {
        using var client = fixture.CreateClient(withFunctionKey: true);
        var body = Body(null, 50, ("a", 60), ("b", 40));
        body["totalPoints"] = 90;

        using var response = await client.PutAsJsonAsync(Rubric, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var json = await JsonOf(response);
        Assert.Equal("Thang điểm chưa hợp lệ.", json["title"]!.GetValue<string>());
        Assert.Contains("Tổng điểm phải bằng", json["errors"]!["totalPoints"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaveRubric_NotJson_Returns400OnBody()
    {
        using var client = fixture.CreateClient(withFunctionKey: true);

        using var response = await client.PutAsync(Rubric, new StringContent("{ not json", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await JsonOf(response))["errors"]!["body"]);
    }

    [Fact]
    public async Task SaveRubric_Valid_NewVersionCurrentAndOldVersionStillReadable()
    {
        using var client = fixture.CreateClient(withFunctionKey: true);
        var before = await JsonOf(await client.GetAsync(Rubric));
        var version = before["version"]!.GetValue<int>();

        using var response = await client.PutAsJsonAsync(Rubric, Body(version, 65, ("relevance", 40), ("impact", 60)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var saved = await JsonOf(response);
        Assert.Equal(version + 1, saved["version"]!.GetValue<int>());
        var current = await JsonOf(await client.GetAsync(Rubric));
        Assert.Equal(version + 1, current["version"]!.GetValue<int>());
        Assert.Equal(65, current["passMark"]!.GetValue<int>());
        Assert.Equal(["relevance", "impact"], current["criteria"]!.AsArray().Select(c => c!["code"]!.GetValue<string>()));
        using var old = await client.GetAsync(new Uri($"/api/rubrics/khuyen-cong/versions/{version}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        Assert.Equal(
            before.ToJsonString(),
            (await JsonOf(old)).ToJsonString());
    }

    [Fact]
    public async Task SaveRubric_StaleVersion_Returns409AndKeepsTheNewerVersion()
    {
        using var client = fixture.CreateClient(withFunctionKey: true);
        var version = (await JsonOf(await client.GetAsync(Rubric)))["version"]!.GetValue<int>();
        using (var first = await client.PutAsJsonAsync(Rubric, Body(version, 70, ("x", 100))))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        using var second = await client.PutAsJsonAsync(Rubric, Body(version, 60, ("y", 100)));

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var current = await JsonOf(await client.GetAsync(Rubric));
        Assert.Equal(version + 1, current["version"]!.GetValue<int>());
        Assert.Equal("x", current["criteria"]![0]!["code"]!.GetValue<string>());
    }
}
