using System.Globalization;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Domain.Appraisal;

/// <summary>What a reviewer recommends for a proposal.</summary>
public enum Recommendation
{
    Approve,
    Reject,
    Revise,
}

/// <summary>Wire codes of <see cref="Recommendation"/> ("approve", "reject", "revise").</summary>
public static class RecommendationCodes
{
    public static string ToCode(this Recommendation recommendation) => recommendation switch
    {
        Recommendation.Approve => "approve",
        Recommendation.Reject => "reject",
        Recommendation.Revise => "revise",
        _ => throw new ArgumentOutOfRangeException(nameof(recommendation), recommendation, null),
    };

    public static bool TryParse(string? code, out Recommendation recommendation)
    {
        foreach (var candidate in (Recommendation[])[Recommendation.Approve, Recommendation.Reject, Recommendation.Revise])
        {
            if (string.Equals(candidate.ToCode(), code?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                recommendation = candidate;
                return true;
            }
        }

        recommendation = default;
        return false;
    }
}

/// <summary>One council member's score sheet: points by criterion code, a recommendation and an optional comment.</summary>
public sealed record ReviewScore(string ReviewerId, IReadOnlyDictionary<string, int> Points, Recommendation Recommendation, string? Comment = null);

/// <summary>A text in both languages, with a stable code for clients and tests.</summary>
public sealed record LocalizedReason(string Code, string Vi, string En)
{
    public string Text(Language language) => language == Language.English ? En : Vi;
}

/// <summary>A problem with one score sheet (or with the set of sheets when <see cref="ReviewerId"/> is null).</summary>
public sealed record ScoreProblem(string? ReviewerId, string? CriterionCode, LocalizedReason Reason);

/// <summary>One reviewer's total.</summary>
public sealed record ReviewerTotal(string ReviewerId, int Total, Recommendation Recommendation);

/// <summary>The council's average for one criterion, and how many reviewers gave it 0.</summary>
public sealed record CriterionAverage(string Code, decimal Average, int MaxPoints, int ZeroCount);

/// <summary>How many reviewers recommended each outcome.</summary>
public sealed record RecommendationTally(int Approve, int Revise, int Reject)
{
    public int Total => Approve + Revise + Reject;
}

/// <summary>
/// The council's conclusion on a proposal. <see cref="AverageTotal"/> and the criterion averages are rounded to two
/// decimals for display; <see cref="Passed"/> is decided on the exact average.
/// </summary>
public sealed record Verdict(
    string RubricId,
    int RubricVersion,
    bool Passed,
    Recommendation Recommendation,
    decimal AverageTotal,
    int PassMark,
    IReadOnlyList<ReviewerTotal> ReviewerTotals,
    IReadOnlyList<CriterionAverage> CriterionAverages,
    RecommendationTally Tally,
    IReadOnlyList<LocalizedReason> FailingReasons);

/// <summary>Either a <see cref="Verdict"/> or the problems of the score sheets that prevented one.</summary>
public sealed record VerdictOutcome(Verdict? Verdict, IReadOnlyList<ScoreProblem> Problems)
{
    public bool IsValid => Verdict is not null;
}

/// <summary>
/// The knobs of the council rule, kept as data so that a decision of the Centre can change them without touching the
/// algorithm: the share of reviewers that may give a criterion 0 points (at most one third by default) and the outcome
/// of a tie between recommendations (revise by default).
/// </summary>
/// <param name="ZeroShareNumerator">With <paramref name="ZeroShareDenominator"/>: the largest share of reviewers that may score a criterion 0.</param>
/// <param name="ZeroShareDenominator">See <paramref name="ZeroShareNumerator"/>.</param>
/// <param name="TieGoesTo">The recommendation when no recommendation has a majority and revise is tied for the most votes.</param>
public sealed record CouncilRules(int ZeroShareNumerator = 1, int ZeroShareDenominator = 3, Recommendation TieGoesTo = Recommendation.Revise)
{
    public static CouncilRules Default { get; } = new();
}

/// <summary>
/// Combines the council's score sheets into a verdict. Pure: same sheets, same verdict.
/// </summary>
/// <remarks>
/// <para>Scores: every sheet must score every criterion of the rubric (no unknown codes), each between 0 and the
/// criterion's maximum; reviewer ids must be unique; at least one sheet.</para>
/// <para>Passing: the average total (the sum of the reviewers' totals divided by their number) is at least the pass
/// mark, AND no criterion was scored 0 by more than a third of the reviewers (a proposal that fails a whole criterion
/// in the eyes of several reviewers does not pass on the strength of the others).</para>
/// <para>Recommendation, in this order: (1) approve when the proposal passed and more than half of the reviewers
/// recommend approve; (2) revise when more than half recommend revise; (3) revise when no recommendation has more than
/// half and revise is tied for the most votes (<see cref="CouncilRules.TieGoesTo"/>); (4) otherwise reject. A
/// proposal that failed is therefore never approved, even when the reviewers recommended it, and a tie between approve
/// and reject alone (revise not among the most votes) is a reject.</para>
/// </remarks>
public static class CouncilVerdict
{
    /// <summary>The problems of one score sheet against a rubric (empty when it is valid).</summary>
    public static IReadOnlyList<ScoreProblem> ValidateScore(Rubric rubric, ReviewScore score)
    {
        ArgumentNullException.ThrowIfNull(rubric);
        ArgumentNullException.ThrowIfNull(score);
        var problems = new List<ScoreProblem>();
        var reviewer = score.ReviewerId;
        if (string.IsNullOrWhiteSpace(reviewer))
        {
            problems.Add(new ScoreProblem(reviewer, null, new LocalizedReason("reviewer-missing",
                "Phiếu chấm thiếu mã thành viên hội đồng.", "The score sheet has no reviewer id.")));
        }

        var points = score.Points ?? new Dictionary<string, int>();
        problems.AddRange(UnknownCriteria(rubric, points, reviewer));
        problems.AddRange(rubric.Criteria
            .Select(criterion => CriterionProblem(criterion, points, reviewer))
            .OfType<ScoreProblem>());

        if (!Enum.IsDefined(score.Recommendation))
        {
            problems.Add(new ScoreProblem(reviewer, null, new LocalizedReason("recommendation-invalid",
                "Kiến nghị phải là approve, revise hoặc reject.", "The recommendation must be approve, revise or reject.")));
        }

        return problems;
    }

