namespace KhuyenCong.Domain.Budgets;

/// <summary>
/// The money a director's approval committed to one proposal, and what finance has paid of it so far.
/// A released commitment (the proposal was cancelled or stopped) takes no more payments; what it had not paid went
/// back to the budget.
/// </summary>
/// <param name="ProposalId">The proposal the approval is for.</param>
/// <param name="Approved">The approved amount (VND), committed against the budget.</param>
/// <param name="Paid">The sum of the payments recorded (VND), never above <paramref name="Approved"/>.</param>
/// <param name="IsReleased">True once the commitment was released.</param>
public sealed record Commitment(string ProposalId, long Approved, long Paid, bool IsReleased = false)
{
    /// <summary>What may still be paid: <see cref="Approved"/> − <see cref="Paid"/>, or 0 once released.</summary>
    public long Unpaid => IsReleased ? 0 : Approved - Paid;
}

/// <summary>A payment tranche: the advance (tạm ứng) or the final payment (thanh toán).</summary>
public enum PaymentKind
{
    Advance,
    Final,
}

/// <summary>The stable codes of payment kinds ("advance", "final").</summary>
public static class PaymentKindCodes
{
    public static string ToCode(this PaymentKind kind) => kind switch
    {
        PaymentKind.Advance => "advance",
        PaymentKind.Final => "final",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>Parses "advance" or "final", ignoring case and surrounding spaces.</summary>
    public static bool TryParse(string? code, out PaymentKind kind)
    {
        var trimmed = code?.Trim();
        if (string.Equals(trimmed, "advance", StringComparison.OrdinalIgnoreCase))
        {
            kind = PaymentKind.Advance;
            return true;
        }

        kind = PaymentKind.Final;
        return string.Equals(trimmed, "final", StringComparison.OrdinalIgnoreCase);
    }
}
