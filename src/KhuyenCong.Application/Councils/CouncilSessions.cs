using KhuyenCong.Application.Appraisal;
using KhuyenCong.Application.Calls;
using KhuyenCong.Application.Common;
using KhuyenCong.Application.Proposals;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Appraisal;
using KhuyenCong.Domain.Councils;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Application.Councils;

/// <summary>A session as an officer sent it (<c>POST /api/councils/{id}/session</c> or the council page's form).</summary>
/// <param name="HeldOn">The day the council met (yyyy-MM-dd).</param>
/// <param name="PresentMemberIds">The members present (reviewer ids).</param>
public sealed record SessionForm(FieldInput HeldOn, ListInput PresentMemberIds);

/// <summary>The session recorded and what it concluded on each proposal of the council's calls.</summary>
public sealed record SessionRecord(Council Council, CouncilSession Session, IReadOnlyList<ProposalConclusion> Conclusions);

/// <summary>
/// Records the council's session (phiên họp hội đồng), which closes the appraisal of the proposals of its calls (issue
/// 13 line 2). The session is refused (400 naming <c>presentMemberIds</c>) without the quorum the establishing decision
/// states: the quorum is the decision's, no national rule on it was found (docs/legal/cycle-reports-documents.md F2.4:
/// "refuse a session record without the quorum the decision states"). A session is recorded once: of two at once, one
/// is stored, the other is a 409. For each proposal of the calls in review, the council's verdict is computed from the
/// members' score sheets of the current round (<see cref="CouncilVerdict"/>: average, pass mark, criteria), stored
/// with the council, then raised to the proposal's workflow as <see cref="CycleEvents.CouncilConcluded"/> (the workflow
/// moves it to appraised or rejected). A session interrupted after it was stored finishes on the next attempt.
/// </summary>
public sealed class CouncilSessions(ICouncilStore councils, ICallStore calls, IProposalRepository proposals, IProposalCaseStore cases, IRubricStore rubrics,
    TimeProvider time)
{
    public async Task<Decision<SessionRecord>> RecordAsync(string councilId, SessionForm form, string by, IWorkflowEvents events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(events);
        if (await councils.GetAsync(councilId, cancellationToken) is not { } council)
        {
            return Decision<SessionRecord>.NotFound(CouncilSetup.NoSuchCouncil);
        }

        var errors = new BilingualErrors();
        var heldOn = HeldOn(form.HeldOn, council, VietnamTime.Today(time), errors);
        var present = Present(form.PresentMemberIds, council, errors);
        if (!errors.IsEmpty)
        {
            return Decision<SessionRecord>.Invalid(errors);
        }

        if (await councils.SessionOfAsync(council.Id, cancellationToken) is { } held)
        {
            await ConcludeAsync(council, held, by, events, cancellationToken);
            return Decision<SessionRecord>.Conflict(AlreadyHeld(held));
        }

        var pending = await InReviewAsync(council, cancellationToken);
        if (StageConflict(pending) is { } conflict)
        {
            return Decision<SessionRecord>.Conflict(conflict);
        }

        var session = new CouncilSession(Guid.CreateVersion7().ToString("N"), council.Id, heldOn!.Value, present!, by, time.GetUtcNow());
        if (!await councils.RecordSessionAsync(session, cancellationToken))
        {
            return Decision<SessionRecord>.Conflict(AlreadyHeld((await councils.SessionOfAsync(council.Id, cancellationToken))!));
        }

        var conclusions = await ConcludeAsync(council, session, by, events, cancellationToken);
        return Decision<SessionRecord>.Done(new SessionRecord(council, session, conclusions));
    }

    /// <summary>The council's session and its conclusions, or null before the session.</summary>
    public async Task<SessionRecord?> SessionAsync(Council council, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(council);
        return await councils.SessionOfAsync(council.Id, cancellationToken) is { } session
            ? new SessionRecord(council, session, await councils.ConclusionsAsync(council.Id, cancellationToken))
            : null;
    }

    /// <summary>Stores and raises the conclusion on every proposal still in review; each is stored first, raised once.</summary>
    private async Task<IReadOnlyList<ProposalConclusion>> ConcludeAsync(Council council, CouncilSession session, string by, IWorkflowEvents events,
        CancellationToken cancellationToken)
    {
        if (await councils.IsSessionCompleteAsync(council.Id, cancellationToken))
        {
            return await councils.ConclusionsAsync(council.Id, cancellationToken);
        }

        var concluded = (await councils.ConclusionsAsync(council.Id, cancellationToken)).ToDictionary(c => c.ProposalId, StringComparer.Ordinal);
        foreach (var (proposal, @case) in await InReviewAsync(council, cancellationToken))
        {
            if (!concluded.ContainsKey(proposal.Id) && await VerdictAsync(@case) is { } verdict)
            {
                var conclusion = new CouncilConclusion(@case.AppraisalRound, council.Id, session.Id, verdict.Record.Passed, verdict.Record.AverageTotal,
                    Reasons(verdict.Reasons, r => r.Vi), Reasons(verdict.Reasons, r => r.En), by);
                concluded[proposal.Id] = await councils.SaveConclusionAsync(new ProposalConclusion(proposal.Id, conclusion, verdict.Record.MaxTotal, time.GetUtcNow()), cancellationToken);
            }
        }

        foreach (var stored in concluded.Values.Where(c => !c.Raised))
        {
            await events.RaiseAsync(stored.ProposalId, CycleEvents.CouncilConcluded, stored.Conclusion, cancellationToken);
            await councils.MarkRaisedAsync(council.Id, stored.ProposalId, cancellationToken);
        }

        await councils.CompleteSessionAsync(council.Id, cancellationToken);
        return await councils.ConclusionsAsync(council.Id, cancellationToken);
    }

    /// <summary>The proposals of the council's calls in review, with their cases.</summary>
    private async Task<IReadOnlyList<(ProposalSummary Proposal, ProposalCase Case)>> InReviewAsync(Council council, CancellationToken cancellationToken)
    {
        var found = new List<(ProposalSummary, ProposalCase)>();
        foreach (var callId in council.CallIds)
        {
            if (await calls.GetAsync(callId, cancellationToken) is not { } call)
            {
                continue;
            }

            var query = new ProposalListQuery(call.PlanYear, ProposalStatus.InReview, null, null) { CallId = call.Id };
            foreach (var proposal in await proposals.ListAsync(query, cancellationToken))
            {
                found.Add((proposal, await cases.GetAsync(proposal.Id, cancellationToken)));
            }
        }

        return found;
    }

    private async Task<(VerdictRecord Record, IReadOnlyList<LocalizedReason> Reasons)?> VerdictAsync(ProposalCase @case)
    {
        var submitted = SubmittedSheets(@case);
        if (submitted.Count == 0)
        {
            return null;
        }

        var first = submitted[0];
        var rubric = (first.RubricId is null ? null : await rubrics.GetAsync(first.RubricId, first.RubricVersion ?? 1, CancellationToken.None))
            ?? await rubrics.GetCurrentAsync(CancellationToken.None);
        var outcome = CouncilVerdict.Evaluate(rubric, submitted.Select(r => new ReviewScore(r.ReviewerId, r.Points!, r.Recommendation!.Value, r.Comment)).ToList());
        var at = time.GetUtcNow();
        return outcome.Verdict is { } verdict
            ? (new VerdictRecord(@case.AppraisalRound, verdict.Passed, verdict.Recommendation, verdict.AverageTotal, rubric.TotalPoints, rubric.Id, rubric.Version, at, []),
                verdict.FailingReasons)
            : (new VerdictRecord(@case.AppraisalRound, false, Recommendation.Revise, 0, rubric.TotalPoints, rubric.Id, rubric.Version, at, []),
                outcome.Problems.Select(p => p.Reason).ToList());
    }

    private static List<ReviewRecord> SubmittedSheets(ProposalCase @case) =>
        @case.ReviewsOf(@case.AppraisalRound).Where(r => r.State == ReviewState.Submitted && r.Points is not null && r.Recommendation is not null).ToList();

    private static string? Reasons(IReadOnlyList<LocalizedReason> reasons, Func<LocalizedReason, string> text) =>
        reasons.Count == 0 ? null : string.Join(" ", reasons.Select(text));

    /// <summary>409 before anything is stored: no proposal in review, or one without any score sheet (the council cannot conclude on it).</summary>
    private static Bilingual? StageConflict(IReadOnlyList<(ProposalSummary Proposal, ProposalCase Case)> pending)
    {
        if (pending.Count == 0)
        {
            return new("Chưa có đề án nào của các đợt đăng ký này ở bước “Đang thẩm định”: hội đồng chưa có gì để kết luận.",
                "No proposal of these calls is at the stage \"In review\": the council has nothing to conclude.");
        }

        var unscored = pending.Where(p => SubmittedSheets(p.Case).Count == 0).Select(p => p.Proposal.TrackingCode).ToList();
        return unscored.Count == 0
            ? null
            : new($"Đề án đang thẩm định chưa có phiếu chấm nào: {string.Join(", ", unscored)}. Hội đồng chỉ kết luận khi mỗi đề án có ít nhất một phiếu chấm.",
                $"Proposals in review without any score sheet: {string.Join(", ", unscored)}. The council concludes once each proposal has at least one.");
    }

    private static Bilingual AlreadyHeld(CouncilSession session) =>
        new($"Phiên họp của hội đồng đã được ghi nhận (họp ngày {DisplayFormat.Date(session.HeldOn, Language.Vietnamese)}): mỗi hội đồng họp kết luận một lần.",
            $"The council's session was already recorded (held on {DisplayFormat.Date(session.HeldOn, Language.English)}): a council concludes once.");

    private static DateOnly? HeldOn(FieldInput input, Council council, DateOnly today, BilingualErrors errors)
    {
        if (!input.TryDate(out var date))
        {
            errors.Add("heldOn", "Vui lòng nhập ngày họp hội đồng (dạng yyyy-MM-dd).", "Enter the day the council met (yyyy-MM-dd).");
            return null;
        }

        if (date < council.DecisionDate || date > today)
        {
            errors.Add("heldOn", $"Ngày họp phải từ ngày ký quyết định thành lập ({DisplayFormat.Date(council.DecisionDate, Language.Vietnamese)}) đến hôm nay.",
                $"The session's day must be from the decision's date ({DisplayFormat.Date(council.DecisionDate, Language.English)}) to today.");
            return null;
        }

        return date;
    }

    private static IReadOnlyList<string>? Present(ListInput input, Council council, BilingualErrors errors)
    {
        var ids = input.Items.Distinct(StringComparer.Ordinal).ToList();
        var strangers = ids.Where(id => !council.AllMemberIds.Contains(id, StringComparer.Ordinal)).ToList();
        if (input.WrongType || strangers.Count > 0)
        {
            errors.Add("presentMemberIds", $"Không phải thành viên hội đồng: {string.Join(", ", strangers)}.", $"Not a member of the council: {string.Join(", ", strangers)}.");
            return null;
        }

        if (ids.Count < council.Quorum)
        {
            errors.Add("presentMemberIds",
                $"Phiên họp chưa đủ số thành viên tối thiểu theo quyết định {council.DecisionNumber}: có mặt {ids.Count}/{council.AllMemberIds.Count}, cần ít nhất {council.Quorum}.",
                $"The session lacks the quorum of decision {council.DecisionNumber}: {ids.Count} of {council.AllMemberIds.Count} present, at least {council.Quorum} needed.");
            return null;
        }

        return ids;
    }
}
