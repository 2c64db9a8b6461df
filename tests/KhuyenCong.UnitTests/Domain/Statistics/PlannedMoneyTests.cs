using KhuyenCong.Domain.Activities;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Reports;
using KhuyenCong.Domain.Statistics;

namespace KhuyenCong.UnitTests.Domain.Statistics;

public class PlannedMoneyTests
{
    [Fact]
    public void YearsOf_ReportingPeriodByDecisionDate_IsTheYearThePeriodEnds()
    {
        Assert.Equal([2019], PlannedMoney.YearsOf(new StatisticsFilter { Decided = ReportingPeriod.SixMonth(2019), PaidIn = ReportingPeriod.SixMonth(2019) }));
        Assert.Equal([2020], PlannedMoney.YearsOf(new StatisticsFilter { Decided = ReportingPeriod.Annual(2020) }));
    }

    [Fact]
    public void YearsOf_BoundedYearsOrThePlanYearBasis_AreThoseYears()
    {
        Assert.Equal([2018, 2019, 2020], PlannedMoney.YearsOf(new StatisticsFilter { From = 2018, To = 2020 }));
        Assert.Equal([2019], PlannedMoney.YearsOf(new StatisticsFilter { From = 2019, To = 2019, PaidIn = ReportingPeriod.SixMonth(2019) }));
        Assert.Equal([2019], PlannedMoney.YearsOf(new StatisticsFilter { PaidIn = ReportingPeriod.SixMonth(2019) }));
    }

    [Fact]
    public void YearsOf_UnboundedOrTooManyYears_IsNull()
    {
        Assert.Null(PlannedMoney.YearsOf(StatisticsFilter.All));
        Assert.Null(PlannedMoney.YearsOf(new StatisticsFilter { From = 2019 }));
        Assert.Null(PlannedMoney.YearsOf(new StatisticsFilter { From = 2000, To = 2000 + PlannedMoney.MaxYears }));
        Assert.NotNull(PlannedMoney.YearsOf(new StatisticsFilter { From = 2000, To = 2000 + PlannedMoney.MaxYears - 1 }));
    }

    [Fact]
    public void YearsOf_FilterByKindPlaceOrSector_IsNullSincePlansAreNotSplitThatWay()
    {
        var year = new StatisticsFilter { From = 2019, To = 2019 };
        Assert.Null(PlannedMoney.YearsOf(year with { Kind = ProposalKind.Training }));
        Assert.Null(PlannedMoney.YearsOf(year with { Province = "hung-yen" }));
        Assert.Null(PlannedMoney.YearsOf(year with { Commune = "xa tan hung" }));
        Assert.Null(PlannedMoney.YearsOf(year with { Sector = "co khi" }));
        Assert.Equal([2019], PlannedMoney.YearsOf(year with { FundingSource = FundingSource.Local }));
    }

    [Fact]
    public void Total_NoSourceHasAPlan_IsNullNotZero()
    {
        Assert.Null(new PlannedMoney([2019], [new SourcePlan(FundingSource.Local, null), new SourcePlan(FundingSource.National, null)]).Total);
        Assert.Equal(0, new PlannedMoney([2019], [new SourcePlan(FundingSource.Local, 0), new SourcePlan(FundingSource.National, null)]).Total);
        Assert.Equal(7, new PlannedMoney([2019], [new SourcePlan(FundingSource.Local, 5), new SourcePlan(FundingSource.National, 2)]).Total);
    }

    [Fact]
    public void SourceLines_PlansApply_EverySourceOfTheFilterEvenWithoutProposals()
    {
        var local = FundingSource.Local.ToCode();
        var national = FundingSource.National.ToCode();
        var planned = new PlannedMoney([2019], [new SourcePlan(FundingSource.Local, 5), new SourcePlan(FundingSource.National, null)]);

        Assert.Equal(PlannedMoney.SourceLines([], planned).Order(), new[] { local, national }.Order());
        Assert.Equal([national], PlannedMoney.SourceLines([national], null));
        Assert.Equal("2018–2020", new PlannedMoney([2018, 2019, 2020], []).YearsText);
    }
}
