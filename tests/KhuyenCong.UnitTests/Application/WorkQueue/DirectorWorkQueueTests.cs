using KhuyenCong.Application.WorkQueue;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.UnitTests.Web.Staff;

namespace KhuyenCong.UnitTests.Application.WorkQueue;

/// <summary>The work queues' order and the director's approval round, without storage.</summary>
public class DirectorWorkQueueTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 3, 0, 0, TimeSpan.Zero);

    private static DirectorWorkItem Item(string title, int daysWaiting, int? dueInDays) =>
        new(DirectorTask.ProposalApproval, title, 1, Now.AddDays(-daysWaiting), dueInDays is { } d ? Now.AddDays(d) : null, "https://kc.example/links/x");

    [Fact]
    public void MostUrgentFirst_Mixed_OverdueByDeadlineThenNearestDeadlineThenLongestWaiting()
    {
        var items = new[]
        {
            Item("no deadline, waiting 20 days", 20, null),
            Item("due in 3 days", 4, 3),
            Item("overdue by 1 day", 8, -1),
            Item("no deadline, waiting 30 days", 30, null),
            Item("overdue by 5 days", 12, -5),
            Item("due in 1 day", 6, 1),
        };

        var ordered = WaitingOrder.MostUrgentFirst(items, Now).Select(i => i.Title);

        Assert.Equal(["overdue by 5 days", "overdue by 1 day", "due in 1 day", "due in 3 days", "no deadline, waiting 30 days", "no deadline, waiting 20 days"], ordered);
    }

    [Fact]
    public void Item_DueYesterday_OverdueAndWaitingWholeDays()
    {
        var item = Item("x", 8, -1);

        Assert.True(item.IsOverdue(Now));
        Assert.Equal(8, item.DaysWaiting(Now));
        Assert.False(Item("y", 0, 1).IsOverdue(Now));
    }

    [Fact]
    public void ApprovalRound_SentBackForRevisionAndAppraisedAgain_TheSecondRound()
    {
        var at = StaffPageData.Submitted;
        var proposal = StaffPageData.Proposal(ProposalStatus.AwaitingApproval) with
        {
            History =
            [
                new StatusChange(at, null, ProposalStatus.Submitted, "applicant", null),
                new StatusChange(at.AddDays(20), ProposalStatus.InReview, ProposalStatus.AwaitingApproval, "council", null),
                new StatusChange(at.AddDays(22), ProposalStatus.AwaitingApproval, ProposalStatus.NeedsRevision, "director", "Bổ sung báo giá"),
                new StatusChange(at.AddDays(40), ProposalStatus.InReview, ProposalStatus.AwaitingApproval, "council", null),
            ],
        };

        Assert.Equal(2, DirectorWorkQueue.ApprovalRound(proposal));
    }

    [Fact]
    public void ApprovalRound_ImportedWithoutTheStatusInItsHistory_RoundOne()
    {
        Assert.Equal(1, DirectorWorkQueue.ApprovalRound(StaffPageData.Proposal(ProposalStatus.AwaitingApproval)));
    }
}
