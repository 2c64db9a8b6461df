using KhuyenCong.Domain.Activities;
using KhuyenCong.Domain.Programmes;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.UnitTests.Domain.Programmes;

public class ProgrammeMeasuresTests
{
    private static ProgrammeProposalFacts Facts(ProposalKind kind, ProposalStatus status, long? approved = null, long paid = 0, int trainees = 0, int jobs = 0,
        int actualTrainees = 0, int actualJobs = 0, int models = 0, int products = 0) =>
        new(Guid.NewGuid().ToString("N"), kind, status, 100, approved, paid, trainees, jobs)
        {
            ActualTrainees = actualTrainees, ActualJobs = actualJobs, ModelsBuilt = models, ProductsCertified = products,
        };

    private static Programme WithTargets(params string[] codes) =>
        new("p1", "Chương trình", 2021, 2025, FundingSource.National, "1881/QĐ-TTg", codes.Select(c => new ProgrammeTarget(c, c, c, "x", 10)).ToList());

    [Theory]
    [InlineData(ProposalStatus.Approved, true)]
    [InlineData(ProposalStatus.InProgress, true)]
    [InlineData(ProposalStatus.Accepted, true)]
    [InlineData(ProposalStatus.Settled, true)]
    [InlineData(ProposalStatus.Submitted, false)]
    [InlineData(ProposalStatus.AwaitingApproval, false)]
    [InlineData(ProposalStatus.Rejected, false)]
    [InlineData(ProposalStatus.Cancelled, false)]
    public void IsApprovedOrLater_EachStatus_MatchesTheDefinition(ProposalStatus status, bool expected) =>
        Assert.Equal(expected, ProgrammeMeasures.IsApprovedOrLater(status));

    [Fact]
    public void Progress_MixedProposals_CountsEachMeasureAsDefined()
    {
        var facts = new[]
        {
            Facts(ProposalKind.DemonstrationModel, ProposalStatus.Approved, approved: 500, paid: 0, trainees: 20, jobs: 3),
            Facts(ProposalKind.DemonstrationModel, ProposalStatus.Settled, approved: 700, paid: 700, trainees: 5, jobs: 1, actualTrainees: 6, actualJobs: 2, models: 1),
            Facts(ProposalKind.DemonstrationModel, ProposalStatus.InReview, trainees: 1000),
            Facts(ProposalKind.TypicalProduct, ProposalStatus.Accepted, approved: 100, paid: 50, products: 3),
            Facts(ProposalKind.TechnologyLine, ProposalStatus.InProgress, approved: 300, paid: 10),
            Facts(ProposalKind.Machinery, ProposalStatus.Cancelled, approved: 900, paid: 40),
        };
        var programme = WithTargets("demonstration-models", "typical-products", "machinery", "trainees", "jobs", "proposals", "approved-amount", "paid-amount");

        var progress = ProgrammeMeasures.Progress(programme, facts).ToDictionary(p => p.Target.Code, p => p.Actual);

        // Issue 14 line 6: targets of results count the actual results recorded at acceptance, not the planned ones.
        Assert.Equal(1, progress["demonstration-models"]);
        Assert.Equal(3, progress["typical-products"]);
        Assert.Equal(1, progress["machinery"]);
        Assert.Equal(6, progress["trainees"]);
        Assert.Equal(2, progress["jobs"]);
        Assert.Equal(4, progress["proposals"]);
        Assert.Equal(1600, progress["approved-amount"]);
        Assert.Equal(800, progress["paid-amount"]);
    }

    [Fact]
    public void Percent_TwoOfFifteen_RoundsToOneDecimal() =>
        Assert.Equal(13.3m, new TargetProgress(new ProgrammeTarget("demonstration-models", "a", "b", "c", 15), 2).Percent);

    [Fact]
    public void All_EveryMeasure_HasUniqueLowerCaseCodeAndNamesInBothLanguages()
    {
        Assert.Equal(ProgrammeMeasures.All.Count, ProgrammeMeasures.All.Select(m => m.Code).Distinct(StringComparer.Ordinal).Count());
        Assert.All(ProgrammeMeasures.All, m =>
        {
            Assert.Equal(m.Code.ToLowerInvariant(), m.Code);
            Assert.NotEmpty(m.Name(Language.Vietnamese));
            Assert.NotEmpty(m.Name(Language.English));
        });
    }
}
