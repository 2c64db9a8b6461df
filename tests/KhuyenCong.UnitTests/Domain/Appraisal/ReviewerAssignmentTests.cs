using KhuyenCong.Domain.Activities;
using KhuyenCong.Domain.Appraisal;
using KhuyenCong.Domain.Proposals;

namespace KhuyenCong.UnitTests.Domain.Appraisal;

public class ReviewerAssignmentTests
{
    private static readonly ProposalFacts Proposal = new(
        "0197a1b2c3d4e5f60718293a4b5c6d7e", ProposalKind.Machinery, "Chế biến nông sản thực phẩm", "0109876543", "Công ty TNHH Mây tre đan Phú Vinh");

    private static RosterEntry Entry(
        string id,
        int open = 0,
        ProposalKind[]? kinds = null,
        string[]? sectors = null,
        string[]? taxCodes = null,
        string[]? organizations = null,
        bool active = true) =>
        new(new Reviewer(id, "Reviewer " + id, id + "@example.vn", null, "Org", kinds ?? [ProposalKind.Machinery], sectors ?? [], taxCodes ?? [], organizations ?? [], active), open);

    private static List<string> Ids(ReviewerChoice choice) => choice.Chosen.Select(c => c.ReviewerId).ToList();

    [Fact]
    public void Choose_KindRequired_OnlyReviewersOfTheKind()
    {
        var roster = new[] { Entry("a", kinds: [ProposalKind.Training]), Entry("b"), Entry("c", kinds: [ProposalKind.Training, ProposalKind.Machinery]), Entry("d", kinds: [ProposalKind.Brand]) };

        var choice = ReviewerAssignment.Choose(Proposal, roster, 3);

        Assert.Equal(["b", "c"], Ids(choice).Order(StringComparer.Ordinal));
        Assert.Equal(2, choice.Counts.KindMismatch);
    }

    [Fact]
    public void Choose_SectorMatches_PreferredOverLowerWorkload()
    {
        var roster = new[] { Entry("idle1"), Entry("idle2"), Entry("expert", open: 5, sectors: ["chế biến NÔNG SẢN"]), Entry("idle3") };

        var choice = ReviewerAssignment.Choose(Proposal, roster, 3);

        Assert.Equal("expert", choice.Chosen[0].ReviewerId);
        Assert.True(choice.Chosen[0].SectorMatch);
        Assert.All(choice.Chosen.Skip(1), c => Assert.False(c.SectorMatch));
    }

    [Theory]
    [InlineData("che bien nong san")]
    [InlineData("Chế biến nông sản thực phẩm")]
    [InlineData("Chế biến nông sản, thực phẩm và đồ uống")]
    public void SectorMatches_FoldedWholeWords_Match(string sector) =>
        Assert.True(ReviewerAssignment.SectorMatches(Entry("a", sectors: [sector]).Reviewer, Proposal.Sector));

    [Theory]
    [InlineData("Cơ khí")]
    [InlineData("Dệt may")]
    [InlineData("")]
    public void SectorMatches_OtherSectors_NoMatch(string sector) =>
        Assert.False(ReviewerAssignment.SectorMatches(Entry("a", sectors: [sector]).Reviewer, Proposal.Sector));

    [Fact]
    public void SectorMatches_PartOfAWord_NoMatch() =>
        Assert.False(ReviewerAssignment.SectorMatches(Entry("a", sectors: ["sản thực"]).Reviewer, "Chế biến nông sảnthực phẩm"));

    [Theory]
    [InlineData("0109876543")]
    [InlineData("0109876543-002")]
    public void Choose_DeclaredTaxCodeOfTheApplicantOrABranch_Excluded(string declared)
    {
        var roster = new[] { Entry("a", taxCodes: [declared]), Entry("b"), Entry("c") };

        var choice = ReviewerAssignment.Choose(Proposal, roster, 3);

        Assert.DoesNotContain("a", Ids(choice));
        Assert.Equal(1, choice.Counts.Conflicted);
        Assert.False(choice.IsComplete);
    }

    [Fact]
    public void Choose_BranchApplicantAndParentDeclared_Excluded() =>
        Assert.True(ReviewerAssignment.HasConflict(Entry("a", taxCodes: ["0109876543"]).Reviewer, Proposal with { TaxCode = "0109876543-001" }));

    [Fact]
    public void Choose_OtherTaxCode_NotExcluded() =>
        Assert.False(ReviewerAssignment.HasConflict(Entry("a", taxCodes: ["0109876542"]).Reviewer, Proposal));

    [Theory]
    [InlineData("Công ty TNHH Mây tre đan Phú Vinh")]
    [InlineData("CONG TY TNHH MAY TRE DAN PHU VINH")]
    [InlineData("công ty tnhh mây-tre đan phú vinh.")]
    public void Choose_DeclaredOrganizationWithOrWithoutDiacritics_Excluded(string declared)
    {
        var roster = new[] { Entry("a", organizations: ["Hợp tác xã Khác", declared]), Entry("b") };

        var choice = ReviewerAssignment.Choose(Proposal, roster, 2);

        Assert.Equal(["b"], Ids(choice));
        Assert.Equal(1, choice.Counts.Conflicted);
    }

