using KhuyenCong.Application.Budgets;
using KhuyenCong.Application.Caps;
using KhuyenCong.Application.Common;
using KhuyenCong.Application.Proposals;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Budgets;
using KhuyenCong.Domain.Plans;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Application.Plans;

/// <summary>A plan's changes as answered: the year and source, the adjustments and the carry-over, and whether this call stored something new.</summary>
public sealed record PlanChangesView(BudgetKey Key, PlanChanges Changes, bool IsNew);

/// <summary>
/// Adjusting an approved plan (điều chỉnh kế hoạch, issue 13 line 6): a decision (number, date; by the People's
/// Committee or the delegated director for local money, by the Ministry for national money, as the plan itself) that
/// adds proposals, removes them or changes their amounts. Checked in full before anything is stored (400 by field,
/// 409 naming the stage or the paid amount), stored as one write conditional on the plan's changes (two decisions at
/// once: one stored, the other 409), then applied (<see cref="AdjustmentEffects"/>). Sending the same decision again
/// finishes what a failure left; another content under the same number is 409.
/// </summary>
public sealed partial class PlanAdjustments(IPlanChangeStore store, IProposalRepository proposals, IBudgetLedger ledger, ICapStore caps, AdjustmentEffects effects,
    IOptions<PlanningOptions> planning, TimeProvider time, ILogger<PlanAdjustments> logger)
{
    public static readonly Bilingual ChangedMeanwhile = new("Kế hoạch vừa được điều chỉnh bởi người khác: vui lòng tải lại.", "The plan was just changed by someone else: reload it.");

    public async Task<Decision<PlanChangesView>> ListAsync(string? year, string? fundingSource, CancellationToken cancellationToken)
    {
        var errors = new BilingualErrors();
        return BudgetKeys.Parse(year, fundingSource, errors) is { } key
            ? Decision<PlanChangesView>.Done(new PlanChangesView(key, (await store.GetAsync(key, cancellationToken)).Changes, false))
            : Decision<PlanChangesView>.Invalid(errors);
    }

    public async Task<Decision<PlanChangesView>> AdjustAsync(string? year, string? fundingSource, AdjustmentInput input, string by, IWorkflowEvents events,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new BilingualErrors();
        var key = BudgetKeys.Parse(year, fundingSource, errors);
        var (number, date) = PlanForms.Reference(input.Number, input.Date, VietnamTime.Today(time), errors);
        var reason = AdjustmentForms.Reason(input.Reason, errors);
        var requested = AdjustmentForms.Lines(input.Lines, errors);
        if (key is null || !errors.IsEmpty)
        {
            return Decision<PlanChangesView>.Invalid(errors);
        }

        var stored = await store.GetAsync(key, cancellationToken);
        if (stored.Changes.Adjustments.FirstOrDefault(a => a.Number == number) is { } earlier)
        {
            return AdjustmentForms.SameAs(earlier, date!.Value, requested)
                ? await FinishAsync(key, stored.Changes, earlier, false, events, cancellationToken)
                : Decision<PlanChangesView>.Conflict(Recorded(earlier));
        }

        // An earlier decision a failure interrupted is finished first, so the amounts read below are settled.
        await FinishEarlierAsync(key, stored.Changes, events, cancellationToken);
        var checkedLines = await new AdjustmentChecks(proposals, ledger, caps).CheckAsync(key, requested, cancellationToken);
        if (Refusal(checkedLines) is { } refusal)
        {
            return refusal;
        }

        var added = new PlanAdjustment(number!, date!.Value, DecidedBy(key), reason, checkedLines.Lines, by, time.GetUtcNow());
        var changes = stored.Changes with { Adjustments = [.. stored.Changes.Adjustments, added] };
        if (!await store.SaveAsync(key, changes, stored.Version, cancellationToken))
        {
            return Decision<PlanChangesView>.Conflict(ChangedMeanwhile);
        }

        LogAdjusted(logger, key.Code, number!, added.Lines.Count);
        return await FinishAsync(key, changes, added, true, events, cancellationToken);
    }

    /// <summary>Applies every recorded decision again (applying is idempotent), finishing any a failure interrupted.</summary>
    private async Task FinishEarlierAsync(BudgetKey key, PlanChanges changes, IWorkflowEvents events, CancellationToken cancellationToken)
    {
        foreach (var adjustment in changes.Adjustments)
        {
            await effects.ApplyAsync(key, adjustment, events, cancellationToken);
        }
    }

    /// <summary>The checked lines' refusal: invalid fields (400), or a stage or paid amount that forbids the change (409); null when they pass.</summary>
    private static Decision<PlanChangesView>? Refusal(CheckedAdjustment checkedLines)
    {
        if (!checkedLines.Errors.IsEmpty)
        {
            return Decision<PlanChangesView>.Invalid(checkedLines.Errors);
        }

        return checkedLines.Conflict is { } conflict ? Decision<PlanChangesView>.Conflict(conflict) : null;
    }

    private async Task<Decision<PlanChangesView>> FinishAsync(BudgetKey key, PlanChanges changes, PlanAdjustment adjustment, bool isNew, IWorkflowEvents events,
        CancellationToken cancellationToken)
    {
        var refusal = await effects.ApplyAsync(key, adjustment, events, cancellationToken);
        return refusal is null
            ? Decision<PlanChangesView>.Done(new PlanChangesView(key, changes, isNew))
            : Decision<PlanChangesView>.Conflict(refusal);
    }

    private string DecidedBy(BudgetKey key) => key.FundingSource == FundingSource.National ? PlanningOptions.Ministry : planning.Value.LocalApprover;

    private static Bilingual Recorded(PlanAdjustment earlier) => new(
        $"Quyết định điều chỉnh số {earlier.Number} (ngày {DisplayFormat.Date(earlier.Date, Language.Vietnamese)}) đã được ghi nhận với nội dung khác.",
        $"Adjustment decision {earlier.Number} (dated {DisplayFormat.Date(earlier.Date, Language.English)}) is already recorded with other content.");

    [LoggerMessage(EventId = 4293, Level = LogLevel.Information, Message = "Plan {Budget} adjusted by decision {Number}: {Lines} proposals")]
    private static partial void LogAdjusted(ILogger logger, string budget, string number, int lines);
}
