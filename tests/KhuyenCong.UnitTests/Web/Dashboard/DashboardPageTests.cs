using System.Text.RegularExpressions;
using KhuyenCong.Domain.Activities;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Statistics;
using KhuyenCong.Domain.Text;
using KhuyenCong.Web.Components.Charts;
using KhuyenCong.Web.Pages.Dashboard;
using KhuyenCong.Web.Pages.Staff;
using KhuyenCong.Web.Rendering;
using static KhuyenCong.UnitTests.Web.Components.ComponentRendering;

namespace KhuyenCong.UnitTests.Web.Dashboard;

public partial class DashboardPageTests
{
    [GeneratedRegex("<rect class=\"bar\"[^>]* width=\"(\\d+)\"")]
    private static partial Regex BarWidth();

    private static StatisticsReport Report()
    {
        var snapshot = new StatisticsSnapshot
        {
            Year = 2026, Status = ProposalStatus.Approved, Kind = ProposalKind.Machinery, FundingSource = FundingSource.National, Sector = "Cơ khí",
            Province = "hung-yen", Commune = "Xã <Tân> Hưng", ProgrammeId = "", Requested = 300_000_000, Approved = 200_000_000, Paid = 50_000_000,
        };
        return StatisticsReport.From([new StatisticsCell(2026, snapshot.Cell, snapshot.Commune, snapshot.Sector, snapshot.Measures())]);
    }

    private static DashboardPageModel Model(StatisticsReport? report, bool print = false, Language language = Language.Vietnamese,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? errors = null, string? key = null) =>
        new(report, new Dictionary<string, string> { ["from"] = "2026", ["to"] = "2026", ["sector"] = "" }, errors ?? new Dictionary<string, IReadOnlyList<string>>(),
            print, new StaffLinks(language, key));

    private static async Task<string> PageAsync(DashboardPageModel model) =>
        (await Renderer.PageAsync<DashboardPage, DashboardPageModel>(WebTestSupport.Request("/dashboard"), model.Links.Language, model)).Content!;

