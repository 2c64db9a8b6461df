using KhuyenCong.Application.Reports;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Reference;
using KhuyenCong.Domain.Reports;
using KhuyenCong.Domain.Statistics;
using KhuyenCong.Domain.Text;
using static KhuyenCong.UnitTests.Domain.Statistics.StatisticsSnapshotTests;

namespace KhuyenCong.UnitTests.Domain.Statistics;

/// <summary>The facet cells (ADR 0029): beneficiaries by entity type and place, payments by day, kept apart from the totals.</summary>
public class StatisticsFacetTests
{
    private static StatisticsSnapshot GroupProposal() => Snapshot(ProposalStatus.InProgress, approved: 500, paid: 300) with
    {
        DecisionDate = new DateOnly(2026, 3, 2),
        Beneficiaries = 3,
        BeneficiaryPlaces = new ValueList<BeneficiaryPlace>([new("household-business", "hung-yen", "Xã Tân Hưng", 2), new("cooperative", "hung-yen", "Xã Chỉ Đạo", 1)]),
        Payments = new ValueList<DatedPayment>([new(new DateOnly(2026, 4, 1), 100), new(new DateOnly(2026, 7, 1), 200)]),
    };

    private static IReadOnlyList<StatisticsCell> Cells(StatisticsSnapshot s) =>
        StatisticsSnapshot.Delta(null, s).Select(c => new StatisticsCell(s.Year, c.Key, c.Commune, c.Sector, c.Measures)).ToList();

    [Fact]
    public void Delta_GroupProposalWithPayments_OneCellPerTypeAndPlaceAndOnePerPaymentDay()
    {
        var changes = StatisticsSnapshot.Delta(null, GroupProposal());

        Assert.Single(changes, c => c.Key.Facet == StatisticsFacets.Main);
        var beneficiaries = changes.Where(c => c.Key.Facet == StatisticsFacets.Beneficiaries).ToList();
        Assert.Equal(["cooperative", "household-business"], beneficiaries.Select(c => c.Key.EntityType).Order(StringComparer.Ordinal));
        Assert.Equal(3, beneficiaries.Sum(c => c.Measures[StatisticsMeasures.Beneficiaries]));
        Assert.Equal("xa chi dao", beneficiaries.Single(c => c.Key.EntityType == "cooperative").Key.CommuneKey);
        var payments = changes.Where(c => c.Key.Facet == StatisticsFacets.Payments).ToList();
        Assert.Equal(2, payments.Count);
        Assert.All(payments, c => Assert.Null(c.Key.Decided));
        Assert.Equal(changes.Count, changes.Select(c => c.Key.RowKey).Distinct().Count());
    }

    [Fact]
    public void Delta_SameSnapshotTwice_ChangesNothing()
    {
        Assert.Empty(StatisticsSnapshot.Delta(GroupProposal(), GroupProposal()));
    }

    [Fact]
    public void Delta_ANewPayment_TouchesOnlyItsDayAndTheMainCell()
    {
        var before = GroupProposal();
        var after = before with { Paid = 350, Payments = new ValueList<DatedPayment>([.. before.Payments, new(new DateOnly(2026, 8, 5), 50)]) };

        var changes = StatisticsSnapshot.Delta(before, after);

        Assert.Equal(2, changes.Count);
        Assert.Equal(50, changes.Single(c => c.Key.Facet == StatisticsFacets.Payments).Measures[StatisticsMeasures.Paid]);
        Assert.Equal(new DateOnly(2026, 8, 5), changes.Single(c => c.Key.Facet == StatisticsFacets.Payments).Key.PaidOn);
    }

    [Fact]
    public void RowKey_MainCell_KeepsTheKeyItHadBeforeFacets()
    {
        var main = GroupProposal().Cell;

        Assert.Equal(new StatisticsCellKey(main.FundingSource, main.Kind, main.Province, main.CommuneKey, main.SectorKey, main.ProgrammeId, main.Decided).RowKey, main.RowKey);
        Assert.NotEqual(main.RowKey, (main with { Facet = StatisticsFacets.Beneficiaries }).RowKey);
    }

    [Fact]
    public void From_FacetCells_KeptOutOfTheTotalsAndGrouped()
    {
        var paidIn = new StatisticsFilter { PaidIn = ReportingPeriod.SixMonth(2026) };
        var report = StatisticsReport.From(Cells(GroupProposal()).Where(c => paidIn.Matches(c.Key)));

        Assert.Equal(1, report.Count);
        Assert.Equal(300, report.Total[StatisticsMeasures.Paid]);
        Assert.Equal(3, report.BeneficiaryCount);
        Assert.Equal(100, report.PaidInPeriod);
        Assert.Equal(["cooperative", "household-business"], report.ByEntityType.Select(g => g.Key)); // the catalogue's order
        Assert.Equal("Xã Tân Hưng", report.ByBeneficiaryPlace[0].Label);
    }

    [Fact]
    public void Matches_PaymentCellOutsideThePaymentPeriod_False()
    {
        var payment = GroupProposal().Cell with { Facet = StatisticsFacets.Payments, Decided = null, PaidOn = new DateOnly(2026, 6, 15) };
        var filter = new StatisticsFilter { Decided = ReportingPeriod.SixMonth(2026), PaidIn = ReportingPeriod.SixMonth(2026) };

        Assert.False(filter.Matches(payment));
        Assert.True(filter.Matches(payment with { PaidOn = new DateOnly(2026, 6, 14) }));
        Assert.False(StatisticsFilter.All.Matches(payment with { PaidOn = new DateOnly(2026, 6, 14) }));
    }

    [Fact]
    public void Parse_BasisPlanYear_TheYearSelectsTheProposalsAndThePeriodDatesThePayments()
    {
        var errors = new Dictionary<string, IReadOnlyList<string>>();
        var values = new Dictionary<string, string> { ["period"] = "annual", ["year"] = "2019", ["basis"] = "planYear" };

        var filter = StatisticsFilter.Parse(n => values.GetValueOrDefault(n), Language.Vietnamese, errors);

        Assert.Empty(errors);
        Assert.Null(filter.Decided);
        Assert.Equal((2019, 2019), (filter.From, filter.To));
        Assert.Equal(ReportingPeriod.Annual(2019), filter.PaidIn);
    }

    [Fact]
    public void Parse_UnknownBasis_ErrorNamingBasis()
    {
        var errors = new Dictionary<string, IReadOnlyList<string>>();

        StatisticsFilter.Parse(n => n == "basis" ? "later" : null, Language.English, errors);

        Assert.Equal("'basis' must be decisionDate or planYear.", Assert.Single(errors["basis"]));
    }

    [Fact]
    public void ReportFigures_EntityTypes_LabelledInVietnamese()
    {
        var report = StatisticsReport.From(Cells(GroupProposal()));

        var figures = PeriodicReportFigures.From(ReportingPeriod.SixMonth(2026), ReportBasis.DecisionDate, report);

        var types = figures.CountTables.Single(t => t.Name == "entityTypes");
        Assert.Equal(["Hợp tác xã", "Hộ kinh doanh"], types.Lines.Select(l => l.Label));
        Assert.Equal([1L, 2L], types.Lines.Select(l => l.Figures[0]));
        Assert.Equal("Xã Tân Hưng (Hưng Yên)", figures.CountTables.Single(t => t.Name == "beneficiaryPlaces").Lines[0].Label);
    }
}
