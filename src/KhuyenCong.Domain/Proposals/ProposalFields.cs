namespace KhuyenCong.Domain.Proposals;

/// <summary>The camelCase names of the proposal form fields: form field names, JSON property names and error keys.</summary>
public static class ProposalFields
{
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
    public const string Title = "title";
    public const string Summary = "summary";
    public const string TotalCost = "totalCost";
    public const string RequestedSupport = "requestedSupport";
    public const string OwnContribution = "ownContribution";
    public const string StartDate = "startDate";
    public const string EndDate = "endDate";
    public const string ExpectedJobs = "expectedJobs";
    public const string ExpectedTrainees = "expectedTrainees";
    public const string EntityType = "entityType";
    public const string Activity = "activity";
    public const string SectorCode = "sectorCode";
    public const string Priorities = "priorities";
    public const string Beneficiaries = "beneficiaries";
    public const string RoundLevel = "roundLevel";

    /// <summary>
    /// The call (đợt đăng ký) the proposal is submitted to: not one of the proposal's own fields (<see cref="All"/>), its
    /// choices are the calls open today; the intake checks it against them (docs/decisions/0020-the-yearly-cycle.md).
    /// </summary>
    public const string CallId = "callId";

    /// <summary>An officer's reason for entering a proposal after its call closed (late entry); not one of <see cref="All"/>.</summary>
    public const string LateReason = "lateReason";

    /// <summary>Every field, in form order.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        OrganizationName, TaxCode, Representative, Email, Phone, Address, Commune, Province, Kind, Sector, FundingSource,
        Title, Summary, TotalCost, RequestedSupport, OwnContribution, StartDate, EndDate, ExpectedJobs, ExpectedTrainees,
        EntityType, Activity, SectorCode, Priorities, Beneficiaries, RoundLevel,
    ];
}
