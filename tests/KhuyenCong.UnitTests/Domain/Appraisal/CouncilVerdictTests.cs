using KhuyenCong.Domain.Appraisal;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.UnitTests.Domain.Appraisal;

public class CouncilVerdictTests
{
    private static readonly Rubric Rubric = DefaultRubric.Create();

    /// <summary>A sheet for the default rubric: necessity, feasibility, capacity, impact, sustainability.</summary>
    private static ReviewScore Sheet(string reviewer, int necessity, int feasibility, int capacity, int impact, int sustainability, Recommendation recommendation = Recommendation.Approve) =>
        new(reviewer, new Dictionary<string, int>
        {
            ["necessity"] = necessity,
            ["feasibility"] = feasibility,
            ["capacity"] = capacity,
            ["impact"] = impact,
            ["sustainability"] = sustainability,
        }, recommendation);

    private static Verdict Evaluate(params ReviewScore[] scores)
    {
        var outcome = CouncilVerdict.Evaluate(Rubric, scores);
        Assert.True(outcome.IsValid, string.Join("; ", outcome.Problems.Select(p => p.Reason.En)));
        return outcome.Verdict!;
    }

    [Fact]
    public void Evaluate_AverageExactly70_Passes()
    {
        // 70, 71, 69: average exactly 70.
        var verdict = Evaluate(Sheet("a", 14, 18, 14, 17, 7), Sheet("b", 15, 18, 14, 17, 7), Sheet("c", 13, 18, 14, 17, 7));

        Assert.True(verdict.Passed);
        Assert.Equal(70m, verdict.AverageTotal);
        Assert.Empty(verdict.FailingReasons);
        Assert.Equal(Recommendation.Approve, verdict.Recommendation);
        Assert.Equal([70, 71, 69], verdict.ReviewerTotals.Select(t => t.Total));
    }

    [Fact]
    public void Evaluate_Average69_FailsWithReasonInBothLanguages()
    {
        var verdict = Evaluate(Sheet("a", 14, 18, 14, 16, 7), Sheet("b", 14, 18, 14, 16, 7));

        Assert.False(verdict.Passed);
        Assert.Equal(69m, verdict.AverageTotal);
        var reason = Assert.Single(verdict.FailingReasons);
        Assert.Equal("below-pass-mark", reason.Code);
        Assert.Contains("thấp hơn điểm đạt 70", reason.Vi, StringComparison.Ordinal);
        Assert.Contains("below the pass mark of 70", reason.En, StringComparison.Ordinal);
        Assert.Equal(Recommendation.Reject, verdict.Recommendation);
    }

    [Fact]
    public void Evaluate_AverageJustBelow70ThatRoundsTo70_Fails()
    {
        // 70 + 70 + 69 = 209: 69.67 exactly is below 70 (the check is exact, not on the rounded average).
        var verdict = Evaluate(Sheet("a", 14, 18, 14, 17, 7), Sheet("b", 14, 18, 14, 17, 7), Sheet("c", 13, 18, 14, 17, 7));

        Assert.False(verdict.Passed);
        Assert.Equal(69.67m, verdict.AverageTotal);
    }

    [Fact]
    public void Evaluate_CriterionScoredZeroByTwoOfThree_FailsDespiteHighAverage()
    {
        // Totals 90, 90, 100: average 93.33, but sustainability has 0 from two reviewers.
        var verdict = Evaluate(Sheet("a", 20, 25, 20, 25, 0), Sheet("b", 20, 25, 20, 25, 0), Sheet("c", 20, 25, 20, 25, 10));

        Assert.False(verdict.Passed);
        Assert.True(verdict.AverageTotal > 90m);
        var reason = Assert.Single(verdict.FailingReasons);
        Assert.Equal("criterion-zeroed", reason.Code);
        Assert.Contains("Tính bền vững và bảo vệ môi trường", reason.Vi, StringComparison.Ordinal);
        Assert.Contains("2/3", reason.En, StringComparison.Ordinal);
        Assert.Equal(Recommendation.Reject, verdict.Recommendation);
        Assert.Equal(2, verdict.CriterionAverages.Single(c => c.Code == "sustainability").ZeroCount);
    }

    [Fact]
    public void Evaluate_CriterionScoredZeroByOneOfThree_StillPasses()
    {
        var verdict = Evaluate(Sheet("a", 20, 25, 20, 25, 0), Sheet("b", 20, 25, 20, 25, 5), Sheet("c", 20, 25, 20, 25, 10));

        Assert.True(verdict.Passed);
        Assert.Equal(1, verdict.CriterionAverages.Single(c => c.Code == "sustainability").ZeroCount);
    }

    [Fact]
    public void Evaluate_ThreeSheets_AveragesPerCriterionRoundedToTwoDecimals()
    {
        var verdict = Evaluate(Sheet("a", 20, 25, 20, 25, 10), Sheet("b", 19, 20, 15, 20, 8), Sheet("c", 18, 20, 15, 20, 8));

        Assert.Equal([19m, 21.67m, 16.67m, 21.67m, 8.67m], verdict.CriterionAverages.Select(c => c.Average));
        Assert.Equal(Rubric.Id, verdict.RubricId);
        Assert.Equal(Rubric.Version, verdict.RubricVersion);
    }

