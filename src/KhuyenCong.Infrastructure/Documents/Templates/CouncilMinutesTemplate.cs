namespace KhuyenCong.Infrastructure.Documents.Templates;

/// <summary>
/// The shipped minutes of the council's session, Decree 30/2020 Appendix III model 1.9 "Biên bản" (document-format.md
/// §3): the time and the council, who attended against the quorum, each member's scores, the averages, the ranking and
/// the verdict, closed by the chair's and the secretary's signatures.
/// </summary>
internal sealed class CouncilMinutesTemplate : IShippedTemplate
{
    public string Kind => "council-minutes";

    public byte[] Build() => new Decree30Writer()
        .Header()
        .Title("BIÊN BẢN", "Họp Hội đồng thẩm định đề án khuyến công")
        .Para("**1. Thời gian:** {{session.longDate}} ({{session.date}}).")
        .Para("**2. Hội đồng:** thành lập theo Quyết định số {{council.decisionNumber}} ngày {{council.decisionDate}}, thẩm định các đề án của {{council.calls}}. Chủ tịch: {{council.chairName}}; Thư ký: {{council.secretaryName}}.")
        .Para("**3. Thành phần:** có mặt {{session.present}} thành viên ({{session.presentNames}}); vắng mặt: {{session.absentNames}}. Số thành viên tối thiểu để họp: {{council.quorum}}.")
        .Para("**4. Điểm của từng thành viên:**")
        .Table([700, 4000, 2600, 900, 800], ["STT", "Đề án", "Thành viên", "Điểm", "Tối đa"],
            ["{{#scores}}{{scores.index}}", "{{scores.title}}", "{{scores.member}}", "{{scores.total}}", "{{scores.maxTotal}}{{/scores}}"])
        .Para("**5. Kết quả thẩm định (xếp hạng theo điểm bình quân):**")
        .Table([900, 3300, 2700, 1000, 1100], ["Thứ hạng", "Đề án", "Cơ sở", "Điểm bình quân", "Kết luận"],
            ["{{#results}}{{results.rank}}", "{{results.title}}", "{{results.establishment}}", "{{results.average}}", "{{results.verdict}}{{/results}}"])
        .Para("**6. Kết luận:** {{session.passed}} đề án đạt, {{session.failed}} đề án không đạt. Biên bản kết thúc vào cùng ngày, đã được đọc lại cho các thành viên có mặt cùng nghe và nhất trí.")
        .Closing(
            Decree30Writer.Signer("{{council.secretaryName}}", "THƯ KÝ HỘI ĐỒNG"),
            Decree30Writer.Signer("{{council.chairName}}", "CHỦ TỊCH HỘI ĐỒNG"))
        .Build("Biên bản họp hội đồng thẩm định đề án khuyến công");
}
