using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Application.Email;

/// <summary>A review waiting for the reviewer, as the daily digest lists it.</summary>
public sealed record DigestItem(string Title, string TrackingCode, DateTimeOffset DueAt, bool Overdue);

/// <summary>An open review past its due date, as the weekly report lists it.</summary>
public sealed record OverdueReviewItem(string ProposalId, string Title, string TrackingCode, string ReviewerName, DateTimeOffset DueAt);

/// <summary>A proposal waiting too long in a stage (screening, awaiting approval, or needs revision past its deadline).</summary>
public sealed record WaitingProposalItem(string ProposalId, string Title, string TrackingCode, ProposalStatus Status, DateTimeOffset Since, DateTimeOffset? DueAt);

/// <summary>
/// The timers' emails: the reviewers' daily digest and the officers' weekly overdue report. Vietnamese first, English
/// below, HTML and plain text, every stored text escaped in the HTML.
/// </summary>
public static class ReminderEmails
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>The digest's send id: one per reviewer per Vietnam day (reviewer ids are not personal data).</summary>
    public static string DigestSendId(string reviewerId, DateOnly day) =>
        string.Create(CultureInfo.InvariantCulture, $"digest|{reviewerId}|{day:yyyy-MM-dd}");

    /// <summary>The report's send id: one per officer per ISO week; the address appears only as a short hash.</summary>
    public static string OverdueReportSendId(string officerEmail, int isoYear, int isoWeek)
    {
        ArgumentNullException.ThrowIfNull(officerEmail);
        var who = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(officerEmail.Trim().ToLowerInvariant())))[..16];
        return string.Create(CultureInfo.InvariantCulture, $"overdue-report|{who}|{isoYear}-W{isoWeek:D2}");
    }

    /// <summary>The email-log partition of a reviewer's digests.</summary>
    public static string ReviewerPartition(string reviewerId) => "reviewer-" + reviewerId;

    /// <summary>The email-log partition of the officers' reports.</summary>
    public const string OfficersPartition = "officers";

    public static EmailMessage Digest(string reviewerId, string reviewerName, string reviewerEmail, DateOnly day, IReadOnlyList<DigestItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var dayVi = DisplayFormat.Date(day, Language.Vietnamese);
        var dayEn = DisplayFormat.Date(day, Language.English);
        var overdue = items.Count(i => i.Overdue);
        var subject = string.Create(CultureInfo.InvariantCulture,
            $"Đề án chờ thẩm định ngày {dayVi}: {items.Count} · Reviews waiting for you: {items.Count}");
        var rowsVi = new StringBuilder();
        var rowsEn = new StringBuilder();
        var textVi = new StringBuilder();
        var textEn = new StringBuilder();
        foreach (var item in items)
        {
            var dueVi = DisplayFormat.Date(VietnamDate(item.DueAt), Language.Vietnamese);
            var dueEn = DisplayFormat.Date(VietnamDate(item.DueAt), Language.English);
            rowsVi.Append("<li><strong>").Append(E(item.Title)).Append("</strong> (").Append(E(item.TrackingCode)).Append("), hạn ").Append(E(dueVi))
                .Append(item.Overdue ? " <strong>– QUÁ HẠN</strong>" : string.Empty).Append("</li>\n");
            rowsEn.Append("<li><strong>").Append(E(item.Title)).Append("</strong> (").Append(E(item.TrackingCode)).Append("), due ").Append(E(dueEn))
                .Append(item.Overdue ? " <strong>– OVERDUE</strong>" : string.Empty).Append("</li>\n");
            textVi.Append("- ").Append(item.Title).Append(" (").Append(item.TrackingCode).Append("), hạn ").Append(dueVi).Append(item.Overdue ? " - QUÁ HẠN" : string.Empty).Append('\n');
            textEn.Append("- ").Append(item.Title).Append(" (").Append(item.TrackingCode).Append("), due ").Append(dueEn).Append(item.Overdue ? " - OVERDUE" : string.Empty).Append('\n');
        }

        var overdueVi = overdue > 0 ? $"<p>Trong đó <strong>{overdue}</strong> đề án đã quá hạn.</p>" : string.Empty;
        var overdueEn = overdue > 0 ? $"<p><strong>{overdue}</strong> of them are overdue.</p>" : string.Empty;
        var html = $"""
            <div lang="vi">
            <p>Kính gửi {E(reviewerName)},</p>
            <p>Ngày {E(dayVi)}, ông/bà còn {items.Count} đề án chờ thẩm định:</p>
            <ul>
            {rowsVi}</ul>
            {overdueVi}
            <p>Để chấm điểm, vui lòng dùng đường liên kết trong email mời thẩm định của từng đề án. Nếu không tìm thấy email đó, xin liên hệ Trung tâm Khuyến công.</p>
            </div>
            <hr>
            <div lang="en">
            <p>Dear {E(reviewerName)},</p>
            <p>On {E(dayEn)} you have {items.Count} proposal(s) waiting for your review:</p>
            <ul>
            {rowsEn}</ul>
            {overdueEn}
            <p>To score a proposal, use the link in its invitation email. If you cannot find that email, contact the Industrial Promotion Centre.</p>
            </div>
            """;
        var text = $"""
            Kính gửi {reviewerName},

            Ngày {dayVi}, ông/bà còn {items.Count} đề án chờ thẩm định:
            {textVi}
            Để chấm điểm, vui lòng dùng đường liên kết trong email mời thẩm định của từng đề án.

            ---
            On {dayEn} you have {items.Count} proposal(s) waiting for your review:
            {textEn}
            To score a proposal, use the link in its invitation email.
            """;
        return new EmailMessage(DigestSendId(reviewerId, day), [new EmailRecipient(reviewerEmail, reviewerName)], subject, html, text);
    }

    public static EmailMessage OverdueReport(string officerEmail, int isoYear, int isoWeek, DateTimeOffset now, string publicBaseUrl,
        IReadOnlyList<OverdueReviewItem> reviews, IReadOnlyList<WaitingProposalItem> waiting)
    {
        ArgumentNullException.ThrowIfNull(reviews);
        ArgumentNullException.ThrowIfNull(waiting);
        var baseUrl = (publicBaseUrl ?? string.Empty).TrimEnd('/');
        var week = string.Create(CultureInfo.InvariantCulture, $"{isoWeek:D2}/{isoYear}");
        var subject = string.Create(CultureInfo.InvariantCulture,
            $"Báo cáo quá hạn tuần {week}: {reviews.Count} phiếu thẩm định, {waiting.Count} đề án · Overdue report, week {isoYear}-W{isoWeek:D2}");
        var html = new StringBuilder();
        var text = new StringBuilder();
        foreach (var language in new[] { Language.Vietnamese, Language.English })
        {
            var en = language == Language.English;
            if (en)
            {
                html.Append("<hr>\n");
                text.Append("\n---\n");
            }

            html.Append("<div lang=\"").Append(language.ToCode()).Append("\">\n");
            html.Append("<p>").Append(en ? $"Overdue report for week {isoYear}-W{isoWeek:D2}." : $"Báo cáo các việc quá hạn tuần {week}.").Append("</p>\n");
            AppendOverdueReviews(html, text, language, now, baseUrl, reviews);
            AppendWaitingProposals(html, text, language, baseUrl, waiting);
            html.Append("</div>\n");
        }

        return new EmailMessage(OverdueReportSendId(officerEmail, isoYear, isoWeek), [new EmailRecipient(officerEmail)], subject, html.ToString(), text.ToString());
    }

    /// <summary>The report's section of reviews past their due date, in one language.</summary>
    private static void AppendOverdueReviews(StringBuilder html, StringBuilder text, Language language, DateTimeOffset now, string baseUrl,
        IReadOnlyList<OverdueReviewItem> reviews)
    {
        var en = language == Language.English;
        html.Append("<h2>").Append(en ? "Reviews past their due date" : "Phiếu thẩm định quá hạn").Append("</h2>\n");
        text.Append(en ? "Reviews past their due date:\n" : "Phiếu thẩm định quá hạn:\n");
        if (reviews.Count == 0)
        {
            AppendNone(html, text, en);
            return;
        }

        html.Append("<ul>\n");
        foreach (var r in reviews)
        {
            var due = DisplayFormat.Date(VietnamDate(r.DueAt), language);
            var days = Math.Max(1, (int)Math.Floor((now - r.DueAt).TotalDays));
            var url = $"{baseUrl}/staff/proposals/{r.ProposalId}" + (en ? "?lang=en" : string.Empty);
            html.Append("<li><a href=\"").Append(E(url)).Append("\">").Append(E(r.Title)).Append("</a> (").Append(E(r.TrackingCode)).Append("): ")
                .Append(E(r.ReviewerName)).Append(", ").Append(en ? "due " : "hạn ").Append(E(due))
                .Append(en ? $", {days} day(s) overdue" : $", quá hạn {days} ngày").Append("</li>\n");
            text.Append("- ").Append(r.Title).Append(" (").Append(r.TrackingCode).Append("): ").Append(r.ReviewerName).Append(", ")
                .Append(en ? "due " : "hạn ").Append(due).Append('\n');
        }

        html.Append("</ul>\n");
    }

    /// <summary>The report's section of proposals waiting too long in a stage, in one language.</summary>
    private static void AppendWaitingProposals(StringBuilder html, StringBuilder text, Language language, string baseUrl,
        IReadOnlyList<WaitingProposalItem> waiting)
    {
        var en = language == Language.English;
        html.Append("<h2>").Append(en ? "Proposals waiting too long" : "Đề án chờ quá lâu").Append("</h2>\n");
        text.Append(en ? "Proposals waiting too long:\n" : "Đề án chờ quá lâu:\n");
        if (waiting.Count == 0)
        {
            AppendNone(html, text, en);
            return;
        }

        html.Append("<ul>\n");
        foreach (var w in waiting)
        {
            var since = DisplayFormat.Date(VietnamDate(w.Since), language);
            var what = ProposalStatusLabels.Label(w.Status, language);
            var detail = w.DueAt is { } dueAt
                ? (en ? $"revision was due {DisplayFormat.Date(VietnamDate(dueAt), language)}" : $"hạn bổ sung {DisplayFormat.Date(VietnamDate(dueAt), language)}")
                : (en ? $"since {since}" : $"từ {since}");
            var url = $"{baseUrl}/staff/proposals/{w.ProposalId}" + (en ? "?lang=en" : string.Empty);
            html.Append("<li><a href=\"").Append(E(url)).Append("\">").Append(E(w.Title)).Append("</a> (").Append(E(w.TrackingCode)).Append("): ")
                .Append(E(what)).Append(", ").Append(E(detail)).Append("</li>\n");
            text.Append("- ").Append(w.Title).Append(" (").Append(w.TrackingCode).Append("): ").Append(what).Append(", ").Append(detail).Append('\n');
        }

        html.Append("</ul>\n");
    }

    /// <summary>An empty section: "None." in both the HTML and the text.</summary>
    private static void AppendNone(StringBuilder html, StringBuilder text, bool en)
    {
        html.Append("<p>").Append(en ? "None." : "Không có.").Append("</p>\n");
        text.Append(en ? "None.\n" : "Không có.\n");
    }

    private static DateOnly VietnamDate(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(VietnamTime.Offset).DateTime);

    private static string E(string? value) => string.IsNullOrEmpty(value) ? string.Empty : Html.Encode(value);
}
