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
        var (rowsVi, textVi) = DigestLines(items, Language.Vietnamese);
        var (rowsEn, textEn) = DigestLines(items, Language.English);
        var subject = string.Create(CultureInfo.InvariantCulture,
            $"Đề án chờ thẩm định ngày {DisplayFormat.Date(day, Language.Vietnamese)}: {items.Count} · Reviews waiting for you: {items.Count}");
        return new EmailMessage(DigestSendId(reviewerId, day), [new EmailRecipient(reviewerEmail, reviewerName)], subject,
            DigestHtml(reviewerName, day, items, rowsVi, rowsEn), DigestText(reviewerName, day, items.Count, textVi, textEn));
    }

    /// <summary>The digest's list in one language: its HTML items and its plain-text lines, overdue reviews marked.</summary>
    private static (string Html, string Text) DigestLines(IReadOnlyList<DigestItem> items, Language language)
    {
        var html = new StringBuilder();
        var text = new StringBuilder();
        var dueWord = new Domain.Text.Bilingual("hạn", "due").In(language);
        var overdueWord = new Domain.Text.Bilingual("QUÁ HẠN", "OVERDUE").In(language);
        foreach (var item in items)
        {
            var due = DisplayFormat.Date(VietnamDate(item.DueAt), language);
            html.Append("<li><strong>").Append(E(item.Title)).Append("</strong> (").Append(E(item.TrackingCode)).Append("), ").Append(dueWord).Append(' ').Append(E(due))
                .Append(item.Overdue ? $" <strong>– {overdueWord}</strong>" : string.Empty).Append("</li>\n");
            text.Append("- ").Append(item.Title).Append(" (").Append(item.TrackingCode).Append("), ").Append(dueWord).Append(' ').Append(due)
                .Append(item.Overdue ? $" - {overdueWord}" : string.Empty).Append('\n');
        }

        return (html.ToString(), text.ToString());
    }

    private static string DigestHtml(string reviewerName, DateOnly day, IReadOnlyList<DigestItem> items, string rowsVi, string rowsEn)
    {
        var dayVi = DisplayFormat.Date(day, Language.Vietnamese);
        var dayEn = DisplayFormat.Date(day, Language.English);
        var overdue = items.Count(i => i.Overdue);
        var overdueVi = overdue > 0 ? $"<p>Trong đó <strong>{overdue}</strong> đề án đã quá hạn.</p>" : string.Empty;
        var overdueEn = overdue > 0 ? $"<p><strong>{overdue}</strong> of them are overdue.</p>" : string.Empty;
        return $"""
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
    }

    private static string DigestText(string reviewerName, DateOnly day, int count, string textVi, string textEn)
    {
        var dayVi = DisplayFormat.Date(day, Language.Vietnamese);
        var dayEn = DisplayFormat.Date(day, Language.English);
        return $"""
            Kính gửi {reviewerName},

            Ngày {dayVi}, ông/bà còn {count} đề án chờ thẩm định:
            {textVi}
            Để chấm điểm, vui lòng dùng đường liên kết trong email mời thẩm định của từng đề án.

            ---
            On {dayEn} you have {count} proposal(s) waiting for your review:
            {textEn}
            To score a proposal, use the link in its invitation email.
            """;
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
        var title = new Domain.Text.Bilingual($"Báo cáo các việc quá hạn tuần {week}.", $"Overdue report for week {isoYear}-W{isoWeek:D2}.");
        var html = new StringBuilder();
        var text = new StringBuilder();
        foreach (var language in new[] { Language.Vietnamese, Language.English })
        {
            if (html.Length > 0)
            {
                html.Append("<hr>\n");
                text.Append("\n---\n");
            }

            html.Append("<div lang=\"").Append(language.ToCode()).Append("\">\n");
            html.Append("<p>").Append(title.In(language)).Append("</p>\n");
            AppendOverdueReviews(html, text, reviews, language, now, baseUrl);
            AppendWaitingProposals(html, text, waiting, language, baseUrl);
            html.Append("</div>\n");
        }

        return new EmailMessage(OverdueReportSendId(officerEmail, isoYear, isoWeek), [new EmailRecipient(officerEmail)], subject, html.ToString(), text.ToString());
    }

    /// <summary>The report's section of reviews past their due date, in one language.</summary>
    private static void AppendOverdueReviews(StringBuilder html, StringBuilder text, IReadOnlyList<OverdueReviewItem> reviews, Language language,
        DateTimeOffset now, string baseUrl)
    {
        if (!AppendSectionStart(html, text, new Domain.Text.Bilingual("Phiếu thẩm định quá hạn", "Reviews past their due date"), reviews.Count, language))
        {
            return;
        }

        var dueWord = new Domain.Text.Bilingual("hạn ", "due ").In(language);
        foreach (var r in reviews)
        {
            var due = DisplayFormat.Date(VietnamDate(r.DueAt), language);
            var days = Math.Max(1, (int)Math.Floor((now - r.DueAt).TotalDays));
            html.Append("<li><a href=\"").Append(E(StaffUrl(baseUrl, r.ProposalId, language))).Append("\">").Append(E(r.Title)).Append("</a> (").Append(E(r.TrackingCode)).Append("): ")
                .Append(E(r.ReviewerName)).Append(", ").Append(dueWord).Append(E(due))
                .Append(new Domain.Text.Bilingual($", quá hạn {days} ngày", $", {days} day(s) overdue").In(language)).Append("</li>\n");
            text.Append("- ").Append(r.Title).Append(" (").Append(r.TrackingCode).Append("): ").Append(r.ReviewerName).Append(", ")
                .Append(dueWord).Append(due).Append('\n');
        }

        html.Append("</ul>\n");
    }

    /// <summary>The report's section of proposals waiting too long, in one language.</summary>
    private static void AppendWaitingProposals(StringBuilder html, StringBuilder text, IReadOnlyList<WaitingProposalItem> waiting, Language language, string baseUrl)
    {
        if (!AppendSectionStart(html, text, new Domain.Text.Bilingual("Đề án chờ quá lâu", "Proposals waiting too long"), waiting.Count, language))
        {
            return;
        }

        foreach (var w in waiting)
        {
            var since = DisplayFormat.Date(VietnamDate(w.Since), language);
            var what = ProposalStatusLabels.Label(w.Status, language);
            var detail = w.DueAt is { } dueAt
                ? new Domain.Text.Bilingual($"hạn bổ sung {DisplayFormat.Date(VietnamDate(dueAt), language)}", $"revision was due {DisplayFormat.Date(VietnamDate(dueAt), language)}").In(language)
                : new Domain.Text.Bilingual($"từ {since}", $"since {since}").In(language);
            html.Append("<li><a href=\"").Append(E(StaffUrl(baseUrl, w.ProposalId, language))).Append("\">").Append(E(w.Title)).Append("</a> (").Append(E(w.TrackingCode)).Append("): ")
                .Append(E(what)).Append(", ").Append(E(detail)).Append("</li>\n");
            text.Append("- ").Append(w.Title).Append(" (").Append(w.TrackingCode).Append("): ").Append(what).Append(", ").Append(detail).Append('\n');
        }

        html.Append("</ul>\n");
    }

    /// <summary>A section's heading, then "None." when it is empty (false), else the list's opening (true).</summary>
    private static bool AppendSectionStart(StringBuilder html, StringBuilder text, Domain.Text.Bilingual heading, int count, Language language)
    {
        html.Append("<h2>").Append(heading.In(language)).Append("</h2>\n");
        text.Append(heading.In(language)).Append(":\n");
        if (count == 0)
        {
            var none = new Domain.Text.Bilingual("Không có.", "None.").In(language);
            html.Append("<p>").Append(none).Append("</p>\n");
            text.Append(none).Append('\n');
            return false;
        }

        html.Append("<ul>\n");
        return true;
    }

    /// <summary>The proposal's staff page, in the language of the section that links it.</summary>
    private static string StaffUrl(string baseUrl, string proposalId, Language language) =>
        $"{baseUrl}/staff/proposals/{proposalId}" + new Domain.Text.Bilingual(string.Empty, "?lang=en").In(language);

    private static DateOnly VietnamDate(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(VietnamTime.Offset).DateTime);

    private static string E(string? value) => string.IsNullOrEmpty(value) ? string.Empty : Html.Encode(value);
}
