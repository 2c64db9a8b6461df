namespace KhuyenCong.Application.Workflow;

// The small records passed between the orchestration and its activities (the steps of WorkflowSteps): ids and
// numbers, never documents (payloads over ~45 KB spill to blobs: docs/durable-workflow.md). Times are the
// orchestration's UTC DateTime. They are serialized into the orchestrations' histories: keep every property's name
// and every enum member's position, or instances in flight no longer read them.

/// <summary>The durations and counts of the workflow, read once per run (so a settings change applies to new waits only after a restart of the run's replay, never mid-replay).</summary>
public sealed record WorkflowSettings(
    TimeSpan RevisionDeadline,
    TimeSpan RevisionReminderInterval,
    int ReviewerCount,
    TimeSpan ReviewDeadline,
    TimeSpan ReviewReminderInterval,
    TimeSpan ApprovalReminderInterval);

/// <summary>A status change for <see cref="WorkflowSteps.RecordStatusChangeAsync"/>; <c>Sequence</c> 1 is the submission.</summary>
public sealed record StatusChangeInput(string ProposalId, int Sequence, string From, string To, string By, string? Comment, DateTimeOffset At);

public sealed record RoundInput(string ProposalId, int Round);

/// <summary>Opens the applicant's revision of a screening round; with <c>RequestedBy</c>, the director asked for it.</summary>
public sealed record RevisionInput(string ProposalId, int Round, DateTime DueAt, string? RequestedBy, string? Comment);

public sealed record AssignInput(string ProposalId, int Round, int Count, IReadOnlyList<string> Exclude);

/// <summary>The reviewers chosen, and how many more were wanted than the roster could give.</summary>
public sealed record ReviewerPicks(IReadOnlyList<string> ReviewerIds, int Missing);

public sealed record InviteInput(string ProposalId, int Round, string ReviewerId, DateTime InvitedAt, DateTime DueAt);

public sealed record ReviewerInput(string ProposalId, int Round, string ReviewerId);

/// <summary>The council's verdict in short, and the line written to the history.</summary>
public sealed record VerdictSummary(bool Passed, string Recommendation, decimal Average, string Summary);

/// <summary>The emails of the workflow's steps (the acknowledgement, withdrawal and cancellation have their own activities).</summary>
public enum WorkflowEmailKind
{
    ScreeningNeeded,
    RevisionRequested,
    RevisionExpired,
    Rejected,
    ReviewInvitation,
    ReviewEscalation,
    ReviewerShortfall,
    ApprovalRequest,
    Approved,
    ContractRecorded,
    Accepted,
    Settled,
    ReviewNoLongerNeeded,
    ApprovalNoLongerNeeded,
    WithdrawnNotice,

    // Version 2 (the yearly cycle), appended so the members above keep their positions.
    CouncilSessionNeeded,
    Appraised,
    InPlan,
    SentToMinistry,
    PlanIncluded,
    NotSelected,
    Reserve,
}

/// <summary>
/// One email to send. <c>Number</c> is the reminder's number (0 for the first message) or the shortfall's attempt;
/// with <c>Round</c> and <c>ReviewerId</c> it makes the send id, so each message goes out once.
/// </summary>
public sealed record WorkflowEmailRequest(string ProposalId, WorkflowEmailKind Kind, int Round, int Number, string? ReviewerId, int Count);

/// <summary>
/// Version 2: an included proposal's plan decision, written to its record (the decision's use case already stored it
/// and committed the amount). <c>DecidedBy</c>: people-committee, department-director or ministry.
/// </summary>
public sealed record PlanDecisionInput(string ProposalId, int Round, long Amount, string? DecisionNumber, DateOnly? DecisionDate, string DecidedBy);
