using System.Globalization;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Domain.Budgets;

/// <summary>
/// The budget rules, as pure functions: each returns the new state or the reason it refuses (Vietnamese and English).
/// <list type="bullet">
/// <item>An allocation may change, but never below 0 nor below what is committed.</item>
/// <item>A commitment needs an amount above 0 that fits: Committed + amount ≤ Allocated.</item>
/// <item>A payment needs an amount above 0 within the approval: Paid + payment ≤ Approved, and an unreleased commitment.</item>
/// <item>Releasing a commitment returns Approved − Paid to the budget (paid money stays committed).</item>
/// </list>
/// </summary>
public static class BudgetRules
{
    /// <summary>Sets the allocation of <paramref name="line"/> to <paramref name="allocated"/>.</summary>
    public static BudgetDecision<BudgetLine> SetAllocation(BudgetLine line, long allocated)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (allocated < 0)
        {
            return BudgetDecision<BudgetLine>.Refuse(AllocationNegative());
        }

        if (allocated < line.Committed)
        {
            return BudgetDecision<BudgetLine>.Refuse(new(BudgetRefusalCodes.BelowCommitted,
                $"Kinh phí được giao ({Vi(allocated)} đồng) không được thấp hơn số đã cam kết cho các đề án đã phê duyệt ({Vi(line.Committed)} đồng).",
                $"The allocated amount ({En(allocated)} VND) cannot be below what approved proposals have committed ({En(line.Committed)} VND)."));
        }

