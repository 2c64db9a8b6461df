using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KhuyenCong.Application.Appraisal;
using KhuyenCong.Domain.Activities;
using KhuyenCong.Domain.Appraisal;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCong.IntegrationTests.Appraisal;

[Collection(AppraisalCollection.Name)]
public class ReviewerRoutesTests(LocalHostFixture fixture)
{
    private static readonly Uri Reviewers = new("/api/reviewers", UriKind.Relative);

    private static JsonObject ValidBody(string name = "Nguyễn Thị Hoa", params string[] kinds) => new()
    {
        ["name"] = name,
        ["email"] = "hoa.nguyen@example.vn",
        ["phone"] = "+84 912 345 678",
        ["organization"] = "Trường Cao đẳng Công nghiệp Hưng Yên",
        ["kinds"] = new JsonArray((kinds.Length == 0 ? ["machinery", "training"] : kinds).Select(k => (JsonNode)JsonValue.Create(k)!).ToArray()),
        ["sectors"] = new JsonArray("Chế biến nông sản", "Cơ khí"),
        ["declaredTaxCodes"] = new JsonArray("0101234567"),
        ["declaredOrganizations"] = new JsonArray("Công ty TNHH Cơ khí Phố Nối"),
    };

    private static async Task<JsonNode> JsonOf(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

    private async Task<string> CreateAsync(HttpClient client, JsonObject? body = null)
    {
        using var response = await client.PostAsJsonAsync(Reviewers, body ?? ValidBody());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await JsonOf(response))["id"]!.GetValue<string>();
    }

    private static Uri One(string id) => new($"/api/reviewers/{id}", UriKind.Relative);

