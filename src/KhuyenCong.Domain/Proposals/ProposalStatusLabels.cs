using KhuyenCong.Domain.Text;

namespace KhuyenCong.Domain.Proposals;

/// <summary>How a status reads to people, and what it asks of the applicant.</summary>
public static class ProposalStatusLabels
{
    public static string Label(ProposalStatus status, Language language) => (status, language == Language.English) switch
    {
        (ProposalStatus.Submitted, false) => "Đã nộp",
        (ProposalStatus.Submitted, true) => "Submitted",
        (ProposalStatus.Screening, false) => "Đang kiểm tra hồ sơ",
        (ProposalStatus.Screening, true) => "Screening",
        (ProposalStatus.NeedsRevision, false) => "Cần bổ sung hồ sơ",
        (ProposalStatus.NeedsRevision, true) => "Needs revision",
        (ProposalStatus.InReview, false) => "Đang thẩm định",
        (ProposalStatus.InReview, true) => "In review",
        (ProposalStatus.AwaitingApproval, false) => "Chờ phê duyệt",
        (ProposalStatus.AwaitingApproval, true) => "Awaiting approval",
        (ProposalStatus.Approved, false) => "Đã phê duyệt",
        (ProposalStatus.Approved, true) => "Approved",
        (ProposalStatus.InProgress, false) => "Đang thực hiện",
        (ProposalStatus.InProgress, true) => "In progress",
        (ProposalStatus.Accepted, false) => "Đã nghiệm thu",
        (ProposalStatus.Accepted, true) => "Accepted",
        (ProposalStatus.Settled, false) => "Đã quyết toán",
        (ProposalStatus.Settled, true) => "Settled",
        (ProposalStatus.Rejected, false) => "Không được hỗ trợ",
        (ProposalStatus.Rejected, true) => "Rejected",
        (ProposalStatus.Withdrawn, false) => "Đã rút",
        (ProposalStatus.Withdrawn, true) => "Withdrawn",
        (ProposalStatus.Cancelled, false) => "Đã hủy",
        (ProposalStatus.Cancelled, true) => "Cancelled",
        (ProposalStatus.Appraised, false) => "Đã thẩm định, chờ xét chọn",
        (ProposalStatus.Appraised, true) => "Appraised, awaiting selection",
        (ProposalStatus.InPlan, false) => "Đã đưa vào dự thảo kế hoạch, chờ phê duyệt",
        (ProposalStatus.InPlan, true) => "In the draft plan, awaiting its approval",
        (ProposalStatus.SentToMinistry, false) => "Đã gửi Bộ Công Thương, chờ Bộ quyết định",
        (ProposalStatus.SentToMinistry, true) => "Sent to the Ministry, awaiting its decision",
        (ProposalStatus.Reserve, false) => "Dự phòng cho kế hoạch sau",
        (ProposalStatus.Reserve, true) => "In reserve for a later plan",
        (ProposalStatus.NotSelected, false) => "Không được lựa chọn vào kế hoạch",
        (ProposalStatus.NotSelected, true) => "Not selected for the plan",
        _ => status.ToCode(),
    };

    /// <summary>
    /// What the applicant should do now, or, once the council passed the proposal (appraised), that nothing is needed while
    /// it waits for the selection; null otherwise.
    /// </summary>
    public static string? Awaiting(ProposalStatus status, Language language) => (status, language == Language.English) switch
    {
        (ProposalStatus.NeedsRevision, false) => "Vui lòng bổ sung hoặc sửa hồ sơ theo đường liên kết trong email Trung tâm đã gửi.",
        (ProposalStatus.NeedsRevision, true) => "Please add or correct documents through the link in the Centre's email.",
        (ProposalStatus.InProgress, false) => "Gửi báo cáo tiến độ và biên bản nghiệm thu qua đường liên kết trong email.",
        (ProposalStatus.InProgress, true) => "Send progress reports and the acceptance papers through the link in your email.",
        (ProposalStatus.Appraised, false) => "Hội đồng thẩm định đã kết luận đề án đạt. Đề án đang chờ xét chọn vào kế hoạch khuyến công theo điểm trung bình; bạn không cần làm gì thêm, Trung tâm sẽ báo kết quả qua email.",
        (ProposalStatus.Appraised, true) => "The appraisal council passed your proposal. It now waits to be selected for the industrial promotion plan by its average score; you need do nothing, the Centre will email you the result.",
        _ => null,
    };
}
