using KhuyenCong.Application.Approval;
using KhuyenCong.Application.Common;
using KhuyenCong.Application.Identity;
using KhuyenCong.Application.Links;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.UnitTests.Application.Support;

namespace KhuyenCong.UnitTests.Application.Approval;

/// <summary>
/// The director's decision (<see cref="ApprovalDecisions"/>) on the real ledger, link uses and case store: the budget
/// commit and the single use decide, under any concurrency.
/// </summary>
[Collection(LinkDecisionCollection.Name)]
public sealed class ApprovalDecisionsTests(LinkDecisionStorage storage)
{
    private static readonly StaffPrincipal Director = new("Trần Văn Giám", new HashSet<string> { StaffRoles.Director }) { ObjectId = "0a1b2c" };

    private ApprovalDecisions Approvals => storage.Get<ApprovalDecisions>();

    private async Task<OpenedLink> AwaitingAsync() =>
        LinkDecisionStorage.Link(await storage.ProposalAsync(ProposalStatus.AwaitingApproval), LinkActions.Approve, "director");

    /// <summary>An approval as the confirm step posts it (confirmed).</summary>
    private static DirectorDecisionForm Approve(long amount) =>
        new("approve", amount.ToString(System.Globalization.CultureInfo.InvariantCulture), "125/QĐ-SCT", "2026-11-30", null) { Confirmed = true };

    private static DirectorDecisionForm Reject() => new("reject", null, null, null, "Không phù hợp với kế hoạch.");

    [Fact]
    public async Task Decide_Approve_CommitsTheAmount_StoresTheDecisionByTheDirector_ThenRaisesDirectorDecided()
    {
        var link = await AwaitingAsync();
        var key = await storage.BudgetAsync(link.Proposal, 1_000_000_000);
        var events = new RecordingWorkflowEvents();

        var decision = await Approvals.DecideAsync(link, Approve(200_000_000), Director, events, CancellationToken.None);

        Assert.True(decision.IsDone);
        Assert.Equal(200_000_000, (await storage.Ledger.GetCommitmentAsync(key, link.ProposalId, CancellationToken.None))!.Approved);
        Assert.Equal(800_000_000, (await storage.Ledger.GetAsync(key, CancellationToken.None)).Remaining);
        var stored = Assert.Single((await storage.Cases.GetAsync(link.ProposalId, CancellationToken.None)).Approvals);
        Assert.Equal(new ApprovalRecord(1, DirectorOutcome.Approve, 200_000_000, "125/QĐ-SCT", new DateOnly(2026, 11, 30), null, "Trần Văn Giám (oid 0a1b2c)", stored.At), stored);
        Assert.Equal("approve", (await storage.Uses.GetAsync(link.Claims.LinkId, CancellationToken.None))!.Decision);
        var raised = Assert.Single(events.Raised);
        Assert.Equal(WorkflowEvents.DirectorDecided, raised.Name);
        Assert.Equal(new DirectorDecision(1, DirectorOutcome.Approve, stored.By), raised.Payload);
        Assert.Equal(DecisionKind.Conflict, (await Approvals.OpenAsync(link, CancellationToken.None)).Kind);
    }

    [Fact]
    public async Task Decide_BudgetTooSmall_IsConflictWithTheLedgersReason_CommitsNothing_AndTheLinkDecidesAgain()
    {
        var link = await AwaitingAsync();
        var key = await storage.BudgetAsync(link.Proposal, 150_000_000);
        var events = new RecordingWorkflowEvents();

        var refused = await Approvals.DecideAsync(link, Approve(200_000_000), Director, events, CancellationToken.None);

        Assert.Equal(DecisionKind.Conflict, refused.Kind);
        Assert.Contains("Không đủ kinh phí", refused.Reason!.Vietnamese, StringComparison.Ordinal);
        Assert.Contains("150.000.000", refused.Reason.Vietnamese, StringComparison.Ordinal);
        Assert.Null(await storage.Ledger.GetCommitmentAsync(key, link.ProposalId, CancellationToken.None));
        Assert.Null(await storage.Uses.GetAsync(link.Claims.LinkId, CancellationToken.None));
        Assert.Empty((await storage.Cases.GetAsync(link.ProposalId, CancellationToken.None)).Approvals);
        Assert.Empty(events.Raised);
        Assert.True((await Approvals.OpenAsync(link, CancellationToken.None)).IsDone);

        Assert.True((await Approvals.DecideAsync(link, Approve(150_000_000), Director, events, CancellationToken.None)).IsDone);
        Assert.Equal(0, (await storage.Ledger.GetAsync(key, CancellationToken.None)).Remaining);
    }

