using System.Globalization;
using KhuyenCong.Application.Appraisal;
using KhuyenCong.Application.Calls;
using KhuyenCong.Application.Councils;
using KhuyenCong.Application.Proposals;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Councils;
using KhuyenCong.Domain.Documents;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Selection;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Application.Documents.Kinds;

/// <summary>
/// The minutes of the council's session (biên bản họp hội đồng thẩm định), Decree 30/2020 model 1.9 "Biên bản": who
/// was present against the quorum, each member's total score for each proposal (the submitted score sheets of the
/// round the session concluded), each proposal's average, its rank (<see cref="Ranking"/>: average, then submission
/// time) and the council's verdict. Its facts exist once the session is recorded; dated the session's day, numbered in
/// the year's "BB" series of the Sở; signed by the chair and the secretary.
/// </summary>
public sealed class CouncilMinutesDocument(ICouncilStore councils, ICallStore calls, IReviewerRoster roster, IProposalRepository proposals, IProposalCaseStore cases)
    : IDocumentKind
{
    public const string Code = "council-minutes";

    public DocumentKindInfo Info { get; } = new(Code, "BB", "Biên bản họp hội đồng thẩm định", "Minutes of the appraisal council",
        "bien-ban-hop-hoi-dong", IssuerRole.Department, DocumentSubject.Council);

    public PlaceholderSet Placeholders { get; } = new(
        CycleFacts.Council("council.decisionNumber", "council.chairName", "council.secretaryName")
            .Append(new("session.date", true, "Ngày họp hội đồng (dd/MM/yyyy)", "20/10/2026"))
            .Append(new("session.longDate", false, "Ngày họp, dạng \"ngày 20 tháng 10 năm 2026\"", "ngày 20 tháng 10 năm 2026"))
            .Append(new("session.present", true, "Số thành viên có mặt trên tổng số", "4/5"))
            .Append(new("session.presentNames", false, "Các thành viên có mặt", "Nguyễn Văn An, Lê Thị Hoa, …"))
            .Append(new("session.absentNames", false, "Các thành viên vắng mặt (\"không có\" khi đủ)", "Trần Văn Bình"))
            .Append(new("session.passed", false, "Số đề án đạt", "3"))
            .Append(new("session.failed", false, "Số đề án không đạt", "1")),
        [
            new("scores", true, "Điểm của từng thành viên cho từng đề án (mỗi thành viên, mỗi đề án một hàng)",
            [
                new("index", false, "Số thứ tự", "1"),
                new("title", true, "Tên đề án", "Mô hình trình diễn máy cắt CNC"),
                new("member", true, "Thành viên chấm điểm", "Nguyễn Văn An"),
                new("total", true, "Tổng điểm của thành viên", "85"),
                new("maxTotal", false, "Điểm tối đa", "100"),
            ]),
            new("results", true, "Kết quả: điểm bình quân, xếp hạng và kết luận của hội đồng (mỗi đề án một hàng)",
            [
                new("rank", true, "Thứ hạng", "1"),
                new("title", true, "Tên đề án", "Mô hình trình diễn máy cắt CNC"),
                new("establishment", false, "Cơ sở", "Công ty TNHH Cơ khí Phố Nối"),
                new("average", true, "Điểm bình quân", "85,5"),
                new("verdict", true, "Kết luận của hội đồng", "Đạt"),
            ]),
        ]);

    public async Task<DocumentFacts> GatherAsync(string subjectId, CancellationToken cancellationToken)
    {
        if (await councils.GetAsync(subjectId, cancellationToken) is not { } council)
        {
            return DocumentRefusal.UnknownCouncil;
        }

        if (await councils.SessionOfAsync(council.Id, cancellationToken) is not { } session)
        {
            return DocumentRefusal.Stage(
                "Hội đồng chưa họp: chưa có phiên họp được ghi nhận để lập biên bản.",
                "The council has not met: no session is recorded to draw up minutes of.");
        }

        var members = await CycleFacts.MembersAsync(council, roster, cancellationToken);
        var appraised = await AppraisedAsync(council, cancellationToken);
        var values = (await CycleFacts.CouncilValuesAsync(council, members, calls, cancellationToken))
            .Merge(SessionValues(session, members, appraised))
            .SetRows("scores", Scores(appraised))
            .SetRows("results", Results(appraised));
        return new DocumentContent(session.HeldOn, null, values);
    }

    /// <summary>One concluded proposal: the proposal, what the council concluded, and the submitted reviews of that round.</summary>
    private sealed record Appraised(Proposal Proposal, ProposalConclusion Conclusion, IReadOnlyList<ReviewRecord> Reviews);

    private async Task<IReadOnlyList<Appraised>> AppraisedAsync(Council council, CancellationToken cancellationToken)
    {
        var found = new List<Appraised>();
        foreach (var conclusion in await councils.ConclusionsAsync(council.Id, cancellationToken))
        {
            if (await proposals.GetAsync(conclusion.ProposalId, cancellationToken) is { } proposal)
            {
                var reviews = (await cases.GetAsync(proposal.Id, cancellationToken)).ReviewsOf(conclusion.Conclusion.Round)
                    .Where(r => r.State == ReviewState.Submitted).ToList();
                found.Add(new Appraised(proposal, conclusion, reviews));
            }
        }

        return found;
    }

    private static DocumentValues SessionValues(CouncilSession session, IReadOnlyList<CouncilMember> members, IReadOnlyList<Appraised> appraised)
    {
        var present = members.Where(m => session.PresentMemberIds.Contains(m.Id, StringComparer.Ordinal)).ToList();
        var absent = members.Except(present).Select(m => m.Name).ToList();
        var passed = appraised.Count(a => a.Conclusion.Conclusion.Passed);
        return new DocumentValues()
            .Set("session.date", OfficialFormat.ShortDate(session.HeldOn))
            .Set("session.longDate", OfficialFormat.LongDate(session.HeldOn))
            .Set("session.present", string.Create(CultureInfo.InvariantCulture, $"{present.Count}/{members.Count}"))
            .Set("session.presentNames", string.Join(", ", present.Select(m => m.Name)))
            .Set("session.absentNames", absent.Count == 0 ? "không có" : string.Join(", ", absent))
            .Set("session.passed", passed.ToString(CultureInfo.InvariantCulture))
            .Set("session.failed", (appraised.Count - passed).ToString(CultureInfo.InvariantCulture));
    }

    private static List<IReadOnlyDictionary<string, string>> Scores(IReadOnlyList<Appraised> appraised) =>
        appraised.SelectMany(a => a.Reviews.OrderBy(r => r.ReviewerName, StringComparer.Ordinal).Select(r => (a, r)))
            .Select((x, i) => CycleFacts.Row(("index", CycleFacts.Index(i)), ("title", x.a.Proposal.Submission.Title), ("member", x.r.ReviewerName),
                ("total", (x.r.Total ?? 0).ToString(CultureInfo.InvariantCulture)), ("maxTotal", x.a.Conclusion.MaxTotal.ToString(CultureInfo.InvariantCulture))))
            .ToList();

    /// <summary>Every concluded proposal ranked as the selection ranks them (average, then submission time, then id), with its verdict.</summary>
    private static List<IReadOnlyDictionary<string, string>> Results(IReadOnlyList<Appraised> appraised)
    {
        var byId = appraised.ToDictionary(a => a.Proposal.Id, StringComparer.Ordinal);
        var candidates = appraised.Select(a => new RankingCandidate(a.Proposal.Id, a.Conclusion.Conclusion.Average, a.Proposal.SubmittedAt, 0, 0));
        var source = appraised.Count > 0 ? appraised[0].Proposal.Submission.FundingSource : FundingSource.Local;
        return Ranking.Rank(candidates, Ranking.RuleFor(source), null).Entries.Select(e =>
        {
            var a = byId[e.Candidate.ProposalId];
            return CycleFacts.Row(("rank", e.Rank.ToString(CultureInfo.InvariantCulture)), ("title", a.Proposal.Submission.Title),
                ("establishment", a.Proposal.Submission.OrganizationName), ("average", CycleFacts.Score(a.Conclusion.Conclusion.Average)),
                ("verdict", a.Conclusion.Conclusion.Passed ? "Đạt" : "Không đạt"));
        }).ToList();
    }
}
