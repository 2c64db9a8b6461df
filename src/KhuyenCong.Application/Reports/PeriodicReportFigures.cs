using KhuyenCong.Application.Statistics;
using KhuyenCong.Domain.Activities;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Reports;
using KhuyenCong.Domain.Statistics;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Application.Reports;

/// <summary>One line of a report's table: its label and its figures, in the order of the table's columns (null: "—", no such figure).</summary>
public sealed record ReportLine(string Label, IReadOnlyList<long?> Figures);

/// <summary>
/// A table of the report: its name (the template's rows), title, column headings (the first is the label's), the
/// template's name of each figure column (<see cref="Keys"/>, in the order of the figures) and lines.
/// </summary>
public sealed record ReportTable(string Name, string Title, IReadOnlyList<string> Headings, IReadOnlyList<string> Keys, IReadOnlyList<ReportLine> Lines);

/// <summary>
/// The figures of a periodic report, all from one <see cref="StatisticsReport"/> (the cells of the statistics store
/// matching the report's filter), so the dashboard with the same filters shows the same numbers (ADR 0024). The
/// sections follow what the registration report must say (TT 36/2013 Điều 6 khoản 1 as amended, secondary) and the
/// research's proposal (docs/legal/cycle-reports-documents.md F4.3): the official form of a khuyến công periodic report
/// was not found, so the layout is the project's; what is approximated is said in docs/reports.md.
/// </summary>
public sealed class PeriodicReportFigures
{
    private PeriodicReportFigures(ReportingPeriod period, ReportBasis basis, StatisticsReport report, PlannedMoney? planned, IReadOnlyList<ReportTable> tables,
        IReadOnlyList<ReportTable> countTables)
    {
        Period = period;
        Basis = basis;
        Report = report;
        Planned = planned;
        Tables = tables;
        CountTables = countTables;
    }

    public ReportingPeriod Period { get; }

    public ReportBasis Basis { get; }

    public StatisticsReport Report { get; }

    /// <summary>The annual plans' money by source for the report's plan year (ADR 0032), or null when plans do not apply to its filters.</summary>
    public PlannedMoney? Planned { get; }

    /// <summary>The plan year(s) the planned money is of: the plans' ("2018–2020"), else the period's year ("2019").</summary>
    public string PlanYears => Planned?.YearsText ?? Period.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The establishments' own money (vốn đối ứng) of the approved proposals.</summary>
    public long ApprovedCounterpart => Report.Total[StatisticsMeasures.ApprovedCounterpart];

    /// <summary>Activities by kind, money by source (planned, requested, approved, paid; the counterpart funds), proposals by place, programmes.</summary>
    public IReadOnlyList<ReportTable> Tables { get; }

    /// <summary>
    /// The tables of one figure each, from the facet cells (ADR 0029): beneficiaries by entity type and by their commune,
    /// money paid within the period by source (payments whose date falls in the period).
    /// </summary>
    public IReadOnlyList<ReportTable> CountTables { get; }

    /// <summary>Beneficiary establishments of the report's proposals.</summary>
    public long Beneficiaries => Report.BeneficiaryCount;

    /// <summary>Money paid within the period (by payment date), whatever the proposal's decision date.</summary>
    public long PaidInPeriod => Report.PaidInPeriod;

    /// <summary>The programmes' targets and what the report's proposals reached (<see cref="ReportTargets"/>).</summary>
    public IReadOnlyList<ReportTargetLine> Targets { get; private init; } = [];

    /// <summary>These figures with the programmes' targets and progress.</summary>
    public PeriodicReportFigures WithTargets(IReadOnlyList<ReportTargetLine> targets) => new(Period, Basis, Report, Planned, Tables, CountTables) { Targets = targets };

    public long Proposals => Report.Count;

    public long ApprovedCount => Report.Total[StatisticsMeasures.ApprovedCount];

    public long Requested => Report.Total[StatisticsMeasures.Requested];

    public long Approved => Report.Total[StatisticsMeasures.Approved];

    public long Paid => Report.Total[StatisticsMeasures.Paid];

    public long Trainees => Report.Total[StatisticsMeasures.Trainees];

    public long Jobs => Report.Total[StatisticsMeasures.Jobs];

    /// <summary>Trainees actually trained, as recorded at the acceptance of the report's proposals (0 until recorded).</summary>
    public long ActualTrainees => Report.Total[StatisticsMeasures.ActualTrainees];

    /// <summary>Jobs actually created, as recorded at acceptance.</summary>
    public long ActualJobs => Report.Total[StatisticsMeasures.ActualJobs];

    /// <summary>Demonstration models built, as recorded at acceptance.</summary>
    public long ModelsBuilt => Report.Total[StatisticsMeasures.Models];