    [Fact]
    public async Task Decide_TwentyAtOnceOnOneLink_OneCommitsAndDecides_TheOthersAreConflicts()
    {
        var link = await AwaitingAsync();
        var key = await storage.BudgetAsync(link.Proposal, 1_000_000_000);
        var before = await storage.Ledger.GetAsync(key, CancellationToken.None);
        var events = new RecordingWorkflowEvents();

        var decisions = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Approvals.DecideAsync(link, i % 2 == 0 ? Approve(100_000_000 + i) : Reject(), Director, events, CancellationToken.None)));

        var winner = Assert.Single(decisions, d => d.IsDone).Value!;
        Assert.Equal(19, decisions.Count(d => d.Kind == DecisionKind.Conflict));
        var commitment = await storage.Ledger.GetCommitmentAsync(key, link.ProposalId, CancellationToken.None);
        Assert.Equal(winner.Amount, commitment?.Approved);
        Assert.Equal(before.Committed + (winner.Amount ?? 0), (await storage.Ledger.GetAsync(key, CancellationToken.None)).Committed);
        Assert.Single((await storage.Cases.GetAsync(link.ProposalId, CancellationToken.None)).Approvals);
        Assert.Single(events.Raised);
    }

    [Fact]
    public async Task Decide_InvalidForm_IsInvalid_AndClaimsAndCommitsNothing()
    {
        var link = await AwaitingAsync();
        var key = await storage.BudgetAsync(link.Proposal, 1_000_000_000);

        var decision = await Approvals.DecideAsync(link, new DirectorDecisionForm("approve", "0", "", "31/02/2026", null) { Confirmed = true }, Director, new RecordingWorkflowEvents(), CancellationToken.None);

        Assert.Equal(DecisionKind.Invalid, decision.Kind);
        Assert.Equal([DirectorDecisionForm.AmountField, DirectorDecisionForm.DecisionDateField], decision.Errors!.Fields);
        Assert.Null(await storage.Uses.GetAsync(link.Claims.LinkId, CancellationToken.None));
        Assert.Null(await storage.Ledger.GetCommitmentAsync(key, link.ProposalId, CancellationToken.None));
    }

    [Fact]
    public async Task Decide_ApprovalNotConfirmed_IsInvalidAtTheConfirmField_AndClaimsAndCommitsNothing()
    {
        var link = await AwaitingAsync();
        var key = await storage.BudgetAsync(link.Proposal, 1_000_000_000);
        var events = new RecordingWorkflowEvents();

        var preview = await Approvals.PreviewAsync(link, Approve(100_000_000) with { Confirmed = false }, CancellationToken.None);
        var decision = await Approvals.DecideAsync(link, Approve(100_000_000) with { Confirmed = false }, Director, events, CancellationToken.None);

        Assert.True(preview.Value!.NeedsConfirmation);
        Assert.Equal(900_000_000, preview.Value.BudgetAfter);
        Assert.Equal(DecisionKind.Invalid, decision.Kind);
        Assert.Equal([DirectorDecisionForm.ConfirmField], decision.Errors!.Fields);
        Assert.Null(await storage.Uses.GetAsync(link.Claims.LinkId, CancellationToken.None));
        Assert.Null(await storage.Ledger.GetCommitmentAsync(key, link.ProposalId, CancellationToken.None));
    }

    [Fact]
    public async Task Open_GivesTheCapInForceWhenSubmitted_TheLargestAmountAndTheBudget()
    {
        // National machinery (the seeded caps): 50 % of the total cost, at most 300 million.
        var link = LinkDecisionStorage.Link(await storage.ProposalAsync(ProposalStatus.AwaitingApproval,
            f => f with { TotalCost = "500.000.000", RequestedSupport = "250.000.000", OwnContribution = "250.000.000" }), LinkActions.Approve, "director");
        await storage.BudgetAsync(link.Proposal, 700_000_000);

        var facts = (await Approvals.OpenAsync(link, CancellationToken.None)).Value!;
        var over = await Approvals.DecideAsync(link, Approve(250_000_001), Director, new RecordingWorkflowEvents(), CancellationToken.None);

        Assert.Equal((50m, 300_000_000L), (facts.Cap!.MaxPercent, facts.Cap.MaxAmount));
        Assert.Equal(250_000_000, facts.MaxAmount);
        Assert.Equal(700_000_000, facts.Budget.Remaining);
        Assert.StartsWith("Số tiền phê duyệt phải từ 1 đến 250.000.000 đồng", Assert.Single(over.Errors!.In(KhuyenCong.Domain.Text.Language.Vietnamese)[DirectorDecisionForm.AmountField]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decide_ByAnyoneButTheDirector_Throws_AndOpen_NotAwaitingApproval_IsConflict()
    {
        var link = await AwaitingAsync();
        var officer = new StaffPrincipal("Lê Văn Nam", new HashSet<string> { StaffRoles.Officer });
        var closed = LinkDecisionStorage.Link(await storage.ProposalAsync(ProposalStatus.InReview), LinkActions.Approve, "director");

        await Assert.ThrowsAsync<InvalidOperationException>(() => Approvals.DecideAsync(link, Reject(), officer, new RecordingWorkflowEvents(), CancellationToken.None));

        Assert.Null(await storage.Uses.GetAsync(link.Claims.LinkId, CancellationToken.None));
        Assert.Equal(DecisionKind.Conflict, (await Approvals.OpenAsync(closed, CancellationToken.None)).Kind);
        Assert.Equal(DecisionKind.Conflict, (await Approvals.DecideAsync(closed, Reject(), Director, new RecordingWorkflowEvents(), CancellationToken.None)).Kind);
    }

    [Fact]
    public async Task Open_RoundAlreadyDecided_IsConflictShowingTheDecision()
    {
        var link = await AwaitingAsync();
        await storage.Cases.SaveApprovalAsync(link.ProposalId, new ApprovalRecord(1, DirectorOutcome.Revise, null, null, null, "Bổ sung", "director",
            new DateTimeOffset(2026, 3, 31, 13, 5, 0, TimeSpan.Zero)), CancellationToken.None);

        var open = await Approvals.OpenAsync(link, CancellationToken.None);

        Assert.Equal("Đã ghi nhận: Yêu cầu chỉnh sửa, bổ sung (31/03/2026 20:05).", open.Reason!.Vietnamese);
        Assert.Equal("Recorded: Revise (31/03/2026 20:05).", open.Reason.English);
    }
}
