using KhuyenCong.Domain.Appraisal;
using KhuyenCong.Domain.Proposals;

namespace KhuyenCong.Application.Workflow;

/// <summary>What the automatic screening checks found (blocking findings keep an officer from accepting as is).</summary>
public sealed record ScreeningFinding(string Code, string Vi, string En, bool Blocking);

/// <summary>One screening round: the automatic checks, then the officer's decision (null until decided).</summary>
public sealed record ScreeningRecord(
    int Round,
    IReadOnlyList<ScreeningFinding> Findings,
    DateTimeOffset CheckedAt,
    ScreeningOutcome? Outcome = null,
    string? DecidedBy = null,
    DateTimeOffset? DecidedAt = null,
    string? Comment = null,
    DateTimeOffset? RevisionDueAt = null,
    DateTimeOffset? RevisedAt = null);

public enum ReviewState
{
    /// <summary>Invited, no answer yet.</summary>
    Invited,

    /// <summary>Scores and recommendation submitted.</summary>
    Submitted,

    /// <summary>The reviewer declared a conflict of interest and was replaced.</summary>
    Conflict,

    /// <summary>An officer replaced the reviewer (no answer).</summary>
    Replaced,

    /// <summary>The proposal ended (withdrawn, cancelled) before the review was given.</summary>
    Closed,
}

/// <summary>One reviewer's review in one appraisal round.</summary>
public sealed record ReviewRecord(
    string ProposalId,
    int Round,
    string ReviewerId,
    string ReviewerName,
    ReviewState State,
    DateTimeOffset InvitedAt,
    DateTimeOffset DueAt,
    DateTimeOffset? DecidedAt = null,
    IReadOnlyDictionary<string, int>? Points = null,
    Recommendation? Recommendation = null,
    string? Comment = null,
    string? RubricId = null,
    int? RubricVersion = null,
    string? DecidedBy = null)
{
    public int? Total => Points?.Values.Sum();

    public bool IsOpen => State == ReviewState.Invited;

    /// <summary>
    /// True while the reviewer may read the dossier through the review link: the review is open or submitted. A replaced
    /// reviewer, one who declared a conflict of interest, or one whose review was closed no longer may.
    /// </summary>
    public bool MayReadDossier => State is ReviewState.Invited or ReviewState.Submitted;
}

/// <summary>The council's verdict of one appraisal round (see <see cref="CouncilVerdict"/>).</summary>
public sealed record VerdictRecord(int Round, bool Passed, Recommendation Recommendation, decimal AverageTotal, int MaxTotal, string RubricId, int RubricVersion, DateTimeOffset At, IReadOnlyList<string> Reasons);

/// <summary>The director's decision in one approval round.</summary>
public sealed record ApprovalRecord(
    int Round,
    DirectorOutcome Outcome,
    long? Amount,
    string? DecisionNumber,
    DateOnly? DecisionDate,
    string? Comment,
    string By,
    DateTimeOffset At);

/// <summary>The contract with the establishment.</summary>
/// <param name="Signatory">Who signed the contract with the establishment on the funder's side (issue 13 line 5):
/// <see cref="ContractSignatories.Centre"/> or <see cref="ContractSignatories.Ministry"/>; null on contracts recorded
/// before it was asked (read as the Centre).</param>
public sealed record ContractRecord(string ContractNumber, DateOnly ContractDate, string? Note, string By, DateTimeOffset At, string? Signatory = null);

/// <summary>A progress report or the acceptance papers (biên bản nghiệm thu, invoices) sent by the applicant.</summary>
public sealed record ProgressReport(string Id, bool IsAcceptancePapers, string Text, IReadOnlyList<string> AttachmentIds, DateTimeOffset At);

/// <summary>The officer's confirmation of acceptance (nghiệm thu), with what the đề án actually achieved (null when not recorded).</summary>
public sealed record AcceptanceRecord(DateOnly AcceptedOn, string? Comment, string By, DateTimeOffset At, ActualResults? Results = null);

