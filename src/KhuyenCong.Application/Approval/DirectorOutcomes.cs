using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Application.Approval;

/// <summary>The director's three decisions: their codes (as posted, and as a link's use records them) and how they read.</summary>
public static class DirectorOutcomes
{
    /// <summary>In the order the decision form offers them.</summary>
    public static IReadOnlyList<DirectorOutcome> InFormOrder { get; } = [DirectorOutcome.Approve, DirectorOutcome.Revise, DirectorOutcome.Reject];

    public static string Code(DirectorOutcome outcome) => outcome switch
    {
        DirectorOutcome.Approve => "approve",
        DirectorOutcome.Revise => "revise",
        _ => "reject",
    };

    public static bool TryParse(string? code, out DirectorOutcome outcome)
    {
        foreach (var candidate in InFormOrder)
        {
            if (string.Equals(Code(candidate), code?.Trim(), StringComparison.Ordinal))
            {
                outcome = candidate;
                return true;
            }
        }

        outcome = default;
        return false;
    }

    public static Bilingual Label(DirectorOutcome outcome) => outcome switch
    {
        DirectorOutcome.Approve => new("Phê duyệt", "Approve"),
        DirectorOutcome.Revise => new("Yêu cầu chỉnh sửa, bổ sung", "Revise"),
        _ => new("Không phê duyệt", "Reject"),
    };
}
