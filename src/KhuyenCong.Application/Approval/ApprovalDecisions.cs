using KhuyenCong.Application.Budgets;
using KhuyenCong.Application.Caps;
using KhuyenCong.Application.Common;
using KhuyenCong.Application.Identity;
using KhuyenCong.Application.Links;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Budgets;
using KhuyenCong.Domain.Caps;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using Microsoft.Extensions.Logging;

namespace KhuyenCong.Application.Approval;

/// <summary>What the director sees before deciding: the case (reviews, verdict), the cap in force and the budget.</summary>
/// <param name="Case">The proposal's case: the council's reviews and verdict.</param>
/// <param name="Cap">The cap the intake applied (in force on the day the proposal was submitted), if any.</param>
/// <param name="MaxAmount">The largest amount that can be approved: the support requested, within the cap.</param>
/// <param name="Budget">The budget line of the proposal's year and funding source, as read now.</param>
public sealed record ApprovalFacts(ProposalCase Case, SupportCap? Cap, long MaxAmount, BudgetLine Budget);

/// <summary>A valid decision not yet taken, for the confirm step: what it commits and what the budget keeps after it.</summary>
public sealed record ApprovalPreview(ValidDirectorDecision Decision, ApprovalFacts Facts)
{
    /// <summary>An approval commits money: it is taken only once confirmed.</summary>
    public bool NeedsConfirmation => Decision.Outcome == DirectorOutcome.Approve;

    /// <summary>What is left of the budget line once the amount is committed.</summary>
    public long BudgetAfter => Facts.Budget.Remaining - (Decision.Amount ?? 0);
}

