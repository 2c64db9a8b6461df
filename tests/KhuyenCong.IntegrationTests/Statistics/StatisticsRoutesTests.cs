using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using KhuyenCong.Testing;
using static KhuyenCong.Domain.Proposals.FundingSource;
using static KhuyenCong.Domain.Activities.ProposalKind;

namespace KhuyenCong.IntegrationTests.Statistics;

/// <summary>The routes' checks and formats: staff only, filters validated in the user's language, exports safe and intact.</summary>
[Collection(StatisticsCollection.Name)]
public class StatisticsRoutesTests(LocalHostFixture fixture)
{
    private async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(string path, bool staff = true)
    {
        using var client = fixture.CreateClient(withFunctionKey: staff);
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 || !text.TrimStart().StartsWith('{') ? default : JsonDocument.Parse(text).RootElement);
    }

    [Theory]
    [InlineData("from=abc", "from")]
    [InlineData("to=1999", "to")]
    [InlineData("from=2030&to=2029", "to")]
    [InlineData("fundingSource=both", "fundingSource")]
    [InlineData("kind=rocketry", "kind")]
    [InlineData("province=Atlantis", "province")]
    public async Task GetStatistics_InvalidFilter_400ProblemNamingTheParameterInVietnameseOrEnglish(string query, string parameter)
    {
        var (status, vi) = await GetAsync("/api/stats?" + query);
        var (_, en) = await GetAsync("/api/stats?lang=en&" + query);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("Yêu cầu không hợp lệ.", vi.GetProperty("title").GetString());
        Assert.Equal("The request is not valid.", en.GetProperty("title").GetString());
        var message = vi.GetProperty("errors").GetProperty(parameter)[0].GetString()!;
        Assert.Contains(parameter, message, StringComparison.Ordinal);
        Assert.NotEqual(message, en.GetProperty("errors").GetProperty(parameter)[0].GetString());
    }

    [Theory]
    [InlineData("/api/stats")]
    [InlineData("/api/stats/runs")]
    [InlineData("/api/stats/export?format=csv")]
    [InlineData("/dashboard")]
    public async Task StatisticsRoutes_WithoutStaffKey_401(string path)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync(path, staff: false)).Status);
    }

    [Fact]
    public async Task ExportStatistics_BadFormat_400NamingFormat()
    {
        var (status, body) = await GetAsync("/api/stats/export?format=pdf");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True(body.GetProperty("errors").TryGetProperty("format", out _));
    }

    [Fact]
    public async Task ExportStatistics_CsvAndXlsx_DiacriticsIntactAndFormulasNeutralised()
    {
        await fixture.Proposals().StoreAsync(new Case(2095, Machinery, National, "hung-yen", "Xã Tân Hưng", "=HYPERLINK(\"http://x\")", 300_000_000, Jobs: 3));
        await fixture.Proposals().StoreAsync(new Case(2095, Training, Local, "hung-yen", "@Xã Đông Hưng", "Dệt may", 100_000_000, Trainees: 9));
        using var client = fixture.CreateClient(withFunctionKey: true);

        using var csvResponse = await client.GetAsync(new Uri("/api/stats/export?format=csv&from=2095&to=2095", UriKind.Relative));
        var bytes = await csvResponse.Content.ReadAsByteArrayAsync();
        Assert.Equal(HttpStatusCode.OK, csvResponse.StatusCode);
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType?.MediaType);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var csv = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        Assert.StartsWith("Thống kê theo,Nhóm,Số đề án", csv, StringComparison.Ordinal);
        Assert.Contains("Tổng cộng,Tất cả,2,400000000", csv, StringComparison.Ordinal);
        Assert.Contains("\"'=HYPERLINK(\"\"http://x\"\")\"", csv, StringComparison.Ordinal);
        Assert.True(csv.Contains("'@Xã Đông Hưng, Hưng Yên", StringComparison.Ordinal), csv);
        Assert.DoesNotContain(",=", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(",@", csv, StringComparison.Ordinal);

        using var xlsxResponse = await client.GetAsync(new Uri("/api/stats/export?format=xlsx&from=2095&to=2095", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, xlsxResponse.StatusCode);
        using var zip = new ZipArchive(new MemoryStream(await xlsxResponse.Content.ReadAsByteArrayAsync()));
        var entries = zip.Entries.Where(e => e.FullName.StartsWith("xl/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal)).ToList();
        var texts = entries.SelectMany(e => XDocument.Load(e.Open()).Descendants().Where(d => d.Name.LocalName is "t" or "v").Select(d => d.Value)).ToList();
        Assert.Contains("Thống kê theo", texts);
        Assert.Contains("'=HYPERLINK(\"http://x\")", texts);
        Assert.Contains("'@Xã Đông Hưng, Hưng Yên", texts);
        Assert.DoesNotContain(texts, t => t.StartsWith('=') || t.StartsWith('@'));
        Assert.DoesNotContain(entries, e => XDocument.Load(e.Open()).Descendants().Any(d => d.Name.LocalName == "f"));
    }

    [Fact]
    public async Task ShowDashboard_Staff_VietnamesePageWithChartsAndFilters()
    {
        await fixture.Proposals().StoreAsync(new Case(2096, Machinery, National, "hung-yen", "Xã Tân Hưng", "Cơ khí", 1_234_000_000, Jobs: 3));
        using var client = fixture.CreateClient(withFunctionKey: true);

        var html = await client.GetStringAsync(new Uri("/dashboard?from=2096&to=2096", UriKind.Relative));
        var print = await client.GetStringAsync(new Uri("/dashboard?from=2096&to=2096&print=1", UriKind.Relative));
        using var invalid = await client.GetAsync(new Uri("/dashboard?from=abc", UriKind.Relative));

        Assert.Contains("<html lang=\"vi\">", html, StringComparison.Ordinal);
        Assert.Contains("Thống kê khuyến công", html, StringComparison.Ordinal);
        Assert.Contains("1.234.000.000 đồng", html, StringComparison.Ordinal);
        Assert.Equal(4, html.Split("<svg").Length - 1);
        Assert.Contains("/api/stats/export?format=xlsx&amp;from=2096&amp;to=2096", html, StringComparison.Ordinal);
        Assert.Contains("<form class=\"filters\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<form class=\"filters\"", print, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("năm từ 2000 đến 2100", await invalid.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