    /// <summary>A problem for each scored code the rubric does not have.</summary>
    private static IEnumerable<ScoreProblem> UnknownCriteria(Rubric rubric, IReadOnlyDictionary<string, int> points, string? reviewer) =>
        points.Keys
            .Where(key => rubric.Find(key) is null)
            .Select(key => new ScoreProblem(reviewer, key, new LocalizedReason("unknown-criterion",
                $"Tiêu chí \"{key}\" không có trong thang điểm.", $"The criterion \"{key}\" is not in the rubric.")));

    /// <summary>The problem of one criterion of the rubric: not scored, scored twice, or out of 0..max; null when fine.</summary>
    private static ScoreProblem? CriterionProblem(RubricCriterion criterion, IReadOnlyDictionary<string, int> points, string? reviewer)
    {
        var given = points.Where(p => string.Equals(p.Key.Trim(), criterion.Code, StringComparison.OrdinalIgnoreCase)).ToList();
        if (given.Count == 0)
        {
            return new ScoreProblem(reviewer, criterion.Code, new LocalizedReason("criterion-missing",
                $"Chưa chấm tiêu chí \"{criterion.NameVi}\".", $"The criterion \"{criterion.NameEn}\" is not scored."));
        }

        if (given.Count > 1)
        {
            return new ScoreProblem(reviewer, criterion.Code, new LocalizedReason("criterion-duplicate",
                $"Tiêu chí \"{criterion.NameVi}\" được chấm nhiều lần.", $"The criterion \"{criterion.NameEn}\" is scored more than once."));
        }

        if (given[0].Value < 0 || given[0].Value > criterion.MaxPoints)
        {
            var max = criterion.MaxPoints.ToString(CultureInfo.InvariantCulture);
            return new ScoreProblem(reviewer, criterion.Code, new LocalizedReason("points-out-of-range",
                $"Điểm tiêu chí \"{criterion.NameVi}\" phải từ 0 đến {max}.", $"The points for \"{criterion.NameEn}\" must be between 0 and {max}."));
        }

        return null;
    }

    /// <summary>Validates every sheet, then combines them (see the remarks of <see cref="CouncilVerdict"/>).</summary>
    public static VerdictOutcome Evaluate(Rubric rubric, IReadOnlyList<ReviewScore> scores, CouncilRules? rules = null)
    {
        ArgumentNullException.ThrowIfNull(rubric);
        ArgumentNullException.ThrowIfNull(scores);
        rules ??= CouncilRules.Default;
        var problems = SheetProblems(rubric, scores);
        if (problems.Count > 0)
        {
            return new VerdictOutcome(null, problems);
        }

        var n = scores.Count;
        var totals = scores.Select(s => new ReviewerTotal(s.ReviewerId.Trim(), rubric.Criteria.Sum(c => PointsOf(s, c)), s.Recommendation)).ToList();
        var sum = totals.Sum(t => t.Total);
        var averages = rubric.Criteria.Select(c => new CriterionAverage(
            c.Code,
            Round((decimal)scores.Sum(s => PointsOf(s, c)) / n),
            c.MaxPoints,
            scores.Count(s => PointsOf(s, c) == 0))).ToList();
        var averageTotal = Round((decimal)sum / n);
        var reasons = BelowPassMark(rubric, sum, n, averageTotal).Concat(ZeroedCriteria(rubric, averages, n, rules)).ToList();
        var passed = reasons.Count == 0;
        var tally = new RecommendationTally(
            totals.Count(t => t.Recommendation == Recommendation.Approve),
            totals.Count(t => t.Recommendation == Recommendation.Revise),
            totals.Count(t => t.Recommendation == Recommendation.Reject));
        var recommendation = Recommend(passed, tally, rules);
        return new VerdictOutcome(
            new Verdict(rubric.Id, rubric.Version, passed, recommendation, averageTotal, rubric.PassMark, totals, averages, tally, reasons),
            []);
    }

