using System.Globalization;
using KhuyenCong.Application.Options;
using KhuyenCong.Application.Proposals;
using KhuyenCong.Domain.Documents;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Application.Documents.Kinds;

/// <summary>
/// The applicant's receipt (giấy tiếp nhận hồ sơ): the tracking code, the establishment, the title, the documents
/// received (the dossier's files by kind), the date received and the date by which the Centre answers. It exists from
/// submission on. Numbered by the tracking code; dated the day of receipt. The same values make the PDF receipt the
/// applicant downloads from the tracking page, so they hold nothing the code holder did not send: no representative,
/// contact, tax code or file names.
/// </summary>
public sealed class ReceiptDocument(IProposalRepository proposals, IOptions<DocumentsOptions> options, IOptions<KhuyenCongOptions> site) : IDocumentKind
{
    public const string Code = "receipt";

    public DocumentKindInfo Info { get; } = new(Code, "GTN", "Giấy tiếp nhận hồ sơ", "Dossier receipt", "giay-tiep-nhan-ho-so", IssuerRole.Centre);

    public PlaceholderSet Placeholders { get; } = new(
        ProposalFacts.Proposal("proposal.trackingCode", "proposal.title")
            .Where(p => p.Name is "proposal.trackingCode" or "proposal.title" or "proposal.kind" or "proposal.fundingSource" or "proposal.requestedSupport")
            .Append(new("proposal.requestedSupportInWords", false, "Kinh phí đề nghị hỗ trợ bằng chữ", "Sáu trăm triệu đồng"))
            .Append(new("establishment.name", true, "Tên cơ sở (đơn vị thụ hưởng)", "Công ty TNHH Cơ khí Phố Nối"))
            .Append(new("receipt.receivedOn", true, "Ngày tiếp nhận hồ sơ (dd/MM/yyyy)", "05/03/2026"))
            .Append(new("receipt.receivedAt", false, "Giờ và ngày tiếp nhận (HH:mm dd/MM/yyyy, giờ Việt Nam)", "10:15 05/03/2026"))
            .Append(new("receipt.answerBy", true, "Ngày Trung tâm trả lời chậm nhất (dd/MM/yyyy)", "26/03/2026"))
            .Append(new("receipt.answerPeriod", false, "Thời hạn trả lời: \"15 ngày làm việc\"", "15 ngày làm việc"))
            .Append(new("receipt.channel", false, "Hình thức nộp hồ sơ", "Nộp trực tuyến"))
            .Append(new("receipt.documentCount", false, "Số tệp hồ sơ đã nhận", "3"))
            .Append(new("receipt.trackingUrl", false, "Địa chỉ tra cứu tình trạng hồ sơ", "https://khuyencong.example.gov.vn/track/KC-7H3Q-MX9P-2VBA-WD4R-TK")),
        [
            new("documents", true, "Các tài liệu đã nhận, theo loại tệp (mỗi loại một hàng)",
            [
                new("index", false, "Số thứ tự", "1"),
                new("kind", true, "Loại tài liệu", "Tài liệu PDF"),
                new("count", true, "Số tệp", "2"),
                new("size", false, "Tổng dung lượng", "1,2 MB"),
            ]),
        ]);

    public async Task<DocumentFacts> GatherAsync(string subjectId, CancellationToken cancellationToken)
    {
        var proposal = await proposals.GetAsync(subjectId, cancellationToken);
        return proposal is null ? DocumentRefusal.UnknownProposal : Content(proposal);
    }

    /// <summary>The receipt of <paramref name="proposal"/> (also the PDF's content).</summary>
    public DocumentContent Content(Proposal proposal)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        var settings = options.Value;
        var receivedAt = proposal.SubmittedAt.ToOffset(VietnamTime.Offset);
        var received = DateOnly.FromDateTime(receivedAt.DateTime);
        var answerBy = AnswerDeadline.From(received, settings.ReceiptAnswerDays, settings.ReceiptDayCount, settings.HolidayDates());
        var dossier = proposal.Attachments.Where(a => a.IsDossier).ToList();
        var general = ProposalFacts.ProposalValues(proposal);
        var values = new DocumentValues()
            .Set("proposal.trackingCode", proposal.TrackingCode)
            .Set("proposal.title", proposal.Submission.Title)
            .Set("proposal.kind", general.Values["proposal.kind"])
            .Set("proposal.fundingSource", general.Values["proposal.fundingSource"])
            .Set("proposal.requestedSupport", general.Values["proposal.requestedSupport"])
            .Set("proposal.requestedSupportInWords", AmountInWords.Dong(proposal.Submission.RequestedSupport))
            .Set("establishment.name", proposal.Submission.OrganizationName)
            .Set("receipt.receivedOn", OfficialFormat.ShortDate(received))
            .Set("receipt.receivedAt", receivedAt.ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture))
            .Set("receipt.answerBy", OfficialFormat.ShortDate(answerBy))
            .Set("receipt.answerPeriod", string.Create(CultureInfo.InvariantCulture,
                $"{settings.ReceiptAnswerDays} {(settings.ReceiptDayCount == DayCount.Working ? "ngày làm việc" : "ngày")}"))
            .Set("receipt.channel", proposal.Channel == SubmissionChannel.Online ? "Nộp trực tuyến" : "Nộp trực tiếp tại Trung tâm")
            .Set("receipt.documentCount", dossier.Count.ToString(CultureInfo.InvariantCulture))
            .Set("receipt.trackingUrl", $"{site.Value.PublicBaseUrl.TrimEnd('/')}/track/{proposal.TrackingCode}")
            .Set("signer.authority", string.Empty)
            .Set("signer.title", settings.ReceiptSignerTitle)
            .Set("signer.name", proposal.Channel == SubmissionChannel.Online ? string.Empty : proposal.EnteredBy)
            .SetRows("documents", Documents(dossier));
        return new DocumentContent(received, proposal.TrackingCode, values);
    }

    private static IReadOnlyList<IReadOnlyDictionary<string, string>> Documents(IReadOnlyList<AttachmentInfo> dossier)
    {
        if (dossier.Count == 0)
        {
            return [Row("1", "Không có tệp đính kèm", "0", string.Empty)];
        }

        return dossier.GroupBy(a => ProposalFacts.FileKind(a.ContentType))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select((g, i) => Row((i + 1).ToString(CultureInfo.InvariantCulture), g.Key, g.Count().ToString(CultureInfo.InvariantCulture),
                OfficialFormat.FileSize(g.Sum(a => a.Size))))
            .ToList();
    }

    private static IReadOnlyDictionary<string, string> Row(string index, string kind, string count, string size) =>
        new Dictionary<string, string>(StringComparer.Ordinal) { ["index"] = index, ["kind"] = kind, ["count"] = count, ["size"] = size };
}
