using KhuyenCong.Application.Common;
using KhuyenCong.Application.Email;
using KhuyenCong.Application.Links;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Selection;
using KhuyenCong.Domain.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Bilingual = KhuyenCong.Domain.Text.Bilingual;

namespace KhuyenCong.Application.Selection;

/// <summary>One line of the officer's selection as sent: <c>ifLeftOut</c> is <c>not-selected</c> (default) or <c>reserve</c>.</summary>
public sealed record SelectionChoiceInput(string? ProposalId, bool? Included, long? Amount, string? IfLeftOut, string? Reason);

/// <summary>What the officer sends: the choices that differ from the ranking's default (none: the ranking cut at the money).</summary>
public sealed record SelectionInput(IReadOnlyList<SelectionChoiceInput>? Lines);

/// <summary>A selection stored, and whether the director's email went out.</summary>
public sealed record ProposedSelection(CallSelection Selection, bool DirectorNotified);

/// <summary>
/// The officer proposes a call's selection (danh sách đề xuất lựa chọn, issue 13 line 3) from its ranking now: the
/// ranking cut at the money by default, each deviation with a reason (<see cref="SelectionRules"/>). Only while the call
/// has no selection awaiting the director and none approved (409 naming the stage); one conditional write, so of two
/// concurrent proposals on one call exactly one is stored (the other: 409). Then the director is emailed the signed
/// link to approve it or send it back.
/// </summary>
public sealed partial class SelectionProposals(CallRankings rankings, ISelectionStore selections, LinkService links, IEmailSender email,
    IOptions<WorkflowOptions> workflow, TimeProvider time, ILogger<SelectionProposals> logger)
{
    public static readonly Bilingual AwaitingDirector = new(
        "Danh sách lựa chọn của đợt này đang chờ Giám đốc duyệt: chỉ đề xuất lại khi Giám đốc trả lại.",
        "The call's selection awaits the director: propose again only once the director sends it back.");

    public static readonly Bilingual AlreadyApproved = new("Danh sách lựa chọn của đợt này đã được Giám đốc duyệt.", "The call's selection is already approved by the director.");

    public static readonly Bilingual ProposedMeanwhile = new(
        "Một cán bộ khác vừa đề xuất danh sách lựa chọn cho đợt này: vui lòng tải lại trang.",
        "Another officer has just proposed a selection for this call: reload the page.");

    public static readonly Bilingual LeftOutInvalid = new("Cách xử lý đề án không được chọn phải là not-selected hoặc reserve.", "What happens to a proposal left out must be not-selected or reserve.");

    public async Task<Decision<ProposedSelection>> ProposeAsync(string callId, SelectionInput input, string by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var ranked = await rankings.RankAsync(callId, cancellationToken);
        if (!ranked.IsDone)
        {
            return ranked.Refusal<ProposedSelection>();
        }

        var ranking = ranked.Value!;
        if (ranking.Current?.Selection.Status is { } status && status != SelectionStatus.SentBack)
        {
            return Decision<ProposedSelection>.Conflict(status == SelectionStatus.Approved ? AlreadyApproved : AwaitingDirector);
        }

        var errors = new BilingualErrors();
        var lines = SelectionRules.Build(ranking.Ranked, Choices(input, errors), errors);
        if (lines is null)
        {
            return Decision<ProposedSelection>.Invalid(errors);
        }

        var call = ranking.Call;
        var selection = new CallSelection(call.Id, (ranking.Current?.Selection.Round ?? 0) + 1, call.PlanYear, call.FundingSource, ranking.Ranked.Available, lines,
            SelectionStatus.Proposed, by, time.GetUtcNow(), null);
        if (!await selections.ProposeAsync(selection, ranking.Current?.Version, cancellationToken))
        {
            return Decision<ProposedSelection>.Conflict(ProposedMeanwhile);
        }

        return Decision<ProposedSelection>.Done(new ProposedSelection(selection, await NotifyDirectorAsync(ranking, selection, cancellationToken)));
    }

    private static List<SelectionChoice> Choices(SelectionInput input, BilingualErrors errors)
    {
        var choices = new List<SelectionChoice>();
        var sent = input.Lines ?? [];
        for (var i = 0; i < sent.Count; i++)
        {
            var line = sent[i] ?? new SelectionChoiceInput(null, null, null, null, null);
            if (!SelectionCodes.TryParseLeftOut(line.IfLeftOut, out var leftOut))
            {
                errors.Add($"lines[{i}].ifLeftOut", LeftOutInvalid);
            }

            choices.Add(new SelectionChoice(line.ProposalId?.Trim() ?? string.Empty, line.Included ?? true, line.Amount, leftOut, line.Reason));
        }

        return choices;
    }

    private async Task<bool> NotifyDirectorAsync(CallRanking ranking, CallSelection selection, CancellationToken cancellationToken)
    {
        var director = workflow.Value.DirectorEmail;
        try
        {
            await email.SendAsync(SelectionEmails.ApprovalRequest(ranking.Call, selection, director, links.CreateSelectionUrl(selection.CallId, selection.Round)), cancellationToken);
            return true;
        }
        catch (EmailDeliveryException ex)
        {
            LogNotSent(logger, ex, selection.CallId, selection.Round);
            return false;
        }
    }

    [LoggerMessage(EventId = 4611, Level = LogLevel.Warning, Message = "Selection of call {CallId} round {Round} stored; the director's email could not be sent")]
    private static partial void LogNotSent(ILogger logger, Exception exception, string callId, int round);
}
