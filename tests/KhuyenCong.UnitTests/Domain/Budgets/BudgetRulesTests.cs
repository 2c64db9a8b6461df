using KhuyenCong.Domain.Budgets;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.UnitTests.Domain.Budgets;

public class BudgetRulesTests
{
    private static readonly BudgetKey Key = new(2026, FundingSource.National);

    private static BudgetLine Line(long allocated, long committed = 0, long paid = 0) => new(Key, allocated, committed, paid);

    [Fact]
    public void Remaining_CommittedIncludesPaid_IsAllocatedMinusCommitted() =>
        Assert.Equal(300, Line(1_000, committed: 700, paid: 400).Remaining);

    [Fact]
    public void Commit_AmountFitsExactly_AddsToCommitted()
    {
        var decision = BudgetRules.Commit(Line(1_000, committed: 300), 700);

        Assert.True(decision.IsAllowed);
        Assert.Equal(Line(1_000, committed: 1_000), decision.Value);
        Assert.Equal(0, decision.Value.Remaining);
    }

    [Fact]
    public void Commit_OneDongTooMuch_RefusedWithRemainingInBothLanguages()
    {
        var decision = BudgetRules.Commit(Line(1_000_000_000, committed: 930_000_000), 70_000_001);

        Assert.False(decision.IsAllowed);
        Assert.Equal(BudgetRefusalCodes.InsufficientBudget, decision.Refusal.Code);
        Assert.Equal("Không đủ kinh phí khuyến công quốc gia (KCQG) năm 2026: cần 70.000.001 đồng, chỉ còn 70.000.000 đồng.", decision.Refusal.Message(Language.Vietnamese));
        Assert.Equal("Not enough money in the 2026 national (KCQG) budget: 70,000,001 VND needed, only 70,000,000 VND remaining.", decision.Refusal.Message(Language.English));
    }

