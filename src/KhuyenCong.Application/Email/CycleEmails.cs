using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using static KhuyenCong.Application.Email.WorkflowEmails;

namespace KhuyenCong.Application.Email;

/// <summary>
/// The emails of the yearly cycle's steps (workflow version 2, ADR 0020), to whoever waits: the officers when the
/// council's session is due, the applicant at each step of the plan. Vietnamese first, English below, built by
/// <see cref="WorkflowEmails.Compose"/> (which escapes every piece).
/// </summary>
public static class CycleEmails
{
    public static EmailMessage CouncilSessionNeeded(Proposal p, int round, IReadOnlyList<string> officers, string staffUrl) =>
        Compose(Send(p.Id, "council-session-needed", officers, round), To(officers),
            new($"Đề án {p.TrackingCode} chờ phiên họp hội đồng", $"Proposal {p.TrackingCode} awaits the council's session"),
            new("Kính gửi cán bộ Trung tâm Khuyến công,", "Dear officer,"),
            [new($"Các thành viên hội đồng đã gửi đủ ý kiến thẩm định đề án \"{p.Submission.Title}\" (mã {p.TrackingCode}, vòng {round}). Đề án chờ phiên họp của hội đồng thẩm định để kết luận.",
                $"The council's members have appraised \"{p.Submission.Title}\" ({p.TrackingCode}, round {round}). It awaits the council's session to conclude.")],
            new EmailAction(staffUrl, new("Mở hồ sơ đề án", "Open the proposal")));

    public static EmailMessage Appraised(Proposal p, int round, string publicBaseUrl) =>
        Compose(Send(p.Id, "appraised", [p.Submission.Email], round), Applicant(p),
            new($"Đề án {p.TrackingCode} đã được hội đồng thẩm định thông qua", $"Proposal {p.TrackingCode} passed the council's appraisal"),
            Greeting(p),
            [new($"Hội đồng thẩm định đã thông qua đề án \"{p.Submission.Title}\" (mã {p.TrackingCode}).",
                $"The appraisal council has passed the proposal \"{p.Submission.Title}\" ({p.TrackingCode})."),
             new($"Đề án được xếp thứ tự theo điểm cùng các đề án khác và xét chọn vào kế hoạch khuyến công năm {p.PlanYear} trong phạm vi kinh phí được giao. Cơ sở chưa cần làm gì thêm; Trung tâm sẽ báo khi có kết quả.",
                $"It is ranked by score with the other proposals and considered for the {p.PlanYear} industrial promotion plan within the money available. Nothing is needed from you now; the Centre will tell you the result.")],
            Track(p, publicBaseUrl));

    public static EmailMessage InPlan(Proposal p, int round, string publicBaseUrl) =>
        Compose(Send(p.Id, "in-plan", [p.Submission.Email], round), Applicant(p),
            new($"Đề án {p.TrackingCode} đã được trình phê duyệt trong kế hoạch", $"Proposal {p.TrackingCode} is in the plan submitted for approval"),
            Greeting(p),
            [new($"Đề án \"{p.Submission.Title}\" (mã {p.TrackingCode}) đã được đưa vào dự thảo kế hoạch khuyến công địa phương năm {p.PlanYear}, Sở Công Thương đã trình cấp có thẩm quyền phê duyệt.",
                $"The proposal \"{p.Submission.Title}\" ({p.TrackingCode}) is in the draft {p.PlanYear} local industrial promotion plan, which the Department of Industry and Trade has submitted for approval."),
             new("Trung tâm sẽ báo cho cơ sở khi kế hoạch được phê duyệt.", "The Centre will tell you when the plan is decided.")],
            Track(p, publicBaseUrl));

    public static EmailMessage SentToMinistry(Proposal p, int round, string publicBaseUrl) =>
        Compose(Send(p.Id, "sent-to-ministry", [p.Submission.Email], round), Applicant(p),
            new($"Đề án {p.TrackingCode} đã được gửi Bộ Công Thương", $"Proposal {p.TrackingCode} sent to the Ministry"),
            Greeting(p),
            [new($"Sở Công Thương đã gửi Bộ Công Thương đề án \"{p.Submission.Title}\" (mã {p.TrackingCode}) để xem xét đưa vào kế hoạch khuyến công quốc gia năm {p.PlanYear}.",
                $"The Department of Industry and Trade has sent the proposal \"{p.Submission.Title}\" ({p.TrackingCode}) to the Ministry of Industry and Trade for its {p.PlanYear} national industrial promotion plan."),
             new("Bộ Công Thương quyết định đề án nào được giao kế hoạch và kinh phí; Trung tâm sẽ báo cho cơ sở khi có quyết định.",
                "The Ministry decides which proposals enter its plan and with what money; the Centre will tell you its decision.")],
            Track(p, publicBaseUrl));

