namespace KhuyenCong.Infrastructure.Documents.Templates;

/// <summary>
/// The shipped periodic report (báo cáo định kỳ công tác khuyến công), Decree 30/2020 model 1.4 "văn bản có tên loại"
/// (document-format.md §3): addressed to the Ministry or the People's Committee, the period and its cut-off dates, the
/// totals, then the tables (activities, money by source — planned, requested, approved, paid, and the establishments'
/// counterpart funds — and paid within the period, beneficiaries by entity type and by
/// their commune, proposals by place, programmes) and the results. The
/// official khuyến công report form was not found (cycle-reports-documents.md F4.3): this layout is the project's.
/// </summary>
internal sealed class PeriodicReportTemplate : IShippedTemplate
{
    private static readonly int[] Widths = [600, 2600, 900, 1000, 1500, 1500, 1400];
    private static readonly string[] Headings = ["STT", "{0}", "Số đề án", "Được duyệt", "Kinh phí đề nghị (đồng)", "Kinh phí được duyệt (đồng)", "Đã thanh toán (đồng)"];

    public string Kind => "periodic-report";

    public byte[] Build() => new Decree30Writer()
        .Header()
        .Title("BÁO CÁO", "Kết quả thực hiện công tác khuyến công {{report.title}}")
        .Centred("Kính gửi: {{report.recipient}}", new Decree30Writer.Look(14))
        .Para("Thời gian chốt số liệu: {{report.range}}. {{report.basis}}. {{report.filters}}")
        .Para("**I. TỔNG HỢP**")
        .Para("Số đề án: {{report.proposals}}, trong đó được phê duyệt: {{report.approvedCount}}. Kinh phí kế hoạch năm {{report.planYears}}: {{report.planned}}. Kinh phí đề nghị hỗ trợ: {{report.requested}}; kinh phí được phê duyệt: {{report.approved}}; kinh phí đã thanh toán: {{report.paid}} (tỷ lệ giải ngân {{report.disbursement}}). Vốn đối ứng của cơ sở trong các đề án được phê duyệt: {{report.counterpart}}.")
        .Para("**II. HOẠT ĐỘNG KHUYẾN CÔNG ĐÃ THỰC HIỆN**")
        .Table(Widths, Heading("Nội dung khuyến công"), Cells("activities"))
        .Para("**III. KINH PHÍ THEO NGUỒN**")
        .Table([600, 2600, 1600, 1600, 1600, 1500], ["STT", "Nguồn kinh phí", "Kế hoạch năm {{report.planYears}} (đồng)", "Kinh phí đề nghị (đồng)", "Kinh phí được duyệt (đồng)", "Đã thanh toán (đồng)"],
            ["{{#sources}}{{sources.index}}", "{{sources.label}}", "{{sources.planned}}", "{{sources.requested}}", "{{sources.approved}}", "{{sources.paid}}{{/sources}}"])
        .Para("Kế hoạch: kinh phí của kế hoạch khuyến công năm được giao cho từng nguồn (kể cả điều chỉnh). Vốn đối ứng của cơ sở: cột đề nghị là số các cơ sở cam kết trong đề án, cột được duyệt là của các đề án được phê duyệt; Trung tâm không lập kế hoạch và không thanh toán vốn đối ứng (\"—\").")
        .Para("Kinh phí đã thanh toán trong kỳ (các khoản thanh toán có ngày thanh toán trong kỳ, của mọi đề án): {{report.paidInPeriod}}.")
        .Table(CountWidths, ["STT", "Nguồn kinh phí", "Đã thanh toán trong kỳ (đồng)"], Counts("paidInPeriod"))
        .Para("**IV. ĐƠN VỊ THỤ HƯỞNG**")
        .Para("Số đơn vị thụ hưởng của các đề án trong kỳ: {{report.beneficiaries}}. Theo loại hình:")
        .Table(CountWidths, ["STT", "Loại hình", "Số đơn vị thụ hưởng"], Counts("entityTypes"))
        .Para("Theo xã, phường nơi cơ sở thụ hưởng hoạt động:")
        .Table(CountWidths, ["STT", "Xã, phường (tỉnh)", "Số đơn vị thụ hưởng"], Counts("beneficiaryPlaces"))
        .Para("Đề án theo địa bàn (xã, phường của đề án):")
        .Table(Widths, Heading("Xã, phường (tỉnh)"), Cells("places"))
        .Para("**V. KẾT QUẢ**")
        .Para("Số người được đào tạo: dự kiến trong đề án {{report.trainees}}, thực tế khi nghiệm thu {{report.actualTrainees}}; số việc làm: dự kiến {{report.jobs}}, thực tế {{report.actualJobs}}; mô hình trình diễn: {{report.models}} đề án được phê duyệt, {{report.modelsBuilt}} mô hình đã xây dựng; sản phẩm công nghiệp nông thôn tiêu biểu: {{report.products}} đề án được phê duyệt, {{report.productsCertified}} sản phẩm được công nhận.")
        .Para("**VI. CHƯƠNG TRÌNH KHUYẾN CÔNG VÀ TIẾN ĐỘ**")
        .Table(Widths, Heading("Chương trình"), Cells("programmes"))
        .Para("Chỉ tiêu của chương trình và kết quả đạt được của các đề án trong kỳ:")
        .Table([600, 2600, 2300, 900, 1200, 1200, 1100], ["STT", "Chương trình", "Chỉ tiêu", "Đơn vị", "Chỉ tiêu giao", "Đạt được", "Tỷ lệ"],
            ["{{#targets}}{{targets.index}}", "{{targets.programme}}", "{{targets.target}}", "{{targets.unit}}", "{{targets.goal}}", "{{targets.actual}}", "{{targets.share}}{{/targets}}"])
        .Para("**VII. ĐỀ XUẤT, KIẾN NGHỊ**")
        .Para("…………………………")
        .Closing(
            Decree30Writer.Recipients("Như trên;", "Lưu: VT."),
            Decree30Writer.Signer("{{signer.name}}", "{{signer.authority}}", "{{signer.title}}"))
        .Build("Báo cáo định kỳ công tác khuyến công");

    private static readonly int[] CountWidths = [600, 6000, 2900];

    private static string[] Counts(string rows) => ["{{#" + rows + "}}{{" + rows + ".index}}", "{{" + rows + ".label}}", "{{" + rows + ".value}}{{/" + rows + "}}"];

    private static string[] Heading(string label) => Headings.Select(h => h == "{0}" ? label : h).ToArray();

    private static string[] Cells(string rows) =>
        ["{{#" + rows + "}}{{" + rows + ".index}}", "{{" + rows + ".label}}", "{{" + rows + ".count}}", "{{" + rows + ".approvedCount}}",
            "{{" + rows + ".requested}}", "{{" + rows + ".approved}}", "{{" + rows + ".paid}}{{/" + rows + "}}"];
}