    /// <summary>The problems of the sheets together: none at all, a reviewer with two sheets, and each sheet's own.</summary>
    private static List<ScoreProblem> SheetProblems(Rubric rubric, IReadOnlyList<ReviewScore> scores)
    {
        var problems = new List<ScoreProblem>();
        if (scores.Count == 0)
        {
            problems.Add(new ScoreProblem(null, null, new LocalizedReason("no-scores",
                "Chưa có phiếu chấm nào.", "There are no score sheets.")));
        }

        foreach (var duplicate in scores.GroupBy(s => s.ReviewerId?.Trim() ?? string.Empty, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            problems.Add(new ScoreProblem(duplicate.Key, null, new LocalizedReason("reviewer-duplicate",
                "Một thành viên hội đồng có nhiều phiếu chấm.", "A reviewer has more than one score sheet.")));
        }

        foreach (var score in scores)
        {
            problems.AddRange(ValidateScore(rubric, score));
        }

        return problems;
    }

    private static int PointsOf(ReviewScore s, RubricCriterion c) =>
        s.Points.First(p => string.Equals(p.Key.Trim(), c.Code, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>The reason to fail when the average total is below the pass mark.</summary>
    private static IEnumerable<LocalizedReason> BelowPassMark(Rubric rubric, int sum, int n, decimal averageTotal)
    {
        // Exact comparison in integers: sum / n >= pass mark  <=>  sum >= pass mark * n.
        if (sum < (long)rubric.PassMark * n)
        {
            yield return new LocalizedReason("below-pass-mark",
                $"Điểm trung bình {DisplayFormat.Percent(averageTotal, Language.Vietnamese)} thấp hơn điểm đạt {rubric.PassMark.ToString(CultureInfo.InvariantCulture)}.",
                $"The average score {DisplayFormat.Percent(averageTotal, Language.English)} is below the pass mark of {rubric.PassMark.ToString(CultureInfo.InvariantCulture)}.");
        }
    }

    /// <summary>A reason to fail for each criterion scored 0 by more than the rules' share of the reviewers.</summary>
    private static IEnumerable<LocalizedReason> ZeroedCriteria(Rubric rubric, List<CriterionAverage> averages, int n, CouncilRules rules)
    {
        foreach (var (criterion, average) in rubric.Criteria.Zip(averages))
        {
            // More than numerator/denominator of the reviewers:  zeros / n > num / den  <=>  zeros * den > num * n.
            if ((long)average.ZeroCount * rules.ZeroShareDenominator > (long)rules.ZeroShareNumerator * n)
            {
                var share = $"{average.ZeroCount.ToString(CultureInfo.InvariantCulture)}/{n.ToString(CultureInfo.InvariantCulture)}";
                yield return new LocalizedReason("criterion-zeroed",
                    $"Tiêu chí \"{criterion.NameVi}\" bị {share} thành viên hội đồng chấm 0 điểm (quá {Share(rules, Language.Vietnamese)} số thành viên).",
                    $"{share} reviewers scored \"{criterion.NameEn}\" 0 points (more than {Share(rules, Language.English)} of the reviewers).");
            }
        }
    }

    /// <summary>The council's recommendation from the tally (see the remarks of <see cref="CouncilVerdict"/>).</summary>
    public static Recommendation Recommend(bool passed, RecommendationTally tally, CouncilRules? rules = null)
    {
        ArgumentNullException.ThrowIfNull(tally);
        rules ??= CouncilRules.Default;
        var n = tally.Total;
        bool Majority(int votes) => votes * 2 > n;
        if (passed && Majority(tally.Approve))
        {
            return Recommendation.Approve;
        }

        if (Majority(tally.Revise))
        {
            return Recommendation.Revise;
        }

        var most = Math.Max(tally.Approve, Math.Max(tally.Revise, tally.Reject));
        var tied = new[] { tally.Approve, tally.Revise, tally.Reject }.Count(v => v == most) > 1;
        var noMajority = !Majority(tally.Approve) && !Majority(tally.Reject);
        if (noMajority && tied && tally.Revise == most && n > 0)
        {
            return rules.TieGoesTo;
        }

        return Recommendation.Reject;
    }

    private static string Share(CouncilRules rules, Language language) => (rules.ZeroShareNumerator, rules.ZeroShareDenominator, language) switch
    {
        (1, 3, Language.English) => "a third",
        (1, 3, _) => "một phần ba",
        (1, 2, Language.English) => "half",
        (1, 2, _) => "một nửa",
        _ => $"{rules.ZeroShareNumerator.ToString(CultureInfo.InvariantCulture)}/{rules.ZeroShareDenominator.ToString(CultureInfo.InvariantCulture)}",
    };

    private static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}
