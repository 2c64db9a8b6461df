using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Application.Exchange;

/// <summary>What a column of the exchange file holds.</summary>
public enum ColumnKind
{
    Text,
    Amount,
    Count,
    Date,
    DateTime,
}

/// <summary>
/// One column of the proposal exchange file (export and import): a stable machine code (camelCase, as in the API),
/// the Vietnamese header written in the file, and the English header (also accepted on import).
/// </summary>
public sealed record ProposalColumn(string Code, string Vietnamese, string English, ColumnKind Kind, bool RequiredOnImport)
{
    public string Header(Language language) => language == Language.English ? English : Vietnamese;
}

/// <summary>
/// The columns of the proposal exchange file, in file order. The Vietnamese headers are stable (documented in
/// docs/import.md): an export's header row is exactly <see cref="All"/>'s Vietnamese headers, and an import accepts, for
/// each column, the Vietnamese header, the English header or the code (any case, with or without diacritics).
/// The columns that hold the submission are the form's own fields (<see cref="ProposalFields"/>, the names of the API
/// and of its errors); the others are the record's.
/// </summary>
public static class ProposalColumns
{
    public const string TrackingCode = "trackingCode";
    public const string Title = ProposalFields.Title;
    public const string OrganizationName = ProposalFields.OrganizationName;
    public const string TaxCode = ProposalFields.TaxCode;
    public const string Representative = ProposalFields.Representative;
    public const string Email = ProposalFields.Email;
    public const string Phone = ProposalFields.Phone;
    public const string Address = ProposalFields.Address;
    public const string Commune = ProposalFields.Commune;
    public const string Province = ProposalFields.Province;
    public const string Kind = ProposalFields.Kind;
    public const string Sector = ProposalFields.Sector;
    public const string FundingSource = ProposalFields.FundingSource;
    public const string TotalCost = ProposalFields.TotalCost;
    public const string RequestedSupport = ProposalFields.RequestedSupport;
    public const string OwnContribution = ProposalFields.OwnContribution;
    public const string StartDate = ProposalFields.StartDate;
    public const string EndDate = ProposalFields.EndDate;
    public const string ExpectedJobs = ProposalFields.ExpectedJobs;
    public const string ExpectedTrainees = ProposalFields.ExpectedTrainees;
    public const string Status = "status";
    public const string SubmittedAt = "submittedAt";
    public const string ApprovedAmount = "approvedAmount";
    public const string DecisionNumber = "decisionNumber";
    public const string DecisionDate = "decisionDate";
    public const string ContractNumber = "contractNumber";
    public const string ContractDate = "contractDate";
    public const string PaidAmount = "paidAmount";
    public const string AcceptedOn = "acceptedOn";
    public const string SettledOn = "settledOn";
    public const string ProgrammeId = "programmeId";
    public const string PlanYear = "planYear";
    public const string CallId = "callId";
    public const string Summary = ProposalFields.Summary;
    public const string EntityType = ProposalFields.EntityType;
    public const string Activity = ProposalFields.Activity;
    public const string CommuneCode = "communeCode";
    public const string SectorCode = ProposalFields.SectorCode;
    public const string Priorities = ProposalFields.Priorities;
    public const string Beneficiaries = ProposalFields.Beneficiaries;
    public const string RoundLevel = ProposalFields.RoundLevel;
    public const string ActualTrainees = "actualTrainees";
    public const string ActualJobs = "actualJobs";
    public const string ModelsBuilt = "modelsBuilt";
    public const string ProductsCertified = "productsCertified";

