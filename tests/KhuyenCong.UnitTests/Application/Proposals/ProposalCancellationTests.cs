using KhuyenCong.Application.Common;
using KhuyenCong.Application.Proposals;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Proposals;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace KhuyenCong.UnitTests.Application.Proposals;

/// <summary>Cancelling a proposal: the reason, and only while the proposal is open and its workflow runs.</summary>
[Collection(UseCaseCollection.Name)]
public class ProposalCancellationTests(UseCaseStorage storage)
{
    private ProposalCancellation Cancellation => storage.Get<ProposalCancellation>();

    private static CancellationOrder Order(string id, string? reason) => new(id, FieldInput.Of(reason), UseCaseStorage.Officer);

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    [InlineData("Lý do \u202Egiả")]
    public async Task CancelAsync_NoOrBadReason_InvalidNamingTheReason(string? reason)
    {
        var workflow = new RecordingWorkflow();

        var result = await Cancellation.CancelAsync(Order("p", reason), workflow, CancellationToken.None);

        DecisionAssert.Invalid(result, "reason", ProposalCancellation.ReasonInvalid);
        Assert.Empty(workflow.Raised);
    }

    [Fact]
    public async Task CancelAsync_ReasonOfTheWrongType_Invalid()
    {
        var result = await Cancellation.CancelAsync(new CancellationOrder("p", new FieldInput(null, WrongType: true), UseCaseStorage.Officer), new RecordingWorkflow(), CancellationToken.None);

        DecisionAssert.Invalid(result, "reason", ProposalCancellation.ReasonInvalid);
    }

    [Fact]
    public async Task CancelAsync_UnknownProposal_NotFound()
    {
        var result = await Cancellation.CancelAsync(Order(Guid.NewGuid().ToString("N"), "Trùng đề án"), new RecordingWorkflow(), CancellationToken.None);

        Assert.Equal(ProposalStages.NoSuchProposal, DecisionAssert.NotFound(result));
    }

    [Theory]
    [InlineData(ProposalStatus.Cancelled, "Đã hủy")]
    [InlineData(ProposalStatus.Settled, "Đã quyết toán")]
    public async Task CancelAsync_ClosedProposal_ConflictNamingItsStage(ProposalStatus status, string label)
    {
        var proposal = await storage.ProposalAsync(status);
        var workflow = new RecordingWorkflow();

        var reason = DecisionAssert.Conflict(await Cancellation.CancelAsync(Order(proposal.Id, "Trùng đề án"), workflow, CancellationToken.None));

        Assert.Equal($"Đề án đã kết thúc ({label}).", reason.Vietnamese);
        Assert.Equal($"The proposal is already closed ({status.ToCode()}).", reason.English);
        Assert.Empty(workflow.Raised);
    }

    [Fact]
    public async Task CancelAsync_WorkflowNoLongerRunning_Conflict()
    {
        var proposal = await storage.ProposalAsync(ProposalStatus.Screening);
        var workflow = new RecordingWorkflow { Running = false };

        DecisionAssert.Conflict(await Cancellation.CancelAsync(Order(proposal.Id, "Trùng đề án"), workflow, CancellationToken.None));

        Assert.Empty(workflow.Raised);
    }

    [Fact]
    public async Task CancelAsync_WorkflowPendingThenStarted_WaitsForTheStartThenRaisesOnce()
    {
        var proposal = await storage.ProposalAsync(ProposalStatus.Submitted);
        var workflow = new RecordingWorkflow();
        workflow.Runs.Enqueue(WorkflowRun.Pending);
        workflow.Runs.Enqueue(WorkflowRun.Pending);

        DecisionAssert.Done(await Cancellation.CancelAsync(Order(proposal.Id, "Trùng đề án"), workflow, CancellationToken.None));

        Assert.Equal(3, workflow.RunChecks);
        workflow.Single<CancellationRequest>(WorkflowEvents.Cancelled);
    }

    [Fact]
    public async Task CancelAsync_StillPendingAfterTheWait_RaisesAnywayToWakeAnInstanceWhoseRowLags()
    {
        var proposal = await storage.ProposalAsync(ProposalStatus.Screening);
        var noWait = new ProposalCancellation(storage.Get<IProposalRepository>(),
            new WorkflowStarts(Options.Create(new WorkflowOptions { StartWait = TimeSpan.Zero }), TimeProvider.System), NullLogger<ProposalCancellation>.Instance);
        var workflow = new RecordingWorkflow();
        workflow.Runs.Enqueue(WorkflowRun.Pending);

        DecisionAssert.Done(await noWait.CancelAsync(Order(proposal.Id, "Trùng đề án"), workflow, CancellationToken.None));

        workflow.Single<CancellationRequest>(WorkflowEvents.Cancelled);
    }

    [Fact]
    public async Task CancelAsync_OpenProposal_RaisesCancelledWithTheNormalizedReason()
    {
        var proposal = await storage.ProposalAsync(ProposalStatus.InReview);
        var workflow = new RecordingWorkflow();

        var cancellation = DecisionAssert.Done(await Cancellation.CancelAsync(Order(proposal.Id, " Trùng nội dung   với đề án năm trước "), workflow, CancellationToken.None));

        Assert.Equal(new CancellationRequest(UseCaseStorage.Officer, "Trùng nội dung với đề án năm trước"), cancellation);
        Assert.Equal(cancellation, workflow.Single<CancellationRequest>(WorkflowEvents.Cancelled));
    }
}
