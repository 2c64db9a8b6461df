using KhuyenCong.Application.Email;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Activities;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.UnitTests.Workflow;

/// <summary>The yearly cycle's emails and the tracking page's explanations of its statuses.</summary>
public class CycleEmailsTests
{
    private static Proposal Proposal(string title = "Máy sấy nông sản") => new()
    {
        Id = "p1",
        TrackingCode = "KC-AAAA-BBBB-CCCC-DDDD-EE",
        Status = ProposalStatus.Approved,
        SubmittedAt = new DateTimeOffset(2026, 10, 10, 3, 0, 0, TimeSpan.Zero),
        Channel = SubmissionChannel.Online,
        EnteredBy = "applicant",
        AssignedPlanYear = 2027,
        Funding = new ProposalFunding { ApprovedAmount = 190_000_000, DecisionNumber = "12/QĐ-UBND", DecisionDate = new DateOnly(2026, 12, 30) },
        Submission = new ProposalSubmission
        {
            OrganizationName = "HTX <Tiên Lữ>",
            TaxCode = "0101234567",
            Representative = "Nguyễn Thị Hoa",
            Email = "hoa@example.vn",
            Phone = "0912345678",
            Address = "Thôn Đông",
            Commune = "Xã Thiện Phiến",
            Province = "hung-yen",
            Kind = ProposalKind.Machinery,
            Sector = "Chế biến nông sản",
            FundingSource = FundingSource.Local,
            Title = title,
            Summary = "Tóm tắt",
            TotalCost = 600_000_000,
            RequestedSupport = 250_000_000,
            OwnContribution = 350_000_000,
            StartDate = new DateOnly(2027, 3, 1),
            EndDate = new DateOnly(2027, 10, 31),
        },
    };

    [Fact]
    public void PlanIncluded_DecisionOnTheRecord_GivesNumberDateAmountAndPlanYearInBothLanguages()
    {
        var message = CycleEmails.PlanIncluded(Proposal(), 1, "https://kc.example.vn/links/t1");

        Assert.Contains("kế hoạch khuyến công năm 2027 theo Quyết định số 12/QĐ-UBND ngày 30/12/2026, kinh phí hỗ trợ 190.000.000 đồng", message.Text, StringComparison.Ordinal);
        Assert.Contains("190,000,000 VND", message.Text, StringComparison.Ordinal);
        Assert.Contains("https://kc.example.vn/links/t1?lang=en", message.Html, StringComparison.Ordinal);
        Assert.Equal("hoa@example.vn", Assert.Single(message.To).Email);
    }

    [Fact]
    public void Emails_OfEachStepAndRound_HaveTheirOwnSendIdsAndEscapeTheTitle()
    {
        var p = Proposal("<script>x</script>");
        var messages = new[]
        {
            CycleEmails.Appraised(p, 1, "https://kc.example.vn"),
            CycleEmails.InPlan(p, 1, "https://kc.example.vn"),
            CycleEmails.SentToMinistry(p, 1, "https://kc.example.vn"),
            CycleEmails.Reserve(p, 1, "https://kc.example.vn"),
            CycleEmails.Reserve(p, 2, "https://kc.example.vn"),
            CycleEmails.NotSelected(p, 2, "QĐ 30/QĐ-UBND, 05/01/2027", "https://kc.example.vn"),
            CycleEmails.PlanIncluded(p, 2, "https://kc.example.vn/links/t"),
            CycleEmails.CouncilSessionNeeded(p, 1, ["a@kc.vn"], "https://kc.example.vn/staff/proposals/p1"),
        };

        Assert.Equal(messages.Length, messages.Select(m => m.SendId).Distinct().Count());
        Assert.All(messages, m => Assert.DoesNotContain("<script>", m.Html, StringComparison.Ordinal));
        Assert.All(messages, m => Assert.True(m.Html.IndexOf("lang=\"vi\"", StringComparison.Ordinal) < m.Html.IndexOf("lang=\"en\"", StringComparison.Ordinal)));
        Assert.Contains("(căn cứ: QĐ 30/QĐ-UBND, 05/01/2027)", messages[5].Text, StringComparison.Ordinal);
        Assert.Equal("a@kc.vn", Assert.Single(messages[7].To).Email);
    }

    [Theory]
    [InlineData(ProposalStatus.Appraised)]
    [InlineData(ProposalStatus.InPlan)]
    [InlineData(ProposalStatus.SentToMinistry)]
    [InlineData(ProposalStatus.Reserve)]
    [InlineData(ProposalStatus.NotSelected)]
    public void Explanation_CycleStatus_IsGivenInVietnameseAndEnglish(ProposalStatus status)
    {
        var vi = ProposalStatusLabels.Explanation(status, Language.Vietnamese);
        var en = ProposalStatusLabels.Explanation(status, Language.English);

        Assert.False(string.IsNullOrWhiteSpace(vi));
        Assert.False(string.IsNullOrWhiteSpace(en));
        Assert.Contains("đề án", vi, StringComparison.OrdinalIgnoreCase);
        Assert.NotEqual(vi, en);
    }

    [Fact]
    public void Explanation_StatusesBeforeTheCycle_AreLeftToTheirLabels()
    {
        Assert.Null(ProposalStatusLabels.Explanation(ProposalStatus.AwaitingApproval, Language.Vietnamese));
        Assert.Null(ProposalStatusLabels.Explanation(ProposalStatus.Screening, Language.English));
    }

    [Fact]
    public void WorkflowEmailKind_CycleKinds_AreAppendedAfterTheRecordedOnes()
    {
        // The kind travels as its number in every recorded history: the kinds before the cycle keep their positions.
        Assert.Equal(14, (int)WorkflowEmailKind.WithdrawnNotice);
        Assert.Equal(15, (int)WorkflowEmailKind.CouncilSessionNeeded);
    }
}
