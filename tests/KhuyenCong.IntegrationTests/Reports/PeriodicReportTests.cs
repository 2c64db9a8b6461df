using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using KhuyenCong.Domain.Applicants;
using KhuyenCong.Domain.Text;
using KhuyenCong.IntegrationTests.Proposals;
using KhuyenCong.Testing;
using MiniExcelLibs;

namespace KhuyenCong.IntegrationTests.Reports;

/// <summary>
/// The periodic report on the demo data (issue 15 lines 2-4): the 2019 six-month period (15/12/2018–14/06/2019 by
/// decision date) read from the statistics store equals the demo file's own figures and the dashboard's for the same
/// filters; the DOCX is valid and holds them in Vietnamese formats; bad periods are refused naming the field.
/// </summary>
public sealed partial class PeriodicReportTests(DemoReportsFixture fixture) : IClassFixture<DemoReportsFixture>
{
    private const string SixMonth2019 = "period=six-month&year=2019";

    private static readonly DateOnly From = new(2018, 12, 15);
    private static readonly DateOnly To = new(2019, 6, 14);

    [GeneratedRegex("data-figure=\"([\\w-]+)\">([^<]*)<")]
    private static partial Regex Figure();

    private static string Money(long amount) => DisplayFormat.Amount(amount, Language.Vietnamese) + " đồng";

    private async Task<HttpResponseMessage> GetAsync(string path)
    {
        using var client = fixture.Host.CreateClient(withFunctionKey: true);
        return await client.GetAsync(new Uri(path, UriKind.Relative));
    }

