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

    /// <summary>
    /// What a status of the yearly cycle means for the applicant, in plain words (the tracking page shows it under the
    /// status), or null for the statuses whose label says enough. The plan's approver is the provincial People's
    /// Committee or, where it delegated, the Department's director; national money is decided by the Ministry (ADR 0020).
    /// </summary>
    public static string? Explanation(ProposalStatus status, Language language) => (status, language == Language.English) switch
    {
        (ProposalStatus.Appraised, false) => "Hội đồng thẩm định đã thông qua đề án. Đề án đang chờ được xếp thứ tự theo điểm cùng các đề án khác của đợt và xét chọn vào kế hoạch khuyến công trong phạm vi kinh phí được giao. Cơ sở chưa cần làm gì thêm.",
        (ProposalStatus.Appraised, true) => "The appraisal council passed the proposal. It now waits to be ranked by score with the call's other proposals and considered for the industrial promotion plan within the money available. Nothing is needed from you.",
        (ProposalStatus.InPlan, false) => "Đề án đã có trong dự thảo kế hoạch khuyến công địa phương mà Sở Công Thương trình Ủy ban nhân dân tỉnh (hoặc Giám đốc Sở, nếu được ủy quyền) phê duyệt. Cơ sở sẽ nhận email khi kế hoạch được phê duyệt.",
        (ProposalStatus.InPlan, true) => "The proposal is in the draft local industrial promotion plan that the Department of Industry and Trade submitted to the provincial People's Committee (or to its director, where delegated). You will get an email when the plan is decided.",
        (ProposalStatus.SentToMinistry, false) => "Sở Công Thương đã gửi đề án lên Bộ Công Thương để xét đưa vào kế hoạch khuyến công quốc gia. Bộ Công Thương quyết định đề án nào được giao kế hoạch và kinh phí; cơ sở sẽ nhận email khi có quyết định.",
        (ProposalStatus.SentToMinistry, true) => "The Department of Industry and Trade sent the proposal to the Ministry of Industry and Trade for the national industrial promotion plan. The Ministry decides which proposals it funds; you will get an email with its decision.",
        (ProposalStatus.Reserve, false) => "Đề án chưa được đưa vào kế hoạch lần này nhưng được giữ trong danh sách dự phòng. Khi có thêm kinh phí hoặc ở kế hoạch sau, đề án có thể được xét chọn lại mà cơ sở không cần nộp lại hồ sơ.",
        (ProposalStatus.Reserve, true) => "The proposal is not in this plan but is kept in reserve. If more money becomes available, or in a later plan, it can be selected again without a new application.",
        (ProposalStatus.NotSelected, false) => "Đề án không được lựa chọn vào kế hoạch khuyến công đã phê duyệt, và hồ sơ kết thúc tại đây. Cơ sở có thể đăng ký đề án trong các đợt sau.",
        (ProposalStatus.NotSelected, true) => "The proposal was not selected for the approved industrial promotion plan, and it ends here. You may apply again in a later call.",
        _ => null,
    };
}
