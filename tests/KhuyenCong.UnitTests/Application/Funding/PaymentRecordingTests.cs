using KhuyenCong.Application.Budgets;
using KhuyenCong.Application.Common;
using KhuyenCong.Application.Funding;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Budgets;
using KhuyenCong.Domain.Proposals;

namespace KhuyenCong.UnitTests.Application.Funding;

/// <summary>Recording payments: the fields, the stages, the ledger's limits and idempotency by payment id, on the real ledger.</summary>
[Collection(UseCaseCollection.Name)]
public class PaymentRecordingTests(UseCaseStorage storage)
{
    private PaymentRecording Payments => storage.Get<PaymentRecording>();

    private IProposalPayments Listed => storage.Get<IProposalPayments>();

    private static PaymentRequest Request(string id, string? paymentId, string? kind, string? amount) =>
        new(id, FieldInput.Of(paymentId), FieldInput.Of(kind), FieldInput.Of(amount), "Phạm Thu Hà (finance-1)");

    private static BudgetKey KeyOf(Proposal proposal) => new(proposal.Year, proposal.Submission.FundingSource);

    [Theory]
    [InlineData("a b/c", "advance", "1000", "paymentId")]
    [InlineData("x", "advance", "abc", "amount")]
    [InlineData("x", "advance", "-5", "amount")]
    [InlineData("x", "advance", "0", "amount")]
    [InlineData("x", "advance", "1.5", "amount")]
    [InlineData("x", null, "1000", "kind")]
    [InlineData("x", "loan", "1000", "kind")]
    public async Task RecordAsync_BadField_InvalidNamingItAndTheLedgerUnchanged(string? paymentId, string? kind, string? amount, string field)
    {
        var proposal = await storage.CommittedAsync(100_000_000, ProposalStatus.InProgress);

        var result = await Payments.RecordAsync(Request(proposal.Id, paymentId, kind, amount), new RecordingWorkflow(), CancellationToken.None);

        var message = field switch
        {
            "paymentId" => PaymentRecording.PaymentIdInvalid,
            "kind" => PaymentRecording.KindInvalid,
            _ => PaymentRecording.AmountInvalid,
        };
        DecisionAssert.Invalid(result, field, message);
        Assert.Equal(0, (await storage.Ledger.GetCommitmentAsync(KeyOf(proposal), proposal.Id, CancellationToken.None))!.Paid);
    }

    [Fact]
    public async Task RecordAsync_KindOrAmountOfTheWrongType_Invalid()
    {
        var result = await Payments.RecordAsync(new PaymentRequest("p", FieldInput.Absent, new FieldInput(null, true), new FieldInput(null, true), "f"), new RecordingWorkflow(), CancellationToken.None);

        DecisionAssert.InvalidFields(result, "kind", "amount");
    }

    [Theory]
    [InlineData(ProposalStatus.Approved)]
    [InlineData(ProposalStatus.Settled)]
    public async Task RecordAsync_BeforeTheWorkOrAfterSettlement_ConflictNamingTheStage(ProposalStatus status)
    {
        var proposal = await storage.CommittedAsync(100_000_000, status);

        var reason = DecisionAssert.Conflict(await Payments.RecordAsync(Request(proposal.Id, null, "advance", "1000000"), new RecordingWorkflow(), CancellationToken.None));

        Assert.Contains(status.ToCode(), reason.English, StringComparison.Ordinal);
        Assert.Equal(0, (await storage.Ledger.GetCommitmentAsync(KeyOf(proposal), proposal.Id, CancellationToken.None))!.Paid);
    }

    [Fact]
    public async Task RecordAsync_FinalBeforeAcceptance_ConflictAndTheLedgerUnchanged()
    {
        var proposal = await storage.CommittedAsync(300_000_000, ProposalStatus.InProgress);

        var result = await Payments.RecordAsync(Request(proposal.Id, null, "final", "300000000"), new RecordingWorkflow(), CancellationToken.None);

        Assert.Equal(PaymentRecording.FinalBeforeAcceptance, DecisionAssert.Conflict(result));
        Assert.Equal(0, (await storage.Ledger.GetCommitmentAsync(KeyOf(proposal), proposal.Id, CancellationToken.None))!.Paid);
    }

