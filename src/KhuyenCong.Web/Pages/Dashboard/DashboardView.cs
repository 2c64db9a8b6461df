using KhuyenCong.Application.Statistics;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Statistics;
using KhuyenCong.Domain.Text;
using KhuyenCong.Web.Components;
using KhuyenCong.Web.Components.Charts;
using KhuyenCong.Web.Rendering;

namespace KhuyenCong.Web.Pages.Dashboard;

/// <summary>A key figure: its id (<c>data-figure</c>, for tests and scripts), label and value as shown.</summary>
public sealed record KeyFigure(string Id, string Label, string Value);

/// <summary>A cell of a statistics table: a number (grouped, right-aligned) or a text.</summary>
public sealed record StatsCell(long? Number, string? Text)
{
    public static StatsCell Of(long number) => new(number, null);

    public static StatsCell Of(string text) => new(null, text);

    /// <summary>A figure, or "—" where there is none.</summary>
    public static StatsCell OfFigure(long? figure) => figure is { } number ? Of(number) : Of("—");
}

/// <summary>A row of a statistics table: its label (the row's header) and its cells.</summary>
public sealed record StatsRow(string Label, IReadOnlyList<StatsCell> Cells);

/// <summary>A statistics table: id, caption, column heads (the first is the rows' label) and rows.</summary>
public sealed record StatsTableData(string Id, string Caption, IReadOnlyList<string> Head, IReadOnlyList<StatsRow> Rows);

/// <summary>
/// The dashboard's figures, charts and tables from a report, in the page's language (pure mapping); with a reporting
/// period (<paramref name="paymentPeriod"/>) also the money paid within it (ADR 0029); with the plans' money of the
/// filter's years (<paramref name="planned"/>, ADR 0032) a planned column by source, as the periodic report has it.
/// </summary>
public sealed class DashboardView(StatisticsReport report, PageContext page, bool paymentPeriod = false, PlannedMoney? planned = null)
{
    private Language Language => page.Language;

    public IReadOnlyList<KeyFigure> Figures()
    {
        var t = report.Total;
        return
        [
            new("count", T("Tổng số đề án", "Proposals"), Formats.Number(report.Count, Language)),
            new("requested", T("Kinh phí đề nghị", "Requested"), Formats.Money(t[StatisticsMeasures.Requested], Language)),
            new("approved", T("Kinh phí phê duyệt", "Approved"), Formats.Money(t[StatisticsMeasures.Approved], Language)),
            new("paid", T("Đã thanh toán", "Paid"), Formats.Money(t[StatisticsMeasures.Paid], Language)),
            new("disbursement-rate", T("Tỷ lệ giải ngân (đã thanh toán / phê duyệt)", "Disbursement rate (paid / approved)"), Formats.Ratio(report.DisbursementRate, Language)),
            new("direct-share", T("Tỷ lệ thanh toán trực tiếp cho cơ sở", "Share paid directly to establishments"), Formats.Ratio(report.DirectShare, Language)),
            new("trainees", T("Số người được đào tạo (dự kiến)", "Trainees (expected)"), Formats.Number(t[StatisticsMeasures.Trainees], Language)),
            new("actual-trainees", T("Số người được đào tạo (thực tế, khi nghiệm thu)", "Trainees (actual, at acceptance)"), Formats.Number(t[StatisticsMeasures.ActualTrainees], Language)),
            new("jobs", T("Số việc làm (dự kiến)", "Jobs (expected)"), Formats.Number(t[StatisticsMeasures.Jobs], Language)),
            new("actual-jobs", T("Số việc làm (thực tế, khi nghiệm thu)", "Jobs (actual, at acceptance)"), Formats.Number(t[StatisticsMeasures.ActualJobs], Language)),
            new("models", T("Số mô hình đã xây dựng", "Models built"), Formats.Number(t[StatisticsMeasures.Models], Language)),
            new("products", T("Số sản phẩm được công nhận", "Products certified"), Formats.Number(t[StatisticsMeasures.ProductsCertified], Language)),
            new("beneficiaries", T("Số lượt cơ sở thụ hưởng", "Beneficiary establishments (per đề án)"), Formats.Number(t[StatisticsMeasures.Beneficiaries], Language)),
            new("counterpart", T("Vốn đối ứng của cơ sở (đề án được phê duyệt)", "Establishments' own funds (approved proposals)"), Formats.Money(t[StatisticsMeasures.ApprovedCounterpart], Language)),
            .. planned is { } plans
                ? new[] { new KeyFigure("planned", T("Kinh phí kế hoạch năm ", "Planned money, plan year ") + plans.YearsText, Formats.Planned(plans, Language)) }
                : [],
            .. paymentPeriod
                ? new[] { new KeyFigure("paid-in-period", T("Đã thanh toán trong kỳ (theo ngày thanh toán)", "Paid within the period (by payment date)"), Formats.Money(report.PaidInPeriod, Language)) }
                : [],
        ];
    }

