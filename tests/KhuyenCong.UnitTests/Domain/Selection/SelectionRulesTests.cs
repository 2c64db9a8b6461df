using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Selection;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.UnitTests.Domain.Selection;

public class SelectionRulesTests
{
    private static readonly DateTimeOffset At = new(2026, 6, 1, 8, 0, 0, TimeSpan.FromHours(7));

    /// <summary>Three proposals of 100 each, scores 90, 80, 70; money for two.</summary>
    private static RankedList Ranking(long? available = 200) => KhuyenCong.Domain.Selection.Ranking.Rank(
        [new("a", 90m, At, 120, 100), new("b", 80m, At, 100, 100), new("c", 70m, At, 100, 100)], KhuyenCong.Domain.Selection.Ranking.RuleFor(FundingSource.Local), available);

    private static (IReadOnlyList<SelectionLine>? Lines, BilingualErrors Errors) Build(RankedList ranking, params SelectionChoice[] choices)
    {
        var errors = new BilingualErrors();
        return (SelectionRules.Build(ranking, choices, errors), errors);
    }

    [Fact]
    public void Build_NoChoices_TheRankingCutAtTheMoney()
    {
        var (lines, _) = Build(Ranking());

        Assert.NotNull(lines);
        Assert.Equal([true, true, false], lines.Select(l => l.Included));
        Assert.Equal([100L, 100L, 0L], lines.Select(l => l.Amount));
        Assert.All(lines, l => Assert.False(l.IsDeviation));
    }

    [Fact]
    public void Build_LineBelowTheCutIncludedWithoutReason_RefusedAtItsReason()
    {
        var (lines, errors) = Build(Ranking(), new SelectionChoice("c", true, null, LeftOut.NotSelected, " "));

        Assert.Null(lines);
        Assert.Equal(["lines[0].reason"], errors.Fields);
    }

    [Fact]
    public void Build_SwapWithReasons_AllowedWithinTheMoney()
    {
        var (lines, errors) = Build(Ranking(),
            new SelectionChoice("b", false, null, LeftOut.Reserve, "Chưa đủ vốn đối ứng"), new SelectionChoice("c", true, null, LeftOut.NotSelected, "Địa bàn khó khăn"));

        Assert.True(errors.IsEmpty);
        Assert.Equal([true, false, true], lines!.Select(l => l.Included));
        Assert.Equal(LeftOut.Reserve, lines![1].IfLeftOut);
    }

    [Fact]
    public void Build_AboveTheMoney_RefusedUnderLines()
    {
        var (lines, errors) = Build(Ranking(), new SelectionChoice("c", true, null, LeftOut.NotSelected, "Địa bàn khó khăn"));

        Assert.Null(lines);
        Assert.Equal(["lines"], errors.Fields);
    }

    [Fact]
    public void Build_NationalWithoutMoney_NoTotalLimit()
    {
        var (lines, errors) = Build(Ranking(available: null));

        Assert.True(errors.IsEmpty);
        Assert.All(lines!, l => Assert.True(l.Included));
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(101L)]
    public void Build_AmountNotAboveZeroOrAboveTheMost_RefusedAtItsAmount(long amount)
    {
        var (_, errors) = Build(Ranking(), new SelectionChoice("a", true, amount, LeftOut.NotSelected, "Lý do"));

        Assert.Equal(["lines[0].amount"], errors.Fields);
    }

    [Fact]
    public void Build_LowerAmountIsADeviation_NeedsAReason()
    {
        var (_, errors) = Build(Ranking(), new SelectionChoice("a", true, 90, LeftOut.NotSelected, null));

        Assert.Equal(["lines[0].reason"], errors.Fields);
    }

    [Fact]
    public void Build_UnknownOrTwice_RefusedAtTheProposal()
    {
        var (_, errors) = Build(Ranking(), new SelectionChoice("x", true, null, LeftOut.NotSelected, null), new SelectionChoice("a", true, null, LeftOut.NotSelected, null),
            new SelectionChoice("a", true, null, LeftOut.NotSelected, null));

        Assert.Equal(["lines[0].proposalId", "lines[2].proposalId"], errors.Fields);
    }
}
