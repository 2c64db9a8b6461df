using System.Text.Json.Serialization;

namespace KhuyenCong.Application.Workflow;

/// <summary>The names of the yearly cycle's events (version 2 of the proposal workflow: docs/decisions/0020-the-yearly-cycle.md).</summary>
public static class CycleEvents
{
    /// <summary><see cref="CouncilConclusion"/>: the council's session closed the appraisal (raised per proposal).</summary>
    public const string CouncilConcluded = "CouncilConcluded";

    /// <summary><see cref="PlanSubmission"/>: the proposal is in the plan submitted to its approver (local) or in the dispatch to the Ministry (national).</summary>
    public const string PlanSubmitted = "PlanSubmitted";

    /// <summary><see cref="PlanDecision"/>: the plan's decision (People's Committee, the Sở's director by delegation, or the Ministry) on this proposal.</summary>
    public const string PlanDecided = "PlanDecided";
}

/// <summary>Local money goes to the province's plan; national money to the Ministry.</summary>
public enum PlanPath
{
    Local,
    National,
}

public enum PlanOutcome
{
    /// <summary>In the approved plan with <see cref="PlanDecision.Amount"/>, already committed in the ledger.</summary>
    Included,

    /// <summary>Not in the approved plan: the proposal ends as not selected.</summary>
    NotSelected,

    /// <summary>Not in this plan, kept in reserve for a later one.</summary>
    Reserve,
}

/// <summary>The council's conclusion for one proposal: <paramref name="Round"/> is the appraisal round it closes.</summary>
public sealed record CouncilConclusion(int Round, string CouncilId, string SessionId, bool Passed, decimal Average, string? ReasonVi, string? ReasonEn, string By);

/// <summary>
/// The proposal is in a submitted plan: <paramref name="Round"/> is the selection's round. <paramref name="PlanKey"/>
/// names the plan (the call and its selection round, or an adjustment decision; not written when absent, so events
/// raised without it serialise as before): the workflow takes an event of a plan
/// it has not decided on yet, so a reserve chosen again by another call's round 1 is not stale (ADR 0025). Events
/// without it (raised before it existed) are matched by round, as before.
/// </summary>
public sealed record PlanSubmission(int Round, PlanPath Path, string Reference, DateOnly ReferenceDate, string By,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? PlanKey = null);

/// <summary>
/// The decision on the proposal in its plan. When included, the amount is already committed in the ledger for the
/// plan year and source (the use case commits before raising this). <paramref name="DecidedBy"/>: people-committee,
/// department-director or ministry.
/// </summary>
/// <paramref name="PlanKey"/>: as <see cref="PlanSubmission.PlanKey"/>.
public sealed record PlanDecision(int Round, PlanOutcome Outcome, long? Amount, string? DecisionNumber, DateOnly? DecisionDate, string DecidedBy, string By,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? PlanKey = null)
{
    /// <summary>The plan key of a call's selection round.</summary>
    public static string SelectionKey(string callId, int round) => "call:" + callId + ":" + round.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
