namespace KhuyenCong.Infrastructure.Documents.Templates;

/// <summary>
/// The shipped draft plan decision with its annex, Decree 30/2020 Appendix III model 1.3 "Quyết định (cá biệt) quy
/// định gián tiếp" (document-format.md §3): the decision's articles approve the plan whose proposals are listed in the
/// annex (phụ lục) on a page of its own, headed "PHỤ LỤC" with "(Kèm theo Quyết định số … ngày …)" (§2.7), with the
/// total in figures and in words. A draft for signature, it carries the boxed "DỰ THẢO" mark under its number (§2.7).
/// </summary>
internal sealed class PlanDecisionTemplate : IShippedTemplate
{
    public string Kind => "plan-decision";

    public byte[] Build() => new Decree30Writer()
        .Header(draft: true)
        .Title("QUYẾT ĐỊNH", "Về việc phê duyệt kế hoạch khuyến công năm {{call.planYear}} ({{call.fundingSource}})")
        .Centred("{{signer.title}} {{issuer.name}}", new Decree30Writer.Look(14, Bold: true))
        .Para("_Căn cứ Nghị định số 45/2012/NĐ-CP ngày 21 tháng 5 năm 2012 của Chính phủ về khuyến công, được sửa đổi, bổ sung bởi Nghị định số 235/2025/NĐ-CP ngày 27 tháng 8 năm 2025;_")
        .Para("_Xét Tờ trình số {{plan.submission}} về việc đề nghị phê duyệt danh sách đề án khuyến công của {{call.title}},_")
        .Centred("QUYẾT ĐỊNH:", new Decree30Writer.Look(14, Bold: true))
        .Para("**Điều 1.** Phê duyệt kế hoạch khuyến công năm {{call.planYear}}, nguồn {{call.fundingSource}}, gồm {{plan.count}} đề án với tổng kinh phí {{plan.total}} (_bằng chữ: {{plan.totalInWords}}_), chi tiết tại Phụ lục kèm theo Quyết định này.")
        .Para("**Điều 2.** Các đơn vị thực hiện đề án theo đúng nội dung, tiến độ và quy định về quản lý, sử dụng kinh phí khuyến công.")
        .Para("**Điều 3.** Quyết định này có hiệu lực kể từ ngày ký. Các đơn vị, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này./.")
        .Closing(
            Decree30Writer.Recipients("Như Điều 3;", "Lưu: VT."),
            Decree30Writer.Signer("{{signer.name}}", "{{signer.authority}}", "{{signer.title}}"))
        .PageBreak()
        .Title("PHỤ LỤC", "Danh sách đề án khuyến công năm {{call.planYear}} ({{plan.status}})")
        .Centred("(Kèm theo Quyết định số {{document.number}} ngày {{document.date}})", new Decree30Writer.Look(14, Italic: true))
        .Table([600, 2600, 2700, 1700, 1400], ["STT", "Cơ sở thực hiện", "Tên đề án", "Địa điểm", "Kinh phí hỗ trợ"],
            ["{{#annex}}{{annex.index}}", "{{annex.establishment}}", "{{annex.title}}", "{{annex.place}}", "{{annex.amount}}{{/annex}}"])
        .Para("Tổng cộng: {{plan.count}} đề án; {{plan.total}} (_bằng chữ: {{plan.totalInWords}}_).")
        .Build("Dự thảo quyết định phê duyệt kế hoạch khuyến công kèm phụ lục");
}