    [Fact]
    public async Task RecordAsync_Advance_StoredInTheLedgerBeforeRaisingThenListed()
    {
        var proposal = await storage.CommittedAsync(500_000_000, ProposalStatus.InProgress);
        long paidAtRaise = -1;
        var workflow = new RecordingWorkflow(async id => paidAtRaise = (await storage.Ledger.GetCommitmentAsync(KeyOf(proposal), id, CancellationToken.None))!.Paid);

        var receipt = DecisionAssert.Done(await Payments.RecordAsync(Request(proposal.Id, "UNC-1", "advance", "200000000"), workflow, CancellationToken.None));

        Assert.True(receipt.IsNew);
        Assert.Equal(("UNC-1", PaymentKind.Advance, 200_000_000L), (receipt.Payment!.PaymentId, receipt.Payment.Kind, receipt.Payment.Amount));
        Assert.Equal((500_000_000L, 200_000_000L, 300_000_000L), (receipt.Commitment!.Approved, receipt.Commitment.Paid, receipt.Remaining));
        Assert.Equal(200_000_000, paidAtRaise);
        Assert.Equal(new PaymentNotice("UNC-1", PaymentKind.Advance, 200_000_000, "Phạm Thu Hà (finance-1)"), workflow.Single<PaymentNotice>(WorkflowEvents.PaymentRecorded));
        Assert.True(await Listed.ContainsAsync(proposal.Id, "UNC-1", CancellationToken.None));
    }

    [Fact]
    public async Task RecordAsync_WithoutPaymentId_RecordsUnderANewId()
    {
        var proposal = await storage.CommittedAsync(100_000_000, ProposalStatus.InProgress);

        var receipt = DecisionAssert.Done(await Payments.RecordAsync(Request(proposal.Id, null, "advance", "40000000"), new RecordingWorkflow(), CancellationToken.None));

        Assert.Equal(32, receipt.Payment!.PaymentId.Length);
    }

    [Fact]
    public async Task RecordAsync_SameIdAgain_TheFirstPaymentNotNewAndNothingRaisedTwice()
    {
        var proposal = await storage.CommittedAsync(500_000_000, ProposalStatus.InProgress);
        DecisionAssert.Done(await Payments.RecordAsync(Request(proposal.Id, "UNC-2", "advance", "200000000"), new RecordingWorkflow(), CancellationToken.None));
        var workflow = new RecordingWorkflow();

        var replay = DecisionAssert.Done(await Payments.RecordAsync(Request(proposal.Id, "UNC-2", "advance", "250000000"), workflow, CancellationToken.None));

        Assert.False(replay.IsNew);
        Assert.Equal(200_000_000, replay.Payment!.Amount);
        Assert.Empty(workflow.Raised);
        Assert.Equal(200_000_000, (await storage.Ledger.GetCommitmentAsync(KeyOf(proposal), proposal.Id, CancellationToken.None))!.Paid);
    }

    [Fact]
    public async Task RecordAsync_SameIdAfterAFirstCallThatStoppedBeforeTellingTheWorkflow_TellsItNow()
    {
        var proposal = await storage.CommittedAsync(500_000_000, ProposalStatus.InProgress);
        // The first call stored the payment in the ledger, then stopped (a crash) before raising the event and listing it.
        await storage.Ledger.RecordPaymentAsync(KeyOf(proposal), proposal.Id, "UNC-3", PaymentKind.Advance, 100_000_000, "finance", CancellationToken.None);
        var workflow = new RecordingWorkflow();

        var replay = DecisionAssert.Done(await Payments.RecordAsync(Request(proposal.Id, "UNC-3", "advance", "100000000"), workflow, CancellationToken.None));

        Assert.False(replay.IsNew);
        Assert.Equal(new PaymentNotice("UNC-3", PaymentKind.Advance, 100_000_000, "finance"), workflow.Single<PaymentNotice>(WorkflowEvents.PaymentRecorded));
        Assert.True(await Listed.ContainsAsync(proposal.Id, "UNC-3", CancellationToken.None));
    }

