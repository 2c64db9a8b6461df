using KhuyenCong.Application.Statistics;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Statistics;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Application.Reports;

/// <summary>
/// The report's "money by source" table (issue 15 line 2, ADR 0032): for each khuyến công funding source, the proposals,
/// the planned money (the annual plans' allocation for the report's plan year), the money requested, approved and paid;
/// then the establishments' own money (vốn đối ứng) as a source of its own: what the proposals commit (requested column)
/// and what the approved ones commit (approved column). The Centre neither plans nor pays the counterpart funds, so
/// those cells are "—", as is the planned money where plans do not apply (filters by kind, place or sector).
/// </summary>
internal static class ReportSources
{
    public const string CounterpartLabel = "Vốn đối ứng của cơ sở";

    public static IReadOnlyList<string> Keys { get; } = ["count", "approvedCount", "planned", "requested", "approved", "paid"];

    public static ReportTable Table(StatisticsReport report, PlannedMoney? planned)
    {
        var years = planned?.YearsText;
        IReadOnlyList<string> headings =
        [
            "Nguồn kinh phí", "Số đề án", "Số đề án được phê duyệt", years is null ? "Kinh phí kế hoạch (đồng)" : $"Kinh phí kế hoạch năm {years} (đồng)",
            "Kinh phí đề nghị (đồng)", "Kinh phí được phê duyệt (đồng)", "Kinh phí đã thanh toán (đồng)",
        ];
        var lines = Sources(report, planned).Select(source => Line(source, report, planned)).ToList();
        var t = report.Total;
        lines.Add(new ReportLine(CounterpartLabel, [null, null, null, t[StatisticsMeasures.Counterpart], t[StatisticsMeasures.ApprovedCounterpart], null]));
        return new ReportTable("sources", "Kinh phí theo nguồn", headings, Keys, lines);
    }

    private static IReadOnlyList<string> Sources(StatisticsReport report, PlannedMoney? planned) =>
        PlannedMoney.SourceLines(report.ByFundingSource.Select(g => g.Key), planned);

    private static ReportLine Line(string code, StatisticsReport report, PlannedMoney? planned)
    {
        var m = report.OfSource(code);
        var plan = planned?.Of(code);
        return new ReportLine(StatisticsLabels.FundingSource(code, Language.Vietnamese),
            [m[StatisticsMeasures.Count], m[StatisticsMeasures.ApprovedCount], plan, m[StatisticsMeasures.Requested], m[StatisticsMeasures.Approved], m[StatisticsMeasures.Paid]]);
    }
}
