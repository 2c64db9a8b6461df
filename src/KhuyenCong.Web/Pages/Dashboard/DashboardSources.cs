using KhuyenCong.Application.Statistics;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Statistics;
using KhuyenCong.Domain.Text;
using KhuyenCong.Web.Components;
using KhuyenCong.Web.Rendering;

namespace KhuyenCong.Web.Pages.Dashboard;

/// <summary>
/// The dashboard's table by funding source, the periodic report's "money by source" (ADR 0032): each source with its
/// proposals and money, the plans' money of the filter's years when plans apply (then every source of the filter has a
/// line, a plan without proposals too), and the establishments' own money (vốn đối ứng) as a last line: committed in
/// the proposals (requested column) and in the approved ones (approved column).
/// </summary>
internal sealed class DashboardSources(StatisticsReport report, PageContext page, PlannedMoney? planned)
{
    private static readonly StatsCell None = StatsCell.Of("—");

    public StatsTableData Table()
    {
        IReadOnlyList<string> head =
        [
            T("Nguồn", "Source"),
            .. planned is null ? Array.Empty<string>() : [T("Kế hoạch năm ", "Planned, plan year ") + planned.YearsText + T(" (đồng)", " (VND)")],
            T("Số đề án", "Proposals"), T("Đề nghị (đồng)", "Requested (VND)"), T("Phê duyệt (đồng)", "Approved (VND)"), T("Đã thanh toán (đồng)", "Paid (VND)"),
            T("Trực tiếp cho cơ sở (đồng)", "Directly to establishments (VND)"), T("Tỷ lệ giải ngân", "Disbursement rate"),
        ];
        var rows = Sources().Select(Row).ToList();
        var t = report.Total;
        rows.Add(new StatsRow(T("Vốn đối ứng của cơ sở", "Establishments' own funds"),
            [.. PlanCell(null), None, StatsCell.Of(t[StatisticsMeasures.Counterpart]), StatsCell.Of(t[StatisticsMeasures.ApprovedCounterpart]), None, None, None]));
        return new StatsTableData("table-source", T("Theo nguồn kinh phí", "By funding source"), head, rows);
    }

    private IEnumerable<string> Sources() => PlannedMoney.SourceLines(report.ByFundingSource.Select(g => g.Key), planned);

    private StatsRow Row(string code)
    {
        var m = report.OfSource(code);
        var plan = planned?.Of(code);
        return new StatsRow(StatisticsLabels.FundingSource(code, page.Language),
        [
            .. PlanCell(plan),
            StatsCell.Of(m[StatisticsMeasures.Count]), StatsCell.Of(m[StatisticsMeasures.Requested]), StatsCell.Of(m[StatisticsMeasures.Approved]),
            StatsCell.Of(m[StatisticsMeasures.Paid]), StatsCell.Of(m[StatisticsMeasures.PaidDirect]),
            StatsCell.Of(Formats.Ratio(StatisticsReport.Ratio(m[StatisticsMeasures.Paid], m[StatisticsMeasures.Approved]), page.Language)),
        ]);
    }

    /// <summary>The planned cell when the table has the column.</summary>
    private StatsCell[] PlanCell(long? plan) => planned is null ? [] : [StatsCell.OfFigure(plan)];

    private string T(string vietnamese, string english) => page.T(vietnamese, english);
}