        return BudgetDecision<BudgetLine>.Allow(line with { Allocated = allocated });
    }

    /// <summary>Commits <paramref name="amount"/> against <paramref name="line"/>: allowed when above 0 and within <see cref="BudgetLine.Remaining"/>.</summary>
    public static BudgetDecision<BudgetLine> Commit(BudgetLine line, long amount)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (amount <= 0)
        {
            return BudgetDecision<BudgetLine>.Refuse(AmountNotPositive());
        }

        // Compared with Remaining rather than Committed + amount ≤ Allocated: the same rule without overflow.
        if (amount > line.Remaining)
        {
            var (vi, en) = SourceNames(line.Key.FundingSource);
            var year = line.Key.Year.ToString(CultureInfo.InvariantCulture);
            var remaining = Math.Max(0, line.Remaining);
            return BudgetDecision<BudgetLine>.Refuse(new(BudgetRefusalCodes.InsufficientBudget,
                $"Không đủ kinh phí khuyến công {vi} năm {year}: cần {Vi(amount)} đồng, chỉ còn {Vi(remaining)} đồng.",
                $"Not enough money in the {year} {en} budget: {En(amount)} VND needed, only {En(remaining)} VND remaining."));
        }

        return BudgetDecision<BudgetLine>.Allow(line with { Committed = line.Committed + amount });
    }

    /// <summary>
    /// Commits <paramref name="amount"/> (above 0) together with the same amount of allocation: money granted for this
    /// commitment (the Ministry's allocation of an included national proposal, or an amount carried over from the year
    /// before). Both change in one write, so the allocation can never be added twice without its commitment.
    /// </summary>
    public static BudgetDecision<BudgetLine> CommitAllocated(BudgetLine line, long amount)
    {
        ArgumentNullException.ThrowIfNull(line);
        return amount <= 0
            ? BudgetDecision<BudgetLine>.Refuse(AmountNotPositive())
            : BudgetDecision<BudgetLine>.Allow(line with { Allocated = line.Allocated + amount, Committed = line.Committed + amount });
    }

    /// <summary>
    /// Changes a commitment's approved amount by <paramref name="delta"/> (an adjustment decision, or a carry-over):
    /// refused when released, when it would go below what is paid (naming the paid amount), or when 0.
    /// </summary>
    public static BudgetDecision<Commitment> Adjust(Commitment commitment, long delta)
    {
        ArgumentNullException.ThrowIfNull(commitment);
        if (delta == 0)
        {
            return BudgetDecision<Commitment>.Refuse(new(BudgetRefusalCodes.AmountNotPositive, "Số tiền điều chỉnh phải khác 0.", "The change must not be 0."));
        }

        if (commitment.IsReleased)
        {
            return BudgetDecision<Commitment>.Refuse(Released());
        }

        var approved = commitment.Approved + delta;
        if (approved < commitment.Paid)
        {
            return BudgetDecision<Commitment>.Refuse(BelowPaid(approved, commitment.Paid));
        }

        return BudgetDecision<Commitment>.Allow(commitment with { Approved = approved });
    }

    /// <summary>
    /// Moves the line's commitment by <paramref name="delta"/> (an adjustment); with <paramref name="allocates"/> the
    /// allocation moves by the same amount (carried-over money). A rise without allocation must fit the remaining money.
    /// </summary>
    public static BudgetDecision<BudgetLine> AdjustLine(BudgetLine line, long delta, bool allocates)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (allocates)
        {
            return BudgetDecision<BudgetLine>.Allow(line with { Allocated = line.Allocated + delta, Committed = line.Committed + delta });
        }

        return delta > 0 ? Commit(line, delta) : BudgetDecision<BudgetLine>.Allow(line with { Committed = line.Committed + delta });
    }

    /// <summary>The refusal of an approved amount below what is already paid.</summary>
    public static BudgetRefusal BelowPaid(long approved, long paid) => new(BudgetRefusalCodes.BelowPaid,
        $"Không thể giảm kinh phí của đề án xuống {Vi(approved)} đồng: đã thanh toán {Vi(paid)} đồng.",
        $"The proposal's amount cannot go down to {En(approved)} VND: {En(paid)} VND is already paid.");

    /// <summary>Pays <paramref name="amount"/> of <paramref name="commitment"/>: allowed when above 0, unreleased and within <see cref="Commitment.Unpaid"/>.</summary>
    public static BudgetDecision<Commitment> Pay(Commitment commitment, long amount)
    {
        ArgumentNullException.ThrowIfNull(commitment);
        if (amount <= 0)
        {
            return BudgetDecision<Commitment>.Refuse(AmountNotPositive());
        }

        if (commitment.IsReleased)
        {
            return BudgetDecision<Commitment>.Refuse(Released());
        }

        if (amount > commitment.Approved - commitment.Paid)
        {
            var unpaid = commitment.Approved - commitment.Paid;
            return BudgetDecision<Commitment>.Refuse(new(BudgetRefusalCodes.ExceedsApproved,
                $"Khoản thanh toán {Vi(amount)} đồng vượt số kinh phí được duyệt còn lại của đề án: được duyệt {Vi(commitment.Approved)} đồng, đã thanh toán {Vi(commitment.Paid)} đồng, còn {Vi(unpaid)} đồng.",
                $"The payment of {En(amount)} VND exceeds what is left of the approved amount: approved {En(commitment.Approved)} VND, paid {En(commitment.Paid)} VND, {En(unpaid)} VND left."));
        }

        return BudgetDecision<Commitment>.Allow(commitment with { Paid = commitment.Paid + amount });
    }

    /// <summary>Adds a payment allowed by <see cref="Pay"/> to the budget's paid total (it was already committed).</summary>
    public static BudgetLine RecordPayment(BudgetLine line, long amount)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        return line with { Paid = line.Paid + amount };
    }

    /// <summary>
    /// Releases <paramref name="commitment"/>: the released commitment and the amount that goes back to the budget
    /// (Approved − Paid; 0 when it was already released).
    /// </summary>
    public static (Commitment Released, long Returned) Release(Commitment commitment)
    {
        ArgumentNullException.ThrowIfNull(commitment);
        return (commitment with { IsReleased = true }, commitment.Unpaid);
    }

    /// <summary>Gives <paramref name="returned"/> (from <see cref="Release"/>) back to the budget: Committed decreases, Paid does not.</summary>
    public static BudgetLine Return(BudgetLine line, long returned)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentOutOfRangeException.ThrowIfNegative(returned);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(returned, line.Committed - line.Paid);
        return line with { Committed = line.Committed - returned };
    }

    /// <summary>The refusal of an allocation below 0 (also for callers that check it before knowing the budget).</summary>
    public static BudgetRefusal AllocationNegative() => new(BudgetRefusalCodes.AllocationNegative,
        "Kinh phí được giao không được là số âm.",
        "The allocated amount cannot be negative.");

    /// <summary>The refusal of a payment for a proposal without a commitment in the budget.</summary>
    public static BudgetRefusal NotCommitted() => new(BudgetRefusalCodes.NotCommitted,
        "Đề án chưa được cam kết kinh phí trong dự toán này.",
        "No money of this budget is committed to the proposal.");

    /// <summary>The refusal of a second commitment for a proposal that already has one (with another amount, or released).</summary>
    public static BudgetRefusal AlreadyCommitted(Commitment existing)
    {
        ArgumentNullException.ThrowIfNull(existing);
        return existing.IsReleased
            ? new(BudgetRefusalCodes.AlreadyCommitted,
                "Cam kết kinh phí của đề án đã được giải phóng; không thể cam kết lại.",
                "The proposal's commitment was released: it cannot be committed again.")
            : new(BudgetRefusalCodes.AlreadyCommitted,
                $"Đề án đã được cam kết {Vi(existing.Approved)} đồng; không thể cam kết lại với số tiền khác.",
                $"{En(existing.Approved)} VND is already committed to the proposal: it cannot be committed again with another amount.");
    }

    private static BudgetRefusal AmountNotPositive() => new(BudgetRefusalCodes.AmountNotPositive,
        "Số tiền phải lớn hơn 0.",
        "The amount must be greater than 0.");

    private static BudgetRefusal Released() => new(BudgetRefusalCodes.Released,
        "Cam kết kinh phí của đề án đã được giải phóng (đề án đã dừng hoặc hủy); không thể thanh toán thêm.",
        "The proposal's commitment was released (the proposal was stopped or cancelled): no more payments can be made.");

    private static (string Vietnamese, string English) SourceNames(FundingSource source) => source == FundingSource.National
        ? ("quốc gia (KCQG)", "national (KCQG)")
        : ("địa phương (KCĐP)", "local (KCĐP)");

    private static string Vi(long amount) => DisplayFormat.Amount(amount, Language.Vietnamese);

    private static string En(long amount) => DisplayFormat.Amount(amount, Language.English);
}