    private async Task<JsonElement> StatsAsync(string query)
    {
        using var response = await GetAsync("/api/stats?" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task SixMonthReport_Demo2019_EqualsTheDemoFileAndTheDashboard()
    {
        var expected = DemoFile.Decisions().Where(d => d.Decided >= From && d.Decided <= To).ToList();
        Assert.NotEmpty(expected);
        var stats = await StatsAsync(SixMonth2019);

        Assert.Equal(expected.Count, stats.GetProperty("count").GetInt64());
        Assert.Equal(expected.Sum(d => d.Approved), stats.GetProperty("approved").GetInt64());
        Assert.Equal(expected.Sum(d => d.Paid), stats.GetProperty("paid").GetInt64());
        Assert.Equal(expected.Sum(d => d.Requested), stats.GetProperty("requested").GetInt64());

        using var response = await GetAsync("/api/reports/periodic?" + SixMonth2019 + "&format=docx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("bao-cao-khuyen-cong-six-month-2018-12-15-2019-06-14.docx", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var docx = await response.Content.ReadAsByteArrayAsync();
        Assert.Empty(DocxReading.ValidationErrors(docx));
        var text = DocxReading.Text(docx);
        Assert.Contains("Thời gian chốt số liệu: từ ngày 15/12/2018 đến ngày 14/06/2019.", text, StringComparison.Ordinal);
        Assert.Contains($"Số đề án: {expected.Count}, trong đó được phê duyệt: {expected.Count}.", text, StringComparison.Ordinal);
        Assert.Contains($"Kinh phí đề nghị hỗ trợ: {Money(expected.Sum(d => d.Requested))}", text, StringComparison.Ordinal);
        Assert.Contains($"kinh phí được phê duyệt: {Money(expected.Sum(d => d.Approved))}", text, StringComparison.Ordinal);
        Assert.Contains($"kinh phí đã thanh toán: {Money(expected.Sum(d => d.Paid))}", text, StringComparison.Ordinal);
        Assert.Contains("Kính gửi: Bộ Công Thương", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SixMonthReport_Demo2019_BeneficiariesByTypeAndPlaceEqualTheDemoFileAndTheDashboard()
    {
        var expected = DemoFile.Decisions().Where(d => d.Decided >= From && d.Decided <= To).SelectMany(d => d.BeneficiaryTypes)
            .GroupBy(t => EntityTypes.Get(t).Vi).ToDictionary(g => g.Key, g => (long)g.Count());
        Assert.True(expected.Count >= 3, "the demo period has several entity types");
        var stats = await StatsAsync(SixMonth2019);
        var byType = stats.GetProperty("byEntityType").EnumerateArray().ToDictionary(e => e.GetProperty("label").GetString()!, e => e.GetProperty("beneficiaries").GetInt64());
        var byPlace = stats.GetProperty("byBeneficiaryPlace").EnumerateArray()
            .ToDictionary(e => e.GetProperty("commune").GetString() + " (" + e.GetProperty("provinceName").GetString() + ")", e => e.GetProperty("beneficiaries").GetInt64());
        Assert.Equal(expected.OrderBy(kv => kv.Key, StringComparer.Ordinal), byType.OrderBy(kv => kv.Key, StringComparer.Ordinal));
        Assert.Equal(expected.Values.Sum(), byPlace.Values.Sum());
        Assert.Equal(expected.Values.Sum(), stats.GetProperty("beneficiaries").GetInt64());

        using var response = await GetAsync("/api/reports/periodic?" + SixMonth2019 + "&format=xlsx");
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(byType, Sheet(stream, "Đơn vị thụ hưởng theo loại hình", "Loại hình"));
        Assert.Equal(byPlace, Sheet(stream, "Đơn vị thụ hưởng theo địa bàn", "Xã, phường (tỉnh) của cơ sở"));

        using var docx = await GetAsync("/api/reports/periodic?" + SixMonth2019 + "&format=docx");
        var text = DocxReading.Text(await docx.Content.ReadAsByteArrayAsync());
        Assert.Contains($"Số đơn vị thụ hưởng của các đề án trong kỳ: {expected.Values.Sum()}.", text, StringComparison.Ordinal);
        Assert.Contains("Hộ kinh doanh", text, StringComparison.Ordinal);
        Assert.Contains("Doanh nghiệp nhỏ và vừa", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SixMonthReport_Demo2019_ImportedPaymentsHaveNoDateSoNothingIsPaidWithinThePeriod()
    {
        var stats = await StatsAsync(SixMonth2019);
        Assert.Equal(0, stats.GetProperty("paidInPeriod").GetInt64());
        Assert.True(stats.GetProperty("paid").GetInt64() > 0, "the period's proposals were paid, on dates the demo file does not give");

        using var docx = await GetAsync("/api/reports/periodic?" + SixMonth2019 + "&format=docx");
        var text = DocxReading.Text(await docx.Content.ReadAsByteArrayAsync());
        Assert.Contains("Kinh phí đã thanh toán trong kỳ (các khoản thanh toán có ngày thanh toán trong kỳ, của mọi đề án): 0 đồng.", text, StringComparison.Ordinal);
    }

    private static Dictionary<string, long> Sheet(Stream stream, string sheet, string labelColumn)
    {
        stream.Position = 0;
        return stream.Query(useHeaderRow: true, sheetName: sheet).Cast<IDictionary<string, object>>()
            .ToDictionary(r => (string)r[labelColumn], r => Convert.ToInt64(r["Số đơn vị thụ hưởng"], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task DashboardPage_SameFilters_ShowsTheReportPagesFigures()
    {
        using var dashboard = await GetAsync("/dashboard?" + SixMonth2019);
        using var reports = await GetAsync("/reports?" + SixMonth2019 + "&recipient=committee");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Equal(HttpStatusCode.OK, reports.StatusCode);
        var onDashboard = Figure().Matches(await dashboard.Content.ReadAsStringAsync()).ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));
        var reportPage = await reports.Content.ReadAsStringAsync();
        var onReport = Figure().Matches(reportPage).ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));
        var expected = DemoFile.Decisions().Where(d => d.Decided >= From && d.Decided <= To).ToList();

        Assert.Equal(DisplayFormat.Amount(expected.Count, Language.Vietnamese), onReport["count"]);
        Assert.Equal(Money(expected.Sum(d => d.Paid)), onReport["paid"]);
        Assert.Equal(Money(expected.Sum(d => d.OwnContribution)), onReport["counterpart"]); // the demo's own funds, of approved proposals
        Assert.Equal("— (chưa nhập kế hoạch năm 2019)", onReport["planned"]); // the demo data has no annual plans
        Assert.All(new[] { "count", "requested", "approved", "paid", "paid-in-period", "beneficiaries", "counterpart", "planned" }, name => Assert.Equal(onDashboard[name], onReport[name]));
        Assert.Contains("period=six-month&amp;year=2019", reportPage, StringComparison.Ordinal);
        Assert.Contains("/api/reports/periodic?period=six-month&amp;year=2019", reportPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnnualReport_Xlsx_HoldsTheSameTotalsAsTheStatistics()
    {
        var stats = await StatsAsync("period=annual&year=2019&fundingSource=local");

        using var response = await GetAsync("/api/reports/periodic?period=annual&year=2019&fundingSource=local&format=xlsx&recipient=committee");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var totals = stream.Query(useHeaderRow: true, sheetName: "Tổng hợp").Cast<IDictionary<string, object>>()
            .ToDictionary(r => (string)r["Chỉ tiêu"], r => r["Giá trị"]);

        Assert.Equal(stats.GetProperty("count").GetInt64(), Convert.ToInt64(totals["Số đề án"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(stats.GetProperty("approved").GetInt64(), Convert.ToInt64(totals["Kinh phí được phê duyệt (đồng)"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(stats.GetProperty("paid").GetInt64(), Convert.ToInt64(totals["Kinh phí đã thanh toán (đồng)"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("Ủy ban nhân dân tỉnh Hưng Yên", (string)totals["Báo cáo"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlanYearBasis_Demo2019_EqualsTheDashboardsYearFilter()
    {
        var stats = await StatsAsync("from=2019&to=2019");

        using var response = await GetAsync("/api/reports/periodic?period=annual&year=2019&basis=planYear");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = DocxReading.Text(await response.Content.ReadAsByteArrayAsync());

        Assert.Contains($"Số đề án: {stats.GetProperty("count").GetInt64()},", text, StringComparison.Ordinal);
        Assert.Contains($"kinh phí đã thanh toán: {Money(stats.GetProperty("paid").GetInt64())}", text, StringComparison.Ordinal);
        Assert.Contains("Đề án thuộc kế hoạch năm 2019", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "'toDate' (đến ngày) không được trước 'fromDate' (từ ngày).")]
    [InlineData("&lang=en", "'toDate' must not be before 'fromDate'.")]
    public async Task Report_EndBeforeStart_400NamingTheFieldAndNothingStored(string lang, string message)
    {
        var before = await StorageCounts.TakeAsync(fixture.StorageConnectionString);

        using var response = await GetAsync("/api/reports/periodic?period=custom&fromDate=2019-06-14&toDate=2019-01-01" + lang);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(message, problem.GetProperty("errors").GetProperty("toDate")[0].GetString());
        Assert.Equal(before, await StorageCounts.TakeAsync(fixture.StorageConnectionString));
    }

    [Fact]
    public async Task ReportsPage_EndBeforeStart_400WithTheErrorBesideTheField()
    {
        using var response = await GetAsync("/reports?period=custom&fromDate=2019-06-14&toDate=2019-01-01");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("không được trước", html, StringComparison.Ordinal);
        Assert.DoesNotContain("report-docx", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_WithoutAPeriod_400NamingPeriod()
    {
        using var response = await GetAsync("/api/reports/periodic?format=docx");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("period", out _));
    }
}
