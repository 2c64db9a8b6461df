using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Activities;
using KhuyenCong.Domain.Documents;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Application.Documents.Kinds;

/// <summary>The approval a proposal's documents quote: the decision (number, date) and the approved amount.</summary>
public sealed record ApprovalFacts(long Amount, string? DecisionNumber, DateOnly? DecisionDate);

/// <summary>The contract a proposal's documents quote.</summary>
public sealed record ContractFacts(string Number, DateOnly Date, string? Note);

/// <summary>
/// The placeholders and values the proposal documents share (the proposal, the establishment, the approval, the
/// contract), so each kind declares them the same way. A kind names which of them it requires.
/// </summary>
public static class ProposalFacts
{
    public static IEnumerable<Placeholder> Proposal(params string[] required) => Mark(required,
    [
        new("proposal.trackingCode", false, "Mã theo dõi của đề án", "KC-7H3Q-MX9P-2VBA-WD4R-TK"),
        new("proposal.title", false, "Tên đề án", "Mô hình trình diễn máy cắt CNC"),
        new("proposal.kind", false, "Nội dung khuyến công", "Mô hình trình diễn kỹ thuật"),
        new("proposal.fundingSource", false, "Nguồn kinh phí", "Khuyến công địa phương"),
        new("proposal.summary", false, "Tóm tắt nội dung đề án (nhiều dòng)", "Đầu tư máy cắt CNC cho xưởng cơ khí"),
        new("proposal.startDate", false, "Ngày bắt đầu thực hiện (dd/MM/yyyy)", "01/05/2026"),
        new("proposal.endDate", false, "Ngày kết thúc thực hiện (dd/MM/yyyy)", "31/12/2026"),
        new("proposal.totalCost", false, "Tổng kinh phí thực hiện", "1.500.000.000 đồng"),
        new("proposal.requestedSupport", false, "Kinh phí khuyến công đề nghị hỗ trợ", "600.000.000 đồng"),
        new("proposal.ownContribution", false, "Kinh phí đối ứng của cơ sở", "900.000.000 đồng"),
    ]);

    public static IEnumerable<Placeholder> Establishment(params string[] required) => Mark(required,
    [
        new("establishment.name", false, "Tên cơ sở (đơn vị thụ hưởng)", "Công ty TNHH Cơ khí Phố Nối"),
        new("establishment.representative", false, "Người đại diện của cơ sở", "Trần Văn Bình"),
        new("establishment.taxCode", false, "Mã số thuế hoặc số định danh", "0101234567"),
        new("establishment.address", false, "Địa chỉ của cơ sở (địa chỉ, xã/phường, tỉnh)", "Khu công nghiệp Phố Nối A, Xã Lạc Hồng, Hưng Yên"),
        new("establishment.phone", false, "Số điện thoại của cơ sở", "0912345678"),
        new("establishment.email", false, "Thư điện tử của cơ sở", "co.khi@example.vn"),
    ]);

    public static IEnumerable<Placeholder> Approval(params string[] required) => Mark(required,
    [
        new("approval.decisionNumber", false, "Số quyết định phê duyệt", "88/QĐ-SCT"),
        new("approval.decisionDate", false, "Ngày quyết định phê duyệt (dd/MM/yyyy)", "20/04/2026"),
        new("approval.amount", false, "Kinh phí khuyến công được phê duyệt", "590.000.000 đồng"),
        new("approval.amountInWords", false, "Kinh phí được phê duyệt bằng chữ", "Năm trăm chín mươi triệu đồng"),
    ]);

    public static IEnumerable<Placeholder> Contract(params string[] required) => Mark(required,
    [
        new("contract.number", false, "Số hợp đồng", "21/2026/HĐ-TTKC"),
        new("contract.date", false, "Ngày ký hợp đồng (dd/MM/yyyy)", "05/05/2026"),
        new("contract.longDate", false, "Ngày ký hợp đồng, dạng \"ngày 05 tháng 5 năm 2026\"", "ngày 05 tháng 5 năm 2026"),
        new("contract.note", false, "Ghi chú khi ghi nhận hợp đồng", "Ký tại Trung tâm"),
    ]);