    [Fact]
    public async Task RecordAsync_IdOfAnotherProposal_Conflict()
    {
        var first = await storage.CommittedAsync(100_000_000, ProposalStatus.InProgress);
        var second = await storage.CommittedAsync(100_000_000, ProposalStatus.InProgress);
        var id = "UNC-" + Guid.NewGuid().ToString("N")[..8];
        DecisionAssert.Done(await Payments.RecordAsync(Request(first.Id, id, "advance", "1000000"), new RecordingWorkflow(), CancellationToken.None));

        var result = await Payments.RecordAsync(Request(second.Id, id, "advance", "1000000"), new RecordingWorkflow(), CancellationToken.None);

        Assert.Equal(PaymentRecording.IdOfAnotherProposal, DecisionAssert.Conflict(result));
    }

    [Fact]
    public async Task RecordAsync_AboveTheApprovedAmount_ConflictWithTheRemainingAndTheLedgerUnchanged()
    {
        var proposal = await storage.CommittedAsync(300_000_000, ProposalStatus.InProgress);
        DecisionAssert.Done(await Payments.RecordAsync(Request(proposal.Id, null, "advance", "100000000"), new RecordingWorkflow(), CancellationToken.None));
        var workflow = new RecordingWorkflow();

        var result = await Payments.RecordAsync(Request(proposal.Id, null, "advance", "250000000"), workflow, CancellationToken.None);

        var reason = DecisionAssert.Conflict(result);
        Assert.EndsWith(" Còn có thể thanh toán: 200.000.000 đồng.", reason.Vietnamese, StringComparison.Ordinal);
        Assert.EndsWith(" Remaining to pay: 200,000,000 VND.", reason.English, StringComparison.Ordinal);
        Assert.Equal((BudgetRefusalCodes.ExceedsApproved, 200_000_000L), (result.Value!.RefusalCode, result.Value.Remaining));
        Assert.Equal(100_000_000, (await storage.Ledger.GetCommitmentAsync(KeyOf(proposal), proposal.Id, CancellationToken.None))!.Paid);
        Assert.Empty(workflow.Raised);
    }

    [Fact]
    public async Task RecordAsync_WithoutACommitment_ConflictNotCommitted()
    {
        var proposal = await storage.ProposalAsync(ProposalStatus.InProgress);

        var result = await Payments.RecordAsync(Request(proposal.Id, null, "advance", "1000"), new RecordingWorkflow(), CancellationToken.None);

        Assert.EndsWith(" Còn có thể thanh toán: 0 đồng.", DecisionAssert.Conflict(result).Vietnamese, StringComparison.Ordinal);
        Assert.Equal((BudgetRefusalCodes.NotCommitted, 0L), (result.Value!.RefusalCode, result.Value.Remaining));
    }

    [Fact]
    public async Task RecordAsync_ConcurrentFinals_OnlyOneIsRecordedAndRaised()
    {
        var proposal = await storage.CommittedAsync(300_000_000, ProposalStatus.Accepted);
        var workflow = new RecordingWorkflow();

        var results = await Task.WhenAll(Enumerable.Range(1, 5).Select(i => Task.Run(() =>
            Payments.RecordAsync(Request(proposal.Id, $"final-{i}", "final", "250000000"), workflow, CancellationToken.None))));

        Assert.Single(results, r => r.IsDone);
        Assert.All(results.Where(r => !r.IsDone), r => Assert.Equal(PaymentRecording.FinalAlreadyPaid, DecisionAssert.Conflict(r)));
        Assert.Equal(250_000_000, (await storage.Ledger.GetCommitmentAsync(KeyOf(proposal), proposal.Id, CancellationToken.None))!.Paid);
        workflow.Single<PaymentNotice>(WorkflowEvents.PaymentRecorded);
    }

    [Fact]
    public async Task RecordAsync_RefusedFinal_ReleasesTheClaimSoAValidFinalFollows()
    {
        var proposal = await storage.CommittedAsync(300_000_000, ProposalStatus.Accepted);

        var tooMuch = await Payments.RecordAsync(Request(proposal.Id, "final-a", "final", "400000000"), new RecordingWorkflow(), CancellationToken.None);
        var right = await Payments.RecordAsync(Request(proposal.Id, "final-b", "final", "300000000"), new RecordingWorkflow(), CancellationToken.None);

        DecisionAssert.Conflict(tooMuch);
        Assert.True(DecisionAssert.Done(right).IsNew);
        Assert.Equal(300_000_000, (await storage.Ledger.GetCommitmentAsync(KeyOf(proposal), proposal.Id, CancellationToken.None))!.Paid);
    }
}
