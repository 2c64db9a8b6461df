using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Application.Email;

/// <summary>A sentence in both languages.</summary>
public sealed record Bilingual(string Vi, string En);

/// <summary>A link with its label in both languages.</summary>
public sealed record EmailAction(string Url, Bilingual Label);

/// <summary>
/// The emails of the workflow's steps: Vietnamese first, English below, HTML and plain text. Every piece of text is
/// escaped by <see cref="Compose"/>, so no template can forget to.
/// </summary>
public static class WorkflowEmails
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public static EmailMessage ScreeningNeeded(Proposal p, int round, IReadOnlyList<ScreeningFinding> findings, IReadOnlyList<string> officers, string staffUrl)
    {
        var lines = new List<Bilingual>
        {
            new($"Đề án \"{p.Submission.Title}\" của {p.Submission.OrganizationName} (mã {p.TrackingCode}) đang chờ kiểm tra hồ sơ (lần {round}).",
                $"The proposal \"{p.Submission.Title}\" from {p.Submission.OrganizationName} ({p.TrackingCode}) awaits screening (round {round})."),
        };
        lines.Add(findings.Count == 0
            ? new Bilingual("Kiểm tra tự động không phát hiện vấn đề.", "The automatic checks found nothing.")
            : new Bilingual("Kiểm tra tự động: " + string.Join(" ", findings.Select(f => (f.Blocking ? "[cần xử lý] " : "[lưu ý] ") + f.Vi)),
                "Automatic checks: " + string.Join(" ", findings.Select(f => (f.Blocking ? "[blocking] " : "[note] ") + f.En))));
        return Compose(Send(p.Id, "screening-needed", officers, round), To(officers),
            new($"Đề án {p.TrackingCode} chờ kiểm tra hồ sơ", $"Proposal {p.TrackingCode} to screen"),
            new("Kính gửi cán bộ Trung tâm Khuyến công,", "Dear officer,"), lines,
            new EmailAction(staffUrl, new("Mở hồ sơ đề án", "Open the proposal")));
    }

    public static EmailMessage RevisionRequested(Proposal p, int round, string? comment, DateTimeOffset dueAt, string reviseUrl, int reminder = 0)
    {
        var due = DueText(dueAt);
        var lines = new List<Bilingual>
        {
            reminder == 0
                ? new($"Trung tâm Khuyến công đề nghị cơ sở bổ sung hồ sơ của đề án \"{p.Submission.Title}\" (mã {p.TrackingCode}).",
                    $"The Industrial Promotion Centre asks you to complete the file of the proposal \"{p.Submission.Title}\" ({p.TrackingCode}).")
                : new($"Nhắc lần {reminder}: hồ sơ đề án \"{p.Submission.Title}\" (mã {p.TrackingCode}) vẫn đang chờ cơ sở bổ sung.",
                    $"Reminder {reminder}: the file of \"{p.Submission.Title}\" ({p.TrackingCode}) still awaits your documents."),
            new("Nội dung cần bổ sung: " + (comment ?? string.Empty), "What is needed: " + (comment ?? string.Empty)),
            new($"Hạn bổ sung: {due.Vi}. Quá hạn mà không bổ sung, đề án sẽ được coi là rút.",
                $"Deadline: {due.En}. Without an answer by then, the proposal is withdrawn."),
        };
        return Compose(Send(p.Id, reminder == 0 ? "revision-request" : $"revision-reminder-{reminder}", [p.Submission.Email], round), Applicant(p),
            new($"Đề nghị bổ sung hồ sơ đề án {p.TrackingCode}", $"Documents needed for proposal {p.TrackingCode}"),
            Greeting(p), lines, new EmailAction(reviseUrl, new("Bổ sung hồ sơ", "Add documents")));
    }

    public static EmailMessage RevisionExpired(Proposal p, int round, string publicBaseUrl) =>
        Compose(Send(p.Id, "revision-expired", [p.Submission.Email], round), Applicant(p),
            new($"Đề án {p.TrackingCode} đã quá hạn bổ sung hồ sơ", $"Proposal {p.TrackingCode}: deadline passed"),
            Greeting(p),
            [new($"Đã hết hạn bổ sung hồ sơ của đề án \"{p.Submission.Title}\" (mã {p.TrackingCode}) mà Trung tâm chưa nhận được tài liệu. Đề án được coi là rút. Cơ sở có thể nộp đề án mới khi đã chuẩn bị đủ hồ sơ.",
                $"The deadline to complete the file of \"{p.Submission.Title}\" ({p.TrackingCode}) has passed without an answer, so the proposal is withdrawn. You may submit a new proposal once the file is ready.")],
            Track(p, publicBaseUrl));

    public static EmailMessage Rejected(Proposal p, string? reason, string publicBaseUrl) =>
        Compose(Send(p.Id, "rejected", [p.Submission.Email]), Applicant(p),
            new($"Đề án {p.TrackingCode} không được chấp thuận", $"Proposal {p.TrackingCode} not accepted"),
            Greeting(p),
            [new($"Trung tâm Khuyến công rất tiếc thông báo đề án \"{p.Submission.Title}\" (mã {p.TrackingCode}) không được chấp thuận.",
                $"We regret that the proposal \"{p.Submission.Title}\" ({p.TrackingCode}) was not accepted."),
             new("Lý do: " + (reason ?? string.Empty), "Reason: " + (reason ?? string.Empty))],
            Track(p, publicBaseUrl));

    public static EmailMessage ReviewInvitation(Proposal p, string reviewerEmail, string reviewerName, int round, DateTimeOffset dueAt, string reviewUrl, int reminder = 0)
    {
        var first = reminder == 0
            ? new Bilingual($"Trung tâm Khuyến công kính mời Ông/Bà thẩm định đề án \"{p.Submission.Title}\" (lĩnh vực {p.Submission.Sector}, mã {p.TrackingCode}).",
                $"The Industrial Promotion Centre invites you to appraise the proposal \"{p.Submission.Title}\" (sector {p.Submission.Sector}, {p.TrackingCode}).")
            : new Bilingual($"Nhắc lần {reminder}: đề án \"{p.Submission.Title}\" (mã {p.TrackingCode}) đang chờ ý kiến thẩm định của Ông/Bà.",
                $"Reminder {reminder}: the proposal \"{p.Submission.Title}\" ({p.TrackingCode}) awaits your appraisal.");
        return ReviewEmail(p, reviewerEmail, reviewerName, round, dueAt, reviewUrl, reminder == 0 ? "review-invitation" : $"review-reminder-{reminder}", first, reminder > 0);
    }

    /// <summary>
    /// The timers' reminder, sent when an officer asks (bulk "remind reviewers"): the same email with a fresh review
    /// link; <paramref name="window"/> (e.g. the Vietnam day) is in its send id, so one is sent per reviewer, round and window.
    /// </summary>
    public static EmailMessage ReviewReminderByOfficer(Proposal p, string reviewerId, string reviewerEmail, string reviewerName, int round, DateTimeOffset dueAt,
        string reviewUrl, string window) =>
        ReviewEmail(p, reviewerEmail, reviewerName, round, dueAt, reviewUrl, $"review-reminder-officer-{reviewerId}-{window}",
            new($"Trung tâm Khuyến công nhắc: đề án \"{p.Submission.Title}\" (mã {p.TrackingCode}) đang chờ ý kiến thẩm định của Ông/Bà.",
                $"Reminder from the Industrial Promotion Centre: the proposal \"{p.Submission.Title}\" ({p.TrackingCode}) awaits your appraisal."),
            reminder: true);

    private static EmailMessage ReviewEmail(Proposal p, string reviewerEmail, string reviewerName, int round, DateTimeOffset dueAt, string reviewUrl, string step,
        Bilingual first, bool reminder)
    {
        var due = DueText(dueAt);
        return Compose(Send(p.Id, step, [reviewerEmail], round), [new EmailRecipient(reviewerEmail, reviewerName)],
            new($"{(reminder ? "Nhắc thẩm định" : "Mời thẩm định")} đề án {p.TrackingCode}", $"{(reminder ? "Appraisal reminder" : "Appraisal request")}: {p.TrackingCode}"),
            new($"Kính gửi {reviewerName},", $"Dear {reviewerName},"),
            [first,
             new($"Hạn gửi ý kiến: {due.Vi}. Trên trang thẩm định, Ông/Bà có thể xem hồ sơ, chấm điểm theo tiêu chí, hoặc khai báo xung đột lợi ích nếu có.",
                $"Please answer by {due.En}. The review page shows the file and the scoring criteria, and lets you declare a conflict of interest."),
             new("Đường liên kết chỉ dành cho Ông/Bà; vui lòng không chuyển tiếp.", "The link is for you only; please do not forward it.")],
            new EmailAction(reviewUrl, new("Mở trang thẩm định", "Open the review page")));
    }

    public static EmailMessage ReviewEscalation(Proposal p, string reviewerName, int round, DateTimeOffset dueAt, IReadOnlyList<string> officers, string staffUrl, string reviewerId) =>
        Compose(Send(p.Id, "review-escalation-" + reviewerId, officers, round), To(officers),
            new($"Quá hạn thẩm định đề án {p.TrackingCode}", $"Review overdue: {p.TrackingCode}"),
            new("Kính gửi cán bộ Trung tâm Khuyến công,", "Dear officer,"),
            [new($"Thành viên hội đồng {reviewerName} chưa gửi ý kiến thẩm định đề án \"{p.Submission.Title}\" (mã {p.TrackingCode}, vòng {round}); hạn là {DueText(dueAt).Vi}. Cán bộ có thể thay thành viên khác trên trang hồ sơ.",
                $"Reviewer {reviewerName} has not appraised \"{p.Submission.Title}\" ({p.TrackingCode}, round {round}); it was due {DueText(dueAt).En}. You can replace the reviewer on the proposal's page.")],
            new EmailAction(staffUrl, new("Mở hồ sơ đề án", "Open the proposal")));

    public static EmailMessage ReviewerShortfall(Proposal p, int round, int missing, IReadOnlyList<string> officers, string staffUrl, int attempt) =>
        Compose(Send(p.Id, "reviewer-shortfall-" + attempt.ToString(CultureInfo.InvariantCulture), officers, round), To(officers),
            new($"Thiếu thành viên thẩm định cho đề án {p.TrackingCode}", $"Not enough reviewers for {p.TrackingCode}"),
            new("Kính gửi cán bộ Trung tâm Khuyến công,", "Dear officer,"),
            [new($"Danh sách thành viên hội đồng không đủ người phù hợp (thiếu {missing}) cho đề án \"{p.Submission.Title}\" (mã {p.TrackingCode}, vòng {round}): cần bổ sung thành viên phù hợp lĩnh vực {p.Submission.Sector}, không có xung đột lợi ích, rồi thay thế trên trang hồ sơ.",
                $"The roster lacks {missing} suitable reviewer(s) for \"{p.Submission.Title}\" ({p.TrackingCode}, round {round}): add reviewers for sector {p.Submission.Sector} without conflicts of interest.")],
            new EmailAction(staffUrl, new("Mở hồ sơ đề án", "Open the proposal")));

    public static EmailMessage ApprovalRequest(Proposal p, VerdictRecord? verdict, string directorEmail, int round, string approveUrl, int reminder = 0)
    {
        var lines = new List<Bilingual>
        {
            reminder == 0
                ? new($"Đề án \"{p.Submission.Title}\" của {p.Submission.OrganizationName} (mã {p.TrackingCode}) đã được hội đồng thẩm định và chờ Giám đốc phê duyệt.",
                    $"The proposal \"{p.Submission.Title}\" from {p.Submission.OrganizationName} ({p.TrackingCode}) has been appraised and awaits your decision.")
                : new($"Nhắc lần {reminder}: đề án \"{p.Submission.Title}\" (mã {p.TrackingCode}) vẫn chờ phê duyệt.",
                    $"Reminder {reminder}: \"{p.Submission.Title}\" ({p.TrackingCode}) still awaits your decision."),
            new($"Kinh phí đề nghị hỗ trợ: {DisplayFormat.Amount(p.Submission.RequestedSupport, Language.Vietnamese)} đồng.",
                $"Requested support: {DisplayFormat.Amount(p.Submission.RequestedSupport, Language.English)} VND."),
        };
        if (verdict is not null)
        {
            lines.Add(new(
                $"Kết quả thẩm định: điểm bình quân {verdict.AverageTotal.ToString("0.##", CultureInfo.GetCultureInfo("vi-VN"))}/{verdict.MaxTotal}, {(verdict.Passed ? "đạt" : "không đạt")}; hội đồng đề nghị: {RecommendationVi(verdict.Recommendation)}.",
                $"Appraisal: average {verdict.AverageTotal.ToString("0.##", CultureInfo.InvariantCulture)}/{verdict.MaxTotal}, {(verdict.Passed ? "passed" : "not passed")}; the council recommends: {verdict.Recommendation.ToString().ToLowerInvariant()}."));
        }

        return Compose(Send(p.Id, reminder == 0 ? "approval-request" : $"approval-reminder-{reminder}", [directorEmail], round), [new EmailRecipient(directorEmail)],
            new($"{(reminder == 0 ? "Đề nghị phê duyệt" : "Nhắc phê duyệt")} đề án {p.TrackingCode}", $"{(reminder == 0 ? "Approval request" : "Approval reminder")}: {p.TrackingCode}"),
            new("Kính gửi Giám đốc Sở Công Thương,", "Dear Director,"), lines,
            new EmailAction(approveUrl, new("Xem và quyết định", "Review and decide")));
    }

    public static EmailMessage Approved(Proposal p, ApprovalRecord approval, string reportUrl) =>
        Compose(Send(p.Id, "approved", [p.Submission.Email]), Applicant(p),
            new($"Đề án {p.TrackingCode} đã được phê duyệt", $"Proposal {p.TrackingCode} approved"),
            Greeting(p),
            [ApprovalLine(p, approval),
             new("Trung tâm sẽ liên hệ để ký hợp đồng. Trong quá trình thực hiện, cơ sở gửi báo cáo tiến độ và hồ sơ nghiệm thu (biên bản nghiệm thu, hóa đơn) qua đường liên kết dưới đây.",
                "The Centre will contact you to sign the contract. Send progress reports and the acceptance papers (acceptance minutes, invoices) through the link below.")],
            new EmailAction(reportUrl, new("Gửi báo cáo, hồ sơ nghiệm thu", "Send reports and acceptance papers")));

    /// <summary>The approval, with the decision's number and date when the director gave them (an officer may record them later).</summary>
    private static Bilingual ApprovalLine(Proposal p, ApprovalRecord approval)
    {
        var (vi, en) = (DisplayFormat.Amount(approval.Amount ?? 0, Language.Vietnamese), DisplayFormat.Amount(approval.Amount ?? 0, Language.English));
        return approval.DecisionNumber is { Length: > 0 } number && approval.DecisionDate is not null
            ? new($"Đề án \"{p.Submission.Title}\" (mã {p.TrackingCode}) đã được phê duyệt theo Quyết định số {number} ngày {DateText(approval.DecisionDate, Language.Vietnamese)}, kinh phí hỗ trợ {vi} đồng.",
                $"The proposal \"{p.Submission.Title}\" ({p.TrackingCode}) was approved by decision {number} of {DateText(approval.DecisionDate, Language.English)}, with support of {en} VND.")
            : new($"Đề án \"{p.Submission.Title}\" (mã {p.TrackingCode}) đã được phê duyệt, kinh phí hỗ trợ {vi} đồng. Số và ngày của quyết định sẽ được Trung tâm thông báo khi ban hành.",
                $"The proposal \"{p.Submission.Title}\" ({p.TrackingCode}) was approved, with support of {en} VND. The Centre will give the decision's number and date once it is issued.");
    }

    public static EmailMessage ContractRecorded(Proposal p, ContractRecord contract, string reportUrl) =>
        Compose(Send(p.Id, "contract", [p.Submission.Email]), Applicant(p),
            new($"Hợp đồng thực hiện đề án {p.TrackingCode}", $"Contract for proposal {p.TrackingCode}"),
            Greeting(p),
            [new($"Hợp đồng số {contract.ContractNumber} ngày {DateText(contract.ContractDate, Language.Vietnamese)} đã được ghi nhận; đề án \"{p.Submission.Title}\" chuyển sang giai đoạn thực hiện.",
                $"Contract {contract.ContractNumber} of {DateText(contract.ContractDate, Language.English)} is recorded; \"{p.Submission.Title}\" is now in progress."),
             new("Khi hoàn thành, cơ sở gửi biên bản nghiệm thu và hóa đơn qua đường liên kết dưới đây; khoản thanh toán cuối chỉ được chi sau khi Trung tâm xác nhận nghiệm thu.",
                "When the work is done, send the acceptance minutes and invoices through the link below; the final payment follows the Centre's confirmation of acceptance.")],
            new EmailAction(reportUrl, new("Gửi báo cáo, hồ sơ nghiệm thu", "Send reports and acceptance papers")));

    public static EmailMessage Accepted(Proposal p, string publicBaseUrl) =>
        Compose(Send(p.Id, "accepted", [p.Submission.Email]), Applicant(p),
            new($"Đề án {p.TrackingCode} đã được nghiệm thu", $"Proposal {p.TrackingCode} accepted"),
            Greeting(p),
            [new($"Trung tâm Khuyến công đã xác nhận nghiệm thu đề án \"{p.Submission.Title}\" (mã {p.TrackingCode}). Khoản thanh toán cuối sẽ được chi theo quy định.",
                $"The Centre has confirmed acceptance of \"{p.Submission.Title}\" ({p.TrackingCode}). The final payment will follow.")],
            Track(p, publicBaseUrl));

    public static EmailMessage Settled(Proposal p, long paid, string publicBaseUrl) =>
        Compose(Send(p.Id, "settled", [p.Submission.Email]), Applicant(p),
            new($"Đề án {p.TrackingCode} đã quyết toán", $"Proposal {p.TrackingCode} settled"),
            Greeting(p),
            [new($"Đề án \"{p.Submission.Title}\" (mã {p.TrackingCode}) đã được thanh toán đủ ({DisplayFormat.Amount(paid, Language.Vietnamese)} đồng) và quyết toán. Cảm ơn cơ sở đã tham gia chương trình khuyến công.",
                $"\"{p.Submission.Title}\" ({p.TrackingCode}) has been paid ({DisplayFormat.Amount(paid, Language.English)} VND) and settled. Thank you for taking part in the programme.")],
            Track(p, publicBaseUrl));

    /// <summary>Tells someone who was waiting on a proposal (reviewer, director, officers) that it ended and what that means for them.</summary>
    public static EmailMessage NoLongerNeeded(Proposal p, IReadOnlyList<string> recipients, string step, int round, Bilingual greeting, Bilingual meaning)
    {
        ArgumentNullException.ThrowIfNull(p);
        var status = ProposalStatusLabels.Label(p.Status, Language.Vietnamese);
        var statusEn = ProposalStatusLabels.Label(p.Status, Language.English);
        return Compose(Send(p.Id, step, recipients, round), To(recipients),
            new($"Đề án {p.TrackingCode} đã kết thúc: {status}", $"Proposal {p.TrackingCode} has ended: {statusEn}"),
            greeting,
            [new($"Đề án \"{p.Submission.Title}\" (mã {p.TrackingCode}) đã kết thúc với tình trạng: {status}.", $"The proposal \"{p.Submission.Title}\" ({p.TrackingCode}) has ended: {statusEn}."),
             meaning],
            null);
    }

    /// <summary>
    /// The call to action as a button (issue 16): inline styles, since mail clients drop style sheets; 48 px high for a
    /// thumb, white on the site header's blue.
    /// </summary>
    private const string ButtonStyle =
        "display:inline-block;padding:14px 24px;min-height:20px;background:#0b4f9c;color:#ffffff;font-weight:bold;text-decoration:none;border-radius:6px";

    /// <summary>Builds both parts from bilingual pieces, escaping every piece for the HTML part.</summary>
    public static EmailMessage Compose(string sendId, IReadOnlyList<EmailRecipient> to, Bilingual subject, Bilingual greeting, IReadOnlyList<Bilingual> lines, EmailAction? action)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(greeting);
        ArgumentNullException.ThrowIfNull(lines);
        var html = new StringBuilder();
        var text = new StringBuilder();
        foreach (var (lang, pick) in new (string, Func<Bilingual, string>)[] { ("vi", b => b.Vi), ("en", b => b.En) })
        {
            if (lang == "en")
            {
                html.Append("<hr>\n");
                text.Append("\n---\n");
            }

            html.Append("<div lang=\"").Append(lang).Append("\">\n<p>").Append(E(pick(greeting))).Append("</p>\n");
            text.Append(pick(greeting)).Append("\n\n");
            foreach (var line in lines)
            {
                html.Append("<p>").Append(E(pick(line))).Append("</p>\n");
                text.Append(pick(line)).Append('\n');
            }

            if (action is not null)
            {
                var url = lang == "en" ? WithEnglish(action.Url) : action.Url;
                html.Append("<p><a class=\"button\" href=\"").Append(E(url)).Append("\" style=\"").Append(ButtonStyle).Append("\">").Append(E(pick(action.Label))).Append("</a></p>\n");
                text.Append(pick(action.Label)).Append(": ").Append(url).Append('\n');
            }

            html.Append("</div>\n");
        }

        return new EmailMessage(sendId, to, subject.Vi + " · " + subject.En, html.ToString(), text.ToString());
    }

    private static string WithEnglish(string url) => url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "lang=en";

    internal static string Send(string proposalId, string step, IReadOnlyList<string> recipients, int round = 1) =>
        ProposalEmails.SendId(proposalId, step, string.Join(",", recipients.Order(StringComparer.OrdinalIgnoreCase)), round);

    internal static List<EmailRecipient> To(IReadOnlyList<string> emails) => emails.Select(e => new EmailRecipient(e)).ToList();

    internal static List<EmailRecipient> Applicant(Proposal p) => [new EmailRecipient(p.Submission.Email, p.Submission.Representative)];

    internal static Bilingual Greeting(Proposal p) =>
        new($"Kính gửi {p.Submission.Representative} ({p.Submission.OrganizationName}),", $"Dear {p.Submission.Representative} ({p.Submission.OrganizationName}),");

    internal static EmailAction Track(Proposal p, string publicBaseUrl) =>
        new($"{publicBaseUrl.TrimEnd('/')}/track/{p.TrackingCode}", new("Xem tình trạng đề án", "See the proposal's status"));

    private static Bilingual DueText(DateTimeOffset at)
    {
        var local = at.ToOffset(VietnamTime.Offset);
        return new(local.ToString("HH:mm 'ngày' dd/MM/yyyy", CultureInfo.InvariantCulture), local.ToString("HH:mm, d MMM yyyy", CultureInfo.InvariantCulture) + " (UTC+7)");
    }

    internal static string DateText(DateOnly? date, Language language) => date is { } d ? DisplayFormat.Date(d, language) : string.Empty;

    private static string RecommendationVi(Domain.Appraisal.Recommendation r) => r switch
    {
        Domain.Appraisal.Recommendation.Approve => "phê duyệt",
        Domain.Appraisal.Recommendation.Reject => "không phê duyệt",
        _ => "chỉnh sửa, bổ sung",
    };

    private static string E(string value) => Html.Encode(value);
}
