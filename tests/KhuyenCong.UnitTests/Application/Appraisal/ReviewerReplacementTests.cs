using KhuyenCong.Application.Appraisal;
using KhuyenCong.Application.Common;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Proposals;

namespace KhuyenCong.UnitTests.Application.Appraisal;

/// <summary>Replacing a reviewer: the reason, the stage, the review's round and state, and the conditional write that lets one change win.</summary>
[Collection(UseCaseCollection.Name)]
public class ReviewerReplacementTests(UseCaseStorage storage)
{
    private ReviewerReplacement Replacement => storage.Get<ReviewerReplacement>();

    private static ReplacementRequest Request(string id, string reviewerId, string? reason) => new(id, reviewerId, FieldInput.Of(reason), UseCaseStorage.Officer);

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public async Task ReplaceAsync_WithoutReason_InvalidAndTheReviewStaysOpen(string? reason)
    {
        var (proposal, reviewerId) = await storage.InReviewAsync();

        var result = await Replacement.ReplaceAsync(Request(proposal.Id, reviewerId, reason), new RecordingWorkflow(), CancellationToken.None);

        DecisionAssert.Invalid(result, "reason", ReviewerReplacement.ReasonInvalid);
        Assert.True((await storage.Cases.GetReviewAsync(proposal.Id, 1, reviewerId, CancellationToken.None))!.IsOpen);
    }

    [Fact]
    public async Task ReplaceAsync_ReasonTooLong_Invalid()
    {
        var result = await Replacement.ReplaceAsync(Request("p", "r", new string('x', 1001)), new RecordingWorkflow(), CancellationToken.None);

        DecisionAssert.Invalid(result, "reason", ReviewerReplacement.ReasonInvalid);
    }

    [Fact]
    public async Task ReplaceAsync_NotInReview_ConflictNamingTheStage()
    {
        var proposal = await storage.ProposalAsync(ProposalStatus.AwaitingApproval);

        var reason = DecisionAssert.Conflict(await Replacement.ReplaceAsync(Request(proposal.Id, "r", "Không trả lời"), new RecordingWorkflow(), CancellationToken.None));

        Assert.Equal("Đề án đang ở bước \"Chờ phê duyệt\": chưa thể thay thành viên hội đồng lúc này.", reason.Vietnamese);
        Assert.Equal("The proposal is awaiting-approval (Awaiting approval): replacing a reviewer is not possible now.", reason.English);
    }

    [Fact]
    public async Task ReplaceAsync_ReviewerNotInTheCurrentRound_NotFound()
    {
        var (proposal, _) = await storage.InReviewAsync();

        var result = await Replacement.ReplaceAsync(Request(proposal.Id, Guid.NewGuid().ToString("N"), "Không trả lời"), new RecordingWorkflow(), CancellationToken.None);

        Assert.Equal(ReviewerReplacement.NotInRound, DecisionAssert.NotFound(result));
    }

    [Fact]
    public async Task ReplaceAsync_OpenReview_StoresReplacedBeforeRaisingAppraisalChanged()
    {
        var (proposal, reviewerId) = await storage.InReviewAsync();
        var stateAtRaise = ReviewState.Invited;
        var workflow = new RecordingWorkflow(async id => stateAtRaise = (await storage.Cases.GetReviewAsync(id, 1, reviewerId, CancellationToken.None))!.State);

        var review = DecisionAssert.Done(await Replacement.ReplaceAsync(Request(proposal.Id, reviewerId, "Không trả lời sau 10 ngày"), workflow, CancellationToken.None));

        Assert.Equal((ReviewState.Replaced, UseCaseStorage.Officer, "Không trả lời sau 10 ngày"), (review.State, review.DecidedBy!, review.Comment!));
        Assert.Equal(ReviewState.Replaced, stateAtRaise);
        Assert.Equal(new AppraisalEvent(1, AppraisalEventKind.Replaced, reviewerId, UseCaseStorage.Officer), workflow.Single<AppraisalEvent>(WorkflowEvents.AppraisalChanged));
        Assert.DoesNotContain(await storage.Cases.ListOpenReviewsAsync(CancellationToken.None), o => o.ProposalId == proposal.Id);
    }

    [Fact]
    public async Task ReplaceAsync_AlreadyReplaced_ConflictAndNothingRaised()
    {
        var (proposal, reviewerId) = await storage.InReviewAsync();
        DecisionAssert.Done(await Replacement.ReplaceAsync(Request(proposal.Id, reviewerId, "Lần một"), new RecordingWorkflow(), CancellationToken.None));
        var workflow = new RecordingWorkflow();

        var again = await Replacement.ReplaceAsync(Request(proposal.Id, reviewerId, "Lần hai"), workflow, CancellationToken.None);

        Assert.Equal(ReviewerReplacement.NoLongerOpen, DecisionAssert.Conflict(again));
        Assert.Empty(workflow.Raised);
        Assert.Equal("Lần một", (await storage.Cases.GetReviewAsync(proposal.Id, 1, reviewerId, CancellationToken.None))!.Comment);
    }

    [Fact]
    public async Task ReplaceAsync_Concurrent_OneReplacementWinsAndIsRaisedOnce()
    {
        var (proposal, reviewerId) = await storage.InReviewAsync();
        var workflow = new RecordingWorkflow();

        var results = await Task.WhenAll(Enumerable.Range(1, 5).Select(i => Task.Run(() =>
            Replacement.ReplaceAsync(Request(proposal.Id, reviewerId, "Lý do " + i), workflow, CancellationToken.None))));

        var winner = Assert.Single(results, r => r.IsDone).Value!;
        Assert.All(results.Where(r => !r.IsDone), r => Assert.Equal(ReviewerReplacement.NoLongerOpen, DecisionAssert.Conflict(r)));
        Assert.Equal(winner.Comment, (await storage.Cases.GetReviewAsync(proposal.Id, 1, reviewerId, CancellationToken.None))!.Comment);
        workflow.Single<AppraisalEvent>(WorkflowEvents.AppraisalChanged);
    }
}