    [Fact]
    public void Commit_LocalSource_NamesTheLocalBudget()
    {
        var decision = BudgetRules.Commit(new BudgetLine(new BudgetKey(2025, FundingSource.Local), 0, 0, 0), 1);

        Assert.Contains("khuyến công địa phương (KCĐP) năm 2025", decision.Refusal!.Vietnamese, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Commit_AmountNotPositive_Refused(long amount)
    {
        var decision = BudgetRules.Commit(Line(1_000), amount);

        Assert.False(decision.IsAllowed);
        Assert.Equal(BudgetRefusalCodes.AmountNotPositive, decision.Refusal.Code);
        Assert.Equal("Số tiền phải lớn hơn 0.", decision.Refusal.Vietnamese);
    }

    [Fact]
    public void Commit_HugeAmount_RefusedWithoutOverflow()
    {
        var decision = BudgetRules.Commit(Line(1_000, committed: 500), long.MaxValue);

        Assert.Equal(BudgetRefusalCodes.InsufficientBudget, decision.Refusal?.Code);
    }

    [Fact]
    public void SetAllocation_AboveCommitted_ChangesOnlyTheAllocation()
    {
        var decision = BudgetRules.SetAllocation(Line(1_000, committed: 600, paid: 100), 600);

        Assert.Equal(Line(600, committed: 600, paid: 100), decision.Value);
    }

    [Fact]
    public void SetAllocation_BelowCommitted_RefusedNamingTheCommittedAmount()
    {
        var decision = BudgetRules.SetAllocation(Line(5_200_000_000, committed: 980_000_000), 979_999_999);

        Assert.False(decision.IsAllowed);
        Assert.Equal(BudgetRefusalCodes.BelowCommitted, decision.Refusal.Code);
        Assert.Contains("980.000.000 đồng", decision.Refusal.Vietnamese, StringComparison.Ordinal);
        Assert.Contains("980,000,000 VND", decision.Refusal.English, StringComparison.Ordinal);
    }

    [Fact]
    public void SetAllocation_Negative_Refused() =>
        Assert.Equal(BudgetRefusalCodes.AllocationNegative, BudgetRules.SetAllocation(Line(0), -1).Refusal?.Code);

    [Fact]
    public void SetAllocation_ZeroWithNothingCommitted_Allowed() =>
        Assert.True(BudgetRules.SetAllocation(Line(1_000), 0).IsAllowed);

    [Fact]
    public void Pay_WithinApproved_AddsToPaid()
    {
        var decision = BudgetRules.Pay(new Commitment("p1", 100_000_000, 30_000_000), 70_000_000);

        Assert.Equal(new Commitment("p1", 100_000_000, 100_000_000), decision.Value);
        Assert.Equal(0, decision.Value!.Unpaid);
    }

    [Fact]
    public void Pay_AboveWhatIsLeft_RefusedWithApprovedAndPaid()
    {
        var decision = BudgetRules.Pay(new Commitment("p1", 100_000_000, 90_000_000), 30_000_000);

        Assert.False(decision.IsAllowed);
        Assert.Equal(BudgetRefusalCodes.ExceedsApproved, decision.Refusal.Code);
        Assert.Equal(
            "Khoản thanh toán 30.000.000 đồng vượt số kinh phí được duyệt còn lại của đề án: được duyệt 100.000.000 đồng, đã thanh toán 90.000.000 đồng, còn 10.000.000 đồng.",
            decision.Refusal.Vietnamese);
        Assert.Equal(
            "The payment of 30,000,000 VND exceeds what is left of the approved amount: approved 100,000,000 VND, paid 90,000,000 VND, 10,000,000 VND left.",
            decision.Refusal.English);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void Pay_AmountNotPositive_Refused(long amount) =>
        Assert.Equal(BudgetRefusalCodes.AmountNotPositive, BudgetRules.Pay(new Commitment("p1", 100, 0), amount).Refusal?.Code);

    [Fact]
    public void Pay_ReleasedCommitment_Refused() =>
        Assert.Equal(BudgetRefusalCodes.Released, BudgetRules.Pay(new Commitment("p1", 100, 0, IsReleased: true), 1).Refusal?.Code);

    [Fact]
    public void Release_PartlyPaid_ReturnsTheUnpaidPart()
    {
        var (released, returned) = BudgetRules.Release(new Commitment("p1", 100_000_000, 30_000_000));

        Assert.True(released.IsReleased);
        Assert.Equal(70_000_000, returned);
        Assert.Equal(0, released.Unpaid);
    }

    [Fact]
    public void Release_AlreadyReleased_ReturnsNothingMore() =>
        Assert.Equal(0, BudgetRules.Release(new Commitment("p1", 100, 30, IsReleased: true)).Returned);

    [Fact]
    public void Return_ReleasedAmount_LowersCommittedAndKeepsPaid()
    {
        var line = Line(1_000, committed: 400, paid: 30);

        Assert.Equal(Line(1_000, committed: 330, paid: 30), BudgetRules.Return(line, 70));
    }

    [Fact]
    public void Return_MoreThanCommittedButUnpaid_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => BudgetRules.Return(Line(1_000, committed: 100, paid: 50), 51));

    [Fact]
    public void RecordPayment_Amount_AddsToPaidNotCommitted() =>
        Assert.Equal(Line(1_000, committed: 100, paid: 40), BudgetRules.RecordPayment(Line(1_000, committed: 100, paid: 10), 30));

    [Fact]
    public void AlreadyCommitted_ActiveAndReleased_SayDifferentThings()
    {
        var active = BudgetRules.AlreadyCommitted(new Commitment("p1", 70_000_000, 0));
        var released = BudgetRules.AlreadyCommitted(new Commitment("p1", 70_000_000, 0, IsReleased: true));

        Assert.Equal("Đề án đã được cam kết 70.000.000 đồng; không thể cam kết lại với số tiền khác.", active.Vietnamese);
        Assert.Equal("Cam kết kinh phí của đề án đã được giải phóng; không thể cam kết lại.", released.Vietnamese);
        Assert.Equal(BudgetRefusalCodes.AlreadyCommitted, released.Code);
    }
}

public class BudgetKeyTests
{
    [Theory]
    [InlineData(1999)]
    [InlineData(2101)]
    public void Constructor_YearOutOfRange_Throws(int year) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new BudgetKey(year, FundingSource.National));

    [Theory]
    [InlineData(2000)]
    [InlineData(2100)]
    public void Constructor_BoundaryYears_Accepted(int year) =>
        Assert.Equal(year, new BudgetKey(year, FundingSource.Local).Year);

    [Fact]
    public void Constructor_UndefinedSource_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new BudgetKey(2026, (FundingSource)42));

    [Fact]
    public void Code_YearAndSource_IsStable()
    {
        Assert.Equal("2026-national", new BudgetKey(2026, FundingSource.National).Code);
        Assert.Equal("2026-local", new BudgetKey(2026, FundingSource.Local).ToString());
    }

    [Fact]
    public void Equality_SameYearAndSource_Equal() =>
        Assert.Equal(new BudgetKey(2026, FundingSource.Local), new BudgetKey(2026, FundingSource.Local));

    [Theory]
    [InlineData("advance", PaymentKind.Advance)]
    [InlineData(" FINAL ", PaymentKind.Final)]
    public void PaymentKindCodes_TryParse_KnownCodes(string code, PaymentKind expected)
    {
        Assert.True(PaymentKindCodes.TryParse(code, out var kind));
        Assert.Equal(expected, kind);
        Assert.Equal(expected.ToString().ToLowerInvariant(), kind.ToCode());
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("0")]
    [InlineData("tạm ứng")]
    public void PaymentKindCodes_TryParse_UnknownCodes_False(string? code) =>
        Assert.False(PaymentKindCodes.TryParse(code, out _));
}
