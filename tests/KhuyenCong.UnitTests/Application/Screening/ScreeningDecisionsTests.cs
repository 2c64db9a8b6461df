using KhuyenCong.Application.Common;
using KhuyenCong.Application.Screening;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Proposals;

namespace KhuyenCong.UnitTests.Application.Screening;

/// <summary>The screening decision's rules, on the real case store (which decides the first decision of a round).</summary>
[Collection(UseCaseCollection.Name)]
public class ScreeningDecisionsTests(UseCaseStorage storage)
{
    private ScreeningDecisions Decisions => storage.Get<ScreeningDecisions>();

    private static ScreeningRequest Request(string id, string? decision, string? comment = null) =>
        new(id, FieldInput.Of(decision), FieldInput.Of(comment), UseCaseStorage.Officer);

    [Theory]
    [InlineData(null)]
    [InlineData("maybe")]
    [InlineData("ACCEPT")]
    public async Task DecideAsync_NoOrUnknownDecision_InvalidNamingTheDecisionAndStoresNothing(string? decision)
    {
        var proposal = await storage.InScreeningAsync();
        var workflow = new RecordingWorkflow();

        var result = await Decisions.DecideAsync(Request(proposal.Id, decision), workflow, CancellationToken.None);

        DecisionAssert.Invalid(result, "decision", ScreeningDecisions.DecisionRequired);
        Assert.Null((await storage.Cases.GetAsync(proposal.Id, CancellationToken.None)).CurrentScreening!.Outcome);
        Assert.Empty(workflow.Raised);
    }

    [Fact]
    public async Task DecideAsync_DecisionOfTheWrongType_InvalidNamingTheDecision()
    {
        var result = await Decisions.DecideAsync(new ScreeningRequest("p", new FieldInput(null, WrongType: true), FieldInput.Absent, UseCaseStorage.Officer),
            new RecordingWorkflow(), CancellationToken.None);

        DecisionAssert.Invalid(result, "decision", ScreeningDecisions.DecisionRequired);
    }

    [Theory]
    [InlineData("reject")]
    [InlineData("request-documents")]
    public async Task DecideAsync_RejectOrRequestDocumentsWithoutComment_InvalidNamingTheComment(string decision)
    {
        var result = await Decisions.DecideAsync(Request("p", decision), new RecordingWorkflow(), CancellationToken.None);

        DecisionAssert.Invalid(result, "comment", ScreeningDecisions.CommentInvalid);
    }

    [Theory]
    [InlineData(2001, false)]
    [InlineData(10, true)]
    public async Task DecideAsync_CommentTooLongOrWithControlCharacters_InvalidNamingTheComment(int length, bool control)
    {
        var comment = new string('x', length) + (control ? "\u0007" : string.Empty);

        var result = await Decisions.DecideAsync(Request("p", "accept", comment), new RecordingWorkflow(), CancellationToken.None);

        DecisionAssert.Invalid(result, "comment", ScreeningDecisions.CommentInvalid);
    }

    [Fact]
    public async Task DecideAsync_UnknownProposal_NotFound()
    {
        var result = await Decisions.DecideAsync(Request(Guid.NewGuid().ToString("N"), "accept"), new RecordingWorkflow(), CancellationToken.None);

        Assert.Equal("No such proposal.", DecisionAssert.NotFound(result).English);
    }

    [Fact]
    public async Task DecideAsync_NotInScreening_ConflictNamingTheCurrentStageInBothLanguages()
    {
        var proposal = await storage.ProposalAsync(ProposalStatus.InReview);
        var workflow = new RecordingWorkflow();

        var reason = DecisionAssert.Conflict(await Decisions.DecideAsync(Request(proposal.Id, "accept"), workflow, CancellationToken.None));

        Assert.Equal("Đề án đang ở bước \"Đang thẩm định\": chưa thể quyết định kiểm tra hồ sơ lúc này.", reason.Vietnamese);
        Assert.Equal("The proposal is in-review (In review): a screening decision is not possible now.", reason.English);
        Assert.Empty(workflow.Raised);
    }

