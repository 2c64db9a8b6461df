using System.Text.RegularExpressions;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Statistics;
using KhuyenCong.Domain.Text;
using KhuyenCong.Functions.Statistics;

namespace KhuyenCong.UnitTests.Web;

public partial class DashboardPageTests
{
    [GeneratedRegex("<rect class=\"bar\"[^>]* width=\"(\\d+)\"")]
    private static partial Regex BarWidth();

    [Fact]
    public void BarChart_Values_BarsProportionalAndLabelsEncoded()
    {
        var svg = DashboardPage.BarChart("t", "Số đề án", [("<script>", 10), ("Hưng Yên", 5), ("zero", 0)], v => v.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var widths = BarWidth().Matches(svg).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(3, widths.Count);
        Assert.Equal(widths[0], widths[1] * 2);
        Assert.Equal(0, widths[2]);
        Assert.DoesNotContain("<script>", svg, StringComparison.Ordinal);
        Assert.Contains("Hưng Yên", svg, StringComparison.Ordinal);
        Assert.Contains("role=\"img\"", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Content_EnglishReport_EnglishLabelsAndNoScript()
    {
        var snapshot = new StatisticsSnapshot
        {
            Year = 2026, Status = ProposalStatus.Approved, Kind = ProposalKind.Machinery, FundingSource = FundingSource.National, Sector = "Cơ khí",
            Province = "hung-yen", Commune = "Xã Tân Hưng", ProgrammeId = "", Requested = 300_000_000, Approved = 200_000_000, Paid = 50_000_000,
        };
        var report = StatisticsReport.From([new StatisticsCell(2026, snapshot.Cell, snapshot.Commune, snapshot.Sector, snapshot.Measures())]);

        var html = DashboardPage.Content(report, new DashboardPage.Form(new Dictionary<string, string>(), Print: false), new Dictionary<string, IReadOnlyList<string>>(), Language.English);

        Assert.Contains("Industrial promotion statistics", html, StringComparison.Ordinal);
        Assert.Contains("300,000,000 VND", html, StringComparison.Ordinal);
        Assert.Contains("25%", html, StringComparison.Ordinal);
        Assert.Contains("Xã Tân Hưng", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", html, StringComparison.Ordinal);
    }
}
