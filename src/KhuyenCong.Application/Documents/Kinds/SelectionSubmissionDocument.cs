using System.Globalization;
using KhuyenCong.Application.Calls;
using KhuyenCong.Application.Proposals;
using KhuyenCong.Application.Selection;
using KhuyenCong.Domain.Calls;
using KhuyenCong.Domain.Documents;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Selection;
using KhuyenCong.Domain.Text;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Application.Documents.Kinds;

/// <summary>
/// The Sở's submission of the selected list (tờ trình đề nghị phê duyệt danh sách đề án), Decree 30/2020 model 1.4
/// "văn bản có tên loại" (tờ trình: TTr, Appendix III), addressed to the provincial People's Committee for local money
/// or the Ministry for national money (docs/legal/cycle-reports-documents.md F1.5, F2.2): the call, the selected
/// proposals with their amounts (establishment, đề án, place, amount), the total in figures and in words. Its facts
/// exist once the director approved the call's selection; numbered and dated as the recorded tờ trình when there is
/// one, else the next "TTr" number of the year, today.
/// </summary>
public sealed class SelectionSubmissionDocument(ICallStore calls, ISelectionStore selections, IProposalRepository proposals, IOptions<DocumentsOptions> options,
    TimeProvider time) : IDocumentKind
{
    public const string Code = "selection-submission";

    public DocumentKindInfo Info { get; } = new(Code, "TTr", "Tờ trình đề nghị phê duyệt danh sách đề án khuyến công", "Submission of the selected list",
        "to-trinh-danh-sach-de-an", IssuerRole.Department, DocumentSubject.Call);

    public PlaceholderSet Placeholders { get; } = new(
        CycleFacts.CallGroup("call.title", "call.planYear")
            .Append(new("submission.recipient", true, "Nơi nhận (sau \"Kính gửi:\")", "Ủy ban nhân dân tỉnh Hưng Yên"))
            .Append(new("selection.count", true, "Số đề án được lựa chọn", "3"))
            .Append(new("selection.total", true, "Tổng kinh phí đề nghị phê duyệt", "1.234.567.000 đồng"))
            .Append(new("selection.totalInWords", true, "Tổng kinh phí bằng chữ", "Một tỷ hai trăm ba mươi tư triệu năm trăm sáu mươi bảy nghìn đồng"))
            .Append(new("selection.approvedOn", false, "Ngày Giám đốc duyệt danh sách (dd/MM/yyyy)", "25/10/2026"))
            .Append(new("selection.leftOut", false, "Số đề án không được lựa chọn hoặc dự phòng", "1")),
        [CycleFacts.Lines("selected", "Các đề án được lựa chọn (mỗi đề án một hàng)")]);

    public async Task<DocumentFacts> GatherAsync(string subjectId, CancellationToken cancellationToken)
    {
        var (call, selection, refusal) = await ApprovedSelectionAsync(subjectId, calls, selections, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var lines = await IncludedAsync(selection.Lines.Where(l => l.Included).Select(l => (l.ProposalId, l.Amount)), proposals, cancellationToken);
        var values = CycleFacts.CallValues(call)
            .Set("submission.recipient", Recipient(call.FundingSource, options.Value.Place))
            .Set("selection.count", lines.Count.ToString(CultureInfo.InvariantCulture))
            .Set("selection.total", OfficialFormat.Money(selection.Total))
            .Set("selection.totalInWords", AmountInWords.Dong(selection.Total))
            .Set("selection.approvedOn", selection.Decision is { } d ? OfficialFormat.ShortDate(DateOnly.FromDateTime(d.At.ToOffset(VietnamTime.Offset).DateTime)) : CommonPlaceholders.Blank)
            .Set("selection.leftOut", selection.Lines.Count(l => !l.Included).ToString(CultureInfo.InvariantCulture))
            .SetRows("selected", lines);
        return selection.Submitted is { } submitted
            ? new DocumentContent(submitted.Date, submitted.Reference, values)
            : new DocumentContent(VietnamTime.Today(time), null, values);
    }

    /// <summary>The call and its selection once the director approved it; else the refusal (an unknown call, or 409 before the approval).</summary>
    public static async Task<(Call Call, CallSelection Selection, DocumentRefusal? Refusal)> ApprovedSelectionAsync(string callId, ICallStore calls, ISelectionStore selections,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(calls);
        ArgumentNullException.ThrowIfNull(selections);
        if (await calls.GetAsync(callId, cancellationToken) is not { } call)
        {
            return (null!, null!, DocumentRefusal.UnknownCall);
        }

        return (await selections.GetAsync(call.Id, cancellationToken))?.Selection is { Status: SelectionStatus.Approved } selection
            ? (call, selection, null)
            : (call, null!, NotApproved);
    }

    /// <summary>The 409 before the director approved the selection.</summary>
    public static DocumentRefusal NotApproved { get; } = DocumentRefusal.Stage(
        "Danh sách lựa chọn của đợt chưa được Giám đốc duyệt: chưa có danh sách để lập văn bản này.",
        "The call's selection has not been approved by the director: there is no list to draw this document up from.");

    /// <summary>Who decides the plan: the People's Committee for local money, the Ministry for national money.</summary>
    public static string Recipient(FundingSource source, string place) => source == FundingSource.National
        ? "Bộ Công Thương (Cục Đổi mới sáng tạo, Chuyển đổi xanh và Khuyến công)"
        : "Ủy ban nhân dân tỉnh " + place;

    /// <summary>The included proposals as table rows, in the order given.</summary>
    public static async Task<List<IReadOnlyDictionary<string, string>>> IncludedAsync(IEnumerable<(string ProposalId, long Amount)> included, IProposalRepository proposals,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(included);
        ArgumentNullException.ThrowIfNull(proposals);
        var rows = new List<IReadOnlyDictionary<string, string>>();
        foreach (var (id, amount) in included)
        {
            if (await proposals.GetAsync(id, cancellationToken) is { } proposal)
            {
                rows.Add(CycleFacts.Line(rows.Count, proposal, amount));
            }
        }

        return rows;
    }
}
