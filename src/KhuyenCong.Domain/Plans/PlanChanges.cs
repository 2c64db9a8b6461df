using KhuyenCong.Domain.Text;

namespace KhuyenCong.Domain.Plans;

/// <summary>What an adjustment decision does to one proposal of an approved plan.</summary>
public enum AdjustmentAction
{
    /// <summary>Puts a proposal waiting for a plan (appraised or in reserve) into the plan with an amount.</summary>
    Add,

    /// <summary>Takes a proposal out of the plan: its unpaid money goes back, its workflow ends as cancelled.</summary>
    Remove,

    /// <summary>Changes a proposal's amount (never below what is paid).</summary>
    Change,
}

/// <summary>
/// One proposal in an adjustment: what is done, the amount after it (0 for a removal), and the amount before it (0 for
/// an addition), fixed when the adjustment is stored so that finishing it later changes the ledger by the same amount.
/// </summary>
public sealed record AdjustmentLine(string ProposalId, AdjustmentAction Action, long Amount, long Before)
{
    /// <summary>The change of the proposal's commitment (a removal's is worked out against what is paid when applied).</summary>
    public long Delta => Amount - Before;
}

/// <summary>
/// An adjustment decision on an approved plan (quyết định điều chỉnh kế hoạch): its number and date, who decided
/// (<c>people-committee</c>, <c>department-director</c> or <c>ministry</c>, as for the plan itself), the reason, and its lines.
/// </summary>
public sealed record PlanAdjustment(string Number, DateOnly Date, string DecidedBy, string? Reason, IReadOnlyList<AdjustmentLine> Lines, string By, DateTimeOffset At);

/// <summary>One đề án carried over: its unpaid amount moved from the plan's year to <paramref name="ToYear"/>.</summary>
public sealed record CarriedProposal(string ProposalId, long Amount, int ToYear);

/// <summary>The year-end carry-over (chuyển tiếp) of a plan's unfinished đề án into the next year, by an officer with its document's number and date.</summary>
public sealed record CarryOverRecord(string Number, DateOnly Date, IReadOnlyList<CarriedProposal> Proposals, string By, DateTimeOffset At);

/// <summary>The changes made to an approved plan of one year and funding source after its decisions: adjustments (oldest first) and the carry-over.</summary>
public sealed record PlanChanges(IReadOnlyList<PlanAdjustment> Adjustments, CarryOverRecord? CarryOver)
{
    public static PlanChanges None { get; } = new([], null);
}

public static class AdjustmentCodes
{
    public static string ToCode(this AdjustmentAction action) => action switch
    {
        AdjustmentAction.Add => "add",
        AdjustmentAction.Remove => "remove",
        _ => "change",
    };

    public static bool TryParse(string? code, out AdjustmentAction action)
    {
        foreach (var candidate in Enum.GetValues<AdjustmentAction>())
        {
            if (string.Equals(candidate.ToCode(), code?.Trim(), StringComparison.Ordinal))
            {
                action = candidate;
                return true;
            }
        }

        action = default;
        return false;
    }

    public static Bilingual Label(this AdjustmentAction action) => action switch
    {
        AdjustmentAction.Add => new("Bổ sung vào kế hoạch", "Added to the plan"),
        AdjustmentAction.Remove => new("Đưa ra khỏi kế hoạch", "Removed from the plan"),
        _ => new("Điều chỉnh kinh phí", "Amount changed"),
    };
}