    [Fact]
    public void Choose_DifferentOrganization_NotExcluded() =>
        Assert.False(ReviewerAssignment.HasConflict(Entry("a", organizations: ["Công ty TNHH Mây tre đan Phú Vinh 2"]).Reviewer, Proposal));

    [Fact]
    public void Choose_Workloads_FewestOpenReviewsFirst()
    {
        var roster = new[] { Entry("busy", open: 7), Entry("free", open: 0), Entry("some", open: 2), Entry("more", open: 3) };

        var choice = ReviewerAssignment.Choose(Proposal, roster, 3);

        Assert.Equal(["free", "some", "more"], Ids(choice));
        Assert.Equal([0, 2, 3], choice.Chosen.Select(c => c.OpenReviews));
    }

    [Fact]
    public void Choose_ExclusionList_SkipsThoseReviewers()
    {
        var roster = new[] { Entry("a"), Entry("b"), Entry("c"), Entry("d") };

        var choice = ReviewerAssignment.Choose(Proposal, roster, 3, exclude: ["A", "c"]);

        Assert.Equal(["b", "d"], Ids(choice).Order(StringComparer.Ordinal));
        Assert.Equal(2, choice.Counts.Excluded);
    }

    [Fact]
    public void Choose_InactiveReviewer_NeverChosen()
    {
        var choice = ReviewerAssignment.Choose(Proposal, [Entry("a", active: false), Entry("b")], 2);

        Assert.Equal(["b"], Ids(choice));
        Assert.Equal(1, choice.Counts.Inactive);
    }

    [Fact]
    public void Choose_SameInputsInAnyRosterOrder_SameChoice()
    {
        var roster = Enumerable.Range(0, 12).Select(i => Entry("r" + i, open: i % 2)).ToList();
        var shuffled = roster.AsEnumerable().Reverse().ToList();

        var first = ReviewerAssignment.Choose(Proposal, roster, 3);
        var again = ReviewerAssignment.Choose(Proposal, shuffled, 3);

        Assert.Equal(Ids(first), Ids(again));
        Assert.All(first.Chosen, c => Assert.Equal(0, c.OpenReviews));
    }

    [Fact]
    public void Choose_TiesAcrossManyProposals_SpreadOverTheRoster()
    {
        var roster = Enumerable.Range(0, 10).Select(i => Entry("r" + i)).ToList();

        var chosenEver = Enumerable.Range(0, 40)
            .SelectMany(p => Ids(ReviewerAssignment.Choose(Proposal with { ProposalId = "p" + p }, roster, 3)))
            .ToHashSet(StringComparer.Ordinal);

        Assert.True(chosenEver.Count >= 8, $"only {chosenEver.Count} reviewers were ever chosen");
    }

    [Fact]
    public void TieBreak_SameIds_SameNumberDifferentProposal_DifferentNumber()
    {
        Assert.Equal(ReviewerAssignment.TieBreak("p1", "r1"), ReviewerAssignment.TieBreak("p1", "r1"));
        Assert.NotEqual(ReviewerAssignment.TieBreak("p1", "r1"), ReviewerAssignment.TieBreak("p2", "r1"));
    }

    [Fact]
    public void Choose_NotEnoughReviewers_FewerWithReasonInBothLanguages()
    {
        var roster = new[] { Entry("a"), Entry("b", kinds: [ProposalKind.Training]), Entry("c", active: false), Entry("d", taxCodes: ["0109876543"]) };

        var choice = ReviewerAssignment.Choose(Proposal, roster);

        Assert.Equal(["a"], Ids(choice));
        Assert.Equal(3, choice.Requested);
        Assert.False(choice.IsComplete);
        Assert.NotNull(choice.Shortfall);
        Assert.Equal("not-enough-reviewers", choice.Shortfall.Code);
        Assert.Contains("Chỉ tìm được 1/3 thành viên hội đồng", choice.Shortfall.Vi, StringComparison.Ordinal);
        Assert.Contains("1 with a declared conflict of interest", choice.Shortfall.En, StringComparison.Ordinal);
        Assert.Equal(new AssignmentCounts(4, 1, 0, 1, 1, 1, 0), choice.Counts);
    }

    [Fact]
    public void Choose_EnoughReviewers_NoShortfall()
    {
        var choice = ReviewerAssignment.Choose(Proposal, [Entry("a"), Entry("b"), Entry("c"), Entry("d")]);

        Assert.True(choice.IsComplete);
        Assert.Null(choice.Shortfall);
        Assert.Equal(3, choice.Chosen.Count);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(16)]
    public void Choose_CountOutOfRange_Throws(int count) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ReviewerAssignment.Choose(Proposal, [], count));
}
