using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Selection;

namespace KhuyenCong.UnitTests.Domain.Selection;

public class RankingTests
{
    private static readonly DateTimeOffset Monday = new(2026, 6, 1, 8, 0, 0, TimeSpan.FromHours(7));

    private static RankingCandidate Candidate(string id, decimal average, int minutesAfter = 0, long amount = 100) =>
        new(id, average, Monday.AddMinutes(minutesAfter), amount, amount);

    private static RankedList Rank(long? available, params RankingCandidate[] candidates) =>
        Ranking.Rank(candidates, Ranking.RuleFor(FundingSource.Local), available);

    [Fact]
    public void Rank_DifferentScores_HighestAverageFirst()
    {
        var ranked = Rank(null, Candidate("a", 61.5m), Candidate("b", 88m), Candidate("c", 74.25m));

        Assert.Equal(["b", "c", "a"], ranked.Entries.Select(e => e.Candidate.ProposalId));
        Assert.Equal([1, 2, 3], ranked.Entries.Select(e => e.Rank));
        Assert.Equal([null, "score", "score"], ranked.Entries.Select(e => e.PlacedBy));
    }

    [Fact]
    public void Rank_EqualScores_EarlierSubmissionFirstAndSaysSo()
    {
        var ranked = Rank(null, Candidate("late", 80m, minutesAfter: 30), Candidate("early", 80m, minutesAfter: 5));

        Assert.Equal(["early", "late"], ranked.Entries.Select(e => e.Candidate.ProposalId));
        Assert.Equal("submitted-at", ranked.Entries[1].PlacedBy);
    }

    [Fact]
    public void Rank_EqualScoreAndTime_OrderedById()
    {
        var ranked = Rank(null, Candidate("p-2", 80m), Candidate("p-1", 80m));

        Assert.Equal(["p-1", "p-2"], ranked.Entries.Select(e => e.Candidate.ProposalId));
        Assert.Equal("id", ranked.Entries[1].PlacedBy);
    }

    [Fact]
    public void Rank_MoneyForTwo_RunningTotalAndCutAfterTheSecond()
    {
        var ranked = Rank(250, Candidate("a", 90m, amount: 100), Candidate("b", 80m, amount: 150), Candidate("c", 70m, amount: 50), Candidate("d", 60m, amount: 10));

        Assert.Equal([100L, 250L, 300L, 310L], ranked.Entries.Select(e => e.RunningTotal));
        Assert.Equal([true, true, false, false], ranked.Entries.Select(e => e.AboveCut));
        Assert.Equal(250, ranked.CutTotal);
    }

    [Fact]
    public void Rank_SmallerLineBelowTheCutWouldFit_StaysBelowTheCut()
    {
        // The cut is the ranked order cut once: a later, cheaper line is not pulled above it (the officer may choose it, with a reason).
        var ranked = Rank(120, Candidate("a", 90m, amount: 100), Candidate("b", 80m, amount: 50), Candidate("c", 70m, amount: 10));

        Assert.Equal([true, false, false], ranked.Entries.Select(e => e.AboveCut));
    }

    [Fact]
    public void Rank_NoMoneyGiven_EveryLineAboveTheCut()
    {
        var ranked = Ranking.Rank([Candidate("a", 90m, amount: 1_000_000_000), Candidate("b", 80m, amount: 1_000_000_000)], Ranking.RuleFor(FundingSource.National), null);

        Assert.All(ranked.Entries, e => Assert.True(e.AboveCut));
    }

    [Fact]
    public void Rank_NoCandidates_EmptyList()
    {
        var ranked = Rank(1_000);

        Assert.Empty(ranked.Entries);
        Assert.Equal(0, ranked.CutTotal);
    }

    [Theory]
    [InlineData(FundingSource.Local, 1)]
    [InlineData(FundingSource.National, 2)]
    public void RuleFor_AnySource_ScoreThenSubmissionTimeWithWhatTheLawNamesShownAsNotApplied(FundingSource source, int notApplied)
    {
        var rule = Ranking.RuleFor(source);

        Assert.Equal(["score", "submitted-at"], rule.Steps.Select(s => s.Code));
        Assert.All(rule.Steps, s => Assert.False(s.FromLaw));
        Assert.Contains("không phải quy định pháp luật", rule.Steps[1].Basis.Vietnamese, StringComparison.Ordinal);
        Assert.Equal(notApplied, rule.NotApplied.Count);
        Assert.Contains("235/2025/NĐ-CP", rule.NotApplied[0].Vietnamese, StringComparison.Ordinal);
    }
}
