using System.Text.RegularExpressions;
using KhuyenCong.Application.Budgets;
using KhuyenCong.Application.Common;
using KhuyenCong.Application.Proposals;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Budgets;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using Microsoft.Extensions.Logging;

namespace KhuyenCong.Application.Funding;

/// <summary>A payment as finance enters it: an optional id of their own (idempotency), the kind (<c>advance</c>, <c>final</c>) and the amount in đồng.</summary>
public sealed record PaymentRequest(string ProposalId, FieldInput PaymentId, FieldInput Kind, FieldInput Amount, string By);

/// <summary>
/// The ledger's answer to a payment: the payment recorded under the id and the proposal's commitment after it.
/// <see cref="IsNew"/> is false when the id was already recorded for this proposal (the first payment, unchanged). For a
/// refused payment (a conflict), <see cref="RefusalCode"/> says why (<see cref="BudgetRefusalCodes"/>) and the
/// commitment shows what may still be paid.
/// </summary>
public sealed record PaymentReceipt(BudgetPayment? Payment, Commitment? Commitment, bool IsNew, string? RefusalCode = null)
{
    /// <summary>What may still be paid on the proposal's commitment.</summary>
    public long Remaining => Commitment?.Unpaid ?? 0;
}

/// <summary>
/// Recording a payment (<c>POST /api/proposals/{id}/payments</c>, finance): advances once the work is in progress,
/// the single final payment once acceptance is confirmed. The budget ledger stores it first, within the approved amount
/// (idempotent by payment id); only then is the workflow told, and the payment listed on the proposal. A payment id
/// sent again answers the first payment; if that first call stopped before telling the workflow, this one tells it.
/// </summary>
public sealed partial class PaymentRecording(IProposalRepository proposals, IBudgetLedger ledger, IProposalPayments payments,
    ILogger<PaymentRecording> logger)
{
    public static readonly Bilingual PaymentIdInvalid = new(
        "Mã thanh toán gồm 1-100 chữ cái không dấu, chữ số, dấu chấm, gạch ngang hoặc gạch dưới (có thể bỏ trống).",
        "The payment id is 1-100 letters, digits, dots, dashes or underscores (or leave it out).");

    public static readonly Bilingual KindInvalid = new(
        "Vui lòng chọn loại thanh toán: advance (tạm ứng) hoặc final (thanh toán cuối).", "Choose the kind: advance or final.");

    public static readonly Bilingual AmountInvalid = new("Số tiền phải là số nguyên dương (đồng).", "The amount must be a whole number of VND above 0.");

    public static readonly Bilingual FinalBeforeAcceptance = new(
        "Chỉ thanh toán cuối sau khi đề án đã được nghiệm thu.", "The final payment is only possible once the proposal is accepted.");

    public static readonly Bilingual FinalAlreadyPaid = new("Đề án đã có khoản thanh toán cuối.", "The proposal already has its final payment.");

    public static readonly Bilingual IdOfAnotherProposal = new(
        "Mã thanh toán này đã được dùng cho một đề án khác.", "This payment id was already used for another proposal.");

    private static readonly Bilingual NotCommitted = new("Đề án chưa có khoản kinh phí được cam kết.", "The proposal has no commitment in the budget.");

    private static readonly Bilingual Action = new("ghi nhận thanh toán", "recording a payment");

    public async Task<Decision<PaymentReceipt>> RecordAsync(PaymentRequest request, IWorkflowEvents workflow, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(workflow);
        var (errors, paymentId, kind, amount) = Validate(request);
        if (!errors.IsEmpty)
        {
            return Decision<PaymentReceipt>.Invalid(errors);
        }

        var found = await proposals.FindAtAsync(request.ProposalId, Action, [ProposalStatus.InProgress, ProposalStatus.Accepted], cancellationToken);
        if (!found.IsDone)
        {
            return found.Refusal<PaymentReceipt>();
        }

        var proposal = found.Value!;
        if (kind == PaymentKind.Final && proposal.Status != ProposalStatus.Accepted)
        {
            return Decision<PaymentReceipt>.Conflict(FinalBeforeAcceptance);
        }

        paymentId ??= Guid.NewGuid().ToString("N");
        if (kind == PaymentKind.Final && !await payments.ClaimFinalAsync(proposal.Id, paymentId, cancellationToken))
        {
            return Decision<PaymentReceipt>.Conflict(FinalAlreadyPaid);
        }

        var key = Approval.ApprovalDecisions.BudgetOf(proposal);
        var result = await ledger.RecordPaymentAsync(key, proposal.Id, paymentId, kind, amount, request.By, cancellationToken);
        return await AfterLedgerAsync(proposal.Id, paymentId, kind, result, workflow, cancellationToken);
    }

    private async Task<Decision<PaymentReceipt>> AfterLedgerAsync(string proposalId, string paymentId, PaymentKind kind, PaymentResult result, IWorkflowEvents workflow,
        CancellationToken cancellationToken)
    {
        switch (result.Outcome)
        {
            case PaymentOutcome.Paid:
                await TellWorkflowAsync(result.Payment!, workflow, cancellationToken);
                DecisionLog.Decided(logger, proposalId, "payment", kind.ToCode());
                return Decision<PaymentReceipt>.Done(new PaymentReceipt(result.Payment, result.Commitment, IsNew: true));
            case PaymentOutcome.Duplicate when result.Payment is { } first && first.ProposalId == proposalId:
                // The same payment again: the first answer. If the first call stopped before telling the workflow, tell it now.
                if (!await payments.ContainsAsync(proposalId, first.PaymentId, cancellationToken))
                {
                    await TellWorkflowAsync(first, workflow, cancellationToken);
                }

                return Decision<PaymentReceipt>.Done(new PaymentReceipt(first, result.Commitment, IsNew: false));
            case PaymentOutcome.Duplicate:
                return Decision<PaymentReceipt>.Conflict(IdOfAnotherProposal);
            default:
                if (kind == PaymentKind.Final)
                {
                    await payments.ReleaseFinalAsync(proposalId, paymentId, CancellationToken.None);
                }

                var refused = new PaymentReceipt(null, result.Commitment, IsNew: false, result.Refusal?.Code ?? BudgetRefusalCodes.NotCommitted);
                return Decision<PaymentReceipt>.Conflict(Refusal(result.Refusal, refused.Remaining), refused);
        }
    }

    /// <summary>
    /// Tells the workflow, then lists the payment on the proposal (the mark that the workflow was told; listing it
    /// refreshes the proposal's statistics, ADR 0029).
    /// </summary>
    private async Task TellWorkflowAsync(BudgetPayment payment, IWorkflowEvents workflow, CancellationToken cancellationToken)
    {
        await workflow.RaiseAsync(payment.ProposalId, WorkflowEvents.PaymentRecorded, new PaymentNotice(payment.PaymentId, payment.Kind, payment.Amount, payment.By), cancellationToken);
        await payments.AddAsync(payment, cancellationToken);
    }

    private static (BilingualErrors Errors, string? PaymentId, PaymentKind Kind, long Amount) Validate(PaymentRequest request)
    {
        var errors = new BilingualErrors();
        var paymentId = request.PaymentId.Text;
        if (request.PaymentId.WrongType || (paymentId is not null && !PaymentIdPattern().IsMatch(paymentId)))
        {
            errors.Add("paymentId", PaymentIdInvalid);
        }

        if (request.Kind.WrongType || !PaymentKindCodes.TryParse(request.Kind.Text, out var kind))
        {
            errors.Add("kind", KindInvalid);
            kind = default;
        }

        if (!request.Amount.TryWholeNumber(out var amount) || amount <= 0)
        {
            errors.Add("amount", AmountInvalid);
        }

        return (errors, paymentId, kind, amount);
    }

    /// <summary>Why the ledger refused, and what may still be paid.</summary>
    private static Bilingual Refusal(BudgetRefusal? refusal, long remaining) => new(
        (refusal?.Vietnamese ?? NotCommitted.Vietnamese) + $" Còn có thể thanh toán: {DisplayFormat.Amount(remaining, Language.Vietnamese)} đồng.",
        (refusal?.English ?? NotCommitted.English) + $" Remaining to pay: {DisplayFormat.Amount(remaining, Language.English)} VND.");

    [GeneratedRegex("^[A-Za-z0-9._-]{1,100}$")]
    private static partial Regex PaymentIdPattern();
}
