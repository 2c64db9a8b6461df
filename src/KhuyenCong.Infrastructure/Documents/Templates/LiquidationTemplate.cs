namespace KhuyenCong.Infrastructure.Documents.Templates;

/// <summary>
/// The shipped contract liquidation (biên bản thanh lý hợp đồng), Decree 30/2020 model 1.9 "Biên bản"
/// (document-format.md §3): the contract, the amounts approved, paid and released in figures and in words, the payments.
/// </summary>
internal sealed class LiquidationTemplate : IShippedTemplate
{
    public string Kind => "liquidation";

    public byte[] Build() => new Decree30Writer()
        .Header()
        .Title("BIÊN BẢN THANH LÝ HỢP ĐỒNG", "Hợp đồng số {{contract.number}} ngày {{contract.date}}")
        .Para("_Căn cứ Hợp đồng số {{contract.number}} ngày {{contract.date}} thực hiện đề án khuyến công \"{{proposal.title}}\";_")
        .Para("_Căn cứ kết quả nghiệm thu và quyết toán kinh phí của đề án mã {{proposal.trackingCode}},_")
        .Para("Hôm nay, {{document.longDate}}, chúng tôi gồm:")
        .Para("**BÊN A: {{issuer.name}}**, đại diện: {{signer.name}}, chức vụ: {{signer.title}}.")
        .Para("**BÊN B: {{establishment.name}}**, đại diện: {{establishment.representative}}, địa chỉ: {{establishment.address}}.")
        .Para("Hai bên thống nhất thanh lý hợp đồng với các nội dung sau:")
        .Para("**Điều 1. Kết quả thực hiện.** Bên B đã hoàn thành đề án \"{{proposal.title}}\" theo hợp đồng; đề án đã được nghiệm thu và quyết toán ngày {{settlement.date}}.")
        .Para("**Điều 2. Kinh phí.**")
        .Para("a) Kinh phí khuyến công được phê duyệt: {{settlement.approved}} (_bằng chữ: {{settlement.approvedInWords}}_).")
        .Para("b) Kinh phí Bên A đã thanh toán cho Bên B: {{settlement.paid}} (_bằng chữ: {{settlement.paidInWords}}_), gồm các lần:")
        .Table([700, 3500, 2800, 2000], ["STT", "Loại thanh toán", "Số tiền", "Ngày"],
            ["{{#payments}}{{payments.index}}", "{{payments.kind}}", "{{payments.amount}}", "{{payments.date}}{{/payments}}"])
        .Para("c) Kinh phí không sử dụng, hoàn trả ngân sách: {{settlement.released}} (_bằng chữ: {{settlement.releasedInWords}}_).")
        .Para("**Điều 3. Thanh lý.** Hai bên đã hoàn thành nghĩa vụ theo hợp đồng; hợp đồng được thanh lý kể từ ngày ký biên bản này. Biên bản được lập thành 04 bản có giá trị như nhau, mỗi bên giữ 02 bản.")
        .Closing(
            Decree30Writer.Signer("{{signer.name}}", "ĐẠI DIỆN BÊN A", "{{signer.authority}}", "{{signer.title}}"),
            Decree30Writer.Signer("{{establishment.representative}}", "ĐẠI DIỆN BÊN B", "{{establishment.name}}"))
        .Build("Biên bản thanh lý hợp đồng");
}
