using System.Globalization;
using KhuyenCong.Application.Calls;
using KhuyenCong.Application.Proposals;
using KhuyenCong.Application.Selection;
using KhuyenCong.Domain.Documents;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Application.Documents.Kinds;

/// <summary>
/// The draft plan decision (dự thảo quyết định phê duyệt kế hoạch khuyến công) with its annex table, Decree 30/2020
/// model 1.3 "Quyết định (cá biệt) quy định gián tiếp" with an appendix (Appendix III; docs/legal/document-format.md §3): one annex row per
/// included proposal (establishment, đề án, place, amount) and the total in figures and in words. Its facts exist once
/// the director approved the call's selection: until the plan decision is recorded it is a draft from the approved
/// selection with its number left to the issuer ("…/QĐ-SCT"), dated today; once recorded, its number, date and lines
/// are the decision's. The decision is the People's Committee's, or the Sở director's where delegated
/// (Planning:LocalApprover, ADR 0022): the shipped template is headed by the Sở; an admin replaces it for the other.
/// </summary>
public sealed class PlanDecisionDocument(ICallStore calls, ISelectionStore selections, IProposalRepository proposals, IOptions<DocumentsOptions> options,
    TimeProvider time) : IDocumentKind
{
    public const string Code = "plan-decision";

    public DocumentKindInfo Info { get; } = new(Code, "QĐ", "Dự thảo quyết định phê duyệt kế hoạch khuyến công", "Draft plan decision",
        "quyet-dinh-ke-hoach-khuyen-cong", IssuerRole.Department, DocumentSubject.Call);

    public PlaceholderSet Placeholders { get; } = new(
        CycleFacts.CallGroup("call.planYear", "call.fundingSource")
            .Append(new("plan.count", true, "Số đề án trong kế hoạch", "3"))
            .Append(new("plan.total", true, "Tổng kinh phí khuyến công của kế hoạch", "1.234.567.000 đồng"))
            .Append(new("plan.totalInWords", true, "Tổng kinh phí bằng chữ", "Một tỷ hai trăm ba mươi tư triệu năm trăm sáu mươi bảy nghìn đồng"))
            .Append(new("plan.submission", false, "Tờ trình (hoặc công văn) đã gửi: số và ngày", "12/TTr-SCT ngày 05/11/2026"))
            .Append(new("plan.status", false, "Dự thảo, hoặc đã có quyết định", "Dự thảo")),
        [CycleFacts.Lines("annex", "Phụ lục: các đề án của kế hoạch (mỗi đề án một hàng)")]);

    public async Task<DocumentFacts> GatherAsync(string subjectId, CancellationToken cancellationToken)
    {
        var (call, selection, refusal) = await SelectionSubmissionDocument.ApprovedSelectionAsync(subjectId, calls, selections, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var decided = selection.PlanDecided;
        var included = decided is null
            ? selection.Lines.Where(l => l.Included).Select(l => (l.ProposalId, l.Amount))
            : decided.Lines.Where(l => l.Included).Select(l => (l.ProposalId, l.Amount));
        var lines = await SelectionSubmissionDocument.IncludedAsync(included, proposals, cancellationToken);
        var total = decided?.Total ?? selection.Total;
        var values = CycleFacts.CallValues(call)
            .Set("plan.count", lines.Count.ToString(CultureInfo.InvariantCulture))
            .Set("plan.total", OfficialFormat.Money(total))
            .Set("plan.totalInWords", AmountInWords.Dong(total))
            .Set("plan.submission", selection.Submitted is { } s ? $"{s.Reference} ngày {OfficialFormat.ShortDate(s.Date)}" : CommonPlaceholders.Blank)
            .Set("plan.status", decided is null ? "Dự thảo" : "Đã quyết định")
            .SetRows("annex", lines);
        return decided is null
            ? new DocumentContent(VietnamTime.Today(time), "…/" + CommonPlaceholders.Symbol(Info, options.Value), values)
            : new DocumentContent(decided.Date, decided.Number, values);
    }
}
