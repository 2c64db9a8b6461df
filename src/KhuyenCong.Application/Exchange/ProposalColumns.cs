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
/// </summary>
public static class ProposalColumns
{
    public const string TrackingCode = "trackingCode";
    public const string Title = "title";
    public const string OrganizationName = "organizationName";
    public const string TaxCode = "taxCode";
    public const string Representative = "representative";
    public const string Email = "email";
    public const string Phone = "phone";
    public const string Address = "address";
    public const string Commune = "commune";
    public const string Province = "province";
    public const string Kind = "kind";
    public const string Sector = "sector";
    public const string FundingSource = "fundingSource";
    public const string TotalCost = "totalCost";
    public const string RequestedSupport = "requestedSupport";
    public const string OwnContribution = "ownContribution";
    public const string StartDate = "startDate";
    public const string EndDate = "endDate";
    public const string ExpectedJobs = "expectedJobs";
    public const string ExpectedTrainees = "expectedTrainees";
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
    public const string Summary = "summary";

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