    [Fact]
    public async Task BarChart_Values_BarsProportionalAndLabelsEncoded()
    {
        var svg = await RenderAsync<BarChart>(Language.Vietnamese, ("Id", "t"), ("Title", "Số đề án"),
            ("Items", (IReadOnlyList<ChartBar>)[new("<script>", 10), new("Hưng Yên", 5), new("zero", 0)]));

        var widths = BarWidth().Matches(svg).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal([370, 185, 0], widths);
        Assert.DoesNotContain("<script>", svg, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", svg, StringComparison.Ordinal);
        Assert.Contains("Hưng Yên", svg, StringComparison.Ordinal);
        Assert.Contains("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 720 94\" role=\"img\" aria-label=\"Số đề án\"", svg, StringComparison.Ordinal);
        Assert.Contains("<figure class=\"chart\" id=\"chart-t\">", svg, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GroupedBarChart_TwoGroups_OneBarPerSeriesWithALegendAndGroupedValues()
    {
        var svg = await RenderAsync<GroupedBarChart>(Language.Vietnamese, ("Id", "money"), ("Title", "Kinh phí"), ("Series", (IReadOnlyList<string>)["Đề nghị", "Phê duyệt"]),
            ("Items", (IReadOnlyList<ChartGroup>)[new("2025", [1_000_000, 500_000]), new("2026", [0, 250_000])]));

        Assert.Equal([370, 185, 0, 92], BarWidth().Matches(svg).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Contains("<text x=\"378\" y=\"17\">Phê duyệt</text>", svg, StringComparison.Ordinal);
        Assert.Contains("<title>2025, Đề nghị: 1.000.000</title>", svg, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_EnglishReport_EnglishFiguresChartsTablesAndNoInlineStyle()
    {
        var html = await PageAsync(Model(Report(), language: Language.English));

        Assert.Contains("<h1>Industrial promotion statistics</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<dd data-figure=\"requested\">300,000,000 VND</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dd data-figure=\"disbursement-rate\">25%</dd>", html, StringComparison.Ordinal);
        Assert.Equal(4, html.Split("<svg").Length - 1);
        Assert.Contains("Xã &lt;Tân&gt; Hưng", html, StringComparison.Ordinal);
        Assert.Contains("<table id=\"table-commune\" class=\"stats-table\">", html, StringComparison.Ordinal);
        Assert.Contains("(no programme)", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/api/stats/export?format=xlsx&amp;from=2026&amp;to=2026&amp;lang=en\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_ReportingPeriodGiven_FormShowsItAndTheExportKeepsIt()
    {
        var model = new DashboardPageModel(Report(), new Dictionary<string, string> { ["period"] = "six-month", ["year"] = "2019" },
            new Dictionary<string, IReadOnlyList<string>>(), false, new StaffLinks(Language.Vietnamese, null));

        var html = await PageAsync(model);

        Assert.Matches("<option value=\"six-month\"[^>]*selected", html);
        Assert.Contains("name=\"year\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"2019\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/api/stats/export?format=csv&amp;period=six-month&amp;year=2019&amp;lang=vi\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_FunctionKey_KeptByTheFormAndTheLinks()
    {
        var html = await PageAsync(Model(Report(), key: "k1"));

        Assert.Contains("<form class=\"filters\" method=\"get\" action=\"/dashboard\">", html, StringComparison.Ordinal);
        Assert.Contains("<input type=\"hidden\" name=\"code\" value=\"k1\" />", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/dashboard?print=1&amp;from=2026&amp;to=2026&amp;lang=vi&amp;code=k1\"", html, StringComparison.Ordinal);
        Assert.Contains("<div class=\"dashboard\">", html, StringComparison.Ordinal);
        Assert.Contains("Lọc theo: from = 2026; to = 2026", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_PrintView_NoFormNorLinks()
    {
        var html = await PageAsync(Model(Report(), print: true));

        Assert.Contains("<div class=\"dashboard print-view\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<form", html, StringComparison.Ordinal);
        Assert.DoesNotContain("dashboard-links", html, StringComparison.Ordinal);
        Assert.Contains("data-figure=\"paid\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_FilterError_MessageAtTheFieldAndNoFigures()
    {
        var errors = new Dictionary<string, IReadOnlyList<string>> { ["from"] = ["'from' phải là năm từ 2000 đến 2100."] };

        var html = await PageAsync(Model(null, errors: errors));

        Assert.Contains("<p class=\"field-error\" aria-live=\"polite\" id=\"f-from-error\">&#x27;from&#x27; phải là năm từ 2000 đến 2100.</p>", html, StringComparison.Ordinal);
        Assert.Equal("true", WebTestSupport.Attribute(WebTestSupport.TagWithId(html, "f-from"), "aria-invalid"));
        Assert.DoesNotContain("data-figure", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrintView_Heading_ReportHeaderWithAgencyPeriodAndDateThenTheSignatureBlock()
    {
        var heading = new PrintHeading("SỞ CÔNG THƯƠNG HƯNG YÊN", "TRUNG TÂM KHUYẾN CÔNG", "Hưng Yên", new DateOnly(2026, 3, 5));
        var html = await PageAsync(Model(Report(), print: true) with { Heading = heading });

        Assert.Contains("<p><strong>TRUNG TÂM KHUYẾN CÔNG</strong></p>", html, StringComparison.Ordinal);
        Assert.Contains("<p id=\"report-period\">Kỳ báo cáo: Năm 2026</p>", html, StringComparison.Ordinal);
        Assert.Contains("<p id=\"report-printed\">Ngày in: 05/03/2026</p>", html, StringComparison.Ordinal);
        Assert.Contains("<em>Hưng Yên, ngày 05 tháng 3 năm 2026</em>", html, StringComparison.Ordinal);
        Assert.Contains("NGƯỜI LẬP BIỂU", html, StringComparison.Ordinal);
        Assert.Contains("THỦ TRƯỞNG ĐƠN VỊ", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf("report-header", StringComparison.Ordinal) < html.IndexOf("<h1>", StringComparison.Ordinal));
        Assert.True(html.IndexOf("signature-block", StringComparison.Ordinal) > html.IndexOf("table-programme", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Screen_Heading_NoReportHeaderNorSignaturesButTheReportDownloads()
    {
        var heading = new PrintHeading("SỞ CÔNG THƯƠNG HƯNG YÊN", "TRUNG TÂM KHUYẾN CÔNG", "Hưng Yên", new DateOnly(2026, 3, 5));
        var html = await PageAsync(Model(Report(), key: "k") with { Heading = heading });

        Assert.DoesNotContain("report-header", html, StringComparison.Ordinal);
        Assert.DoesNotContain("signature-block", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/api/stats/export?variant=report&amp;format=csv&amp;from=2026&amp;to=2026&amp;lang=vi&amp;code=k\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "", "Tất cả các năm")]
    [InlineData("2020", "2020", "Năm 2020")]
    [InlineData("2020", "2024", "Từ năm 2020 đến năm 2024")]
    [InlineData("2020", "", "Từ năm 2020")]
    [InlineData("", "2024", "Đến năm 2024")]
    public void Period_Years_InWords(string from, string to, string expected)
    {
        var model = new DashboardPageModel(null, new Dictionary<string, string> { ["from"] = from, ["to"] = to }, new Dictionary<string, IReadOnlyList<string>>(),
            true, new StaffLinks(Language.Vietnamese, null));

        Assert.Equal(expected, model.Period.Vietnamese);
    }
}