/// <summary>
/// The director's decision through the approval link (subject "director", round = approval round), while the proposal
/// awaits approval. Only the signed-in director decides (ADR 0010: the adapter checks the role before anything is
/// read, and this use case refuses any other principal). Single use through <see cref="ILinkUseStore"/>: of any number
/// of posts one claims the link; approving then commits the amount in the budget ledger, and a refusal (not enough
/// budget) releases the claim, so the director may choose another amount or decide otherwise with the same link. The
/// decision is stored (first decision of the round wins), then <see cref="WorkflowEvents.DirectorDecided"/> is raised.
/// </summary>
public sealed class ApprovalDecisions(
    IProposalCaseStore cases,
    IBudgetLedger ledger,
    CapAssessment caps,
    ILinkUseStore uses,
    TimeProvider time,
    ILogger<ApprovalDecisions> logger)
{
    /// <summary>The facts of the decision; refused when the round is decided, the link used, or the proposal no longer awaits approval.</summary>
    public async Task<Decision<ApprovalFacts>> OpenAsync(OpenedLink link, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);
        var proposal = link.Proposal;
        var @case = await cases.GetAsync(proposal.Id, cancellationToken);
        if (@case.Approvals.FirstOrDefault(a => a.Round == link.Claims.Round) is { } decided)
        {
            return Decision<ApprovalFacts>.Conflict(LinkRefusals.Recorded(DirectorOutcomes.Label(decided.Outcome), decided.At));
        }

        if (await uses.GetAsync(link.Claims.LinkId, cancellationToken) is { } used)
        {
            return Decision<ApprovalFacts>.Conflict(Used(used));
        }

        if (proposal.Status != ProposalStatus.AwaitingApproval)
        {
            return Decision<ApprovalFacts>.Conflict(LinkRefusals.Closed(proposal.Status));
        }

        // The cap the intake applied: the one in force on the day the proposal was submitted, less what the establishment
        // already received under a per-establishment cap. An example cap limits nothing.
        var s = proposal.Submission;
        var submittedOn = DateOnly.FromDateTime(proposal.SubmittedAt.ToOffset(VietnamTime.Offset).DateTime);
        var check = await caps.AssessAsync(s, proposal.Id, submittedOn, Language.Vietnamese, cancellationToken);
        var cap = check.Cap;
        var max = Math.Min(s.RequestedSupport, cap is { IsExample: false } ? check.MaxSupport ?? long.MaxValue : long.MaxValue);
        var budget = await ledger.GetAsync(BudgetOf(proposal), cancellationToken);
        return Decision<ApprovalFacts>.Done(new(@case, cap, max, budget));
    }

    /// <summary>
    /// The decision checked without taking it (the confirm step's page): refused as <see cref="OpenAsync"/> is, invalid
    /// with the form's errors by field, else what it would commit. Nothing is claimed, committed or stored.
    /// </summary>
    public async Task<Decision<ApprovalPreview>> PreviewAsync(OpenedLink link, DirectorDecisionForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var open = await OpenAsync(link, cancellationToken);
        if (!open.IsDone)
        {
            return open.Refusal<ApprovalPreview>();
        }

        var errors = new BilingualErrors();
        return form.Validate(link.Proposal.Submission.RequestedSupport, open.Value!.MaxAmount, open.Value.Cap?.Basis, errors) is { } valid
            ? Decision<ApprovalPreview>.Done(new(valid, open.Value))
            : Decision<ApprovalPreview>.Invalid(errors);
    }

    /// <summary>
    /// Decides: validates the form (<see cref="DirectorDecisionForm.Validate"/>); an approval not confirmed
    /// (<see cref="DirectorDecisionForm.Confirmed"/>) is invalid at <see cref="DirectorDecisionForm.ConfirmField"/>, so no
    /// money is committed without the confirm step; then claims the link, commits the amount
    /// when approving (a refusal is a conflict whose reason is the ledger's, and the link is free again), stores the
    /// decision by <paramref name="director"/>'s actor (name and Entra object id), then tells the workflow.
    /// </summary>
    public async Task<Decision<ApprovalRecord>> DecideAsync(OpenedLink link, DirectorDecisionForm form, StaffPrincipal director, IWorkflowEvents events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(director);
        ArgumentNullException.ThrowIfNull(events);
        if (!director.IsInRole(StaffRoles.Director))
        {
            // The adapter lets a decision through only with the director's principal; never decide for anyone else.
            throw new InvalidOperationException("An approval decision reached the use case without the director's principal.");
        }

        var preview = await PreviewAsync(link, form, cancellationToken);
        if (!preview.IsDone)
        {
            return preview.Refusal<ApprovalRecord>();
        }

        var valid = preview.Value!.Decision;
        if (preview.Value.NeedsConfirmation && !form.Confirmed)
        {
            return Decision<ApprovalRecord>.Invalid(new BilingualErrors().Add(DirectorDecisionForm.ConfirmField, Unconfirmed));
        }

        var (first, use) = await uses.TryUseAsync(link.Claims.LinkId, link.ProposalId, DirectorOutcomes.Code(valid.Outcome), cancellationToken);
        return first ? await RecordAsync(link, valid, director.Actor, events, cancellationToken) : Decision<ApprovalRecord>.Conflict(Used(use));
    }

    /// <summary>
    /// The proposal's budget line: its plan year (its call's, else the year submitted; ADR 0020), or the year its unpaid
    /// money was carried over to (ADR 0025), and its funding source.
    /// </summary>
    public static BudgetKey BudgetOf(Proposal proposal)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        return new(proposal.BudgetYear, proposal.Submission.FundingSource);
    }

    /// <summary>With the link claimed: commits the amount when approving, stores the decision, then tells the workflow.</summary>
    private async Task<Decision<ApprovalRecord>> RecordAsync(OpenedLink link, ValidDirectorDecision valid, string by, IWorkflowEvents events, CancellationToken cancellationToken)
    {
        if (valid.Outcome == DirectorOutcome.Approve && await CommitAsync(link, valid.Amount!.Value, by, cancellationToken) is { } refusal)
        {
            return Decision<ApprovalRecord>.Conflict(refusal);
        }

        var approval = new ApprovalRecord(link.Claims.Round, valid.Outcome, valid.Amount, valid.DecisionNumber, valid.DecisionDate, valid.Comment, by, time.GetUtcNow());
        if (!await cases.SaveApprovalAsync(link.ProposalId, approval, cancellationToken))
        {
            var existing = (await cases.GetAsync(link.ProposalId, cancellationToken)).Approvals.First(a => a.Round == link.Claims.Round);
            return Decision<ApprovalRecord>.Conflict(LinkRefusals.Recorded(DirectorOutcomes.Label(existing.Outcome), existing.At));
        }

        await RaiseAsync(link, new DirectorDecision(approval.Round, approval.Outcome, approval.By), events, cancellationToken);
        return Decision<ApprovalRecord>.Done(approval);
    }

    /// <summary>Commits the amount; on a refusal, frees the link again and gives the ledger's reason (null when committed).</summary>
    private async Task<Bilingual?> CommitAsync(OpenedLink link, long amount, string by, CancellationToken cancellationToken)
    {
        var commit = await ledger.CommitAsync(BudgetOf(link.Proposal), link.ProposalId, amount, by, cancellationToken);
        if (commit.Outcome == CommitOutcome.Committed)
        {
            return null;
        }

        // Nothing was committed: the director may choose another amount, or decide otherwise, with the same link.
        await uses.ReleaseAsync(link.Claims.LinkId, CancellationToken.None);
        return commit.Refusal is { } refusal
            ? new Bilingual(refusal.Message(Language.Vietnamese), refusal.Message(Language.English))
            : new Bilingual("Không cam kết được kinh phí.", "The amount could not be committed.");
    }

    private async Task RaiseAsync(OpenedLink link, DirectorDecision decision, IWorkflowEvents events, CancellationToken cancellationToken)
    {
        try
        {
            await events.RaiseAsync(link.ProposalId, WorkflowEvents.DirectorDecided, decision, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LinkDecisionLog.EventNotRaised(logger, ex, link.ProposalId, link.Claims.Action);
            throw;
        }

        LinkDecisionLog.Decided(logger, link.ProposalId, link.Claims.Action);
    }

    /// <summary>Why an approval posted without the confirm step is refused.</summary>
    public static Bilingual Unconfirmed { get; } = new("Vui lòng xác nhận số tiền phê duyệt trước khi ghi nhận quyết định.",
        "Confirm the approved amount before the decision is recorded.");

    private static Bilingual Used(LinkUse use) =>
        LinkRefusals.Recorded(DirectorOutcomes.TryParse(use.Decision, out var outcome) ? DirectorOutcomes.Label(outcome) : Bilingual.Same(use.Decision), use.At);
}
