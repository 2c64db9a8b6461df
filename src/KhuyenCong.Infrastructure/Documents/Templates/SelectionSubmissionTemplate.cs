namespace KhuyenCong.Infrastructure.Documents.Templates;

/// <summary>
/// The shipped tờ trình of the selected list, Decree 30/2020 Appendix III model 1.4 "văn bản có tên loại"
/// (document-format.md §3): "TỜ TRÌNH", what it asks, "Kính gửi", the grounds, the selected proposals in a table with the
/// total in figures and in words, the request, "Nơi nhận" and the signer.
/// </summary>
internal sealed class SelectionSubmissionTemplate : IShippedTemplate
{
    public string Kind => "selection-submission";

    public byte[] Build() => new Decree30Writer()
        .Header()
        .Title("TỜ TRÌNH", "Đề nghị phê duyệt danh sách đề án khuyến công năm {{call.planYear}}")
        .Centred("Kính gửi: {{submission.recipient}}", new Decree30Writer.Look(14))
        .Para("Căn cứ kết quả thẩm định của Hội đồng thẩm định và danh sách lựa chọn đã được Giám đốc duyệt ngày {{selection.approvedOn}}, {{issuer.name}} trình danh sách đề án khuyến công của {{call.title}} ({{call.fundingSource}}) như sau:")
        .Table([600, 2600, 2700, 1700, 1400], ["STT", "Cơ sở thực hiện", "Tên đề án", "Địa điểm", "Kinh phí hỗ trợ"],
            ["{{#selected}}{{selected.index}}", "{{selected.establishment}}", "{{selected.title}}", "{{selected.place}}", "{{selected.amount}}{{/selected}}"])
        .Para("Tổng cộng: {{selection.count}} đề án, kinh phí khuyến công đề nghị phê duyệt {{selection.total}} (_bằng chữ: {{selection.totalInWords}}_). Số đề án không được lựa chọn hoặc dự phòng: {{selection.leftOut}}.")
        .Para("Kính đề nghị {{submission.recipient}} xem xét, phê duyệt./.")
        .Closing(
            Decree30Writer.Recipients("Như trên;", "Lưu: VT."),
            Decree30Writer.Signer("{{signer.name}}", "{{signer.authority}}", "{{signer.title}}"))
        .Build("Tờ trình đề nghị phê duyệt danh sách đề án khuyến công");
}
