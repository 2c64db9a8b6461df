using KhuyenCong.Application.Email;
using KhuyenCong.Domain.Calls;
using KhuyenCong.Domain.Selection;
using KhuyenCong.Domain.Text;
using Bilingual = KhuyenCong.Application.Email.Bilingual;

namespace KhuyenCong.Application.Selection;

/// <summary>The emails of a call's selection: the director's request to approve it (with the signed link).</summary>
public static class SelectionEmails
{
    public static EmailMessage ApprovalRequest(Call call, CallSelection selection, string directorEmail, string url)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(selection);
        var included = selection.Lines.Count(l => l.Included);
        var lines = new List<Bilingual>
        {
            new($"Cán bộ Trung tâm đề xuất danh sách lựa chọn của đợt \"{call.Title}\" (kế hoạch năm {call.PlanYear}, vòng {selection.Round}): {included}/{selection.Lines.Count} đề án, tổng {DisplayFormat.Amount(selection.Total, Language.Vietnamese)} đồng.",
                $"The officers propose the selection of the call \"{call.Title}\" (plan year {call.PlanYear}, round {selection.Round}): {included} of {selection.Lines.Count} proposals, {DisplayFormat.Amount(selection.Total, Language.English)} VND in all."),
            new("Vui lòng đăng nhập để phê duyệt hoặc trả lại kèm ý kiến.", "Sign in to approve it or send it back with comments."),
        };
        return WorkflowEmails.Compose(ProposalEmails.SendId("selection-" + call.Id, "selection-approval", directorEmail, selection.Round), [new EmailRecipient(directorEmail)],
            new($"Đề nghị duyệt danh sách lựa chọn: {call.Title}", $"Selection to approve: {call.Title}"),
            new("Kính gửi Giám đốc Sở Công Thương,", "Dear Director,"), lines,
            new EmailAction(url, new("Xem và quyết định", "Review and decide")));
    }
}
