using KhuyenCong.Application.Proposals;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Documents;

namespace KhuyenCong.Application.Documents.Kinds;

/// <summary>
/// The contract with the establishment (hợp đồng): the approval it rests on and the contract as recorded (number, date).
/// Its facts exist once the proposal is approved and its contract recorded; numbered by the contract's own number.
/// "Hợp đồng" is a kind of Decree 30/2020 Appendix III (symbol HĐ); its clauses follow civil-law practice
/// (docs/legal/document-format.md §3); no official khuyến công contract form was found, so the shipped template is a
/// project design.
/// </summary>
public sealed class ContractDocument(IProposalRepository proposals, IProposalCaseStore cases) : IDocumentKind
{
    public const string Code = "contract";

    public DocumentKindInfo Info { get; } = new(Code, "HĐ", "Hợp đồng thực hiện đề án khuyến công", "Contract", "hop-dong", IssuerRole.Centre);

    public PlaceholderSet Placeholders { get; } = new(
        ProposalFacts.Proposal("proposal.title")
            .Concat(ProposalFacts.Establishment("establishment.name", "establishment.representative"))
            .Concat(ProposalFacts.Approval("approval.decisionNumber", "approval.amount", "approval.amountInWords"))
            .Concat(ProposalFacts.Contract()));

    public async Task<DocumentFacts> GatherAsync(string subjectId, CancellationToken cancellationToken)
    {
        var proposal = await proposals.GetAsync(subjectId, cancellationToken);
        if (proposal is null)
        {
            return DocumentRefusal.UnknownProposal;
        }

        var @case = await cases.GetAsync(proposal.Id, cancellationToken);
        var approval = ProposalFacts.ApprovalOf(proposal, @case);
        if (approval is null)
        {
            return DocumentRefusal.Stage(
                "Đề án chưa được phê duyệt: chưa có quyết định phê duyệt kinh phí để lập hợp đồng.",
                "The proposal has not been approved: there is no approval decision to base a contract on.");
        }

        var contract = ProposalFacts.ContractOf(proposal, @case);
        if (contract is null)
        {
            return DocumentRefusal.Stage(
                "Chưa ghi nhận hợp đồng (số, ngày ký): vui lòng ghi nhận hợp đồng trước khi tạo văn bản hợp đồng.",
                "The contract (number, date) has not been recorded yet: record it before generating the contract.");
        }

        var values = ProposalFacts.ProposalValues(proposal)
            .Merge(ProposalFacts.ApprovalValues(approval))
            .Merge(ProposalFacts.ContractValues(contract));
        return new DocumentContent(contract.Date, contract.Number, values);
    }
}
