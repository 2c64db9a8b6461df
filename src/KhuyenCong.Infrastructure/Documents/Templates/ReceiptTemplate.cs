namespace KhuyenCong.Infrastructure.Documents.Templates;

/// <summary>The shipped receipt (giấy tiếp nhận hồ sơ), Decree 30/2020 model 1.4 layout (document-format.md §3).</summary>
internal sealed class ReceiptTemplate : IShippedTemplate
{
    public string Kind => "receipt";

    public byte[] Build() => new Decree30Writer()
        .Header()
        .Title("GIẤY TIẾP NHẬN HỒ SƠ", "Đề án khuyến công")
        .Para("{{issuer.name}} đã tiếp nhận hồ sơ đề án khuyến công của:")
        .Para("**Cơ sở:** {{establishment.name}}")
        .Para("**Tên đề án:** {{proposal.title}}")
        .Para("**Nội dung khuyến công:** {{proposal.kind}}. **Nguồn kinh phí:** {{proposal.fundingSource}}.")
        .Para("**Kinh phí đề nghị hỗ trợ:** {{proposal.requestedSupport}} (_bằng chữ: {{proposal.requestedSupportInWords}}_).")
        .Para("**Mã hồ sơ (mã theo dõi):** {{proposal.trackingCode}}")
        .Para("**Hình thức nộp:** {{receipt.channel}}. **Thời điểm tiếp nhận:** {{receipt.receivedAt}}.")
        .Para("**Tài liệu đã nhận** ({{receipt.documentCount}} tệp):")
        .Table([700, 4600, 1400, 2000], ["STT", "Loại tài liệu", "Số tệp", "Dung lượng"],
            ["{{#documents}}{{documents.index}}", "{{documents.kind}}", "{{documents.count}}", "{{documents.size}}{{/documents}}"])
        .Para("**Ngày tiếp nhận:** {{receipt.receivedOn}}. **Hẹn trả lời:** chậm nhất ngày {{receipt.answerBy}} ({{receipt.answerPeriod}} kể từ ngày tiếp nhận).")
        .Para("Cơ sở tra cứu tình trạng hồ sơ bằng mã theo dõi tại: {{receipt.trackingUrl}}")
        .Closing(
            Decree30Writer.Recipients("{{establishment.name}};", "Lưu: VT, hồ sơ đề án."),
            Decree30Writer.Signer("{{signer.name}}", "{{signer.authority}}", "{{signer.title}}"))
        .Build("Giấy tiếp nhận hồ sơ");
}