    /// <summary>Beneficiaries by entity type and by their commune, and (with a period) the money paid within it by source (ADR 0029).</summary>
    private IEnumerable<StatsTableData> FacetTables()
    {
        var count = T("Số cơ sở thụ hưởng", "Beneficiary establishments");
        yield return new("table-entity-type", T("Cơ sở thụ hưởng theo loại hình", "Beneficiaries by entity type"), [T("Loại hình", "Entity type"), count],
            report.ByEntityType.Select(g => new StatsRow(StatisticsLabels.EntityType(g.Key, Language), [StatsCell.Of(g.Measures[StatisticsMeasures.Beneficiaries])])).ToList());
        yield return new("table-beneficiary-place", T("Cơ sở thụ hưởng theo xã, phường của cơ sở", "Beneficiaries by their commune"),
            [T("Xã, phường", "Commune"), T("Tỉnh, thành phố", "Province"), count],
            report.ByBeneficiaryPlace.Select(g => new StatsRow(g.Label, [StatsCell.Of(StatisticsLabels.ProvinceOfCommune(g.Key, Language)), StatsCell.Of(g.Measures[StatisticsMeasures.Beneficiaries])])).ToList());
        if (paymentPeriod)
        {
            yield return new("table-paid-in-period", T("Đã thanh toán trong kỳ theo nguồn (theo ngày thanh toán)", "Paid within the period by source (by payment date)"),
                [T("Nguồn", "Source"), T("Đã thanh toán trong kỳ (đồng)", "Paid within the period (VND)")],
                report.PaidInPeriodBySource.Select(g => new StatsRow(StatisticsLabels.FundingSource(g.Key, Language), [StatsCell.Of(g.Measures[StatisticsMeasures.Paid])])).ToList());
        }
    }

    public IReadOnlyList<ChartBar> ByYear() => report.ByYear.Select(g => new ChartBar(g.Key, g.Count)).ToList();

    public IReadOnlyList<ChartBar> ByKind() => report.ByKind.Select(g => new ChartBar(StatisticsLabels.Kind(g.Key, Language), g.Count)).ToList();

    /// <summary>The money series: requested, approved, paid.</summary>
    public IReadOnlyList<string> MoneySeries() => [T("Đề nghị", "Requested"), T("Phê duyệt", "Approved"), T("Đã thanh toán", "Paid")];

    public IReadOnlyList<ChartGroup> MoneyBySource() =>
        report.ByFundingSource.Select(g => new ChartGroup(StatisticsLabels.FundingSource(g.Key, Language), Money(g.Measures))).ToList();

    public IReadOnlyList<ChartGroup> MoneyByYear() => report.ByYear.Select(g => new ChartGroup(g.Key, Money(g.Measures))).ToList();

    public IReadOnlyList<StatsTableData> Tables()
    {
        string[] money = [T("Số đề án", "Proposals"), T("Đề nghị (đồng)", "Requested (VND)"), T("Phê duyệt (đồng)", "Approved (VND)"), T("Đã thanh toán (đồng)", "Paid (VND)")];
        var t = report.Total;
        return
        [
            new("table-status", T("Theo tình trạng", "By status"), [T("Tình trạng", "Status"), T("Số đề án", "Proposals")],
                Enum.GetValues<ProposalStatus>().Where(s => t.StatusCount(s) != 0).Select(s => new StatsRow(ProposalStatusLabels.Label(s, Language), [StatsCell.Of(t.StatusCount(s))])).ToList()),
            new("table-year", T("Theo năm", "By year"), [T("Năm", "Year"), .. money], report.ByYear.Select(g => new StatsRow(g.Key, MoneyCells(g.Measures))).ToList()),
            new("table-kind", T("Theo nội dung", "By kind"), [T("Nội dung", "Kind"), .. money],
                report.ByKind.Select(g => new StatsRow(StatisticsLabels.Kind(g.Key, Language), MoneyCells(g.Measures))).ToList()),
            new DashboardSources(report, page, planned).Table(),
            new("table-sector", T("Theo lĩnh vực", "By sector"), [T("Lĩnh vực", "Sector"), T("Số đề án", "Proposals")],
                report.BySector.Select(g => new StatsRow(StatisticsLabels.Sector(g.Key, g.Label, Language), [StatsCell.Of(g.Count)])).ToList()),
            new("table-commune", T("Theo xã, phường (địa giới hiện nay)", "By commune (today's boundaries)"), [T("Xã, phường", "Commune"), T("Tỉnh, thành phố", "Province"), T("Số đề án", "Proposals")],
                report.ByCommune.Select(g => new StatsRow(g.Label, [StatsCell.Of(StatisticsLabels.ProvinceOfCommune(g.Key, Language)), StatsCell.Of(g.Count)])).ToList()),
            new("table-programme", T("Theo chương trình", "By programme"), [T("Chương trình", "Programme"), .. money],
                report.ByProgramme.Select(g => new StatsRow(StatisticsLabels.Programme(g.Key, Language), MoneyCells(g.Measures))).ToList()),
            .. FacetTables(),
        ];
    }

    private static long[] Money(StatisticsMeasures m) => [m[StatisticsMeasures.Requested], m[StatisticsMeasures.Approved], m[StatisticsMeasures.Paid]];

    private static StatsCell[] MoneyCells(StatisticsMeasures m) =>
        [StatsCell.Of(m[StatisticsMeasures.Count]), StatsCell.Of(m[StatisticsMeasures.Requested]), StatsCell.Of(m[StatisticsMeasures.Approved]), StatsCell.Of(m[StatisticsMeasures.Paid])];

    private string T(string vietnamese, string english) => page.T(vietnamese, english);
}
