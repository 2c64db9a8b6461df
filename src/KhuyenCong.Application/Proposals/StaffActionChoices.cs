using KhuyenCong.Application.Budgets;
using KhuyenCong.Application.Identity;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Budgets;
using KhuyenCong.Domain.Proposals;

namespace KhuyenCong.Application.Proposals;

/// <summary>Whether the officer can confirm acceptance (nghiệm thu) now.</summary>
public enum AcceptanceChoice
{
    /// <summary>Not at this stage, not for this staff member, or already confirmed.</summary>
    None,

    /// <summary>In progress, but the applicant has not sent the acceptance papers yet.</summary>
    AwaitingPapers,

    /// <summary>The papers are in: the officer can confirm.</summary>
    Open,
}

/// <summary>
/// What a staff member can do on a proposal now, by role and stage: the actions the staff page offers (the work queue
/// and bulk actions can ask the same). It only chooses what to offer; each action's use case checks the stage again
/// when it is sent.
/// </summary>
/// <param name="Screening">The screening round waiting for the officer's decision, or null.</param>
/// <param name="ReplaceableReviews">The open reviews of the current appraisal round, each of which an officer may replace.</param>
/// <param name="Contract">The contract can be recorded (approved, none yet).</param>
/// <param name="PaymentKinds">The kinds of payment finance can record now (none: no payment).</param>
/// <param name="Acceptance">Whether acceptance can be confirmed.</param>
/// <param name="Cancel">The officer can cancel the proposal (not in a final status).</param>
public sealed record StaffActionChoices(
    ScreeningRecord? Screening,
    IReadOnlyList<ReviewRecord> ReplaceableReviews,
    bool Contract,
    IReadOnlyList<PaymentKind> PaymentKinds,
    AcceptanceChoice Acceptance,
    bool Cancel)
{
    /// <summary>The approval decision's number and date can be recorded (approved without them; officer).</summary>
    public bool DecisionNumber { get; init; }

    /// <summary>Nothing to offer.</summary>
    public bool IsEmpty => Screening is null && ReplaceableReviews.Count == 0 && !Contract && PaymentKinds.Count == 0 && Acceptance == AcceptanceChoice.None && !Cancel
        && !DecisionNumber;

    /// <summary>The choices for <paramref name="staff"/> on <paramref name="proposal"/>, given its case and the payments recorded.</summary>
    public static StaffActionChoices For(Proposal proposal, ProposalCase @case, IReadOnlyList<BudgetPayment> payments, StaffPrincipal staff)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(payments);
        ArgumentNullException.ThrowIfNull(staff);
        var officer = staff.IsInRole(StaffRoles.Officer);
        var status = proposal.Status;
        return new StaffActionChoices(
            Screening: officer && status == ProposalStatus.Screening && @case.CurrentScreening is { Outcome: null } open ? open : null,
            ReplaceableReviews: officer && status == ProposalStatus.InReview ? @case.ReviewsOf(@case.AppraisalRound).Where(r => r.IsOpen).ToList() : [],
            Contract: officer && status == ProposalStatus.Approved && @case.Contract is null,
            PaymentKinds: staff.IsInRole(StaffRoles.Finance) ? PaymentKindsAt(status, payments) : [],
            Acceptance: officer ? AcceptanceAt(status, @case) : AcceptanceChoice.None,
            Cancel: officer && !status.IsFinal())
        {
            DecisionNumber = officer && Approval.DecisionNumberRecording.IsOpen(proposal, @case),
        };
    }

    /// <summary>Advances while the work runs or once accepted; the final payment (quyết toán) once accepted, and only once.</summary>
    private static IReadOnlyList<PaymentKind> PaymentKindsAt(ProposalStatus status, IReadOnlyList<BudgetPayment> payments) => status switch
    {
        ProposalStatus.InProgress => [PaymentKind.Advance],
        ProposalStatus.Accepted when payments.All(p => p.Kind != PaymentKind.Final) => [PaymentKind.Advance, PaymentKind.Final],
        ProposalStatus.Accepted => [PaymentKind.Advance],
        _ => [],
    };

    private static AcceptanceChoice AcceptanceAt(ProposalStatus status, ProposalCase @case) =>
        status != ProposalStatus.InProgress || @case.Acceptance is not null ? AcceptanceChoice.None
        : @case.HasAcceptancePapers ? AcceptanceChoice.Open
        : AcceptanceChoice.AwaitingPapers;
}
