using KhuyenCong.Application.Documents;
using KhuyenCong.Domain.Documents;

namespace KhuyenCong.Application.Reports;

/// <summary>
/// The periodic report as a document kind: its placeholders (docs/documents.md, <c>periodic-report</c>), so an admin
/// can replace its template through the template routes and the engine's checks apply. It has no proposal: it is made
/// by <see cref="PeriodicReports"/> from the "Báo cáo" page, and asking for it on a proposal is refused (409).
/// </summary>
public sealed class PeriodicReportDocument : IDocumentKind
{
    public const string Code = "periodic-report";

    public DocumentKindInfo Info { get; } = new(Code, "BC", "Báo cáo định kỳ công tác khuyến công", "Periodic khuyến công report", "bao-cao-khuyen-cong", IssuerRole.Department,
        DocumentSubject.Period);

    public PlaceholderSet Placeholders { get; } = new(
        [
            new("report.title", true, "Tên kỳ báo cáo", "6 tháng đầu năm 2019"),
            new("report.range", true, "Thời gian chốt số liệu", "từ ngày 15/12/2018 đến ngày 14/06/2019"),
            new("report.basis", false, "Cách chọn đề án của kỳ", "Đề án có ngày quyết định phê duyệt trong kỳ"),
            new("report.recipient", true, "Nơi nhận báo cáo (sau \"Kính gửi:\")", "Bộ Công Thương (Cục Đổi mới sáng tạo, Chuyển đổi xanh và Khuyến công)"),
            new("report.filters", false, "Bộ lọc thêm (nguồn, nội dung, địa bàn), trống khi không có", "Nguồn kinh phí: Khuyến công địa phương"),
            new("report.proposals", true, "Số đề án", "12"),
            new("report.approvedCount", false, "Số đề án được phê duyệt", "10"),
            new("report.requested", true, "Kinh phí đề nghị hỗ trợ", "4.321.000.000 đồng"),
            new("report.approved", true, "Kinh phí được phê duyệt", "3.210.000.000 đồng"),
            new("report.paid", true, "Kinh phí đã thanh toán", "1.234.567.000 đồng"),
            new("report.disbursement", false, "Tỷ lệ giải ngân (đã thanh toán ÷ được phê duyệt)", "38,46 %"),
            new("report.trainees", false, "Số người được đào tạo (dự kiến trong đề án)", "120"),
            new("report.jobs", false, "Số việc làm (dự kiến trong đề án)", "45"),
            new("report.models", false, "Số mô hình trình diễn được phê duyệt", "2"),
            new("report.products", false, "Số đề án sản phẩm tiêu biểu được phê duyệt", "1"),
            new("report.actualTrainees", false, "Số người được đào tạo thực tế (ghi khi nghiệm thu)", "112"),
            new("report.actualJobs", false, "Số việc làm thực tế tạo ra (ghi khi nghiệm thu)", "40"),
            new("report.modelsBuilt", false, "Số mô hình trình diễn đã xây dựng (ghi khi nghiệm thu)", "1"),
            new("report.productsCertified", false, "Số sản phẩm được công nhận sản phẩm công nghiệp nông thôn tiêu biểu (ghi khi nghiệm thu)", "3"),
            new("report.beneficiaries", false, "Số đơn vị thụ hưởng của các đề án trong kỳ", "15"),
            new("report.paidInPeriod", false, "Kinh phí đã thanh toán trong kỳ (theo ngày thanh toán)", "850.000.000 đồng"),
            new("report.planYears", false, "Năm kế hoạch của kinh phí kế hoạch", "2019"),
            new("report.planned", false, "Kinh phí kế hoạch năm của các nguồn trong báo cáo (\"—\" khi bộ lọc theo nội dung, địa bàn, lĩnh vực)", "5.000.000.000 đồng"),
            new("report.counterpart", false, "Vốn đối ứng của cơ sở trong các đề án được phê duyệt", "2.100.000.000 đồng"),
        ],
        [
            Rows("activities", "Hoạt động theo nội dung khuyến công (mỗi nội dung một hàng)", "Nội dung khuyến công", "Đào tạo nghề"),
            Sources(),
            Rows("places", "Đề án theo xã, phường của đề án (mỗi địa bàn một hàng)", "Xã, phường (tỉnh)", "Xã Lạc Đạo (Hưng Yên)"),
            Counts("entityTypes", "Đơn vị thụ hưởng theo loại hình (mỗi loại hình một hàng)", "Loại hình", "Hộ kinh doanh", "Số đơn vị thụ hưởng", "7"),
            Counts("beneficiaryPlaces", "Đơn vị thụ hưởng theo xã, phường của cơ sở (mỗi địa bàn một hàng)", "Xã, phường (tỉnh)", "Xã Chỉ Đạo (Hưng Yên)", "Số đơn vị thụ hưởng", "3"),
            Counts("paidInPeriod", "Kinh phí thanh toán trong kỳ theo nguồn (mỗi nguồn một hàng)", "Nguồn kinh phí", "Khuyến công địa phương", "Đã thanh toán trong kỳ (đồng)", "850.000.000"),
            Rows("programmes", "Tiến độ theo chương trình (mỗi chương trình một hàng)", "Chương trình", "KCDP-HY-2016-2020"),
            new("targets", false, "Chỉ tiêu của chương trình và kết quả đạt được trong kỳ (mỗi chỉ tiêu một hàng)",
            [
                new("index", false, "Số thứ tự", "1"),
                new("programme", true, "Chương trình", "Chương trình khuyến công tỉnh Hưng Yên 2021-2025"),
                new("target", true, "Chỉ tiêu", "Người được đào tạo"),
                new("unit", false, "Đơn vị tính", "người"),
                new("goal", true, "Chỉ tiêu được giao", "1.000"),
                new("actual", true, "Kết quả đạt được (\"—\" khi thống kê không tính được)", "120"),
                new("share", false, "Tỷ lệ hoàn thành", "12 %"),
            ]),
        ]);

