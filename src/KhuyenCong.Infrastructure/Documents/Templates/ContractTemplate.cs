namespace KhuyenCong.Infrastructure.Documents.Templates;

/// <summary>
/// The shipped contract (hợp đồng thực hiện đề án khuyến công): the Decree 30/2020 header and number (symbol HĐ, a kind
/// of its Appendix III), the legal bases, the two parties, the articles and both signatures side by side
/// (document-format.md §3). The articles are a project design: no official khuyến công contract form was found.
/// </summary>
internal sealed class ContractTemplate : IShippedTemplate
{
    public string Kind => "contract";

    public byte[] Build() => new Decree30Writer()
        .Header()
        .Title("HỢP ĐỒNG", "Thực hiện đề án khuyến công \"{{proposal.title}}\"")
        .Para("_Căn cứ Bộ luật Dân sự số 91/2015/QH13 ngày 24 tháng 11 năm 2015;_")
        .Para("_Căn cứ Nghị định số 45/2012/NĐ-CP ngày 21 tháng 5 năm 2012 của Chính phủ về khuyến công, được sửa đổi, bổ sung bởi Nghị định số 235/2025/NĐ-CP ngày 27 tháng 8 năm 2025;_")
        .Para("_Căn cứ Quyết định số {{approval.decisionNumber}} ngày {{approval.decisionDate}} phê duyệt kinh phí khuyến công hỗ trợ đề án;_")
        .Para("_Căn cứ hồ sơ đề án mã {{proposal.trackingCode}} của {{establishment.name}},_")
        .Para("Hôm nay, {{contract.longDate}}, chúng tôi gồm:")
        .Para("**BÊN A (bên hỗ trợ): {{issuer.name}}**")
        .Para("Địa chỉ: {{issuer.address}}. Điện thoại: {{issuer.phone}}.")
        .Para("Đại diện: {{signer.name}}, chức vụ: {{signer.title}}.")
        .Para("**BÊN B (đơn vị thụ hưởng): {{establishment.name}}**")
        .Para("Địa chỉ: {{establishment.address}}. Điện thoại: {{establishment.phone}}.")
        .Para("Mã số thuế (số định danh): {{establishment.taxCode}}. Đại diện: {{establishment.representative}}.")
        .Para("Hai bên thống nhất ký kết hợp đồng với các điều khoản sau:")
        .Para("**Điều 1. Nội dung.** Bên B thực hiện đề án \"{{proposal.title}}\" thuộc nội dung {{proposal.kind}}, nguồn kinh phí {{proposal.fundingSource}}, gồm: {{proposal.summary}}")
        .Para("**Điều 2. Thời gian thực hiện.** Từ ngày {{proposal.startDate}} đến ngày {{proposal.endDate}}.")
        .Para("**Điều 3. Kinh phí.** Tổng kinh phí thực hiện đề án: {{proposal.totalCost}}, trong đó kinh phí khuyến công hỗ trợ: {{approval.amount}} (_bằng chữ: {{approval.amountInWords}}_); kinh phí đối ứng của Bên B: {{proposal.ownContribution}}.")
        .Para("**Điều 4. Tạm ứng, thanh toán và quyết toán.** Bên A tạm ứng, thanh toán cho Bên B theo tiến độ và kết quả nghiệm thu, theo quy định về quản lý, sử dụng kinh phí khuyến công hiện hành.")
        .Para("**Điều 5. Trách nhiệm của các bên.** Bên A kiểm tra, giám sát việc thực hiện, tổ chức nghiệm thu và thanh toán kinh phí hỗ trợ. Bên B thực hiện đúng nội dung, tiến độ, sử dụng kinh phí đúng mục đích, báo cáo kết quả và gửi đủ hồ sơ nghiệm thu, quyết toán.")
        .Para("**Điều 6. Điều khoản chung.** Hợp đồng có hiệu lực từ ngày ký. Hai bên cam kết thực hiện đúng các điều khoản; mọi thay đổi phải được hai bên thống nhất bằng văn bản. Hợp đồng được lập thành 04 bản có giá trị pháp lý như nhau, mỗi bên giữ 02 bản.")
        .Closing(
            Decree30Writer.Signer("{{signer.name}}", "ĐẠI DIỆN BÊN A", "{{signer.authority}}", "{{signer.title}}"),
            Decree30Writer.Signer("{{establishment.representative}}", "ĐẠI DIỆN BÊN B", "{{establishment.name}}"))
        .Build("Hợp đồng thực hiện đề án khuyến công");
}
