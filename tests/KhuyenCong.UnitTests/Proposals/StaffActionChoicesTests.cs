using KhuyenCong.Application.Budgets;
using KhuyenCong.Application.Identity;
using KhuyenCong.Application.Proposals;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Budgets;
using KhuyenCong.Domain.Proposals;
using static KhuyenCong.UnitTests.Web.Staff.StaffPageData;

namespace KhuyenCong.UnitTests.Proposals;

public class StaffActionChoicesTests
{
    private static StaffActionChoices For(ProposalStatus status, ProposalCase @case, StaffPrincipal staff, params BudgetPayment[] payments) =>
        StaffActionChoices.For(Proposal(status), @case, payments, staff);

    [Fact]
    public void For_OfficerInScreeningWithAnOpenRound_ScreeningAndCancel()
    {
        var choices = For(ProposalStatus.Screening, Case(OpenScreening()), Officer);

        Assert.Equal(1, choices.Screening?.Round);
        Assert.True(choices.Cancel);
        Assert.False(choices.Contract);
        Assert.Empty(choices.PaymentKinds);
    }

    [Fact]
    public void For_ScreeningAlreadyDecided_NoScreeningForm()
    {
        var decided = OpenScreening() with { Outcome = ScreeningOutcome.Accept };

        Assert.Null(For(ProposalStatus.Screening, Case(decided), Officer).Screening);
    }

    [Fact]
    public void For_FinanceOnly_NoOfficerAction()
    {
        var choices = For(ProposalStatus.Screening, Case(OpenScreening()), Finance);

        Assert.True(choices.IsEmpty);
    }

    [Fact]
    public void For_InReview_OnlyTheOpenReviewsOfTheCurrentRoundAreReplaceable()
    {
        var @case = Case() with
        {
            Reviews = [Review("old", ReviewState.Invited) with { Round = 0 }, Review("open", ReviewState.Invited), Review("answered", ReviewState.Submitted)],
        };

        var choices = For(ProposalStatus.InReview, @case, Officer);

        Assert.Equal(["open"], choices.ReplaceableReviews.Select(r => r.ReviewerId));
    }

    [Fact]
    public void For_ApprovedWithContract_NoContractForm()
    {
        var @case = Case() with { Contract = new ContractRecord("1", new DateOnly(2026, 5, 1), null, "x", Submitted) };

        Assert.True(For(ProposalStatus.Approved, Case(), Officer).Contract);
        Assert.False(For(ProposalStatus.Approved, @case, Officer).Contract);
    }

    [Theory]
    [InlineData(ProposalStatus.Approved, new PaymentKind[0])]
    [InlineData(ProposalStatus.InProgress, new[] { PaymentKind.Advance })]
    [InlineData(ProposalStatus.Accepted, new[] { PaymentKind.Advance, PaymentKind.Final })]
    [InlineData(ProposalStatus.Settled, new PaymentKind[0])]
    public void For_Finance_PaymentKindsByStatus(ProposalStatus status, PaymentKind[] expected)
    {
        Assert.Equal(expected, For(status, Case(), Finance).PaymentKinds);
    }

    [Fact]
    public void For_AcceptedAfterTheFinalPayment_OnlyAdvances()
    {
        var final = new BudgetPayment("f", "p-1", PaymentKind.Final, 1, "x", Submitted);

        Assert.Equal([PaymentKind.Advance], For(ProposalStatus.Accepted, Case(), Finance, final).PaymentKinds);
    }

    [Fact]
    public void For_InProgress_AcceptanceWaitsForThePapersThenOpensThenCloses()
    {
        var papers = Case() with { Reports = [new ProgressReport("r", true, "Biên bản", [], Submitted)] };
        var accepted = papers with { Acceptance = new AcceptanceRecord(new DateOnly(2026, 9, 1), null, "x", Submitted) };

        Assert.Equal(AcceptanceChoice.AwaitingPapers, For(ProposalStatus.InProgress, Case(), Officer).Acceptance);
        Assert.Equal(AcceptanceChoice.Open, For(ProposalStatus.InProgress, papers, Officer).Acceptance);
        Assert.Equal(AcceptanceChoice.None, For(ProposalStatus.InProgress, accepted, Officer).Acceptance);
        Assert.Equal(AcceptanceChoice.None, For(ProposalStatus.InProgress, papers, Finance).Acceptance);
    }

    [Theory]
    [InlineData(ProposalStatus.Settled)]
    [InlineData(ProposalStatus.Rejected)]
    [InlineData(ProposalStatus.Withdrawn)]
    [InlineData(ProposalStatus.Cancelled)]
    public void For_FinalStatus_NoCancel(ProposalStatus status)
    {
        Assert.False(For(status, Case(), Admin).Cancel);
    }
}