    public Task<DocumentFacts> GatherAsync(string subjectId, CancellationToken cancellationToken) =>
        Task.FromResult<DocumentFacts>(DocumentRefusal.Stage(
            "Báo cáo định kỳ được lập từ trang Báo cáo theo kỳ báo cáo, không theo từng đề án.",
            "The periodic report is made from the Reports page for a period, not for one proposal."));

    /// <summary>
    /// Money by source (ADR 0032): each khuyến công source, then the establishments' own money ("Vốn đối ứng của cơ sở",
    /// "—" where the Centre has no figure); the planned money is the new column.
    /// </summary>
    private static RowsPlaceholder Sources() => new("sources", false, "Kinh phí theo nguồn: mỗi nguồn khuyến công một hàng, rồi vốn đối ứng của cơ sở",
    [
        new("index", false, "Số thứ tự", "1"),
        new("label", true, "Nguồn kinh phí", "Khuyến công địa phương"),
        new("count", false, "Số đề án (\"—\" ở hàng vốn đối ứng)", "3"),
        new("approvedCount", false, "Số đề án được phê duyệt", "2"),
        new("planned", false, "Kinh phí kế hoạch năm (đồng; \"—\" khi không có kế hoạch, khi lọc theo nội dung, địa bàn, lĩnh vực, và ở hàng vốn đối ứng)", "5.000.000.000"),
        new("requested", false, "Kinh phí đề nghị (đồng; ở hàng vốn đối ứng: vốn các cơ sở cam kết trong đề án)", "900.000.000"),
        new("approved", true, "Kinh phí được phê duyệt (đồng; ở hàng vốn đối ứng: vốn đối ứng của các đề án được phê duyệt)", "600.000.000"),
        new("paid", true, "Kinh phí đã thanh toán (đồng; \"—\" ở hàng vốn đối ứng)", "450.000.000"),
    ]);

    /// <summary>A table of one figure per row (ADR 0029): the label and the value.</summary>
    private static RowsPlaceholder Counts(string name, string description, string label, string example, string value, string valueExample) => new(name, false, description,
    [
        new("index", false, "Số thứ tự", "1"),
        new("label", true, label, example),
        new("value", true, value, valueExample),
    ]);

    /// <summary>A table's rows: the label, the counts and the money of the figures' columns.</summary>
    private static RowsPlaceholder Rows(string name, string description, string label, string example) => new(name, false, description,
    [
        new("index", false, "Số thứ tự", "1"),
        new("label", true, label, example),
        new("count", true, "Số đề án", "3"),
        new("approvedCount", false, "Số đề án được phê duyệt", "2"),
        new("requested", false, "Kinh phí đề nghị (đồng)", "900.000.000"),
        new("approved", true, "Kinh phí được phê duyệt (đồng)", "600.000.000"),
        new("paid", true, "Kinh phí đã thanh toán (đồng)", "450.000.000"),
    ]);
}
