namespace KhuyenCong.Infrastructure.Documents.Templates;

/// <summary>
/// The shipped acceptance minutes (biên bản nghiệm thu), Decree 30/2020 model 1.9 "Biên bản" (document-format.md §3):
/// who attended (the parties of practice: cycle-reports-documents.md §4), the bases, the papers received, the result.
/// </summary>
internal sealed class AcceptanceMinutesTemplate : IShippedTemplate
{
    public string Kind => "acceptance-minutes";

    public byte[] Build() => new Decree30Writer()
        .Header()
        .Title("BIÊN BẢN NGHIỆM THU", "Đề án khuyến công \"{{proposal.title}}\"")
        .Para("_Căn cứ Quyết định số {{approval.decisionNumber}} ngày {{approval.decisionDate}} phê duyệt kinh phí khuyến công hỗ trợ đề án;_")
        .Para("_Căn cứ Hợp đồng số {{contract.number}} ngày {{contract.date}};_")
        .Para("_Căn cứ hồ sơ nghiệm thu do {{establishment.name}} gửi,_")
        .Para("Hôm nay, {{acceptance.longDate}}, tại {{establishment.address}}, chúng tôi gồm:")
        .Para("1. Đại diện {{issuer.name}}: {{signer.name}}, {{signer.title}}.")
        .Para("2. Đại diện {{establishment.name}}: {{establishment.representative}}.")
        .Para("3. Đại diện Ủy ban nhân dân xã, phường nơi thực hiện đề án: …………………………")
        .Para("Cùng tiến hành nghiệm thu đề án mã {{proposal.trackingCode}}, nội dung {{proposal.kind}}, thực hiện từ ngày {{proposal.startDate}} đến ngày {{proposal.endDate}}.")
        .Para("**1. Báo cáo kết quả của cơ sở:** {{papers.text}}")
        .Para("**2. Hồ sơ nghiệm thu đã nhận:**")
        .Table([700, 4300, 1900, 1100, 1300], ["STT", "Tên tệp", "Loại", "Dung lượng", "Ngày nhận"],
            ["{{#papers}}{{papers.index}}", "{{papers.fileName}}", "{{papers.kind}}", "{{papers.size}}", "{{papers.receivedOn}}{{/papers}}"])
        .Para("**3. Kinh phí khuyến công được phê duyệt:** {{approval.amount}} (_bằng chữ: {{approval.amountInWords}}_).")
        .Para("**4. Kết luận:** Đề án đã hoàn thành và được nghiệm thu ngày {{acceptance.date}}. Ý kiến: {{acceptance.comment}}")
        .Para("Biên bản được lập thành 04 bản có giá trị như nhau, các bên cùng thống nhất ký tên dưới đây.")
        .Closing(
            Decree30Writer.Signer("{{establishment.representative}}", "ĐẠI DIỆN CƠ SỞ", "{{establishment.name}}"),
            Decree30Writer.Signer("{{signer.name}}", "ĐẠI DIỆN {{issuer.name}}", "{{signer.authority}}", "{{signer.title}}"))
        .Build("Biên bản nghiệm thu");
}