    [Theory]
    [InlineData("GET", "/api/reviewers")]
    [InlineData("POST", "/api/reviewers")]
    [InlineData("GET", "/api/reviewers/0197a1b2c3d4e5f60718293a4b5c6d7e")]
    [InlineData("PUT", "/api/reviewers/0197a1b2c3d4e5f60718293a4b5c6d7e")]
    [InlineData("DELETE", "/api/reviewers/0197a1b2c3d4e5f60718293a4b5c6d7e")]
    public async Task ReviewerRoutes_Anonymous_Return401(string method, string path)
    {
        using var client = fixture.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        if (method is "POST" or "PUT")
        {
            request.Content = JsonContent.Create(ValidBody());
        }

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task CreateReviewer_Valid_Returns201WithLocationThatReadsTheSameReviewer()
    {
        using var client = fixture.CreateClient(withFunctionKey: true);

        using var response = await client.PostAsJsonAsync(Reviewers, ValidBody());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await JsonOf(response);
        var id = created["id"]!.GetValue<string>();
        Assert.Equal($"/api/reviewers/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("0912345678", created["phone"]!.GetValue<string>());
        Assert.Equal(0, created["openReviews"]!.GetValue<int>());
        Assert.True(created["active"]!.GetValue<bool>());
        using var read = await client.GetAsync(response.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("no-store", read.Headers.CacheControl?.ToString());
        Assert.Equal(created.ToJsonString(), (await JsonOf(read)).ToJsonString());
    }

    [Fact]
    public async Task CreateReviewer_InvalidFields_Returns400WithErrorsByField()
    {
        using var client = fixture.CreateClient(withFunctionKey: true);
        var body = ValidBody();
        body["email"] = "hoa.nguyen@";
        body["phone"] = "0123";
        body["kinds"] = new JsonArray("machinery", "rocketry");
        body["declaredTaxCodes"] = new JsonArray("01012345", "0101234567-001");

        using var response = await client.PostAsJsonAsync(Reviewers, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var json = await JsonOf(response);
        Assert.Equal("Thông tin thành viên hội đồng chưa hợp lệ.", json["title"]!.GetValue<string>());
        Assert.Equal(["declaredTaxCodes[0]", "email", "kinds[1]", "phone"], json["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task CreateReviewer_NoKinds_Returns400OnKindsInEnglish()
    {
        using var client = fixture.CreateClient(withFunctionKey: true);
        var body = ValidBody();
        body["kinds"] = new JsonArray();

        using var response = await client.PostAsJsonAsync(new Uri("/api/reviewers?lang=en", UriKind.Relative), body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("at least one proposal kind", (await JsonOf(response))["errors"]!["kinds"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateReviewer_Valid_ReplacesDetailsAndKeepsOpenReviews()
    {
        using var client = fixture.CreateClient(withFunctionKey: true);
        var id = await CreateAsync(client);
        var roster = fixture.Host.Services.GetRequiredService<IReviewerRoster>();
        Assert.Equal(1, await roster.AdjustOpenReviewsAsync(id, +1, null, CancellationToken.None));
        var body = ValidBody("Nguyễn Thị Hoa (sửa)", "cluster");
        body["phone"] = null;

        using var response = await client.PutAsJsonAsync(One(id), body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var read = await JsonOf(await client.GetAsync(One(id)));
        Assert.Equal("Nguyễn Thị Hoa (sửa)", read["name"]!.GetValue<string>());
        Assert.Null(read["phone"]);
        Assert.Equal(["cluster"], read["kinds"]!.AsArray().Select(k => k!.GetValue<string>()));
        Assert.Equal(1, read["openReviews"]!.GetValue<int>());
    }

    [Fact]
    public async Task UpdateReviewer_InvalidEmail_Returns400AndChangesNothing()
    {
        using var client = fixture.CreateClient(withFunctionKey: true);
        var id = await CreateAsync(client);
        var body = ValidBody("Tên mới");
        body["email"] = "không phải email";

        using var response = await client.PutAsJsonAsync(One(id), body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await JsonOf(response))["errors"]!["email"]);
        Assert.Equal("Nguyễn Thị Hoa", (await JsonOf(await client.GetAsync(One(id))))["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task UpdateReviewer_Unknown_Returns404()
    {
        using var client = fixture.CreateClient(withFunctionKey: true);

        using var response = await client.PutAsJsonAsync(One(Guid.NewGuid().ToString("N")), ValidBody());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task DeleteReviewer_Existing_DeactivatesAndKeepsTheReviewerReadable()
    {
        using var client = fixture.CreateClient(withFunctionKey: true);
        var id = await CreateAsync(client);

        using var response = await client.DeleteAsync(One(id));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False((await JsonOf(response))["active"]!.GetValue<bool>());
        using var read = await client.GetAsync(One(id));
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var reviewer = await JsonOf(read);
        Assert.False(reviewer["active"]!.GetValue<bool>());
        Assert.Equal("Nguyễn Thị Hoa", reviewer["name"]!.GetValue<string>());
        var all = (await JsonOf(await client.GetAsync(Reviewers))).AsArray();
        Assert.Contains(all, r => r!["id"]!.GetValue<string>() == id && !r["active"]!.GetValue<bool>());
        var active = (await JsonOf(await client.GetAsync(new Uri("/api/reviewers?active=true", UriKind.Relative)))).AsArray();
        Assert.DoesNotContain(active, r => r!["id"]!.GetValue<string>() == id);
    }

    [Fact]
    public async Task DeleteReviewer_Unknown_Returns404()
    {
        using var client = fixture.CreateClient(withFunctionKey: true);

        using var response = await client.DeleteAsync(One(Guid.NewGuid().ToString("N")));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task AdjustOpenReviews_TwentyConcurrentIncrements_CountsExactlyTwenty()
    {
        using var client = fixture.CreateClient(withFunctionKey: true);
        var id = await CreateAsync(client);
        var roster = fixture.Host.Services.GetRequiredService<IReviewerRoster>();

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => roster.AdjustOpenReviewsAsync(id, +1, null, CancellationToken.None))));

        Assert.Equal(Enumerable.Range(1, 20), results.Select(r => r!.Value).Order());
        var listed = (await JsonOf(await client.GetAsync(Reviewers))).AsArray().Single(r => r!["id"]!.GetValue<string>() == id);
        Assert.Equal(20, listed!["openReviews"]!.GetValue<int>());
    }

    [Fact]
    public async Task OpenReview_SameProposalTwice_CountsOnceAndCloseBringsItBack()
    {
        using var client = fixture.CreateClient(withFunctionKey: true);
        var id = await CreateAsync(client);
        var assigner = fixture.Host.Services.GetRequiredService<IReviewerAssigner>();

        Assert.Equal(1, await assigner.OpenReviewAsync("proposal-a", id, CancellationToken.None));
        Assert.Equal(1, await assigner.OpenReviewAsync("proposal-a", id, CancellationToken.None));
        Assert.Equal(2, await assigner.OpenReviewAsync("proposal-b", id, CancellationToken.None));
        Assert.Equal(1, await assigner.CloseReviewAsync("proposal-a", id, CancellationToken.None));
        Assert.Equal(1, await assigner.CloseReviewAsync("proposal-a", id, CancellationToken.None));
        Assert.Null(await assigner.OpenReviewAsync("proposal-a", Guid.NewGuid().ToString("N"), CancellationToken.None));
    }

    [Fact]
    public async Task ChooseAsync_StoredRoster_PrefersSectorSkipsConflictsAndInactive()
    {
        using var client = fixture.CreateClient(withFunctionKey: true);
        // Kind "consulting" is used by this test only, so the rest of the collection's roster does not interfere.
        var sector = "Gốm sứ " + Guid.NewGuid().ToString("N")[..6];
        JsonObject Consultant(string name, string? declaredOrg = null)
        {
            var body = ValidBody(name, "consulting");
            body["sectors"] = new JsonArray(sector);
            body["declaredTaxCodes"] = new JsonArray();
            body["declaredOrganizations"] = declaredOrg is null ? new JsonArray() : new JsonArray(declaredOrg);
            return body;
        }

        var expert = await CreateAsync(client, Consultant("Chuyên gia gốm"));
        var conflicted = await CreateAsync(client, Consultant("Có xung đột", "HTX Gốm Bát Tràng"));
        var retired = await CreateAsync(client, Consultant("Đã nghỉ"));
        (await client.DeleteAsync(One(retired))).Dispose();
        var assigner = fixture.Host.Services.GetRequiredService<IReviewerAssigner>();
        var facts = new ProposalFacts("p-" + sector, ProposalKind.Consulting, sector, "0109999999", "htx gom bat trang");

        var choice = await assigner.ChooseAsync(facts, 3, [], CancellationToken.None);

        Assert.Equal(expert, choice.Chosen[0].ReviewerId);
        Assert.True(choice.Chosen[0].SectorMatch);
        Assert.DoesNotContain(choice.Chosen, c => c.ReviewerId == conflicted || c.ReviewerId == retired);
        Assert.Single(choice.Chosen);
        Assert.False(choice.IsComplete);
        Assert.NotNull(choice.Shortfall);
    }
}
