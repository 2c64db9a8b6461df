using System.Globalization;
using KhuyenCong.Domain.Caps;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Application.Workflow;

/// <summary>
/// The automatic part of screening: what can be checked without reading the documents. Blocking findings tell the
/// officer the file cannot be accepted as it is; the officer still decides (and may ask for documents).
/// </summary>
public static class ScreeningChecks
{
    public const string DocumentsMissing = "documents-missing";
    public const string CapExceeded = "cap-exceeded";
    public const string EarlierSupport = "earlier-support";
    public const string MatchingMoneyShort = "matching-money-short";
    public const string ScheduleEnded = "schedule-ended";

    /// <summary>
    /// The fewest files a complete dossier (hồ sơ đề án) has for a kind: the description on the official template
    /// and the business registration for every kind, plus the cost estimate with supplier quotes where equipment is
    /// bought (machinery, technology lines, demonstration models).
    /// </summary>
    public static int RequiredDocuments(ProposalKind kind) => kind switch
    {
        ProposalKind.Machinery or ProposalKind.TechnologyLine or ProposalKind.DemonstrationModel => 3,
        _ => 2,
    };

    public static IReadOnlyList<ScreeningFinding> Run(Proposal proposal, CapCheckResult cap, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        ArgumentNullException.ThrowIfNull(cap);
        var s = proposal.Submission;
        var findings = new List<ScreeningFinding>();
        var required = RequiredDocuments(s.Kind);
        var dossier = proposal.Attachments.Count;
        if (dossier < required)
        {
            findings.Add(new ScreeningFinding(DocumentsMissing,
                string.Create(CultureInfo.InvariantCulture, $"Hồ sơ có {dossier} tệp; loại đề án này cần ít nhất {required} (thuyết minh theo mẫu, giấy đăng ký kinh doanh{(required > 2 ? ", dự toán kèm báo giá" : string.Empty)})."),
                string.Create(CultureInfo.InvariantCulture, $"The file has {dossier} document(s); this kind needs at least {required} (description on the template, business registration{(required > 2 ? ", cost estimate with quotes" : string.Empty)})."),
                Blocking: true));
        }

        if (!cap.IsWithinCap)
        {
            findings.Add(new ScreeningFinding(CapExceeded,
                "Kinh phí đề nghị vượt mức hỗ trợ tối đa đang áp dụng: " + string.Join(" ", cap.FieldErrors.Select(e => e.Message)),
                "The requested support exceeds the cap in force.",
                Blocking: true));
        }

        if (s.OwnContribution < s.TotalCost - s.RequestedSupport)
        {
            findings.Add(new ScreeningFinding(MatchingMoneyShort,
                "Vốn đối ứng của cơ sở (" + DisplayFormat.Amount(s.OwnContribution, Language.Vietnamese) + " đồng) chưa đủ phần còn lại của tổng kinh phí (" + DisplayFormat.Amount(s.TotalCost - s.RequestedSupport, Language.Vietnamese) + " đồng).",
                "The establishment's own contribution (" + DisplayFormat.Amount(s.OwnContribution, Language.English) + " VND) does not cover the rest of the total cost (" + DisplayFormat.Amount(s.TotalCost - s.RequestedSupport, Language.English) + " VND).",
                Blocking: true));
        }

        if (proposal.EarlierProposalCount > 0)
        {
            findings.Add(new ScreeningFinding(EarlierSupport,
                string.Create(CultureInfo.InvariantCulture, $"Cơ sở đã có {proposal.EarlierProposalCount} đề án cùng loại trong 5 năm gần đây: kiểm tra việc hỗ trợ trùng lặp."),
                string.Create(CultureInfo.InvariantCulture, $"The establishment has {proposal.EarlierProposalCount} proposal(s) of the same kind in the last 5 years: check for duplicate support."),
                Blocking: false));
        }

        if (s.EndDate < today)
        {
            findings.Add(new ScreeningFinding(ScheduleEnded,
                "Thời gian thực hiện dự kiến đã kết thúc: đề nghị cơ sở cập nhật tiến độ.",
                "The planned schedule has already ended: ask the establishment to update it.",
                Blocking: false));
        }

        return findings;
    }
}