/// <summary>Everything the workflow recorded about a proposal beyond its submission and status history.</summary>
public sealed record ProposalCase(
    string ProposalId,
    IReadOnlyList<ScreeningRecord> Screenings,
    IReadOnlyList<ReviewRecord> Reviews,
    IReadOnlyList<VerdictRecord> Verdicts,
    IReadOnlyList<ApprovalRecord> Approvals,
    ContractRecord? Contract,
    IReadOnlyList<ProgressReport> Reports,
    AcceptanceRecord? Acceptance)
{
    public static ProposalCase Empty(string proposalId) => new(proposalId, [], [], [], [], null, [], null);

    public ScreeningRecord? CurrentScreening => Screenings.Count == 0 ? null : Screenings[^1];

    public int AppraisalRound => Reviews.Count == 0 ? 0 : Reviews.Max(r => r.Round);

    public IReadOnlyList<ReviewRecord> ReviewsOf(int round) => Reviews.Where(r => r.Round == round).ToList();

    public VerdictRecord? CurrentVerdict => Verdicts.Count == 0 ? null : Verdicts[^1];

    public ApprovalRecord? LatestApproval => Approvals.Count == 0 ? null : Approvals[^1];

    public bool HasAcceptancePapers => Reports.Any(r => r.IsAcceptancePapers);
}

/// <summary>A review waiting for its reviewer, from the open-review index (for digests and overdue reports).</summary>
public sealed record OpenReview(string ReviewerId, string ProposalId, int Round, DateTimeOffset InvitedAt, DateTimeOffset DueAt);

/// <summary>The outcome of a conditional change to a review: applied now, or the review as it already was.</summary>
public sealed record ReviewChange(bool Applied, ReviewRecord? Current);

/// <summary>
/// The workflow's records of a proposal (in the proposal's own partition, so one query reads the whole case). Every
/// write is idempotent (activities and routes may be retried); first-decision-wins writes are conditional.
/// </summary>
public interface IProposalCaseStore
{
    Task<ProposalCase> GetAsync(string proposalId, CancellationToken cancellationToken);

    /// <summary>Creates or replaces the screening record of its round.</summary>
    Task SaveScreeningAsync(string proposalId, ScreeningRecord screening, CancellationToken cancellationToken);

    /// <summary>Records an officer's decision on the round's screening if none was recorded yet; false (nothing changes) otherwise.</summary>
    Task<bool> DecideScreeningAsync(string proposalId, int round, ScreeningOutcome outcome, string by, string? comment, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Records that the applicant answered the round's request for documents (first answer wins).</summary>
    Task<bool> MarkRevisedAsync(string proposalId, int round, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Adds an invitation (state <see cref="ReviewState.Invited"/>); an existing row is kept as is.</summary>
    Task InviteAsync(ReviewRecord review, CancellationToken cancellationToken);

    Task<ReviewRecord?> GetReviewAsync(string proposalId, int round, string reviewerId, CancellationToken cancellationToken);

    /// <summary>
    /// Moves an open review to <paramref name="decided"/>'s state (submitted, conflict or replaced) with its scores, with a
    /// conditional write: of two concurrent decisions one applies; a review no longer open is returned unchanged.
    /// </summary>
    Task<ReviewChange> DecideReviewAsync(ReviewRecord decided, CancellationToken cancellationToken);

    Task SaveVerdictAsync(string proposalId, VerdictRecord verdict, CancellationToken cancellationToken);

    /// <summary>Records the director's decision of the round if none was recorded; false (nothing changes) otherwise.</summary>
    Task<bool> SaveApprovalAsync(string proposalId, ApprovalRecord approval, CancellationToken cancellationToken);

    /// <summary>Records the contract if none was recorded; false otherwise.</summary>
    Task<bool> SaveContractAsync(string proposalId, ContractRecord contract, CancellationToken cancellationToken);

    Task AddReportAsync(string proposalId, ProgressReport report, CancellationToken cancellationToken);

    /// <summary>
    /// Every open review of every proposal (one partition of a small index kept by <see cref="InviteAsync"/> and
    /// <see cref="DecideReviewAsync"/>), for the daily digest and the overdue report.
    /// </summary>
    Task<IReadOnlyList<OpenReview>> ListOpenReviewsAsync(CancellationToken cancellationToken);

    /// <summary>Records the acceptance if none was recorded; false otherwise.</summary>
    Task<bool> SaveAcceptanceAsync(string proposalId, AcceptanceRecord acceptance, CancellationToken cancellationToken);
}