    /// <summary>Included in the approved plan: the decision and amount are on the record (written just before).</summary>
    public static EmailMessage PlanIncluded(Proposal p, int round, string reportUrl) =>
        Compose(Send(p.Id, "plan-included", [p.Submission.Email], round), Applicant(p),
            new($"Đề án {p.TrackingCode} đã được phê duyệt", $"Proposal {p.TrackingCode} approved"),
            Greeting(p),
            [new($"Đề án \"{p.Submission.Title}\" (mã {p.TrackingCode}) đã được phê duyệt trong kế hoạch khuyến công năm {p.PlanYear} theo Quyết định số {p.Funding.DecisionNumber} ngày {DateText(p.Funding.DecisionDate, Language.Vietnamese)}, kinh phí hỗ trợ {DisplayFormat.Amount(p.Funding.ApprovedAmount ?? 0, Language.Vietnamese)} đồng.",
                $"The proposal \"{p.Submission.Title}\" ({p.TrackingCode}) is approved in the {p.PlanYear} industrial promotion plan by decision {p.Funding.DecisionNumber} of {DateText(p.Funding.DecisionDate, Language.English)}, with support of {DisplayFormat.Amount(p.Funding.ApprovedAmount ?? 0, Language.English)} VND."),
             new("Trung tâm sẽ liên hệ để ký hợp đồng. Trong quá trình thực hiện, cơ sở gửi báo cáo tiến độ và hồ sơ nghiệm thu (biên bản nghiệm thu, hóa đơn) qua đường liên kết dưới đây.",
                "The Centre will contact you to sign the contract. Send progress reports and the acceptance papers (acceptance minutes, invoices) through the link below.")],
            new EmailAction(reportUrl, new("Gửi báo cáo, hồ sơ nghiệm thu", "Send reports and acceptance papers")));

    public static EmailMessage NotSelected(Proposal p, int round, string? reference, string publicBaseUrl) =>
        Compose(Send(p.Id, "not-selected", [p.Submission.Email], round), Applicant(p),
            new($"Đề án {p.TrackingCode} không được lựa chọn vào kế hoạch", $"Proposal {p.TrackingCode} not selected for the plan"),
            Greeting(p),
            [new($"Trung tâm Khuyến công rất tiếc thông báo đề án \"{p.Submission.Title}\" (mã {p.TrackingCode}) không được lựa chọn vào kế hoạch khuyến công năm {p.PlanYear}{Basis(reference, " (căn cứ: ")}.",
                $"We regret that the proposal \"{p.Submission.Title}\" ({p.TrackingCode}) was not selected for the {p.PlanYear} industrial promotion plan{Basis(reference, " (basis: ")}."),
             new("Hồ sơ đề án kết thúc tại đây. Cơ sở có thể đăng ký đề án trong các đợt sau.", "The proposal ends here. You may apply again in a later call.")],
            Track(p, publicBaseUrl));

    public static EmailMessage Reserve(Proposal p, int round, string publicBaseUrl) =>
        Compose(Send(p.Id, "reserve", [p.Submission.Email], round), Applicant(p),
            new($"Đề án {p.TrackingCode} được giữ trong danh sách dự phòng", $"Proposal {p.TrackingCode} kept in reserve"),
            Greeting(p),
            [new($"Đề án \"{p.Submission.Title}\" (mã {p.TrackingCode}) chưa được đưa vào kế hoạch lần này và được giữ trong danh sách dự phòng.",
                $"The proposal \"{p.Submission.Title}\" ({p.TrackingCode}) is not in this plan and is kept in reserve."),
             new("Khi có kinh phí bổ sung hoặc ở kế hoạch sau, đề án có thể được xét chọn lại mà cơ sở không cần nộp lại hồ sơ; Trung tâm sẽ báo khi có kết quả.",
                "If more money becomes available, or in a later plan, it can be selected again without a new application; the Centre will tell you.")],
            Track(p, publicBaseUrl));

    private static string Basis(string? reference, string opening) => string.IsNullOrWhiteSpace(reference) ? string.Empty : opening + reference + ")";
}
