using System.Globalization;
using KhuyenCong.Application.Budgets;
using KhuyenCong.Application.Proposals;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Budgets;
using KhuyenCong.Domain.Documents;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Application.Documents.Kinds;

/// <summary>
/// The contract liquidation (biên bản thanh lý hợp đồng), from settlement: the amount approved, paid and released back
/// to the budget, in figures and in words, and each payment. Its facts exist once the proposal is settled (the final
/// payment closed it); dated the settlement day, numbered in the year's "BB" series. The amounts are the ledger's
/// (the commitment), or the record's for imported history without a commitment.
/// </summary>
public sealed class LiquidationDocument(IProposalRepository proposals, IProposalCaseStore cases, IBudgetLedger ledger, IProposalPayments payments) : IDocumentKind
{
    public const string Code = "liquidation";

    public DocumentKindInfo Info { get; } = new(Code, "BB", "Biên bản thanh lý hợp đồng", "Contract liquidation", "bien-ban-thanh-ly-hop-dong", IssuerRole.Centre);

    public PlaceholderSet Placeholders { get; } = new(
        ProposalFacts.Proposal("proposal.title")
            .Concat(ProposalFacts.Establishment("establishment.name"))
            .Concat(ProposalFacts.Approval())
            .Concat(ProposalFacts.Contract("contract.number"))
            .Append(new("settlement.date", true, "Ngày quyết toán (dd/MM/yyyy)", "20/12/2026"))
            .Append(new("settlement.approved", true, "Kinh phí được phê duyệt", "590.000.000 đồng"))
            .Append(new("settlement.approvedInWords", false, "Kinh phí được phê duyệt bằng chữ", "Năm trăm chín mươi triệu đồng"))
            .Append(new("settlement.paid", true, "Kinh phí đã thanh toán", "585.000.000 đồng"))
            .Append(new("settlement.paidInWords", true, "Kinh phí đã thanh toán bằng chữ", "Năm trăm tám mươi lăm triệu đồng"))
            .Append(new("settlement.released", true, "Kinh phí không sử dụng, hoàn trả ngân sách", "5.000.000 đồng"))
            .Append(new("settlement.releasedInWords", false, "Kinh phí hoàn trả bằng chữ", "Năm triệu đồng")),
        [
            new("payments", false, "Các lần thanh toán (mỗi lần một hàng)",
            [
                new("index", false, "Số thứ tự", "1"),
                new("kind", true, "Loại thanh toán (tạm ứng, thanh toán cuối)", "Tạm ứng"),
                new("amount", true, "Số tiền", "295.000.000 đồng"),
                new("date", false, "Ngày thanh toán (dd/MM/yyyy)", "15/06/2026"),
            ]),
        ]);

    public async Task<DocumentFacts> GatherAsync(string subjectId, CancellationToken cancellationToken)
    {
        var proposal = await proposals.GetAsync(subjectId, cancellationToken);
        if (proposal is null)
        {
            return DocumentRefusal.UnknownProposal;
        }

        if (proposal.Funding.SettledOn is not { } settledOn)
        {
            return DocumentRefusal.Stage(
                "Đề án chưa được quyết toán: chưa có số liệu thanh toán cuối cùng để thanh lý hợp đồng.",
                "The proposal has not been settled: there are no final figures to liquidate the contract with.");
        }

        var @case = await cases.GetAsync(proposal.Id, cancellationToken);
        // Keyed by the plan year (and the years it was carried over to), never the submission year (issue 13 line 6).
        var commitment = await ProposalCommitments.AcrossYearsAsync(ledger, proposal, cancellationToken);
        var approval = ProposalFacts.ApprovalOf(proposal, @case);
        var approved = commitment?.Approved ?? approval?.Amount ?? 0;
        var paid = commitment?.Paid ?? proposal.Funding.PaidAmount;
        var released = Math.Max(0, approved - paid);
        var list = await payments.ListAsync(proposal.Id, cancellationToken);
        var values = ProposalFacts.ProposalValues(proposal)
            .Merge(ProposalFacts.ApprovalValues(approval))
            .Merge(ProposalFacts.ContractValues(ProposalFacts.ContractOf(proposal, @case)))
            .Set("settlement.date", OfficialFormat.ShortDate(settledOn))
            .Set("settlement.approved", OfficialFormat.Money(approved))
            .Set("settlement.approvedInWords", AmountInWords.Dong(approved))
            .Set("settlement.paid", OfficialFormat.Money(paid))
            .Set("settlement.paidInWords", AmountInWords.Dong(paid))
            .Set("settlement.released", OfficialFormat.Money(released))
            .Set("settlement.releasedInWords", AmountInWords.Dong(released))
            .SetRows("payments", list.Select((p, i) => Payment(i + 1, p)).ToList());
        return new DocumentContent(settledOn, null, values);
    }

    private static IReadOnlyDictionary<string, string> Payment(int index, BudgetPayment payment) => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["index"] = index.ToString(CultureInfo.InvariantCulture),
        ["kind"] = payment.Kind == PaymentKind.Advance ? "Tạm ứng" : "Thanh toán cuối",
        ["amount"] = OfficialFormat.Money(payment.Amount),
        ["date"] = OfficialFormat.ShortDate(DateOnly.FromDateTime(payment.At.ToOffset(VietnamTime.Offset).DateTime)),
    };
}
