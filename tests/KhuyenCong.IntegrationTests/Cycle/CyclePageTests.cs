using System.Net;
using System.Text.RegularExpressions;
using KhuyenCong.Testing;
using static KhuyenCong.IntegrationTests.Cycle.CycleTestSupport;
using static KhuyenCong.IntegrationTests.Programmes.ProgrammeTestSupport;

namespace KhuyenCong.IntegrationTests.Cycle;

/// <summary>The public form's call choice and the staff calls and council pages, with their forms posted without JavaScript.</summary>
[Collection(CycleCollection.Name)]
public class CyclePageTests(LocalHostFixture fixture)
{
    private HttpClient NoRedirectClient()
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = fixture.Host.BaseAddress };
        client.DefaultRequestHeaders.Add("x-functions-key", LocalHostFactory.FunctionKey);
        return client;
    }

    private static string Token(string page)
    {
        var match = Regex.Match(page, "name=\"csrfToken\" value=\"([^\"]+)\"");
        Assert.True(match.Success, "the page's form carries the csrfToken field");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [Fact]
    public async Task ProposalForm_WithAnOpenCall_OffersItAsTheCallToChoose()
    {
        using var officer = fixture.CreateClient(withFunctionKey: true);
        var open = await CreateCallAsync(officer, Call("Đợt KCQG hiển thị trên biểu mẫu"));
        var upcoming = await CreateCallAsync(officer, Call("Đợt chưa mở không hiển thị", opensIn: 3, closesIn: 9));

        var html = await fixture.CreateClient().GetStringAsync(Path("/"));

        Assert.Contains($"name=\"callId\" id=\"callId-{open.GetProperty("id").GetString()}\" value=\"{open.GetProperty("id").GetString()}\"", html, StringComparison.Ordinal);
        Assert.Contains("Đợt KCQG hiển thị trên biểu mẫu — năm kế hoạch " + (Today.Year + 1), html, StringComparison.Ordinal);
        Assert.DoesNotContain(upcoming.GetProperty("id").GetString()!, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CallsPage_FormPostWithoutJavaScript_CreatesTheCallAndRedirectsToItsEditForm()
    {
        using var officer = fixture.CreateClient(withFunctionKey: true);
        var page = await officer.GetStringAsync(Path("/staff/calls"));
        using var client = NoRedirectClient();

        using var response = await client.PostAsync(Path("/api/calls?lang=vi"), new FormUrlEncodedContent(
        [
            new("csrfToken", Token(page)),
            new("title", "Đợt KCĐP nhập từ trang cán bộ"),
            new("planYear", (Today.Year + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("fundingSource", "local"),
            new("opensOn", Day(Today.AddDays(20))),
            new("closesOn", Day(Today.AddDays(40))),
            new("kinds", "training"),
            new("kinds", "machinery"),
            new("requiredDocuments", "training: Danh sách học viên; Dự toán\nmachinery: Báo giá"),
            new("description", ""),
        ]));
        var location = response.Headers.Location?.OriginalString ?? string.Empty;
        var edit = await officer.GetStringAsync(Path(location));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.StartsWith("/staff/calls?lang=vi&edit=", location, StringComparison.Ordinal);
        Assert.Contains("value=\"Đợt KCĐP nhập từ trang cán bộ\"", edit, StringComparison.Ordinal);
        Assert.Contains("training: Danh sách học viên; Dự toán", edit, StringComparison.Ordinal);
        Assert.Contains("Sắp nhận hồ sơ", edit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CallsPage_FormPostWithoutToken_Is403AndInvalidFormAnswersAPageNamingTheField()
    {
        using var officer = fixture.CreateClient(withFunctionKey: true);
        var token = Token(await officer.GetStringAsync(Path("/staff/calls")));
        using var client = NoRedirectClient();

        using var forged = await client.PostAsync(Path("/api/calls"), new FormUrlEncodedContent([new("title", "Giả mạo")]));
        using var invalid = await client.PostAsync(Path("/api/calls"), new FormUrlEncodedContent([new("csrfToken", token), new("title", "Thiếu ngày")]));

        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("Vui lòng nhập ngày bắt đầu nhận hồ sơ", await invalid.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CouncilPages_ListAndCouncil_RenderTheFormsWithTheToken()
    {
        using var officer = fixture.CreateClient(withFunctionKey: true);
        var call = await CreateCallAsync(officer, Call("Đợt cho trang hội đồng"));

        var list = await officer.GetStringAsync(Path("/staff/councils"));
        using var missing = await officer.GetAsync(Path("/staff/councils/doesnotexist"));

        Assert.Contains("id=\"council-form\"", list, StringComparison.Ordinal);
        Assert.Contains($"value=\"{call.GetProperty("id").GetString()}\"", list, StringComparison.Ordinal);
        Assert.NotEmpty(Token(list));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
