using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.Testing;
using static KhuyenCong.IntegrationTests.Programmes.ProgrammeTestSupport;

namespace KhuyenCong.IntegrationTests.Staff;

/// <summary>
/// <c>POST /staff/proposals/bulk</c> over HTTP: each proposal decided by the single action's use case with a result per
/// row (JSON and the form's page), refused cross-site, and a 400 naming each wrong field.
/// </summary>
[Collection(StaffCollection.Name)]
public class StaffBulkTests(LocalHostFixture fixture)
{
    private readonly StaffScenario scenario = new(fixture.Host);

    private async Task<string> ProgrammeAsync()
    {
        using var client = scenario.Staff();
        using var response = await client.PostAsync(Path("/api/programmes"), Json(Programme(2021, 2030)));
        return (await JsonAsync(response, HttpStatusCode.Created)).GetProperty("id").GetString()!;
    }

    private static FormUrlEncodedContent Form(string token, params (string Name, string Value)[] fields) =>
        new([new("csrfToken", token), .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))]);

    [Fact]
    public async Task BulkProgramme_TwoProposals_AssignsEachAndAnswersPerRow()
    {
        var (first, second, programme) = (await scenario.SubmitAsync(), await scenario.SubmitAsync(), await ProgrammeAsync());

        using var response = await scenario.PostAsync("/staff/proposals/bulk", new { action = "programme", ids = new[] { first, second }, programmeId = programme });

        var body = await JsonAsync(response, HttpStatusCode.OK);
        Assert.Equal(2, body.GetProperty("done").GetInt32());
        Assert.All(body.GetProperty("results").EnumerateArray(), r => Assert.True(r.GetProperty("done").GetBoolean()));
        Assert.Equal(programme, (await scenario.Proposals.GetAsync(first, CancellationToken.None))!.ProgrammeId);
        Assert.Equal(programme, (await scenario.Proposals.GetAsync(second, CancellationToken.None))!.ProgrammeId);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task BulkProgramme_OneUnknownProposal_PartialResultsPerRow()
    {
        var (known, programme) = (await scenario.SubmitAsync(), await ProgrammeAsync());

        using var response = await scenario.PostAsync("/staff/proposals/bulk", new { action = "programme", ids = new[] { "khong-co-de-an-nay", known }, programmeId = programme });

        var body = await JsonAsync(response, HttpStatusCode.OK);
        Assert.Equal(1, body.GetProperty("done").GetInt32());
        Assert.Equal(1, body.GetProperty("failed").GetInt32());
        var rows = body.GetProperty("results").EnumerateArray().ToList();
        Assert.False(rows[0].GetProperty("done").GetBoolean());
        Assert.Equal("Không có đề án này.", rows[0].GetProperty("message").GetString());
        Assert.True(rows[1].GetProperty("done").GetBoolean());
        Assert.Equal(programme, (await scenario.Proposals.GetAsync(known, CancellationToken.None))!.ProgrammeId);
    }

    [Fact]
    public async Task BulkProgramme_FormPostWithToken_RendersThePerRowResultPage()
    {
        var (known, programme) = (await scenario.SubmitAsync("Dây chuyền sấy <b>nông sản</b>"), await ProgrammeAsync());
        using var client = scenario.Staff();

        using var response = await client.PostAsync(Path("/staff/proposals/bulk"),
            Form(fixture.Host.StaffFormToken(), ("action", "programme"), ("ids", known), ("ids", "khong-co"), ("programmeId", programme)));

        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, html);
        Assert.Contains("Đã thực hiện 1/2 đề án.", html, StringComparison.Ordinal);
        Assert.Contains($"data-id=\"{known}\" data-done=\"true\"", html, StringComparison.Ordinal);
        Assert.Contains("data-id=\"khong-co\" data-done=\"false\"", html, StringComparison.Ordinal);
        Assert.Contains("Dây chuyền sấy &lt;b&gt;nông sản&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.Contains("aria-current", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bulk_CrossSite_Returns403AndAssignsNothing()
    {
        var (known, programme) = (await scenario.SubmitAsync(), await ProgrammeAsync());
        using var client = scenario.Staff();
        using var request = new HttpRequestMessage(HttpMethod.Post, Path("/staff/proposals/bulk"))
        {
            Content = Form(fixture.Host.StaffFormToken(), ("action", "programme"), ("ids", known), ("programmeId", programme)),
        };
        request.Headers.Add("Origin", "https://evil.example");
        request.Headers.Add("Sec-Fetch-Site", "cross-site");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Null((await scenario.Proposals.GetAsync(known, CancellationToken.None))!.ProgrammeId);
    }

    [Fact]
    public async Task Bulk_FormWithoutToken_Returns403Page()
    {
        var known = await scenario.SubmitAsync();
        using var client = scenario.Staff();

        using var response = await client.PostAsync(Path("/staff/proposals/bulk"),
            new FormUrlEncodedContent([new("action", "export-csv"), new("ids", known)]));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Bulk_UnknownActionAndNoProposals_Returns400AtEachField()
    {
        using var response = await scenario.PostAsync("/staff/proposals/bulk", new { action = "delete-all", ids = Array.Empty<string>() });

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("Chọn một thao tác", Messages(problem, "action")[0], StringComparison.Ordinal);
        Assert.Contains("Chọn từ 1 đến 200 đề án", Messages(problem, "ids")[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task BulkProgramme_UnknownProgramme_Returns400AtProgrammeIdAndAssignsNothing()
    {
        var known = await scenario.SubmitAsync();

        using var response = await scenario.PostAsync("/staff/proposals/bulk", new { action = "programme", ids = new[] { known }, programmeId = "khong-co" });

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["Chọn một chương trình có trong danh sách."], Messages(problem, "programmeId"));
        Assert.Null((await scenario.Proposals.GetAsync(known, CancellationToken.None))!.ProgrammeId);
    }

    [Fact]
    public async Task BulkExport_Csv_DownloadsTheTickedOnesAsAReport()
    {
        var (ticked, other) = (await scenario.SubmitAsync("Máy sấy đã chọn"), await scenario.SubmitAsync("Máy sấy không chọn"));

        using var response = await scenario.PostAsync("/staff/proposals/bulk", new { action = "export-csv", ids = new[] { ticked } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("de-an-da-chon-bao-cao.csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var csv = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("Mã theo dõi,Tên đề án,Cơ sở,Tình trạng", csv.TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Contains("Máy sấy đã chọn", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("Máy sấy không chọn", csv, StringComparison.Ordinal);
        Assert.Contains(",600.000.000\r\n", csv, StringComparison.Ordinal);
        Assert.Matches(@",\d{2}/\d{2}/\d{4},", csv);
        Assert.NotNull(other);
    }

    [Fact]
    public async Task ExportList_ReportCsv_FilteredWithVietnameseLabelsDatesAndGroupedAmounts()
    {
        var title = "Lò nung gốm " + Guid.NewGuid().ToString("N")[..8];
        await scenario.SubmitAsync(title);
        using var client = scenario.Staff();

        using var response = await client.GetAsync(Path($"/staff/proposals/export?format=csv&q={Uri.EscapeDataString(title)}&lang=en"));

        var csv = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF');
        Assert.True(response.StatusCode == HttpStatusCode.OK, csv);
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Equal("Mã theo dõi,Tên đề án,Cơ sở,Tình trạng,Nội dung hỗ trợ,Nguồn kinh phí,Tỉnh, thành phố,Ngày nộp,Kinh phí đề nghị hỗ trợ (đồng)".Replace("Tỉnh, thành phố", "\"Tỉnh, thành phố\"", StringComparison.Ordinal), lines[0]);
        Assert.Contains(title, lines[1], StringComparison.Ordinal);
        Assert.Contains("Hưng Yên", lines[1], StringComparison.Ordinal);
        Assert.Matches(@",\d{2}/\d{2}/\d{4},600\.000\.000$", lines[1]);
    }

    [Fact]
    public async Task ExportList_WrongFormatAndOrder_Returns400AtEachField()
    {
        using var client = scenario.Staff();

        using var response = await client.GetAsync(Path("/staff/proposals/export?format=pdf&sort=random"));

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("csv hoặc xlsx", Messages(problem, "format")[0], StringComparison.Ordinal);
        Assert.Equal(["Chọn một cách sắp xếp trong danh sách."], Messages(problem, "sort"));
    }

    [Theory]
    [InlineData("variant=report&lang=en", "Thống kê theo,Nhóm,Số đề án", "thong-ke-khuyen-cong-bao-cao.csv")]
    [InlineData("variant=data&lang=en", "Breakdown,Group,Proposals", "thong-ke-khuyen-cong.csv")]
    [InlineData("lang=vi", "Thống kê theo,Nhóm,Số đề án", "thong-ke-khuyen-cong.csv")]
    public async Task ExportStatistics_Variant_LabelsAndFileNameOfTheVariant(string query, string header, string fileName)
    {
        await scenario.SubmitAsync();
        using var client = scenario.Staff();

        using var response = await client.GetAsync(Path("/api/stats/export?format=csv&" + query));

        var csv = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF');
        Assert.True(response.StatusCode == HttpStatusCode.OK, csv);
        Assert.StartsWith(header, csv, StringComparison.Ordinal);
        Assert.Equal(fileName, response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var total = csv.Split("\r\n")[1].Split(',');
        Assert.Matches(query.Contains("report", StringComparison.Ordinal) ? @"^\d{1,3}(\.\d{3})*$" : @"^\d+$", total[3]);
    }

    [Fact]
    public async Task ExportStatistics_UnknownVariant_Returns400AtVariant()
    {
        using var client = scenario.Staff();

        using var response = await client.GetAsync(Path("/api/stats/export?format=xlsx&variant=pretty"));

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("data", Messages(problem, "variant")[0], StringComparison.Ordinal);
    }
}
