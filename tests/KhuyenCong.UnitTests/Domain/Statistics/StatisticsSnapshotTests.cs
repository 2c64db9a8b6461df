using KhuyenCong.Domain.Activities;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Statistics;

namespace KhuyenCong.UnitTests.Domain.Statistics;

public class StatisticsSnapshotTests
{
    internal static StatisticsSnapshot Snapshot(ProposalStatus status = ProposalStatus.Submitted, ProposalKind kind = ProposalKind.Machinery,
        long requested = 300, long? approved = null, long paid = 0, string commune = "Xã Tân Hưng", string programme = "") => new()
        {
            Year = 2026,
            Status = status,
            Kind = kind,
            FundingSource = FundingSource.National,
            Sector = "Chế biến nông sản",
            Province = "hung-yen",
            Commune = commune,
            ProgrammeId = programme,
            Requested = requested,
            Approved = approved,
            Paid = paid,
            Trainees = 5,
            Jobs = 2,
        };

    [Fact]
    public void Delta_FromNothing_AddsOneProposalWithItsFigures()
    {
        var change = Assert.Single(StatisticsSnapshot.Delta(null, Snapshot(approved: 200, paid: 100)));

        Assert.Equal(1, change.Measures[StatisticsMeasures.Count]);
        Assert.Equal(1, change.Measures.StatusCount(ProposalStatus.Submitted));
        Assert.Equal(300, change.Measures[StatisticsMeasures.Requested]);
        Assert.Equal(200, change.Measures[StatisticsMeasures.Approved]);
        Assert.Equal(1, change.Measures[StatisticsMeasures.ApprovedCount]);
        Assert.Equal(100, change.Measures[StatisticsMeasures.Paid]);
        Assert.Equal(100, change.Measures[StatisticsMeasures.PaidDirect]);
        Assert.Equal(5, change.Measures[StatisticsMeasures.Trainees]);
        Assert.Equal(2, change.Measures[StatisticsMeasures.Jobs]);
    }

    [Fact]
    public void Delta_OwnMoneyOfAProposalThenItsApproval_CountsTheCounterpartThenTheApprovedCounterpart()
    {
        var submitted = Snapshot() with { OwnContribution = 700 };
        var approved = Snapshot(ProposalStatus.Approved, approved: 250) with { OwnContribution = 700 };

        var asSubmitted = Assert.Single(StatisticsSnapshot.Delta(null, submitted)).Measures;
        var onApproval = Assert.Single(StatisticsSnapshot.Delta(submitted, approved)).Measures;

        Assert.Equal((700, 0), (asSubmitted[StatisticsMeasures.Counterpart], asSubmitted[StatisticsMeasures.ApprovedCounterpart]));
        Assert.Equal((0, 700), (onApproval[StatisticsMeasures.Counterpart], onApproval[StatisticsMeasures.ApprovedCounterpart]));
    }

    [Fact]
    public void Delta_StatusChangeInOneCell_MovesOneCountAndLeavesTheTotal()
    {
        var change = Assert.Single(StatisticsSnapshot.Delta(Snapshot(), Snapshot(ProposalStatus.Approved, approved: 250)));

        Assert.Equal(0, change.Measures[StatisticsMeasures.Count]);
        Assert.Equal(-1, change.Measures.StatusCount(ProposalStatus.Submitted));
        Assert.Equal(1, change.Measures.StatusCount(ProposalStatus.Approved));
        Assert.Equal(250, change.Measures[StatisticsMeasures.Approved]);
        Assert.Equal(0, change.Measures[StatisticsMeasures.Requested]);
    }

    [Fact]
    public void Delta_ProgrammeChange_RemovesFromOneCellAndAddsToAnother()
    {
        var changes = StatisticsSnapshot.Delta(Snapshot(), Snapshot(programme: "ct-2026-2030"));

        Assert.Equal(2, changes.Count);
        Assert.Contains(changes, c => c.Key.ProgrammeId == "" && c.Measures[StatisticsMeasures.Count] == -1);
        Assert.Contains(changes, c => c.Key.ProgrammeId == "ct-2026-2030" && c.Measures[StatisticsMeasures.Count] == 1);
    }

