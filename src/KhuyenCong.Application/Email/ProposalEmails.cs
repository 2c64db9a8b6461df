using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using KhuyenCong.Domain.Documents;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Application.Email;

/// <summary>The emails about a proposal: Vietnamese first, English below, HTML and plain text, every user text escaped.</summary>
public static class ProposalEmails
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>The send id: what the email is for, so a retry or a replay never sends it twice.</summary>
    /// <remarks>The recipient appears only as a short hash, so send ids can be logged and stored without personal data.</remarks>
    public static string SendId(string proposalId, string step, string recipient, int round = 1)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        var who = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(recipient.Trim().ToLowerInvariant())))[..16];
        return string.Create(CultureInfo.InvariantCulture, $"{proposalId}|{step}|{who}|{round}");
    }

    /// <param name="checklist">The dossier against what its call (or else its activity) requires: listed as present and missing.</param>
    public static EmailMessage Acknowledgement(Proposal proposal, string publicBaseUrl, string withdrawUrl, DocumentChecklist checklist)
    {
        ArgumentNullException.ThrowIfNull(checklist);
        ArgumentNullException.ThrowIfNull(proposal);
        var s = proposal.Submission;
        var receipt = ReceiptFacts.Of(proposal, publicBaseUrl);
        var subject = $"Đã nhận đề án khuyến công {proposal.TrackingCode} · Proposal received";
        var (docsViHtml, docsEnHtml, docsViText, docsEnText) = Documents(checklist);
        return new EmailMessage(SendId(proposal.Id, "acknowledgement", s.Email), [new EmailRecipient(s.Email, s.Representative)], subject,
            AcknowledgementHtml(proposal, receipt, withdrawUrl, docsViHtml, docsEnHtml), AcknowledgementText(proposal, receipt, withdrawUrl, docsViText, docsEnText));
    }

    /// <summary>What the acknowledgement tells of the receipt: where to follow the proposal and get its receipt, when it came, what it asks.</summary>
    private sealed record ReceiptFacts(string TrackUrl, string TrackUrlEn, string ReceiptUrl, string SubmittedVi, string AmountVi, string AmountEn)
    {
        public static ReceiptFacts Of(Proposal proposal, string publicBaseUrl)
        {
            var trackUrl = $"{publicBaseUrl.TrimEnd('/')}/track/{proposal.TrackingCode}";
            var requested = proposal.Submission.RequestedSupport;
            return new ReceiptFacts(trackUrl, trackUrl + "?lang=en", trackUrl + "/receipt.pdf",
                DisplayFormat.Date(DateOnly.FromDateTime(proposal.SubmittedAt.ToOffset(VietnamTime.Offset).DateTime), Language.Vietnamese),
                DisplayFormat.Amount(requested, Language.Vietnamese), DisplayFormat.Amount(requested, Language.English));
        }
    }

    private static string AcknowledgementHtml(Proposal proposal, ReceiptFacts r, string withdrawUrl, string docsViHtml, string docsEnHtml)
    {
        var s = proposal.Submission;
        return $"""
            <div lang="vi">
            <p>Kính gửi {E(s.Representative)} ({E(s.OrganizationName)}),</p>
            <p>Trung tâm Khuyến công đã nhận đề án <strong>{E(s.Title)}</strong> ngày {E(r.SubmittedVi)}, kinh phí đề nghị hỗ trợ {E(r.AmountVi)} đồng.</p>
            <p>Mã theo dõi của đề án: <strong style="font-size:1.2em;letter-spacing:.05em">{E(proposal.TrackingCode)}</strong></p>
            <p>Theo dõi tình trạng hồ sơ tại: <a href="{E(r.TrackUrl)}">{E(r.TrackUrl)}</a></p>
            <p>Giấy tiếp nhận hồ sơ (PDF): <a href="{E(r.ReceiptUrl)}">{E(r.ReceiptUrl)}</a></p>
            {docsViHtml}
            <p>Trung tâm sẽ kiểm tra hồ sơ và liên hệ nếu cần bổ sung. Vui lòng giữ mã theo dõi để tra cứu.</p>
            <p>Nếu cơ sở không muốn tiếp tục, có thể rút đề án tại: <a href="{E(withdrawUrl)}">Rút đề án</a></p>
            </div>
            <hr>
            <div lang="en">
            <p>Dear {E(s.Representative)} ({E(s.OrganizationName)}),</p>
            <p>The Industrial Promotion Centre has received your proposal <strong>{E(s.Title)}</strong>, requesting {E(r.AmountEn)} VND.</p>
            <p>Tracking code: <strong>{E(proposal.TrackingCode)}</strong>. Follow its progress at <a href="{E(r.TrackUrlEn)}">{E(r.TrackUrlEn)}</a>.</p>
            <p>Dossier receipt (PDF, in Vietnamese): <a href="{E(r.ReceiptUrl)}">{E(r.ReceiptUrl)}</a></p>
            {docsEnHtml}
            <p>To withdraw the proposal: <a href="{E(withdrawUrl)}?lang=en">Withdraw</a></p>
            </div>
            """;
    }

    private static string AcknowledgementText(Proposal proposal, ReceiptFacts r, string withdrawUrl, string docsViText, string docsEnText)
    {
        var s = proposal.Submission;
        return $"""
            Kính gửi {s.Representative} ({s.OrganizationName}),

            Trung tâm Khuyến công đã nhận đề án "{s.Title}" ngày {r.SubmittedVi}, kinh phí đề nghị hỗ trợ {r.AmountVi} đồng.
            Mã theo dõi: {proposal.TrackingCode}
            Theo dõi tình trạng hồ sơ: {r.TrackUrl}
            Giấy tiếp nhận hồ sơ (PDF): {r.ReceiptUrl}
            {docsViText}
            Rút đề án: {withdrawUrl}

            ---
            The Industrial Promotion Centre has received your proposal "{s.Title}", requesting {r.AmountEn} VND.
            Tracking code: {proposal.TrackingCode}
            Follow its progress: {r.TrackUrlEn}
            Dossier receipt (PDF, in Vietnamese): {r.ReceiptUrl}
            {docsEnText}
            Withdraw the proposal: {withdrawUrl}?lang=en
            """;
    }

    public static EmailMessage Withdrawn(Proposal proposal, string publicBaseUrl)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        var s = proposal.Submission;
        var trackUrl = $"{publicBaseUrl.TrimEnd('/')}/track/{proposal.TrackingCode}";
        var subject = $"Đề án {proposal.TrackingCode} đã được rút · Proposal withdrawn";
        var html = $"""
            <div lang="vi">
            <p>Kính gửi {E(s.Representative)} ({E(s.OrganizationName)}),</p>
            <p>Đề án <strong>{E(s.Title)}</strong> (mã {E(proposal.TrackingCode)}) đã được rút theo yêu cầu của cơ sở. Trung tâm Khuyến công sẽ không tiếp tục xem xét đề án này.</p>
            <p>Tình trạng: <a href="{E(trackUrl)}">{E(trackUrl)}</a></p>
            </div>
            <hr>
            <div lang="en">
            <p>The proposal <strong>{E(s.Title)}</strong> ({E(proposal.TrackingCode)}) has been withdrawn at your request.</p>
            </div>
            """;
        var text = $"""
            Đề án "{s.Title}" (mã {proposal.TrackingCode}) đã được rút theo yêu cầu của cơ sở.
            Tình trạng: {trackUrl}

            ---
            The proposal "{s.Title}" ({proposal.TrackingCode}) has been withdrawn at your request.
            """;
        return new EmailMessage(SendId(proposal.Id, "withdrawn", s.Email), [new EmailRecipient(s.Email, s.Representative)], subject, html, text);
    }

    public static EmailMessage Cancelled(Proposal proposal, string reason, string publicBaseUrl)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        var s = proposal.Submission;
        var trackUrl = $"{publicBaseUrl.TrimEnd('/')}/track/{proposal.TrackingCode}";
        var subject = $"Đề án {proposal.TrackingCode} đã bị hủy · Proposal cancelled";
        var html = $"""
            <div lang="vi">
            <p>Kính gửi {E(s.Representative)} ({E(s.OrganizationName)}),</p>
            <p>Trung tâm Khuyến công đã hủy đề án <strong>{E(s.Title)}</strong> (mã {E(proposal.TrackingCode)}).</p>
            <p>Lý do: {E(reason)}</p>
            <p>Nếu cần trao đổi, vui lòng liên hệ Trung tâm. Tình trạng: <a href="{E(trackUrl)}">{E(trackUrl)}</a></p>
            </div>
            <hr>
            <div lang="en">
            <p>The Industrial Promotion Centre has cancelled the proposal <strong>{E(s.Title)}</strong> ({E(proposal.TrackingCode)}). Reason: {E(reason)}</p>
            </div>
            """;
        var text = $"""
            Trung tâm Khuyến công đã hủy đề án "{s.Title}" (mã {proposal.TrackingCode}).
            Lý do: {reason}
            Tình trạng: {trackUrl}

            ---
            The Industrial Promotion Centre has cancelled the proposal "{s.Title}" ({proposal.TrackingCode}). Reason: {reason}
            """;
        return new EmailMessage(SendId(proposal.Id, "cancelled", s.Email), [new EmailRecipient(s.Email, s.Representative)], subject, html, text);
    }

    /// <summary>The dossier as received: what is there, what is missing, and files not marked as a document (data/reference/documents.json).</summary>
    private static (string ViHtml, string EnHtml, string ViText, string EnText) Documents(DocumentChecklist c)
    {
        static string List(IEnumerable<DocumentType> docs, Language l) => docs.Any() ? DocumentChecklist.Names(docs, l) : new Domain.Text.Bilingual("chưa có", "none").In(l);
        var unmarkedVi = c.Unmarked == 0 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $" Tệp chưa ghi loại giấy tờ: {c.Unmarked}.");
        var unmarkedEn = c.Unmarked == 0 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $" Files not marked as a document: {c.Unmarked}.");
        var vi = $"Hồ sơ đã nhận: {List(c.Present, Language.Vietnamese)}. Còn thiếu: {List(c.Missing, Language.Vietnamese)}.{unmarkedVi}";
        var en = $"Documents received: {List(c.Present, Language.English)}. Missing: {List(c.Missing, Language.English)}.{unmarkedEn}";
        return ($"<p id=\"documents\">{E(vi)}</p>", $"<p>{E(en)}</p>", vi, en);
    }

    private static string E(string value) => Html.Encode(value);
}
