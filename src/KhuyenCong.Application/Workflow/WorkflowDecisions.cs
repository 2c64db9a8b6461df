using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Budgets;

namespace KhuyenCong.Application.Workflow;

/// <summary>
/// Names of the external events the proposal workflow waits for. Each is raised by one HTTP route (a staff action or
/// an emailed link) after it validated and stored what was decided; the payloads carry ids, never documents.
/// </summary>
public static class WorkflowEvents
{
    /// <summary><see cref="WithdrawalRequest"/>: the applicant, through the withdraw link.</summary>
    public const string Withdrawn = "Withdrawn";

    /// <summary><see cref="CancellationRequest"/>: an officer, at any stage.</summary>
    public const string Cancelled = "Cancelled";

    /// <summary><see cref="ScreeningDecision"/>: an officer, while the proposal is in screening.</summary>
    public const string ScreeningDecided = "ScreeningDecided";

    /// <summary><see cref="RevisionNotice"/>: the applicant, through the revision link, while the proposal needs revision.</summary>
    public const string RevisionSubmitted = "RevisionSubmitted";

    /// <summary><see cref="AppraisalEvent"/>: a reviewer (review or conflict) or an officer (replacement), while in review.</summary>
    public const string AppraisalChanged = "AppraisalChanged";

    /// <summary><see cref="DirectorDecision"/>: the director, through the approval link, while awaiting approval.</summary>
    public const string DirectorDecided = "DirectorDecided";

    /// <summary><see cref="ContractNotice"/>: an officer, once approved.</summary>
    public const string ContractRecorded = "ContractRecorded";

    /// <summary><see cref="PaymentNotice"/>: finance, once the contract is recorded (the ledger already holds the payment).</summary>
    public const string PaymentRecorded = "PaymentRecorded";

    /// <summary><see cref="AcceptanceNotice"/>: an officer, in progress, once acceptance papers were sent.</summary>
    public const string AcceptanceConfirmed = "AcceptanceConfirmed";
}

/// <summary>The applicant's request to withdraw, raised by the withdraw link.</summary>
public sealed record WithdrawalRequest(string By, string? Reason);

/// <summary>An officer's cancellation, raised by the staff route.</summary>
public sealed record CancellationRequest(string By, string Reason);

public enum ScreeningOutcome
{
    /// <summary>The file is complete and eligible: on to appraisal.</summary>
    Accept,

    /// <summary>Not eligible: the proposal ends as rejected.</summary>
    Reject,

    /// <summary>More documents or corrections are needed from the applicant.</summary>
    RequestDocuments,
}

/// <summary>An officer's screening decision (stored in the case before it is raised).</summary>
public sealed record ScreeningDecision(int Round, ScreeningOutcome Outcome, string By, string? Comment);

/// <summary>The applicant answered the request for documents of screening round <paramref name="Round"/>.</summary>
public sealed record RevisionNotice(int Round, string By);

public enum AppraisalEventKind
{
    /// <summary>The reviewer submitted scores and a recommendation.</summary>
    ReviewSubmitted,

    /// <summary>The reviewer declared a conflict of interest: another reviewer replaces them.</summary>
    ConflictDeclared,

    /// <summary>An officer replaced a reviewer who does not answer.</summary>
    Replaced,
}

/// <summary>Something changed in appraisal round <paramref name="Round"/> for one reviewer (already stored in the case).</summary>
public sealed record AppraisalEvent(int Round, AppraisalEventKind Kind, string ReviewerId, string By);

public enum DirectorOutcome
{
    Approve,
    Reject,
    Revise,
}

/// <summary>
/// The director's decision on approval round <paramref name="Round"/> (stored in the case before it is raised; for
/// <see cref="DirectorOutcome.Approve"/> the amount is already committed in the budget ledger).
/// </summary>
public sealed record DirectorDecision(int Round, DirectorOutcome Outcome, string By);

/// <summary>The contract was recorded (stored in the case).</summary>
public sealed record ContractNotice(string By);

/// <summary>A payment was recorded in the budget ledger.</summary>
public sealed record PaymentNotice(string PaymentId, PaymentKind Kind, long Amount, string By);

/// <summary>An officer confirmed acceptance (nghiệm thu) (stored in the case).</summary>
public sealed record AcceptanceNotice(string By);
