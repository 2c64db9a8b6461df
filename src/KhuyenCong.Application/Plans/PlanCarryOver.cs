using KhuyenCong.Application.Budgets;
using KhuyenCong.Application.Common;
using KhuyenCong.Application.Proposals;
using KhuyenCong.Domain.Budgets;
using KhuyenCong.Domain.Plans;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using Microsoft.Extensions.Logging;

namespace KhuyenCong.Application.Plans;

/// <summary>The carry-over as sent: the document's number and date, and optionally which đề án (default: every unfinished one).</summary>
public sealed record CarryOverInput(string? Number, string? Date, IReadOnlyList<string?>? ProposalIds);

/// <summary>
/// The year-end carry-over (chuyển tiếp, issue 13 line 6) of a plan's unfinished đề án (approved, in progress or
/// accepted, with money still unpaid) into next year: recorded once per plan (one conditional write), then per đề án
/// the ledger lowers year N's commitment and allocation to what was paid (a ledger adjustment, idempotent by proposal
/// and years), commits the unpaid amount with its allocation in year N+1 (idempotent by proposal), and the record
/// notes the year its later payments go to. The plan year stays N: statistics count the đề án once, in N.
/// The law on carrying khuyến công money over is read in docs/decisions/0025-plan-adjustments-and-carry-over.md.
/// </summary>
public sealed partial class PlanCarryOver(IPlanChangeStore store, IProposalRepository proposals, IBudgetLedger ledger, TimeProvider time, ILogger<PlanCarryOver> logger)
{
    public static readonly Bilingual NothingToCarry = new(
        "Kế hoạch không có đề án nào chưa hoàn thành còn kinh phí chưa thanh toán để chuyển tiếp.", "The plan has no unfinished đề án with unpaid money to carry over.");

    public static readonly Bilingual NotUnfinished = new(
        "Đề án này không phải là đề án chưa hoàn thành của kế hoạch (đã phê duyệt, đang thực hiện hoặc đã nghiệm thu, còn kinh phí chưa thanh toán).",
        "This is not an unfinished đề án of the plan (approved, in progress or accepted, with money unpaid).");

    public async Task<Decision<PlanChangesView>> CarryOverAsync(string? year, string? fundingSource, CarryOverInput input, string by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new BilingualErrors();
        var (key, number, date) = ReadForm(year, fundingSource, input, errors);
        if (key is null || !errors.IsEmpty)
        {
            return Decision<PlanChangesView>.Invalid(errors);
        }

        var stored = await store.GetAsync(key, cancellationToken);
        if (stored.Changes.CarryOver is { } earlier)
        {
            return earlier.Number == number && earlier.Date == date
                ? await FinishAsync(key, stored.Changes, earlier, false, cancellationToken)
                : Decision<PlanChangesView>.Conflict(Recorded(earlier));
        }

        var unfinished = await UnfinishedAsync(key, cancellationToken);
        var chosen = Chosen(unfinished, input.ProposalIds, errors);
        if (!errors.IsEmpty)
        {
            return Decision<PlanChangesView>.Invalid(errors);
        }

        if (chosen.Count == 0)
        {
            return Decision<PlanChangesView>.Conflict(NothingToCarry);
        }

        var record = new CarryOverRecord(number!, date!.Value, chosen, by, time.GetUtcNow());
        var changes = stored.Changes with { CarryOver = record };
        if (!await store.SaveAsync(key, changes, stored.Version, cancellationToken))
        {
            return Decision<PlanChangesView>.Conflict(PlanAdjustments.ChangedMeanwhile);
        }

        LogCarried(logger, key.Code, chosen.Count, chosen.Sum(c => c.Amount));
        return await FinishAsync(key, changes, record, true, cancellationToken);
    }

    /// <summary>The plan's key (its next year must be a plan year too) and the decision's number and date, each error in <paramref name="errors"/>.</summary>
    private (BudgetKey? Key, string? Number, DateOnly? Date) ReadForm(string? year, string? fundingSource, CarryOverInput input, BilingualErrors errors)
    {
        var key = BudgetKeys.Parse(year, fundingSource, errors);
        var (number, date) = PlanForms.Reference(input.Number, input.Date, VietnamTime.Today(time), errors);
        if (key is not null && !BudgetKey.IsValidYear(key.Year + 1))
        {
            errors.Add("year", BudgetKeys.YearInvalid);
        }

        return (key, number, date);
    }

