using KhuyenCong.Application.Budgets;
using KhuyenCong.Application.Calls;
using KhuyenCong.Application.Common;
using KhuyenCong.Application.Identity;
using KhuyenCong.Application.Links;
using KhuyenCong.Application.Plans;
using KhuyenCong.Application.Proposals;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Budgets;
using KhuyenCong.Domain.Calls;
using KhuyenCong.Domain.Links;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Selection;
using KhuyenCong.Domain.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Application.Selection.Approval;

/// <summary>
/// The director's form: <c>decision</c> = <c>approve</c> | <c>send-back</c>, a comment (required to send back), and,
/// where the approval is the plan decision, the decision's number and date.
/// </summary>
public sealed record SelectionDecisionForm(string? Decision, string? Comment, string? DecisionNumber = null, string? DecisionDate = null)
{
    public const string DecisionField = "decision";
    public const string CommentField = "comment";
    public const string DecisionNumberField = "decisionNumber";
    public const string DecisionDateField = "decisionDate";
    public const string Approve = "approve";
    public const string SendBack = "send-back";
    public const int MaxCommentLength = 2000;
}

/// <summary>
/// The director's decision on a call's selection through the emailed link (issue 13 line 3; ADR 0010: the link shows
/// the page to whoever holds it, only the signed-in director decides, which the adapter checks before this runs).
/// The link is for one round: once decided, or once a newer round exists, it answers 409 saying what stands. The
/// decision is one write conditional on the selection's version, so two decisions on one round decide once.
/// </summary>
public sealed partial class SelectionApprovals(ICallStore calls, ISelectionStore selections, IProposalRepository proposals, IBudgetLedger ledger, PlanEffects effects,
    IOptions<PlanningOptions> planning, TimeProvider time, ILogger<SelectionApprovals> logger)
{
    public static readonly Bilingual DecisionRequired = new("Vui lòng chọn duyệt hoặc trả lại.", "Choose approve or send back.");

    public static readonly Bilingual CommentRequired = new("Vui lòng ghi ý kiến khi trả lại danh sách.", "Write your comments when sending the selection back.");

    public static readonly Bilingual CommentTooLong = new(
        $"Ý kiến tối đa {SelectionDecisionForm.MaxCommentLength} ký tự.", $"Comments are at most {SelectionDecisionForm.MaxCommentLength} characters.");

    public static readonly Bilingual NewerRound = new(
        "Danh sách trong liên kết này đã được thay bằng một đề xuất mới hơn: vui lòng dùng liên kết trong email mới nhất.",
        "The selection in this link was replaced by a newer one: use the link in the latest email.");

    public async Task<Decision<SelectionFacts>> OpenAsync(LinkClaims claims, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claims);
        var call = await calls.GetAsync(claims.ProposalId, cancellationToken);
        var stored = call is null ? null : await selections.GetAsync(call.Id, cancellationToken);
        if (call is null || stored is null || stored.Selection.Round < claims.Round || claims.Action != LinkActions.ApproveSelection)
        {
            return Decision<SelectionFacts>.NotFound(CallRankings.CallNotFound);
        }

        if (stored.Selection.Round > claims.Round)
        {
            return Decision<SelectionFacts>.Conflict(NewerRound);
        }

        if (stored.Selection.Decision is { } decided)
        {
            return Decision<SelectionFacts>.Conflict(Decided(stored.Selection.Status, decided));
        }

        var byId = new Dictionary<string, Proposal>(StringComparer.Ordinal);
        foreach (var line in stored.Selection.Lines)
        {
            if (await proposals.GetAsync(line.ProposalId, cancellationToken) is { } p)
            {
                byId.Add(p.Id, p);
            }
        }

        return Decision<SelectionFacts>.Done(new SelectionFacts(call, stored.Selection, byId, IsPlanDecision(call, planning.Value)));
    }

    /// <summary>
    /// True when the director's approval of <paramref name="call"/>'s selection is the plan decision: local money where
    /// the province delegated the local plan to the Sở's director (<see cref="PlanningOptions.Delegated"/>, F2.2).
    /// </summary>
    public static bool IsPlanDecision(Call call, PlanningOptions planning)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(planning);
        return call.FundingSource == FundingSource.Local && planning.Delegated;
    }

    /// <summary>
    /// Approves or sends back. Where the approval is the plan decision (delegation, F2.2), approving also needs the
    /// decision's number and date, the included amounts must fit the money left on the plan year's line, and once stored
    /// the amounts are committed and <c>PlanDecided</c> raised (decided by <c>department-director</c>), as
    /// <see cref="PlanEffects"/> does for the People's Committee's decision.
    /// </summary>
    public async Task<Decision<SelectionFacts>> DecideAsync(LinkClaims claims, SelectionDecisionForm form, StaffPrincipal director, IWorkflowEvents events,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(director);
        var opened = await OpenAsync(claims, cancellationToken);
        if (!opened.IsDone)
        {
            return opened;
        }

        var errors = new BilingualErrors();
        var (approve, comment) = Read(form, errors);
        var facts = opened.Value!;
        var plan = approve == true && facts.ApprovalIsPlanDecision ? await PlanDecisionAsync(facts.Selection, form, director.Actor, errors, cancellationToken) : null;
        if (!errors.IsEmpty)
        {
            return Decision<SelectionFacts>.Invalid(errors);
        }

        var stored = await StoreAsync(facts.Selection, approve!.Value, comment, plan, director.Actor, cancellationToken);
        if (!stored.IsDone)
        {
            return stored.Refusal<SelectionFacts>();
        }

        var applied = plan is null ? stored : await effects.DecidedAsync(stored.Value!, events, cancellationToken);
        return applied.IsDone ? Decision<SelectionFacts>.Done(facts with { Selection = applied.Value! }) : applied.Refusal<SelectionFacts>();
    }

    /// <summary>Approve (true) or send back (false), and the comment (required to send back); null and the errors otherwise.</summary>
    private static (bool? Approve, string? Comment) Read(SelectionDecisionForm form, BilingualErrors errors)
    {
        var approve = form.Decision?.Trim() switch
        {
            SelectionDecisionForm.Approve => true,
            SelectionDecisionForm.SendBack => false,
            _ => (bool?)null,
        };
        var comment = string.IsNullOrWhiteSpace(form.Comment) ? null : form.Comment.Trim();
        if (approve is null)
        {
            errors.Add(SelectionDecisionForm.DecisionField, DecisionRequired);
        }
        else if (approve == false && comment is null)
        {
            errors.Add(SelectionDecisionForm.CommentField, CommentRequired);
        }

        if (comment is { Length: > SelectionDecisionForm.MaxCommentLength })
        {
            errors.Add(SelectionDecisionForm.CommentField, CommentTooLong);
        }

        return (approve, comment);
    }

    /// <summary>The plan decision the director's approval makes (delegation): its number and date, the lines as selected; null with errors when invalid.</summary>
    private async Task<PlanDecisionRecord?> PlanDecisionAsync(CallSelection selection, SelectionDecisionForm form, string by, BilingualErrors errors,
        CancellationToken cancellationToken)
    {
        var (number, date) = PlanForms.Reference(form.DecisionNumber, form.DecisionDate, VietnamTime.Today(time), errors,
            SelectionDecisionForm.DecisionNumberField, SelectionDecisionForm.DecisionDateField);
        var record = new PlanDecisionRecord(number ?? string.Empty, date ?? default, PlanningOptions.DepartmentDirector,
            selection.Lines.Select(l => new PlanDecisionLine(l.ProposalId, l.Included, l.Amount, l.IfLeftOut)).ToList(), by, time.GetUtcNow());
        var line = await ledger.GetAsync(new BudgetKey(selection.PlanYear, selection.FundingSource), cancellationToken);
        if (record.Total > line.Remaining)
        {
            errors.Add(SelectionDecisionForm.DecisionField, SelectionRules.AboveMoney(record.Total, Math.Max(0, line.Remaining)));
        }

        return errors.IsEmpty ? record : null;
    }

    private async Task<Decision<CallSelection>> StoreAsync(CallSelection selection, bool approve, string? comment, PlanDecisionRecord? plan, string by,
        CancellationToken cancellationToken)
    {
        var stored = await selections.GetAsync(selection.CallId, cancellationToken);
        var decided = selection with
        {
            Status = approve ? SelectionStatus.Approved : SelectionStatus.SentBack,
            Decision = new SelectionDecision(approve, comment, plan?.Number, plan?.Date, by, time.GetUtcNow()),
            PlanDecided = plan,
        };
        if (stored is null || stored.Selection.Round != selection.Round || stored.Selection.Decision is not null
            || !await selections.DecideAsync(decided, stored.Version, cancellationToken))
        {
            var now = await selections.GetAsync(selection.CallId, cancellationToken);
            return Decision<CallSelection>.Conflict(now?.Selection.Decision is { } d ? Decided(now.Selection.Status, d) : NewerRound);
        }

        LogDecided(logger, decided.CallId, decided.Round, decided.Status.ToCode());
        return Decision<CallSelection>.Done(decided);
    }

    private static Bilingual Decided(SelectionStatus status, SelectionDecision decision)
    {
        var at = DateOnly.FromDateTime(decision.At.ToOffset(VietnamTime.Offset).DateTime);
        return new Bilingual(
            $"Danh sách này đã được quyết định ngày {DisplayFormat.Date(at, Language.Vietnamese)}: {status.Label().Vietnamese}.",
            $"This selection was decided on {DisplayFormat.Date(at, Language.English)}: {status.Label().English}.");
    }

    [LoggerMessage(EventId = 4612, Level = LogLevel.Information, Message = "Selection of call {CallId} round {Round} decided by the director: {Status}")]
    private static partial void LogDecided(ILogger logger, string callId, int round, string status);
}
