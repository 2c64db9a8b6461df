using KhuyenCong.Application.Reports;
using KhuyenCong.Domain.Activities;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Reports;
using KhuyenCong.Domain.Statistics;
using KhuyenCong.Domain.Text;
using KhuyenCong.UnitTests.Web;
using KhuyenCong.Web.Pages.Reports;
using KhuyenCong.Web.Pages.Staff;
using KhuyenCong.Web.Rendering;
using static KhuyenCong.UnitTests.Web.Components.ComponentRendering;

namespace KhuyenCong.UnitTests.Reports;

public sealed class ReportsPageTests
{
    private static ReportPreview Preview()
    {
        var snapshot = new StatisticsSnapshot
        {
            Year = 2019, Status = ProposalStatus.Settled, Kind = ProposalKind.Machinery, FundingSource = FundingSource.Local, Sector = "Cơ khí",
            Province = "hung-yen", Commune = "Xã <Lạc> Đạo", ProgrammeId = "", Requested = 300_000_000, Approved = 250_000_000, Paid = 1_234_567_000,
            DecisionDate = new DateOnly(2019, 4, 11),
        };
        var report = StatisticsReport.From([new StatisticsCell(2019, snapshot.Cell, snapshot.Commune, snapshot.Sector, snapshot.Measures())]);
        return new ReportPreview(PeriodicReportFigures.From(ReportingPeriod.SixMonth(2019), ReportBasis.DecisionDate, report), "Bộ Công Thương", "docx", "",
            "period=six-month&year=2019");
    }

    private static async Task<string> PageAsync(ReportsPageModel model) =>
        (await Renderer.PageAsync<ReportsPage, ReportsPageModel>(WebTestSupport.Request("/reports"), model.Links.Language, model)).Content!;

    [Fact]
    public async Task Page_WithFigures_ShowsThemInVietnameseFormatsWithDownloadsAndTheDashboardLink()
    {
        var values = new Dictionary<string, string> { ["period"] = "six-month", ["year"] = "2019", ["recipient"] = "committee" };
        var html = await PageAsync(new ReportsPageModel(Preview(), values, new Dictionary<string, IReadOnlyList<string>>(), new StaffLinks(Language.Vietnamese, "k")));

        Assert.Contains("<h1>Báo cáo định kỳ</h1>", html, StringComparison.Ordinal);
        Assert.Contains("từ ngày 15/12/2018 đến ngày 14/06/2019", html, StringComparison.Ordinal);
        Assert.Contains("1.234.567.000 đồng", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/api/reports/periodic?period=six-month&amp;year=2019&amp;recipient=committee&amp;format=docx&amp;lang=vi&amp;code=k\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/dashboard?period=six-month&amp;year=2019&amp;lang=vi&amp;code=k\"", html, StringComparison.Ordinal);
        Assert.Contains("Xã &lt;Lạc&gt; Đạo", html, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_EndBeforeStart_ErrorAtTheFieldInEnglishAndNoDownloads()
    {
        var values = new Dictionary<string, string> { ["period"] = "custom", ["fromDate"] = "2019-06-14", ["toDate"] = "2019-01-01" };
        var errors = new Dictionary<string, IReadOnlyList<string>> { ["toDate"] = ["'toDate' must not be before 'fromDate'."] };

        var html = await PageAsync(new ReportsPageModel(null, values, errors, new StaffLinks(Language.English, null)));

        Assert.Contains("<h1>Periodic reports</h1>", html, StringComparison.Ordinal);
        Assert.Contains("&#x27;toDate&#x27; must not be before &#x27;fromDate&#x27;.", html, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("report-docx", html, StringComparison.Ordinal);
    }
}
