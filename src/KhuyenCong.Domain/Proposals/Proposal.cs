namespace KhuyenCong.Domain.Proposals;

/// <summary>How a proposal reached the Centre.</summary>
public enum SubmissionChannel
{
    /// <summary>The establishment submitted it through the public form.</summary>
    Online,

    /// <summary>An officer of the Centre entered it on the establishment's behalf.</summary>
    Officer,

    /// <summary>A historical đề án loaded from a file (export format) by staff; it has no running workflow.</summary>
    Imported,
}

/// <summary>
/// The money side of a proposal, filled in as the workflow goes (approval, contract, payments, acceptance,
/// settlement) or by an import of historical records. Amounts in VND.
/// </summary>
public sealed record ProposalFunding
{
    public static ProposalFunding None { get; } = new();

    /// <summary>The amount in the director's approval decision (null until approved).</summary>
    public long? ApprovedAmount { get; init; }

    /// <summary>The approval decision's number (số quyết định), e.g. "125/QĐ-SCT".</summary>
    public string? DecisionNumber { get; init; }

    public DateOnly? DecisionDate { get; init; }

    public string? ContractNumber { get; init; }

    public DateOnly? ContractDate { get; init; }

    /// <summary>Everything paid so far (advance and final).</summary>
    public long PaidAmount { get; init; }

    /// <summary>When an officer confirmed acceptance (nghiệm thu).</summary>
    public DateOnly? AcceptedOn { get; init; }

    /// <summary>When the money was settled (quyết toán) and the proposal closed.</summary>
    public DateOnly? SettledOn { get; init; }

    /// <summary>What the đề án actually achieved, recorded with the acceptance (nghiệm thu); null until recorded.</summary>
    public ActualResults? Results { get; init; }

    /// <summary>
    /// The year whose budget the đề án's unpaid money was carried over to (chuyển tiếp), or null: its later payments are
    /// recorded against that year's ledger line (ADR 0025).
    /// </summary>
    public int? CarriedToYear { get; init; }
}

/// <summary>
/// What a đề án actually achieved, recorded by the officer with the acceptance (nghiệm thu): people trained, jobs
/// created, demonstration models built, products certified (typical products). Null values were not recorded.
/// </summary>
public sealed record ActualResults(int? Trainees, int? Jobs, int? Models, int? ProductsCertified)
{
    /// <summary>True when nothing was recorded.</summary>
    public bool IsEmpty => Trainees is null && Jobs is null && Models is null && ProductsCertified is null;
}

/// <summary>
/// A file of the proposal, stored in Blob Storage: part of the dossier (hồ sơ) when <paramref name="Purpose"/> is null,
/// otherwise sent later for a purpose (<see cref="AttachmentPurposes"/>: a progress report or the acceptance papers).
/// </summary>
public sealed record AttachmentInfo(string Id, string FileName, string ContentType, long Size, string Sha256, DateTimeOffset UploadedAt, string? Purpose = null)
{
    /// <summary>Which document of the dossier the file is (data/reference/documents.json, e.g. "du-toan"), or null when the sender did not say.</summary>
    public string? Document { get; init; }

    /// <summary>True for a file of the dossier (submitted with the proposal or added when asked to revise it).</summary>
    public bool IsDossier => Purpose is null;
}

/// <summary>Why a file was sent after the dossier.</summary>
public static class AttachmentPurposes
{
    /// <summary>A file of a progress report (báo cáo tiến độ).</summary>
    public const string Progress = "progress";

    /// <summary>The acceptance papers (biên bản nghiệm thu, hóa đơn).</summary>
    public const string Acceptance = "acceptance";
}

/// <summary>One transition in a proposal's history.</summary>
public sealed record StatusChange(DateTimeOffset At, ProposalStatus? From, ProposalStatus To, string By, string? Comment);

/// <summary>An earlier proposal of the same establishment (tax code) for the same kind, flagged for the officer.</summary>
public sealed record EarlierProposal(string ProposalId, string TrackingCode, DateTimeOffset SubmittedAt, string Title, ProposalStatus Status);

/// <summary>A proposal (đề án) as recorded at submission.</summary>
public sealed record Proposal
{
    public required string Id { get; init; }

    public required string TrackingCode { get; init; }

    public required ProposalSubmission Submission { get; init; }

    public required ProposalStatus Status { get; init; }

    public required DateTimeOffset SubmittedAt { get; init; }

    public required SubmissionChannel Channel { get; init; }

    /// <summary>Who entered it: "applicant" for the online form, otherwise the officer's name.</summary>
    public required string EnteredBy { get; init; }

    public IReadOnlyList<AttachmentInfo> Attachments { get; init; } = [];

    /// <summary>
    /// Earlier proposals of the same tax code and kind in the last five years (not a rejection: a flag for the
    /// officer), the most recent first, at most <see cref="MaxEarlierProposalsListed"/>.
    /// </summary>
    public IReadOnlyList<EarlierProposal> EarlierProposals { get; init; } = [];

    /// <summary>How many earlier proposals were found (the list keeps only the most recent ones).</summary>
    public int EarlierProposalCount { get; init; }

    public const int MaxEarlierProposalsListed = 20;

    public IReadOnlyList<StatusChange> History { get; init; } = [];

    /// <summary>The approval, contract and payments (empty until approved).</summary>
    public ProposalFunding Funding { get; init; } = ProposalFunding.None;

    /// <summary>The khuyến công programme the proposal counts towards (set by staff), or null.</summary>
    public string? ProgrammeId { get; init; }

    /// <summary>
    /// The shape the record was last written in: 1 before entity types, activities, commune codes and sector groups
    /// existed (those are then read by the documented rule, ADR 0023), <see cref="CurrentRecordVersion"/> once written
    /// with them (by the intake, an import, a revision or the migration).
    /// </summary>
    public int RecordVersion { get; init; } = CurrentRecordVersion;

    public const int CurrentRecordVersion = 2;

    /// <summary>The year the proposal was submitted (Vietnam time).</summary>
    public int Year => SubmittedAt.ToOffset(VietnamTime.Offset).Year;

    /// <summary>The call (đợt đăng ký) it was submitted to, or null (imported history, proposals stored before calls, officers' entries outside a call).</summary>
    public string? CallId { get; init; }

    /// <summary>The plan year its call (or an officer entering it late) gave it, or null: see <see cref="PlanYear"/>.</summary>
    public int? AssignedPlanYear { get; init; }

    /// <summary>
    /// The plan year (năm kế hoạch) whose budget and plan the proposal belongs to: its call's, never its submission
    /// date's; a proposal without one (stored before calls, imported history) keeps the year it was submitted in.
    /// Budgets, statistics and exports count by this year.
    /// </summary>
    public int PlanYear => AssignedPlanYear ?? Year;

    /// <summary>
    /// The year of the ledger line that holds the proposal's unpaid money: the plan year, or the year it was carried
    /// over to (<see cref="ProposalFunding.CarriedToYear"/>). Statistics keep counting the đề án in its plan year.
    /// </summary>
    public int BudgetYear => Funding.CarriedToYear ?? PlanYear;

    /// <summary>
    /// Why an officer entered the proposal after its call had closed (a late entry, recorded and shown on its staff
    /// page), or null for a proposal submitted in time.
    /// </summary>
    public string? LateReason { get; init; }
}

/// <summary>Vietnam's civil time (UTC+7, no daylight saving): years and dates of proposals are counted in it.</summary>
public static class VietnamTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    public static DateOnly Today(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return DateOnly.FromDateTime(time.GetUtcNow().ToOffset(Offset).DateTime);
    }
}