    /// <summary>Products certified as typical, as recorded at acceptance.</summary>
    public long ProductsCertified => Report.Total[StatisticsMeasures.ProductsCertified];

    /// <summary>Demonstration models approved (a model per approved đề án of that kind: an approximation).</summary>
    public long Models => ApprovedOfKind(ProposalKind.DemonstrationModel);

    /// <summary>Typical-product đề án approved (the products voted are not recorded yet: an approximation).</summary>
    public long Products => ApprovedOfKind(ProposalKind.TypicalProduct);

    /// <summary>The figures of <paramref name="report"/> for the period, with the plans' money (<paramref name="planned"/>) where plans apply.</summary>
    public static PeriodicReportFigures From(ReportingPeriod period, ReportBasis basis, StatisticsReport report, PlannedMoney? planned = null)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(report);
        var vi = Language.Vietnamese;
        ReportTable Table(string name, string title, string label, IEnumerable<StatisticsGroup> groups, Func<StatisticsGroup, string> labelOf) =>
            new(name, title, [label, .. MoneyHeadings], MoneyKeys, groups.Select(g => new ReportLine(labelOf(g), Figures(g.Measures))).ToList());

        return new PeriodicReportFigures(period, basis, report, planned,
        [
            Table("activities", "Hoạt động khuyến công theo nội dung", "Nội dung khuyến công", report.ByKind, g => StatisticsLabels.Kind(g.Key, vi)),
            ReportSources.Table(report, planned),
            Table("places", "Đề án theo địa bàn", "Xã, phường (tỉnh)", report.ByCommune, g => Place(g, vi)),
            Table("programmes", "Tiến độ theo chương trình khuyến công", "Chương trình", report.ByProgramme, g => StatisticsLabels.Programme(g.Key, vi)),
        ], CountTablesOf(report));
    }

    /// <summary>The money columns of the tables by kind, place and programme.</summary>
    private static IReadOnlyList<string> MoneyHeadings { get; } =
        ["Số đề án", "Số đề án được phê duyệt", "Kinh phí đề nghị (đồng)", "Kinh phí được phê duyệt (đồng)", "Kinh phí đã thanh toán (đồng)"];

    /// <summary>The template's names of the money columns.</summary>
    private static IReadOnlyList<string> MoneyKeys { get; } = ["count", "approvedCount", "requested", "approved", "paid"];

    private static IReadOnlyList<long?> Figures(StatisticsMeasures m) =>
        [m[StatisticsMeasures.Count], m[StatisticsMeasures.ApprovedCount], m[StatisticsMeasures.Requested], m[StatisticsMeasures.Approved], m[StatisticsMeasures.Paid]];

    /// <summary>"Xã Chỉ Đạo (Hưng Yên)".</summary>
    private static string Place(StatisticsGroup group, Language language) => group.Label + " (" + StatisticsLabels.ProvinceOfCommune(group.Key, language) + ")";

    private static IReadOnlyList<ReportTable> CountTablesOf(StatisticsReport report)
    {
        var vi = Language.Vietnamese;
        ReportTable Table(string name, string title, string label, string figure, IEnumerable<StatisticsGroup> groups, Func<StatisticsGroup, string> labelOf, string measure) =>
            new(name, title, [label, figure], ["value"], groups.Select(g => new ReportLine(labelOf(g), [g.Measures[measure]])).ToList());

        return
        [
            Table("entityTypes", "Đơn vị thụ hưởng theo loại hình", "Loại hình", "Số đơn vị thụ hưởng", report.ByEntityType,
                g => StatisticsLabels.EntityType(g.Key, vi), StatisticsMeasures.Beneficiaries),
            Table("beneficiaryPlaces", "Đơn vị thụ hưởng theo địa bàn", "Xã, phường (tỉnh) của cơ sở", "Số đơn vị thụ hưởng", report.ByBeneficiaryPlace,
                g => Place(g, vi), StatisticsMeasures.Beneficiaries),
            Table("paidInPeriod", "Kinh phí thanh toán trong kỳ", "Nguồn kinh phí", "Đã thanh toán trong kỳ (đồng)", report.PaidInPeriodBySource,
                g => StatisticsLabels.FundingSource(g.Key, vi), StatisticsMeasures.Paid),
        ];
    }

    private long ApprovedOfKind(ProposalKind kind) =>
        Report.ByKind.FirstOrDefault(g => g.Key == kind.ToCode())?.Measures[StatisticsMeasures.ApprovedCount] ?? 0;
}

/// <summary>How the report picks its proposals: by the approval decision's date in the period, or by plan year.</summary>
public enum ReportBasis
{
    DecisionDate,
    PlanYear,
}

/// <summary>Who the report goes to.</summary>
public enum ReportRecipient
{
    Ministry,
    Committee,
}
