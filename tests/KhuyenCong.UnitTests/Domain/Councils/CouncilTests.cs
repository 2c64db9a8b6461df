using KhuyenCong.Domain.Activities;
using KhuyenCong.Domain.Appraisal;
using KhuyenCong.Domain.Councils;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.UnitTests.Domain.Councils;

public class CouncilTests
{
    private static readonly Council Council = new("k1", ["c1"], "215/QĐ-SCT", new DateOnly(2026, 11, 1), "chair", "secretary", ["m1", "m2", "m3"], 3, "officer",
        DateTimeOffset.UnixEpoch);

    private static RosterEntry Entry(string id, bool active = true, IReadOnlyList<string>? taxCodes = null) =>
        new(new Reviewer(id, "Reviewer " + id, id + "@example.vn", null, "Org", [ProposalKind.Training], [], taxCodes ?? [], [], active), 0);

    private static CouncilSession Session(params string[] present) => new("s1", "k1", new DateOnly(2026, 12, 1), present, "officer", DateTimeOffset.UnixEpoch);

    [Fact]
    public void AllMemberIds_ChairSecretaryThenMembers_EachOnce()
    {
        var council = Council with { MemberIds = ["m1", "chair", "m2"] };

        Assert.Equal(["chair", "secretary", "m1", "m2"], council.AllMemberIds);
    }

    [Fact]
    public void QuorumMet_CountsDistinctMembersOnly()
    {
        Assert.True(Session("chair", "m1", "m2").QuorumMet(Council));
        Assert.False(Session("chair", "m1", "m1", "stranger").QuorumMet(Council));
    }

    [Fact]
    public void CouncilAssignment_MembersOnTheRoster_AllScoreInTheDecisionsOrderEvenBeyondTheCount()
    {
        var roster = new[] { Entry("m3"), Entry("chair"), Entry("secretary"), Entry("m1"), Entry("m2"), Entry("outsider") };
        var proposal = new ProposalFacts("p1", ProposalKind.Machinery, "Cơ khí", "0100000001", "Công ty A") { CallId = "c1" };

        var choice = CouncilAssignment.Choose(proposal, Council.AllMemberIds, roster, 3);

        Assert.Equal(["chair", "secretary", "m1", "m2", "m3"], choice.Chosen.Select(c => c.ReviewerId));
        Assert.Null(choice.Shortfall);
    }

    [Fact]
    public void CouncilAssignment_MembersWithAConflictOrInactive_AreReplacedFromTheRosterNeverFromTheCouncil()
    {
        var roster = new[] { Entry("chair", taxCodes: ["0100000001"]), Entry("secretary", active: false), Entry("m1"), Entry("outsider") };
        var proposal = new ProposalFacts("p1", ProposalKind.Training, null, "0100000001", "Công ty A") { CallId = "c1" };

        var choice = CouncilAssignment.Choose(proposal, ["chair", "secretary", "m1"], roster, 2);

        Assert.Equal(["m1", "outsider"], choice.Chosen.Select(c => c.ReviewerId));
    }

    [Fact]
    public void AwaitingText_Appraised_TellsTheApplicantNothingIsNeededInBothLanguages()
    {
        Assert.StartsWith("Hội đồng thẩm định đã kết luận đề án đạt.", ProposalStatusLabels.Awaiting(ProposalStatus.Appraised, Language.Vietnamese), StringComparison.Ordinal);
        Assert.StartsWith("The appraisal council passed your proposal.", ProposalStatusLabels.Awaiting(ProposalStatus.Appraised, Language.English), StringComparison.Ordinal);
    }
}