    [Fact]
    public async Task DecideAsync_ChecksNotDone_ConflictAndNothingRaised()
    {
        var proposal = await storage.ProposalAsync(ProposalStatus.Screening);
        var workflow = new RecordingWorkflow();

        var result = await Decisions.DecideAsync(Request(proposal.Id, "accept"), workflow, CancellationToken.None);

        Assert.Equal(ScreeningDecisions.ChecksNotDone, DecisionAssert.Conflict(result));
        Assert.Empty(workflow.Raised);
    }

    [Fact]
    public async Task DecideAsync_RequestDocuments_StoresTheDecisionBeforeRaisingScreeningDecided()
    {
        var proposal = await storage.InScreeningAsync();
        ScreeningRecord? storedAtRaise = null;
        var workflow = new RecordingWorkflow(async id => storedAtRaise = (await storage.Cases.GetAsync(id, CancellationToken.None)).CurrentScreening);

        var decided = DecisionAssert.Done(await Decisions.DecideAsync(Request(proposal.Id, "request-documents", "  Bổ sung  báo giá máy "), workflow, CancellationToken.None));

        Assert.Equal(new ScreeningDecided(proposal.Id, 1, ScreeningOutcome.RequestDocuments, "Bổ sung báo giá máy", UseCaseStorage.Officer), decided);
        Assert.Equal("request-documents", decided.Code);
        Assert.Equal((ScreeningOutcome.RequestDocuments, UseCaseStorage.Officer, "Bổ sung báo giá máy"), (storedAtRaise!.Outcome!.Value, storedAtRaise.DecidedBy!, storedAtRaise.Comment!));
        Assert.Equal(new ScreeningDecision(1, ScreeningOutcome.RequestDocuments, UseCaseStorage.Officer, "Bổ sung báo giá máy"),
            workflow.Single<ScreeningDecision>(WorkflowEvents.ScreeningDecided));
    }

    [Fact]
    public async Task DecideAsync_DecidedAlready_ConflictKeepsTheFirstAndRaisesNothing()
    {
        var proposal = await storage.InScreeningAsync();
        DecisionAssert.Done(await Decisions.DecideAsync(Request(proposal.Id, "accept"), new RecordingWorkflow(), CancellationToken.None));
        var workflow = new RecordingWorkflow();

        var again = await Decisions.DecideAsync(Request(proposal.Id, "reject", "Không đủ điều kiện"), workflow, CancellationToken.None);

        Assert.Equal(ScreeningDecisions.AlreadyDecided, DecisionAssert.Conflict(again));
        Assert.Equal(ScreeningOutcome.Accept, (await storage.Cases.GetAsync(proposal.Id, CancellationToken.None)).CurrentScreening!.Outcome);
        Assert.Empty(workflow.Raised);
    }

    [Fact]
    public async Task DecideAsync_ConcurrentDecisions_StorageLetsOneWinAndOnlyItIsRaised()
    {
        var proposal = await storage.InScreeningAsync();
        var workflow = new RecordingWorkflow();

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() =>
            Decisions.DecideAsync(Request(proposal.Id, i % 2 == 0 ? "accept" : "reject", "Lần " + i), workflow, CancellationToken.None))));

        var winner = Assert.Single(results, r => r.IsDone);
        Assert.All(results.Where(r => !r.IsDone), r => Assert.Equal(ScreeningDecisions.AlreadyDecided, DecisionAssert.Conflict(r)));
        Assert.Equal(winner.Value!.Outcome, (await storage.Cases.GetAsync(proposal.Id, CancellationToken.None)).CurrentScreening!.Outcome);
        Assert.Equal(winner.Value.Outcome, workflow.Single<ScreeningDecision>(WorkflowEvents.ScreeningDecided).Outcome);
    }
}