    public static IReadOnlyList<ProposalColumn> All { get; } =
    [
        new(TrackingCode, "Mã hồ sơ", "Tracking code", ColumnKind.Text, false),
        new(Title, "Tên đề án", "Title", ColumnKind.Text, true),
        new(OrganizationName, "Tên tổ chức, cơ sở", "Organisation", ColumnKind.Text, true),
        new(TaxCode, "Mã số thuế", "Tax code", ColumnKind.Text, true),
        new(Representative, "Người đại diện", "Representative", ColumnKind.Text, true),
        new(Email, "Email", "Email address", ColumnKind.Text, true),
        new(Phone, "Số điện thoại", "Phone", ColumnKind.Text, true),
        new(Address, "Địa chỉ", "Address", ColumnKind.Text, true),
        new(Commune, "Xã, phường, đặc khu", "Commune", ColumnKind.Text, true),
        new(Province, "Tỉnh, thành phố", "Province", ColumnKind.Text, true),
        new(Kind, "Loại đề án", "Kind", ColumnKind.Text, true),
        new(Sector, "Ngành nghề, lĩnh vực", "Sector", ColumnKind.Text, true),
        new(FundingSource, "Nguồn kinh phí", "Funding source", ColumnKind.Text, true),
        new(TotalCost, "Tổng kinh phí (đồng)", "Total cost (VND)", ColumnKind.Amount, true),
        new(RequestedSupport, "Kinh phí đề nghị hỗ trợ (đồng)", "Requested support (VND)", ColumnKind.Amount, true),
        new(OwnContribution, "Vốn đối ứng (đồng)", "Own contribution (VND)", ColumnKind.Amount, true),
        new(StartDate, "Ngày bắt đầu", "Start date", ColumnKind.Date, true),
        new(EndDate, "Ngày kết thúc", "End date", ColumnKind.Date, true),
        new(ExpectedJobs, "Số việc làm dự kiến", "Expected jobs", ColumnKind.Count, false),
        new(ExpectedTrainees, "Số người được đào tạo dự kiến", "Expected trainees", ColumnKind.Count, false),
        new(Status, "Tình trạng", "Status", ColumnKind.Text, true),
        new(SubmittedAt, "Thời điểm nộp", "Submitted at", ColumnKind.DateTime, true),
        new(ApprovedAmount, "Kinh phí được duyệt (đồng)", "Approved amount (VND)", ColumnKind.Amount, false),
        new(DecisionNumber, "Số quyết định phê duyệt", "Decision number", ColumnKind.Text, false),
        new(DecisionDate, "Ngày quyết định", "Decision date", ColumnKind.Date, false),
        new(ContractNumber, "Số hợp đồng", "Contract number", ColumnKind.Text, false),
        new(ContractDate, "Ngày hợp đồng", "Contract date", ColumnKind.Date, false),
        new(PaidAmount, "Kinh phí đã thanh toán (đồng)", "Paid amount (VND)", ColumnKind.Amount, false),
        new(AcceptedOn, "Ngày nghiệm thu", "Accepted on", ColumnKind.Date, false),
        new(SettledOn, "Ngày quyết toán", "Settled on", ColumnKind.Date, false),
        new(ProgrammeId, "Mã chương trình", "Programme id", ColumnKind.Text, false),
        new(PlanYear, "Năm kế hoạch", "Plan year", ColumnKind.Count, false),
        new(CallId, "Mã đợt đăng ký", "Call id", ColumnKind.Text, false),
        new(Summary, "Tóm tắt đề án", "Summary", ColumnKind.Text, false),
        new(EntityType, "Loại hình cơ sở", "Entity type", ColumnKind.Text, false),
        new(Activity, "Nội dung hoạt động", "Activity", ColumnKind.Text, false),
        new(CommuneCode, "Mã xã, phường, đặc khu", "Commune code", ColumnKind.Text, false),
        new(SectorCode, "Mã nhóm ngành nghề", "Sector group", ColumnKind.Text, false),
        new(Priorities, "Đối tượng ưu tiên", "Priorities", ColumnKind.Text, false),
        new(Beneficiaries, "Cơ sở thụ hưởng", "Beneficiaries", ColumnKind.Text, false),
        new(RoundLevel, "Cấp bình chọn", "Round level", ColumnKind.Text, false),
        new(ActualTrainees, "Số người thực tế được đào tạo", "Actual trainees", ColumnKind.Count, false),
        new(ActualJobs, "Số việc làm thực tế tạo ra", "Actual jobs", ColumnKind.Count, false),
        new(ModelsBuilt, "Số mô hình đã xây dựng", "Models built", ColumnKind.Count, false),
        new(ProductsCertified, "Số sản phẩm được công nhận", "Products certified", ColumnKind.Count, false),
    ];

    private static readonly Dictionary<string, ProposalColumn> ByName = BuildLookup();

    /// <summary>The column a header names (Vietnamese or English header or code; case, diacritics and spacing ignored), or null.</summary>
    public static ProposalColumn? Find(string? header)
    {
        var key = Key(header);
        return key.Length > 0 && ByName.TryGetValue(key, out var column) ? column : null;
    }

    private static Dictionary<string, ProposalColumn> BuildLookup()
    {
        var lookup = new Dictionary<string, ProposalColumn>(StringComparer.Ordinal);
        foreach (var column in All)
        {
            lookup[Key(column.Vietnamese)] = column;
            lookup[Key(column.English)] = column;
            lookup[Key(column.Code)] = column;
        }

        return lookup;
    }

    // Folded, without spaces or punctuation: "Tên tổ chức, cơ sở" → "tentochuccoso", "trackingCode" → "trackingcode".
    private static string Key(string? header) =>
        new(VietnameseText.Fold(header).Where(char.IsLetterOrDigit).ToArray());
}
