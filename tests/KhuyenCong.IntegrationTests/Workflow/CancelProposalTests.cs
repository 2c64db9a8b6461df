using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using KhuyenCong.Testing;

namespace KhuyenCong.IntegrationTests.Workflow;

[CollectionDefinition(Name)]
public sealed class WorkflowCollection : ICollectionFixture<LocalHostFixture>
{
    public const string Name = "Workflow";
}

[Collection(WorkflowCollection.Name)]
public partial class CancelProposalTests(LocalHostFixture fixture)
{
    private async Task<(string Id, string TrackingCode, string Email)> SubmitAsync(HttpClient client)
    {
        var email = $"huy.de.an+{Guid.NewGuid():N}@example.vn";
        using var response = await client.PostAsJsonAsync("/api/proposals", new Dictionary<string, object>
        {
            ["organizationName"] = "Công ty TNHH Gốm sứ Bát Tràng Xanh",
            ["taxCode"] = "0107778889", ["entityType"] = "sme",
            ["representative"] = "Phạm Minh Đức",
            ["email"] = email,
            ["phone"] = "0243 8765 432",
            ["address"] = "Thôn 3",
            ["commune"] = "Xã Bát Tràng",
            ["province"] = "ha-noi",
            ["kind"] = "demonstration-model",
            ["sector"] = "Gốm sứ",
            ["fundingSource"] = "national",
            ["title"] = "Mô hình lò nung gốm tiết kiệm năng lượng",
            ["summary"] = "Xây dựng mô hình trình diễn",
            ["totalCost"] = 2_000_000_000,
            ["requestedSupport"] = 600_000_000,
            ["ownContribution"] = 1_400_000_000,
            ["startDate"] = "2027-05-01",
            ["endDate"] = "2027-12-31",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var code = body.GetProperty("trackingCode").GetString()!;
        // The workflow acknowledges, opens screening and waits there.
        await Eventually.GetAsync(async () => (string?)await StatusAsync(client, code), s => s == "screening", what: "screening");
        return (body.GetProperty("id").GetString()!, code, email);
    }

    private static async Task<string> StatusAsync(HttpClient client, string trackingCode) =>
        (await client.GetFromJsonAsync<JsonElement>(new Uri($"/api/track/{trackingCode}", UriKind.Relative))).GetProperty("status").GetString()!;

    [Fact]
    public async Task Cancel_ByAnOfficerWithAReason_CancelsAndTellsTheApplicantTheEscapedReason()
    {
        using var anonymous = fixture.CreateClient();
        using var staff = fixture.CreateClient(withFunctionKey: true);
        var (id, code, email) = await SubmitAsync(anonymous);
        await Eventually.GetAsync(
            async () => (string?)await anonymous.GetStringAsync(new Uri("/dev/outbox/messages", UriKind.Relative)),
            page => page?.Contains(email, StringComparison.Ordinal) == true,
            what: "the acknowledgement email");

        using var response = await staff.PostAsJsonAsync($"/api/proposals/{id}/cancel", new { reason = "Trùng nội dung với đề án năm trước <b>đã hỗ trợ</b>" });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await Eventually.GetAsync(async () => (string?)await StatusAsync(anonymous, code), s => s == "cancelled", what: "the cancelled status");
        var record = await staff.GetFromJsonAsync<JsonElement>(new Uri($"/api/proposals/{id}", UriKind.Relative));
        var last = record.GetProperty("history").EnumerateArray().Last();
        Assert.Equal("cancelled", last.GetProperty("to").GetString());
        Assert.Equal("screening", last.GetProperty("from").GetString());
        // The history row records who: the name and the Entra object id.
        Assert.Equal(KhuyenCong.IntegrationTests.Proposals.IntakeFixture.LocalHostStaffActor, last.GetProperty("by").GetString());
        var notice = await Eventually.GetAsync(
            async () => (await anonymous.GetFromJsonAsync<List<JsonElement>>(new Uri("/dev/outbox/messages", UriKind.Relative)))!
                .FirstOrDefault(m => m.GetProperty("subject").GetString()!.Contains("đã bị hủy", StringComparison.Ordinal)
                    && m.GetProperty("to").EnumerateArray().Any(t => t.GetString() == email)),
            m => m.ValueKind == JsonValueKind.Object,
            what: "the cancellation email");
        var html = notice.GetProperty("html").GetString()!;
        Assert.Contains("&lt;b&gt;đã hỗ trợ&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>đã hỗ trợ</b>", html, StringComparison.Ordinal);

        var withEmails = await Eventually.GetAsync(
            async () => (JsonElement?)await staff.GetFromJsonAsync<JsonElement>(new Uri($"/api/proposals/{id}", UriKind.Relative)),
            r => r?.GetProperty("emailsSent").GetArrayLength() == 3,
            what: "the three emails in the record");
        var sentSubjects = withEmails!.Value.GetProperty("emailsSent").EnumerateArray().Select(e => e.GetProperty("subject").GetString()!).ToList();
        Assert.Single(sentSubjects, s => s.StartsWith("Đã nhận đề án", StringComparison.Ordinal));
        Assert.Single(sentSubjects, s => s.Contains("chờ kiểm tra hồ sơ", StringComparison.Ordinal));
        Assert.Single(sentSubjects, s => s.Contains("đã bị hủy", StringComparison.Ordinal));

        using var again = await staff.PostAsJsonAsync($"/api/proposals/{id}/cancel", new { reason = "lần hai" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        // The applicant's withdraw link now says the proposal is closed, and changes nothing.
        var ack = (await anonymous.GetFromJsonAsync<List<JsonElement>>(new Uri("/dev/outbox/messages", UriKind.Relative)))!
            .First(m => m.GetProperty("subject").GetString()!.StartsWith("Đã nhận đề án", StringComparison.Ordinal)
                && m.GetProperty("to").EnumerateArray().Any(t => t.GetString() == email));
        var link = new Uri(WebUtility.HtmlDecode(WithdrawLink().Match(ack.GetProperty("html").GetString()!).Groups[1].Value)).PathAndQuery;
        using var page = await anonymous.GetAsync(new Uri(link, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Conflict, page.StatusCode);
        Assert.Equal("cancelled", await StatusAsync(anonymous, code));
    }

    [Fact]
    public async Task Cancel_Anonymous_Returns401AndChangesNothing()
    {
        using var anonymous = fixture.CreateClient();
        var (id, code, _) = await SubmitAsync(anonymous);

        using var response = await anonymous.PostAsJsonAsync($"/api/proposals/{id}/cancel", new { reason = "x" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await Task.Delay(1000);
        Assert.Equal("screening", await StatusAsync(anonymous, code));
    }

    [Theory]
    [InlineData("{}", "reason")]
    [InlineData("""{"reason":"   "}""", "reason")]
    [InlineData("""{"reason":42}""", "reason")]
    [InlineData("""{"reason":"\ud800"}""", "reason")]
    [InlineData("not json", "body")]
    public async Task Cancel_WithoutAReason_Returns400NamingTheFieldAndChangesNothing(string body, string field)
    {
        using var anonymous = fixture.CreateClient();
        using var staff = fixture.CreateClient(withFunctionKey: true);
        var (id, code, _) = await SubmitAsync(anonymous);

        using var response = await staff.PostAsync(new Uri($"/api/proposals/{id}/cancel", UriKind.Relative),
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
        Assert.Equal("screening", await StatusAsync(anonymous, code));
    }

    [Fact]
    public async Task Cancel_UnknownProposal_Returns404()
    {
        using var staff = fixture.CreateClient(withFunctionKey: true);

        using var response = await staff.PostAsJsonAsync("/api/proposals/no-such-id/cancel", new { reason = "x" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [GeneratedRegex("href=\"([^\"]*/links/[^\"?]+)\"")]
    private static partial Regex WithdrawLink();
}
