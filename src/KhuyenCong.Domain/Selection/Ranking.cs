using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Domain.Selection;

/// <summary>
/// An appraised proposal as the ranking sees it: the council's average score, when it was submitted, the support it
/// requested, and the most that may be given (<paramref name="MaxAmount"/>: the request, within the cap in force on
/// the day it was submitted), which is the amount a default selection gives it.
/// </summary>
public sealed record RankingCandidate(string ProposalId, decimal Average, DateTimeOffset SubmittedAt, long Requested, long MaxAmount);

/// <summary>
/// One step of the order: a proposal with a higher <see cref="Key"/> comes first. <see cref="Rule"/> says it in words
/// for the page; <see cref="Basis"/> names where it comes from, and <see cref="FromLaw"/> whether that is a legal text
/// (false: a rule of this system, said so on the page).
/// </summary>
public sealed record TieBreak(string Code, Bilingual Rule, Bilingual Basis, bool FromLaw, Func<RankingCandidate, decimal> Key);

/// <summary>The order of a ranking, as data: its steps in order, and the priorities the law names that it does not apply (shown on the page, with why).</summary>
public sealed record RankingRule(FundingSource FundingSource, IReadOnlyList<TieBreak> Steps, IReadOnlyList<Bilingual> NotApplied);

/// <summary>One line of a ranking.</summary>
/// <param name="Rank">1 for the first.</param>
/// <param name="RunningTotal">The default amounts (<see cref="RankingCandidate.MaxAmount"/>) of this line and every line above it.</param>
/// <param name="AboveCut">True when the default selection takes it: the running total is within the money available (no money given: always).</param>
/// <param name="PlacedBy">The code of the step that put it below the line above (null for the first line; "id" when every step ties).</param>
public sealed record RankedEntry(int Rank, RankingCandidate Candidate, long RunningTotal, bool AboveCut, string? PlacedBy);

/// <summary>A call's ranking: the rule applied, the money available (null: not limited here), the lines.</summary>
public sealed record RankedList(RankingRule Rule, long? Available, IReadOnlyList<RankedEntry> Entries)
{
    /// <summary>The default selection's total: the lines above the cut.</summary>
    public long CutTotal => Entries.Where(e => e.AboveCut).Sum(e => e.Candidate.MaxAmount);
}

/// <summary>
/// The ranking of a call's appraised proposals (issue 13 line 3), pure: by the council's average score, highest first;
/// then by submission time, earlier first (a rule of this system, not of law); then by id, so the order is total.
/// No tie-break rule for the province's ranking was found in the law (docs/legal/cycle-reports-documents.md F2.4, F2.8):
/// Decree 235/2025/NĐ-CP gives "special priority" to establishments owned by women or ethnic-minority people (news
/// reports only; the article and its wording were not found, and proposals do not record ownership), and Circular
/// 36/2013/TT-BCT Điều 7 lists the Ministry's priorities when it assigns the national plan (đề án điểm, sectors and
/// areas, the more experienced unit: F1.6), none of which proposals record. Both are shown on the page as not applied.
/// The cut: lines are taken in order while their running total stays within the money available; the first line that
/// does not fit and every line after it are below the cut (the officer may still choose one of them, with a reason).
/// </summary>
public static class Ranking
{
    private static readonly TieBreak Score = new("score",
        new("Điểm bình quân của hội đồng thẩm định, từ cao xuống thấp", "The appraisal council's average score, highest first"),
        new("Kết quả thẩm định của hội đồng", "The council's appraisal"), false, c => c.Average);

    private static readonly TieBreak Earlier = new("submitted-at",
        new("Bằng điểm: nộp hồ sơ sớm hơn xếp trước", "Equal scores: submitted earlier first"),
        new("Quy tắc của hệ thống, không phải quy định pháp luật", "A rule of this system, not of law"), false,
        c => -c.SubmittedAt.UtcTicks);

    private static readonly Bilingual Decree235Owners = new(
        "Nghị định 235/2025/NĐ-CP ưu tiên đặc biệt cơ sở do phụ nữ, người dân tộc thiểu số làm chủ: chưa áp dụng khi xếp bằng điểm (chưa đối chiếu được điều khoản; hồ sơ chưa ghi thông tin này).",
        "Decree 235/2025/NĐ-CP gives special priority to establishments owned by women or ethnic-minority people: not applied to ties (the article is not checked; proposals do not record ownership).");

    private static readonly Bilingual Circular36Priorities = new(
        "Điều 7 Thông tư 36/2013/TT-BCT (đề án điểm, ngành nghề, địa bàn ưu tiên, đơn vị có kinh nghiệm hơn) là tiêu chí Bộ Công Thương xét khi giao kế hoạch: chưa áp dụng (hồ sơ chưa ghi các thông tin này).",
        "Circular 36/2013/TT-BCT art. 7 (pilot đề án, priority sectors and areas, the more experienced unit) is what the Ministry weighs when it assigns the plan: not applied (proposals do not record these facts).");

    /// <summary>The rule for a funding source: score, then submission time, with what the law names that is not applied.</summary>
    public static RankingRule RuleFor(FundingSource source) =>
        new(source, [Score, Earlier], source == FundingSource.National ? [Decree235Owners, Circular36Priorities] : [Decree235Owners]);

    /// <summary>Orders <paramref name="candidates"/> by <paramref name="rule"/> and cuts at <paramref name="available"/> (null: no cut).</summary>
    public static RankedList Rank(IEnumerable<RankingCandidate> candidates, RankingRule rule, long? available)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(rule);
        var ordered = candidates.ToList();
        ordered.Sort((a, b) => Compare(rule, a, b));
        var entries = new List<RankedEntry>(ordered.Count);
        long total = 0;
        var cut = false;
        for (var i = 0; i < ordered.Count; i++)
        {
            var candidate = ordered[i];
            total += candidate.MaxAmount;
            cut |= available is { } money && total > money;
            entries.Add(new RankedEntry(i + 1, candidate, total, !cut, i == 0 ? null : PlacedBy(rule, ordered[i - 1], candidate)));
        }

        return new RankedList(rule, available, entries);
    }

    private static int Compare(RankingRule rule, RankingCandidate a, RankingCandidate b)
    {
        foreach (var step in rule.Steps)
        {
            var order = step.Key(b).CompareTo(step.Key(a));
            if (order != 0)
            {
                return order;
            }
        }

        return string.CompareOrdinal(a.ProposalId, b.ProposalId);
    }

    private static string PlacedBy(RankingRule rule, RankingCandidate above, RankingCandidate below) =>
        rule.Steps.FirstOrDefault(s => s.Key(above) != s.Key(below))?.Code ?? "id";
}