    [Fact]
    public void Delta_SameSnapshot_NoChange()
    {
        Assert.Empty(StatisticsSnapshot.Delta(Snapshot(), Snapshot()));
        Assert.Empty(StatisticsSnapshot.Delta(null, null));
    }

    [Fact]
    public void Cell_CommuneSpelledWithoutDiacriticsOrCase_SameCell()
    {
        Assert.Equal(Snapshot(commune: "Xã Tân Hưng").Cell.RowKey, Snapshot(commune: "xa tan hung").Cell.RowKey);
        Assert.NotEqual(Snapshot(commune: "Xã Tân Hưng").Cell.RowKey, Snapshot(commune: "Xã Tân Lập").Cell.RowKey);
    }

    // ADR 0023: "paid directly to establishments" is the money of activities that buy machinery or technology for the
    // establishments themselves (the article: "went directly to establishments that renewed production with advanced machinery").
    [Theory]
    [InlineData(ProposalKind.Machinery, true)]
    [InlineData(ProposalKind.TechnologyLine, true)]
    [InlineData(ProposalKind.DemonstrationModel, true)]
    [InlineData(ProposalKind.CleanerProduction, false)]
    [InlineData(ProposalKind.DigitalTransformation, false)]
    [InlineData(ProposalKind.Training, false)]
    [InlineData(ProposalKind.TradePromotion, false)]
    [InlineData(ProposalKind.Cluster, false)]
    public void PaidDirect_ByKind_CountsOnlyMachineryAndTechnologyForTheEstablishment(ProposalKind kind, bool direct)
    {
        Assert.Equal(direct ? 100 : 0, Snapshot(kind: kind, paid: 100).PaidDirect);
    }

    [Theory]
    [InlineData("demonstration-model-replication", true)]
    [InlineData("pollution-treatment-upgrade", false)]
    [InlineData("fair-participation", false)]
    public void PaidDirect_ByActivity_FollowsTheCatalogueFlag(string activity, bool direct)
    {
        var kind = KhuyenCong.Domain.Activities.ActivityCatalog.Get(activity).Kind;

        Assert.Equal(direct ? 100 : 0, (Snapshot(kind: kind, paid: 100) with { Activity = activity }).PaidDirect);
    }

    [Fact]
    public void Measures_GroupProposalWithThreeBeneficiaries_CountsThemOnceEachAndActualResultsBesidePlanned()
    {
        var snapshot = Snapshot(ProposalStatus.Settled) with { Beneficiaries = 3, ActualTrainees = 4, ActualJobs = 1, Models = 1, ProductsCertified = 0 };

        var m = snapshot.Measures();

        Assert.Equal(3, m[StatisticsMeasures.Beneficiaries]);
        Assert.Equal(5, m[StatisticsMeasures.Trainees]);
        Assert.Equal(4, m[StatisticsMeasures.ActualTrainees]);
        Assert.Equal(2, m[StatisticsMeasures.Jobs]);
        Assert.Equal(1, m[StatisticsMeasures.ActualJobs]);
        Assert.Equal(1, m[StatisticsMeasures.Models]);
    }

    [Fact]
    public void Cell_SectorGroupCode_GroupsByCodeAndOtherKeepsTheFoldedText()
    {
        var listed = Snapshot() with { SectorCode = "handicraft", Sector = "Mây tre đan" };
        var listedOtherText = Snapshot() with { SectorCode = "handicraft", Sector = "Gốm sứ" };
        var other = Snapshot() with { SectorCode = "other", Sector = "Chế biến nông sản" };

        Assert.Equal(listed.Cell.RowKey, listedOtherText.Cell.RowKey);
        Assert.Equal("handicraft", listed.Cell.SectorKey);
        Assert.Equal("che bien nong san", other.Cell.SectorKey);
    }
}
