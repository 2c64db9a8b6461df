using System.Globalization;
using KhuyenCong.Domain.Activities;
using KhuyenCong.Domain.Caps;
using KhuyenCong.Domain.Documents;
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
    public const string DocumentsComplete = "documents-complete";
    public const string CapExceeded = "cap-exceeded";
    public const string CapUnconfirmed = "cap-unconfirmed";
    public const string ExampleCapExceeded = "example-cap-exceeded";
    public const string EarlierSupport = "earlier-support";
    public const string MatchingMoneyShort = "matching-money-short";
    public const string ScheduleEnded = "schedule-ended";

    /// <summary>
    /// Runs the checks: the dossier against the documents its call requires for its kind, or else its activity asks for
    /// (<see cref="CallDocuments"/>, data/reference/documents.json: what is there, what is missing), the cap in force (or that none is confirmed for the activity), the matching money,
    /// earlier support of the same establishment, and the schedule.
    /// </summary>
    public static IReadOnlyList<ScreeningFinding> Run(Proposal proposal, CapCheckResult cap, DateOnly today, Domain.Calls.Call? call = null)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        ArgumentNullException.ThrowIfNull(cap);
        var s = proposal.Submission;
        var findings = new List<ScreeningFinding> { Documents(DocumentChecklist.For(proposal, call)) };
        if (CapFinding(s, cap) is { } capFinding)
        {
            findings.Add(capFinding);
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

    /// <summary>The cap's finding: exceeded (blocking), above an example cap only, or no cap confirmed for the activity; null when a confirmed cap is met.</summary>
    private static ScreeningFinding? CapFinding(ProposalSubmission s, CapCheckResult cap)
    {
        if (!cap.IsWithinCap)
        {
            return new ScreeningFinding(CapExceeded,
                "Kinh phí đề nghị vượt mức hỗ trợ tối đa đang áp dụng: " + string.Join(" ", cap.FieldErrors.Select(e => e.Message)),
                "The requested support exceeds the cap in force.",
                Blocking: true);
        }

        if (cap.Advisories.Count > 0)
        {
            return new ScreeningFinding(ExampleCapExceeded,
                "Kinh phí đề nghị vượt mức ví dụ (chưa có nghị quyết HĐND được nhập): " + string.Join(" ", cap.Advisories.Select(e => e.Message)) + " Cán bộ đối chiếu với nghị quyết của tỉnh.",
                "The requested support exceeds an example cap (no People's Council resolution entered yet): check it against the province's resolution.",
                Blocking: false);
        }

        if (cap.Cap is null)
        {
            var activity = ProposalActivity.Of(s);
            return new ScreeningFinding(CapUnconfirmed,
                $"Chưa có mức hỗ trợ tối đa được xác nhận cho nội dung \"{activity.Vi}\" ({s.FundingSource.DisplayName(Language.Vietnamese)}): cán bộ đối chiếu văn bản hiện hành và nhập mức trần kèm căn cứ (PUT /api/caps) nếu có.",
                $"No confirmed cap exists for \"{activity.En}\" ({s.FundingSource.DisplayName(Language.English)}): check the text in force and enter the cap with its basis (PUT /api/caps) if there is one.",
                Blocking: false);
        }

        return null;
    }

    /// <summary>
    /// The dossier against the checklist: complete (informational, listing what is there), or missing documents,
    /// blocking unless files sent without a document mark could be the missing ones (then the officer looks).
    /// </summary>
    public static ScreeningFinding Documents(DocumentChecklist checklist)
    {
        ArgumentNullException.ThrowIfNull(checklist);
        var presentVi = checklist.Present.Count == 0 ? "chưa có giấy tờ nào được ghi loại" : DocumentChecklist.Names(checklist.Present, Language.Vietnamese);
        var presentEn = checklist.Present.Count == 0 ? "no document marked yet" : DocumentChecklist.Names(checklist.Present, Language.English);
        var unmarkedVi = checklist.Unmarked == 0 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $" {checklist.Unmarked} tệp chưa ghi là giấy tờ nào: cán bộ mở tệp để đối chiếu.");
        var unmarkedEn = checklist.Unmarked == 0 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $" {checklist.Unmarked} file(s) not marked as any document: open them to check.");
        if (checklist.IsComplete)
        {
            return new ScreeningFinding(DocumentsComplete, "Hồ sơ đủ thành phần: " + presentVi + "." + unmarkedVi, "The dossier is complete: " + presentEn + "." + unmarkedEn, Blocking: false);
        }

        return new ScreeningFinding(DocumentsMissing,
            "Hồ sơ còn thiếu: " + DocumentChecklist.Names(checklist.Missing, Language.Vietnamese) + ". Đã có: " + presentVi + "." + unmarkedVi,
            "Missing from the dossier: " + DocumentChecklist.Names(checklist.Missing, Language.English) + ". Present: " + presentEn + "." + unmarkedEn,
            Blocking: !checklist.MayBeCoveredByUnmarkedFiles);
    }
}
