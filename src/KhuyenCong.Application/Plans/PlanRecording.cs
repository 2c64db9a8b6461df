using KhuyenCong.Application.Budgets;
using KhuyenCong.Application.Calls;
using KhuyenCong.Application.Common;
using KhuyenCong.Application.Selection;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Budgets;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Selection;
using KhuyenCong.Domain.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Application.Plans;

/// <summary>
/// The plan steps after the director approved a call's selection (issue 13 lines 4 and 5), on the selection's record,
/// each one write conditional on its version (decide once):
/// <list type="bullet">
/// <item>Local money with <c>Planning:LocalApprover</c> = <c>people-committee</c>: the tờ trình (number, date) raises
/// <c>PlanSubmitted</c> (local); the People's Committee's decision (number, date, amounts that may differ) commits the
/// included amounts and raises <c>PlanDecided</c>. With <c>department-director</c> these steps are refused (409): the
/// director's approval of the selection is the plan decision.</item>
/// <item>National money: the dispatch to the Ministry (số công văn, date) raises <c>PlanSubmitted</c> (national); the
/// Ministry's decision (TT 36/2013/TT-BCT Điều 6 khoản 3: the Minister approves the national plan) records its
/// allocation on the national line, commits, and raises <c>PlanDecided</c> (decided by <c>ministry</c>).</item>
/// </list>
/// Sending the same number and date again finishes what a failure left (idempotent); another number answers 409.
/// </summary>
public sealed partial class PlanRecording(ISelectionStore selections, ICallStore calls, IBudgetLedger ledger, PlanEffects effects, IOptions<PlanningOptions> planning,
    TimeProvider time, ILogger<PlanRecording> logger)
{
    public static readonly Bilingual NotApproved = new("Danh sách lựa chọn của đợt này chưa được Giám đốc duyệt.", "The call's selection is not approved by the director yet.");

    public static readonly Bilingual Delegated = new(
        "Kế hoạch khuyến công địa phương do Giám đốc Sở phê duyệt (được ủy quyền): việc Giám đốc duyệt danh sách lựa chọn là quyết định phê duyệt kế hoạch.",
        "The local plan is approved by the Department's director (delegated): the director's approval of the selection is the plan decision.");

    public static readonly Bilingual NotSubmittedYet = new(
        "Chưa ghi nhận tờ trình (hoặc công văn gửi Bộ Công Thương) của danh sách này: vui lòng ghi nhận trước khi ghi quyết định.",
        "The submission (or the dispatch to the Ministry) of this selection is not recorded yet: record it before the decision.");

    public static readonly Bilingual ChangedMeanwhile = new("Danh sách vừa được cập nhật bởi người khác: vui lòng tải lại.", "The selection was just changed by someone else: reload it.");

    public async Task<Decision<CallSelection>> SubmitAsync(string callId, PlanSubmissionInput input, string by, IWorkflowEvents events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (stored, refusal) = await ApprovedAsync(callId, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var selection = stored!.Selection;
        var errors = new BilingualErrors();
        var (number, date) = PlanForms.Reference(input.Number, input.Date, VietnamTime.Today(time), errors);
        if (!errors.IsEmpty)
        {
            return Decision<CallSelection>.Invalid(errors);
        }

        if (selection.Submitted is { } earlier && (earlier.Reference != number || earlier.Date != date))
        {
            return Decision<CallSelection>.Conflict(Already("Danh sách đã được trình", "The selection was already submitted", earlier.Reference, earlier.Date));
        }

        if (selection.Submitted is null)
        {
            selection = selection with { Submitted = new PlanSubmissionRecord(number!, date!.Value, by, time.GetUtcNow()) };
            if (!await selections.DecideAsync(selection, stored.Version, cancellationToken))
            {
                return Decision<CallSelection>.Conflict(ChangedMeanwhile);
            }

            LogSubmitted(logger, callId, selection.Round, number!);
        }

        await effects.SubmittedAsync(selection, events, cancellationToken);
        return Decision<CallSelection>.Done(selection);
    }

    public async Task<Decision<CallSelection>> DecideAsync(string callId, PlanDecisionInput input, string by, IWorkflowEvents events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (stored, refusal) = await SubmittedAsync(callId, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var selection = stored!.Selection;
        var errors = new BilingualErrors();
        var (number, date) = PlanForms.Reference(input.Number, input.Date, VietnamTime.Today(time), errors);
        var lines = PlanForms.Lines(selection, input.Lines ?? [], errors);
        if (lines is null || !errors.IsEmpty)
        {
            return Decision<CallSelection>.Invalid(errors);
        }

        if (selection.PlanDecided is { } earlier)
        {
            return earlier.Number == number && earlier.Date == date
                ? await effects.DecidedAsync(selection, events, cancellationToken)
                : Decision<CallSelection>.Conflict(Already("Danh sách đã có quyết định", "The selection already has its decision", earlier.Number, earlier.Date));
        }

        var record = new PlanDecisionRecord(number!, date!.Value, DecidedBy(selection.FundingSource), lines, by, time.GetUtcNow());
        if (await AboveMoneyAsync(selection, record, cancellationToken) is { } above)
        {
            return Decision<CallSelection>.Invalid(errors.Add("lines", above));
        }

        selection = selection with { PlanDecided = record };
        if (!await selections.DecideAsync(selection, stored.Version, cancellationToken))
        {
            return Decision<CallSelection>.Conflict(ChangedMeanwhile);
        }

        LogDecided(logger, callId, selection.Round, number!, record.Total);
        return await effects.DecidedAsync(selection, events, cancellationToken);
    }

    /// <summary>The call's approved and submitted selection, or why not (as <see cref="ApprovedAsync"/>, and 409 before the submission).</summary>
    private async Task<(StoredSelection? Stored, Decision<CallSelection>? Refusal)> SubmittedAsync(string callId, CancellationToken cancellationToken)
    {
        var (stored, refusal) = await ApprovedAsync(callId, cancellationToken);
        return refusal is null && stored!.Selection.Submitted is null ? (null, Decision<CallSelection>.Conflict(NotSubmittedYet)) : (stored, refusal);
    }

    /// <summary>The call's approved selection, or why not: 404 unknown call, 409 not approved, 409 delegated (local).</summary>
    private async Task<(StoredSelection? Stored, Decision<CallSelection>? Refusal)> ApprovedAsync(string callId, CancellationToken cancellationToken)
    {
        var stored = await selections.GetAsync(callId, cancellationToken);
        if (stored is null)
        {
            return (null, await calls.GetAsync(callId, cancellationToken) is null
                ? Decision<CallSelection>.NotFound(CallRankings.CallNotFound)
                : Decision<CallSelection>.Conflict(NotApproved));
        }

        if (stored.Selection.Status != SelectionStatus.Approved)
        {
            return (null, Decision<CallSelection>.Conflict(NotApproved));
        }

        return stored.Selection.FundingSource == FundingSource.Local && planning.Value.Delegated
            ? (null, Decision<CallSelection>.Conflict(Delegated))
            : (stored, null);
    }

    /// <summary>Local money: the included amounts must fit what is left on the plan year's line (national: the Ministry allocates).</summary>
    private async Task<Bilingual?> AboveMoneyAsync(CallSelection selection, PlanDecisionRecord record, CancellationToken cancellationToken)
    {
        if (selection.FundingSource != FundingSource.Local)
        {
            return null;
        }

        var line = await ledger.GetAsync(new BudgetKey(selection.PlanYear, selection.FundingSource), cancellationToken);
        return record.Total > line.Remaining ? SelectionRules.AboveMoney(record.Total, Math.Max(0, line.Remaining)) : null;
    }

    private string DecidedBy(FundingSource source) => source == FundingSource.National ? PlanningOptions.Ministry : planning.Value.LocalApprover;

    private static Bilingual Already(string vi, string en, string number, DateOnly date) => new(
        $"{vi} (số {number}, ngày {DisplayFormat.Date(date, Language.Vietnamese)}).", $"{en} (number {number}, dated {DisplayFormat.Date(date, Language.English)}).");

    [LoggerMessage(EventId = 4291, Level = LogLevel.Information, Message = "Selection of call {CallId} round {Round} submitted ({Reference})")]
    private static partial void LogSubmitted(ILogger logger, string callId, int round, string reference);

    [LoggerMessage(EventId = 4292, Level = LogLevel.Information, Message = "Selection of call {CallId} round {Round} decided ({Number}), {Total} VND included")]
    private static partial void LogDecided(ILogger logger, string callId, int round, string number, long total);
}