    [Theory]
    [InlineData("approve,approve,reject", true, Recommendation.Approve)]
    [InlineData("approve,approve,revise", false, Recommendation.Reject)]
    [InlineData("approve,revise,revise", true, Recommendation.Revise)]
    [InlineData("revise,revise,reject", false, Recommendation.Revise)]
    [InlineData("approve,revise,reject", true, Recommendation.Revise)]
    [InlineData("approve,approve,revise,revise", true, Recommendation.Revise)]
    [InlineData("reject,reject,revise,revise", false, Recommendation.Revise)]
    [InlineData("approve,approve,reject,reject", true, Recommendation.Reject)]
    [InlineData("approve,reject,reject", true, Recommendation.Reject)]
    [InlineData("approve", true, Recommendation.Approve)]
    public void Recommend_Tally_FollowsTheMajorityRule(string votes, bool passed, Recommendation expected)
    {
        var list = votes.Split(',').Select(v => RecommendationCodes.TryParse(v, out var r) ? r : throw new ArgumentException(v)).ToList();
        var tally = new RecommendationTally(list.Count(r => r == Recommendation.Approve), list.Count(r => r == Recommendation.Revise), list.Count(r => r == Recommendation.Reject));

        Assert.Equal(expected, CouncilVerdict.Recommend(passed, tally));
    }

    [Fact]
    public void Recommend_TieGoesToRejectInRules_TieRejects() =>
        Assert.Equal(Recommendation.Reject, CouncilVerdict.Recommend(true, new RecommendationTally(1, 1, 1), new CouncilRules(TieGoesTo: Recommendation.Reject)));

    [Fact]
    public void Evaluate_PassedWithMajorityRevise_RecommendsRevise()
    {
        var verdict = Evaluate(
            Sheet("a", 20, 25, 20, 25, 10, Recommendation.Revise),
            Sheet("b", 20, 25, 20, 25, 10, Recommendation.Revise),
            Sheet("c", 20, 25, 20, 25, 10, Recommendation.Approve));

        Assert.True(verdict.Passed);
        Assert.Equal(Recommendation.Revise, verdict.Recommendation);
        Assert.Equal(new RecommendationTally(1, 2, 0), verdict.Tally);
    }

    [Fact]
    public void Evaluate_PointsAboveMax_RejectedWithProblemForTheCriterion()
    {
        var outcome = CouncilVerdict.Evaluate(Rubric, [Sheet("a", 21, 25, 20, 25, 10)]);

        Assert.False(outcome.IsValid);
        var problem = Assert.Single(outcome.Problems);
        Assert.Equal(("a", "necessity", "points-out-of-range"), (problem.ReviewerId, problem.CriterionCode, problem.Reason.Code));
        Assert.Contains("từ 0 đến 20", problem.Reason.Text(Language.Vietnamese), StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_NegativePoints_Rejected() =>
        Assert.Contains(CouncilVerdict.Evaluate(Rubric, [Sheet("a", -1, 25, 20, 25, 10)]).Problems, p => p.Reason.Code == "points-out-of-range");

    [Fact]
    public void Evaluate_MissingAndUnknownCriteria_Rejected()
    {
        var sheet = new ReviewScore("a", new Dictionary<string, int> { ["necessity"] = 10, ["feasibility"] = 10, ["capacity"] = 10, ["impact"] = 10, ["beauty"] = 5 }, Recommendation.Approve);

        var outcome = CouncilVerdict.Evaluate(Rubric, [sheet]);

        Assert.Null(outcome.Verdict);
        Assert.Contains(outcome.Problems, p => p.Reason.Code == "criterion-missing" && p.CriterionCode == "sustainability");
        Assert.Contains(outcome.Problems, p => p.Reason.Code == "unknown-criterion" && p.CriterionCode == "beauty");
    }

    [Fact]
    public void Evaluate_SameReviewerTwice_Rejected() =>
        Assert.Contains(
            CouncilVerdict.Evaluate(Rubric, [Sheet("a", 20, 25, 20, 25, 10), Sheet("A", 20, 25, 20, 25, 10)]).Problems,
            p => p.Reason.Code == "reviewer-duplicate");

    [Fact]
    public void Evaluate_NoSheets_Rejected() =>
        Assert.Equal("no-scores", Assert.Single(CouncilVerdict.Evaluate(Rubric, []).Problems).Reason.Code);

    [Fact]
    public void Evaluate_CriterionCodesInOtherCase_Accepted()
    {
        var sheet = new ReviewScore("a", new Dictionary<string, int> { ["NECESSITY"] = 20, ["Feasibility"] = 25, ["capacity"] = 20, ["impact"] = 25, ["sustainability"] = 10 }, Recommendation.Approve);

        Assert.Equal(100m, Evaluate(sheet).AverageTotal);
    }

    [Fact]
    public void ValidateScore_ValidSheet_NoProblems() =>
        Assert.Empty(CouncilVerdict.ValidateScore(Rubric, Sheet("a", 0, 0, 0, 0, 0)));

    [Fact]
    public void ValidateScore_UndefinedRecommendation_Rejected() =>
        Assert.Contains(CouncilVerdict.ValidateScore(Rubric, Sheet("a", 1, 1, 1, 1, 1, (Recommendation)42)), p => p.Reason.Code == "recommendation-invalid");
}