    public static DocumentValues ProposalValues(Proposal proposal)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        var s = proposal.Submission;
        return new DocumentValues()
            .Set("proposal.trackingCode", proposal.TrackingCode)
            .Set("proposal.title", s.Title)
            .Set("proposal.kind", s.Kind.DisplayName(Language.Vietnamese))
            .Set("proposal.fundingSource", s.FundingSource.DisplayName(Language.Vietnamese))
            .Set("proposal.summary", s.Summary)
            .Set("proposal.startDate", OfficialFormat.ShortDate(s.StartDate))
            .Set("proposal.endDate", OfficialFormat.ShortDate(s.EndDate))
            .Set("proposal.totalCost", OfficialFormat.Money(s.TotalCost))
            .Set("proposal.requestedSupport", OfficialFormat.Money(s.RequestedSupport))
            .Set("proposal.ownContribution", OfficialFormat.Money(s.OwnContribution))
            .Set("establishment.name", s.OrganizationName)
            .Set("establishment.representative", s.Representative)
            .Set("establishment.taxCode", s.TaxCode)
            .Set("establishment.address", string.Join(", ", new[] { s.Address, s.Commune, ProvinceName(s.Province) }.Where(p => !string.IsNullOrWhiteSpace(p))))
            .Set("establishment.phone", s.Phone)
            .Set("establishment.email", s.Email);
    }

    /// <summary>The approval: the director's latest approving decision in the case, else the record's (imported history).</summary>
    public static ApprovalFacts? ApprovalOf(Proposal proposal, ProposalCase @case)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        ArgumentNullException.ThrowIfNull(@case);
        var approval = @case.Approvals.LastOrDefault(a => a.Outcome == DirectorOutcome.Approve && a.Amount is not null);
        return approval is not null ? new ApprovalFacts(approval.Amount!.Value, approval.DecisionNumber, approval.DecisionDate)
            : proposal.Funding.ApprovedAmount is { } amount ? new ApprovalFacts(amount, proposal.Funding.DecisionNumber, proposal.Funding.DecisionDate)
            : null;
    }

    /// <summary>The contract: as recorded in the case, else the record's (imported history).</summary>
    public static ContractFacts? ContractOf(Proposal proposal, ProposalCase @case)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        ArgumentNullException.ThrowIfNull(@case);
        return @case.Contract is { } c ? new ContractFacts(c.ContractNumber, c.ContractDate, c.Note)
            : proposal.Funding is { ContractNumber: { } number, ContractDate: { } date } ? new ContractFacts(number, date, null)
            : null;
    }

    public static DocumentValues ApprovalValues(ApprovalFacts? approval) => new DocumentValues()
        .Set("approval.decisionNumber", CommonPlaceholders.OrBlank(approval?.DecisionNumber))
        .Set("approval.decisionDate", approval?.DecisionDate is { } d ? OfficialFormat.ShortDate(d) : CommonPlaceholders.Blank)
        .Set("approval.amount", approval is null ? CommonPlaceholders.Blank : OfficialFormat.Money(approval.Amount))
        .Set("approval.amountInWords", approval is null ? CommonPlaceholders.Blank : AmountInWords.Dong(approval.Amount));

    public static DocumentValues ContractValues(ContractFacts? contract) => new DocumentValues()
        .Set("contract.number", CommonPlaceholders.OrBlank(contract?.Number))
        .Set("contract.date", contract is null ? CommonPlaceholders.Blank : OfficialFormat.ShortDate(contract.Date))
        .Set("contract.longDate", contract is null ? CommonPlaceholders.Blank : OfficialFormat.LongDate(contract.Date))
        .Set("contract.note", contract?.Note ?? string.Empty);

    /// <summary>What a stored file is, for lists of papers: "Tài liệu PDF", "Ảnh".</summary>
    public static string FileKind(string contentType) => contentType switch
    {
        "application/pdf" => "Tài liệu PDF",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document" => "Tài liệu Word (.docx)",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" => "Bảng tính Excel (.xlsx)",
        "image/jpeg" or "image/png" => "Ảnh (JPEG, PNG)",
        _ => "Tệp khác",
    };

    /// <summary>Where the establishment is: "Xã Lạc Hồng, Hưng Yên" (commune, today's province).</summary>
    public static string Place(ProposalSubmission submission)
    {
        ArgumentNullException.ThrowIfNull(submission);
        return string.Join(", ", new[] { submission.Commune, ProvinceName(submission.Province) }.Where(p => !string.IsNullOrWhiteSpace(p)));
    }

    private static string ProvinceName(string code) =>
        Domain.Geography.ProvinceCatalog.TryResolveCurrent(code, out var province) ? province.Name : code;

    internal static IEnumerable<Placeholder> Mark(string[] required, Placeholder[] group)
    {
        var unknown = required.Except(group.Select(p => p.Name), StringComparer.Ordinal).FirstOrDefault();
        if (unknown is not null)
        {
            throw new ArgumentException($"'{unknown}' is not in this group of placeholders.", nameof(required));
        }

        return group.Select(p => required.Contains(p.Name, StringComparer.Ordinal) ? p with { Required = true } : p);
    }
}
