namespace KhuyenCong.Infrastructure.Documents.Templates;

/// <summary>
/// The shipped decision establishing the appraisal council, Decree 30/2020 Appendix III model 1.2 "Quyết định (cá biệt)
/// quy định trực tiếp" (document-format.md §3): title "QUYẾT ĐỊNH", "Về việc …", the issuing authority, the grounds in
/// italics, "QUYẾT ĐỊNH:", the articles (the council and its calls, its members in a table, its tasks and quorum,
/// effect), "Nơi nhận" and the signer.
/// </summary>
internal sealed class CouncilDecisionTemplate : IShippedTemplate
{
    public string Kind => "council-decision";

    public byte[] Build() => new Decree30Writer()
        .Header()
        .Title("QUYẾT ĐỊNH", "Về việc thành lập Hội đồng thẩm định đề án khuyến công")
        .Centred("{{signer.title}} {{issuer.name}}", new Decree30Writer.Look(14, Bold: true))
        .Para("_Căn cứ Nghị định số 45/2012/NĐ-CP ngày 21 tháng 5 năm 2012 của Chính phủ về khuyến công, được sửa đổi, bổ sung bởi Nghị định số 235/2025/NĐ-CP ngày 27 tháng 8 năm 2025;_")
        .Para("_Căn cứ Thông tư số 36/2013/TT-BCT ngày 27 tháng 12 năm 2013 của Bộ trưởng Bộ Công Thương quy định về việc xây dựng kế hoạch, tổ chức thực hiện và quản lý kinh phí khuyến công quốc gia;_")
        .Para("_Xét hồ sơ đề án đăng ký theo {{council.calls}} (năm kế hoạch {{council.planYears}}),_")
        .Centred("QUYẾT ĐỊNH:", new Decree30Writer.Look(14, Bold: true))
        .Para("**Điều 1.** Thành lập Hội đồng thẩm định đề án khuyến công của {{council.calls}}, gồm {{council.memberCount}} thành viên có tên sau:")
        .Table([700, 3300, 2300, 2700], ["STT", "Họ và tên", "Nhiệm vụ", "Nơi công tác"],
            ["{{#members}}{{members.index}}", "{{members.name}}", "{{members.role}}", "{{members.organization}}{{/members}}"])
        .Para("Chủ tịch Hội đồng: {{council.chairName}}. Thư ký Hội đồng: {{council.secretaryName}}.")
        .Para("**Điều 2.** Hội đồng có nhiệm vụ thẩm định, chấm điểm các đề án theo tiêu chí đã ban hành và kết luận về từng đề án. Hội đồng họp khi có mặt ít nhất {{council.quorum}} thành viên. Hội đồng tự giải thể sau khi hoàn thành nhiệm vụ.")
        .Para("**Điều 3.** Quyết định này có hiệu lực kể từ ngày ký. Các thành viên có tên tại Điều 1 và các đơn vị có liên quan chịu trách nhiệm thi hành Quyết định này./.")
        .Closing(
            Decree30Writer.Recipients("Như Điều 3;", "Lưu: VT."),
            Decree30Writer.Signer("{{signer.name}}", "{{signer.authority}}", "{{signer.title}}"))
        .Build("Quyết định thành lập hội đồng thẩm định đề án khuyến công");
}
