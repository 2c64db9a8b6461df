using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Domain.Selection;

/// <summary>Where a call's selection stands: awaiting the director, approved by the director, or sent back to the officers.</summary>
public enum SelectionStatus
{
    Proposed,
    Approved,
    SentBack,
}

/// <summary>What happens to a ranked proposal the selection leaves out: it is not selected (final), or kept in reserve for a later plan.</summary>
public enum LeftOut
{
    NotSelected,
    Reserve,
}

/// <summary>
/// One ranked proposal in a selection: its place and the default the ranking gives it (<paramref name="AboveCut"/>,
/// <paramref name="MaxAmount"/>), and the officer's choice: included with <paramref name="Amount"/>, or left out as
/// <paramref name="IfLeftOut"/> says; <paramref name="Reason"/> explains a deviation from the default.
/// </summary>
public sealed record SelectionLine(string ProposalId, int Rank, decimal Average, long Requested, long MaxAmount, bool AboveCut, bool Included, long Amount,
    LeftOut IfLeftOut, string? Reason)
{
    /// <summary>
    /// True when the choice differs from the ranking's default: a line above the cut left out, a line below it
    /// included, or an amount other than the default (the request, within the cap). Each deviation needs a reason.
    /// </summary>
    public bool IsDeviation => Included != AboveCut || (Included && Amount != MaxAmount);
}

/// <summary>The director's answer to a selection: approved (with the plan decision's number and date when the director's approval is the plan decision), or sent back with comments.</summary>
public sealed record SelectionDecision(bool Approved, string? Comment, string? DecisionNumber, DateOnly? DecisionDate, string By, DateTimeOffset At);

/// <summary>
/// The officers' selection for one call (danh sách đề xuất lựa chọn), in its <paramref name="Round"/> (1, then one more
/// each time the director sends it back and the officers propose again): the ranked lines with their choices, the
/// money available when it was proposed (null for national money: the Ministry decides), and the director's decision.
/// </summary>
/// <para>Once approved it is the call's part of the plan: <paramref name="Submitted"/> records the tờ trình to the People's
/// Committee or the dispatch to the Ministry, <paramref name="PlanDecided"/> the plan decision on it.</para>
public sealed record CallSelection(string CallId, int Round, int PlanYear, FundingSource FundingSource, long? Available, IReadOnlyList<SelectionLine> Lines,
    SelectionStatus Status, string ProposedBy, DateTimeOffset ProposedAt, SelectionDecision? Decision, PlanSubmissionRecord? Submitted = null,
    PlanDecisionRecord? PlanDecided = null)
{
    /// <summary>The amounts of the included lines.</summary>
    public long Total => Lines.Where(l => l.Included).Sum(l => l.Amount);
}

/// <summary>The Sở's tờ trình to the People's Committee (local) or its dispatch, số công văn, to the Ministry (national).</summary>
public sealed record PlanSubmissionRecord(string Reference, DateOnly Date, string By, DateTimeOffset At);

/// <summary>One proposal in a plan decision: included with <paramref name="Amount"/>, or not, and then not selected or in reserve.</summary>
public sealed record PlanDecisionLine(string ProposalId, bool Included, long Amount, LeftOut IfNotIncluded);

/// <summary>
/// The plan decision on a call's selection: its number and date, who decided (<c>people-committee</c>,
/// <c>department-director</c> or <c>ministry</c>), a line per proposal of the selection.
/// </summary>
public sealed record PlanDecisionRecord(string Number, DateOnly Date, string DecidedBy, IReadOnlyList<PlanDecisionLine> Lines, string By, DateTimeOffset At)
{
    public long Total => Lines.Where(l => l.Included).Sum(l => l.Amount);
}

public static class SelectionCodes
{
    public static string ToCode(this SelectionStatus status) => status switch
    {
        SelectionStatus.Proposed => "proposed",
        SelectionStatus.Approved => "approved",
        _ => "sent-back",
    };

    public static string ToCode(this LeftOut outcome) => outcome == LeftOut.Reserve ? "reserve" : "not-selected";

    public static bool TryParseStatus(string? code, out SelectionStatus status)
    {
        foreach (var candidate in Enum.GetValues<SelectionStatus>())
        {
            if (string.Equals(candidate.ToCode(), code, StringComparison.Ordinal))
            {
                status = candidate;
                return true;
            }
        }

        status = default;
        return false;
    }

    public static bool TryParseLeftOut(string? code, out LeftOut outcome)
    {
        outcome = string.Equals(code?.Trim(), "reserve", StringComparison.Ordinal) ? LeftOut.Reserve : LeftOut.NotSelected;
        return code is null || outcome == LeftOut.Reserve || string.Equals(code.Trim(), "not-selected", StringComparison.Ordinal);
    }

    public static Bilingual Label(this SelectionStatus status) => status switch
    {
        SelectionStatus.Proposed => new("Đã trình Giám đốc, chờ duyệt", "Awaiting the director's approval"),
        SelectionStatus.Approved => new("Giám đốc đã duyệt", "Approved by the director"),
        _ => new("Giám đốc trả lại để xem xét lại", "Sent back by the director"),
    };

    public static Bilingual Label(this LeftOut outcome) => outcome == LeftOut.Reserve
        ? new("Dự phòng cho kế hoạch sau", "Reserve for a later plan")
        : new("Không lựa chọn", "Not selected");
}