    /// <summary>Per đề án: year N down to what was paid, year N+1 up by the unpaid amount, the record's budget year; each step idempotent.</summary>
    private async Task<Decision<PlanChangesView>> FinishAsync(BudgetKey key, PlanChanges changes, CarryOverRecord record, bool isNew, CancellationToken cancellationToken)
    {
        foreach (var carried in record.Proposals)
        {
            var next = new BudgetKey(carried.ToYear, key.FundingSource);
            var lowered = await ledger.AdjustAsync(key, carried.ProposalId, CarryId(key, carried), -carried.Amount, allocates: true, record.By, cancellationToken);
            if (!lowered.IsAdjusted)
            {
                return Decision<PlanChangesView>.Conflict(new Bilingual(lowered.Refusal!.Vietnamese, lowered.Refusal.English));
            }

            var committed = await ledger.CommitAllocatedAsync(next, carried.ProposalId, carried.Amount, record.By, cancellationToken);
            if (committed.Outcome != CommitOutcome.Committed)
            {
                return Decision<PlanChangesView>.Conflict(new Bilingual(committed.Refusal!.Vietnamese, committed.Refusal.English));
            }

            if (await proposals.GetAsync(carried.ProposalId, cancellationToken) is { } proposal && proposal.Funding.CarriedToYear != carried.ToYear)
            {
                await proposals.SaveFundingAsync(proposal.Id, proposal.Funding with { CarriedToYear = carried.ToYear }, cancellationToken);
            }
        }

        return Decision<PlanChangesView>.Done(new PlanChangesView(key, changes, isNew));
    }

    /// <summary>The plan's unfinished đề án with their unpaid amounts: its plan year's, and those carried into it from the year before.</summary>
    private async Task<IReadOnlyList<CarriedProposal>> UnfinishedAsync(BudgetKey key, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        foreach (var status in AdjustmentChecks.InPlan)
        {
            ids.AddRange((await proposals.ListAsync(new ProposalListQuery(key.Year, status, null, key.FundingSource), cancellationToken)).Select(s => s.Id));
        }

        if (BudgetKey.IsValidYear(key.Year - 1) && (await store.GetAsync(new BudgetKey(key.Year - 1, key.FundingSource), cancellationToken)).Changes.CarryOver is { } before)
        {
            ids.AddRange(before.Proposals.Where(p => p.ToYear == key.Year).Select(p => p.ProposalId));
        }

        var unfinished = new List<CarriedProposal>();
        foreach (var id in ids.Distinct(StringComparer.Ordinal))
        {
            var proposal = await proposals.GetAsync(id, cancellationToken);
            var commitment = proposal is not null && proposal.BudgetYear == key.Year && AdjustmentChecks.InPlan.Contains(proposal.Status)
                ? await ledger.GetCommitmentAsync(key, id, cancellationToken)
                : null;
            if (commitment is { IsReleased: false, Unpaid: > 0 })
            {
                unfinished.Add(new CarriedProposal(id, commitment.Unpaid, key.Year + 1));
            }
        }

        return unfinished;
    }

    private static List<CarriedProposal> Chosen(IReadOnlyList<CarriedProposal> unfinished, IReadOnlyList<string?>? ids, BilingualErrors errors)
    {
        if (ids is null || ids.Count == 0)
        {
            return unfinished.ToList();
        }

        var chosen = new List<CarriedProposal>();
        for (var i = 0; i < ids.Count; i++)
        {
            var match = unfinished.FirstOrDefault(u => u.ProposalId == ids[i]?.Trim());
            if (match is null || chosen.Contains(match))
            {
                errors.Add($"proposalIds[{i.ToString(System.Globalization.CultureInfo.InvariantCulture)}]", match is null ? NotUnfinished : PlanForms.ChosenTwice);
                continue;
            }

            chosen.Add(match);
        }

        return chosen;
    }

    private static string CarryId(BudgetKey key, CarriedProposal carried) =>
        "carry-" + key.Year.ToString(System.Globalization.CultureInfo.InvariantCulture) + "-" + carried.ToYear.ToString(System.Globalization.CultureInfo.InvariantCulture)
        + "-" + carried.ProposalId;

    private static Bilingual Recorded(CarryOverRecord earlier) => new(
        $"Kế hoạch đã được chuyển tiếp theo văn bản số {earlier.Number} (ngày {DisplayFormat.Date(earlier.Date, Language.Vietnamese)}).",
        $"The plan was already carried over by document {earlier.Number} (dated {DisplayFormat.Date(earlier.Date, Language.English)}).");

    [LoggerMessage(EventId = 4294, Level = LogLevel.Information, Message = "Plan {Budget} carried over: {Count} proposals, {Amount} VND")]
    private static partial void LogCarried(ILogger logger, string budget, int count, long amount);
}
