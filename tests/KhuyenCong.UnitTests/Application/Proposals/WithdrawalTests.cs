using KhuyenCong.Application.Common;
using KhuyenCong.Application.Links;
using KhuyenCong.Application.Proposals;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.UnitTests.Application.Support;

namespace KhuyenCong.UnitTests.Application.Proposals;

/// <summary>The applicant's withdrawal (<see cref="Withdrawal"/>) on the real link-use store: one use, freed when the workflow is not told.</summary>
[Collection(LinkDecisionCollection.Name)]
public sealed class WithdrawalTests(LinkDecisionStorage storage)
{
    private Withdrawal Withdrawal => storage.Get<Withdrawal>();

    private async Task<OpenedLink> LinkAsync(ProposalStatus status = ProposalStatus.Screening) =>
        LinkDecisionStorage.Link(await storage.ProposalAsync(status), LinkActions.Withdraw, "applicant");

    [Fact]
    public async Task Withdraw_WhileTheWorkflowRuns_ClaimsTheLink_ThenRaisesWithdrawnWithTheReasonNormalisedAndCut()
    {
        var link = await LinkAsync();
        var events = new RecordingWorkflowEvents();

        var decision = await Withdrawal.WithdrawAsync(link, "  Cơ sở\u0020đổi   kế hoạch " + new string('x', 2000), events, CancellationToken.None);

        Assert.True(decision.IsDone);
        var raised = Assert.Single(events.Raised);
        Assert.Equal((link.ProposalId, WorkflowEvents.Withdrawn), (raised.ProposalId, raised.Name));
        var request = Assert.IsType<WithdrawalRequest>(raised.Payload);
        Assert.Equal("applicant", request.By);
        Assert.Equal(Withdrawal.MaxReasonLength, request.Reason!.Length);
        Assert.StartsWith("Cơ sở đổi kế hoạch x", request.Reason, StringComparison.Ordinal);
        Assert.Equal("withdrawn", (await storage.Uses.GetAsync(link.Claims.LinkId, CancellationToken.None))!.Decision);
        var reopened = await Withdrawal.OpenAsync(link, CancellationToken.None);
        Assert.StartsWith("Đã ghi nhận: " + ProposalStatusLabels.Label(ProposalStatus.Withdrawn, KhuyenCong.Domain.Text.Language.Vietnamese), reopened.Reason!.Vietnamese, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Withdraw_TwentyAtOnce_OneRaises_TheOthersAreConflicts()
    {
        var link = await LinkAsync();
        var events = new RecordingWorkflowEvents();

        var decisions = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Withdrawal.WithdrawAsync(link, null, events, CancellationToken.None)));

        Assert.Single(decisions, d => d.IsDone);
        Assert.Equal(19, decisions.Count(d => d.Kind == DecisionKind.Conflict));
        Assert.Null(Assert.IsType<WithdrawalRequest>(Assert.Single(events.Raised).Payload).Reason);
    }

    [Fact]
    public async Task Withdraw_EventNotRaised_FreesTheLinkForAnotherTry()
    {
        var link = await LinkAsync();
        var events = new RecordingWorkflowEvents { Failure = new TimeoutException("engine unreachable") };

        await Assert.ThrowsAsync<TimeoutException>(() => Withdrawal.WithdrawAsync(link, "Lý do", events, CancellationToken.None));
        events.Failure = null;

        Assert.Null(await storage.Uses.GetAsync(link.Claims.LinkId, CancellationToken.None));
        Assert.True((await Withdrawal.WithdrawAsync(link, "Lý do", events, CancellationToken.None)).IsDone);
    }

    [Fact]
    public async Task Withdraw_EndedProposalOrWorkflow_IsConflict_AndLeavesTheLinkUnused()
    {
        var ended = await LinkAsync(ProposalStatus.Rejected);
        var stopped = await LinkAsync();
        var events = new RecordingWorkflowEvents { Running = false };

        var endedDecision = await Withdrawal.WithdrawAsync(ended, null, new RecordingWorkflowEvents(), CancellationToken.None);
        var stoppedDecision = await Withdrawal.WithdrawAsync(stopped, null, events, CancellationToken.None);

        Assert.Equal(DecisionKind.Conflict, endedDecision.Kind);
        Assert.Equal(DecisionKind.Conflict, (await Withdrawal.OpenAsync(ended, CancellationToken.None)).Kind);
        Assert.Equal(DecisionKind.Conflict, stoppedDecision.Kind);
        Assert.Null(await storage.Uses.GetAsync(stopped.Claims.LinkId, CancellationToken.None));
        Assert.Empty(events.Raised);
    }

    [Fact]
    public async Task Withdraw_WorkflowPendingThenStarted_WaitsForTheStartThenClaimsTheLinkAndRaisesOnce()
    {
        var link = await LinkAsync();
        var events = new RecordingWorkflowEvents();
        events.Runs.Enqueue(WorkflowRun.Pending);

        Assert.Equal(DecisionKind.Done, (await Withdrawal.WithdrawAsync(link, null, events, CancellationToken.None)).Kind);

        Assert.Equal(2, events.RunChecks);
        Assert.Single(events.Raised);
        Assert.NotNull(await storage.Uses.GetAsync(link.Claims.LinkId, CancellationToken.None));
    }
}
