using KhuyenCong.Application.Calls;
using KhuyenCong.Application.Common;
using KhuyenCong.Application.Identity;
using KhuyenCong.Application.Links;
using KhuyenCong.Application.Proposals;
using KhuyenCong.Domain.Calls;
using KhuyenCong.Domain.Links;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Selection;
using KhuyenCong.Domain.Text;
using Microsoft.Extensions.Logging;

namespace KhuyenCong.Application.Selection;

/// <summary>What the director's selection page shows: the call, the selection of the link's round, its proposals by id.</summary>
public sealed record SelectionFacts(Call Call, CallSelection Selection, IReadOnlyDictionary<string, Proposal> Proposals);

/// <summary>The director's form: <c>decision</c> = <c>approve</c> | <c>send-back</c>, and a comment (required to send back).</summary>
public sealed record SelectionDecisionForm(string? Decision, string? Comment)
{
    public const string DecisionField = "decision";
    public const string CommentField = "comment";
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
public sealed partial class SelectionApprovals(ICallStore calls, ISelectionStore selections, IProposalRepository proposals, TimeProvider time,
    ILogger<SelectionApprovals> logger)
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

        return Decision<SelectionFacts>.Done(new SelectionFacts(call, stored.Selection, byId));
    }

    public async Task<Decision<SelectionFacts>> DecideAsync(LinkClaims claims, SelectionDecisionForm form, StaffPrincipal director, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(director);
        var opened = await OpenAsync(claims, cancellationToken);
        if (!opened.IsDone)
        {
            return opened;
        }

        var errors = new BilingualErrors();
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

        if (!errors.IsEmpty)
        {
            return Decision<SelectionFacts>.Invalid(errors);
        }

        var stored = await StoreAsync(opened.Value!.Selection, approve!.Value, comment, director.Actor, cancellationToken);
        return stored.IsDone ? Decision<SelectionFacts>.Done(opened.Value with { Selection = stored.Value! }) : stored.Refusal<SelectionFacts>();
    }

    private async Task<Decision<CallSelection>> StoreAsync(CallSelection selection, bool approve, string? comment, string by, CancellationToken cancellationToken)
    {
        var stored = await selections.GetAsync(selection.CallId, cancellationToken);
        var decided = selection with
        {
            Status = approve ? SelectionStatus.Approved : SelectionStatus.SentBack,
            Decision = new SelectionDecision(approve, comment, null, null, by, time.GetUtcNow()),
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
