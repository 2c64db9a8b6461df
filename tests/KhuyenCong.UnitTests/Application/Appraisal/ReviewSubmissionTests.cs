using KhuyenCong.Application.Appraisal;
using KhuyenCong.Application.Common;
using KhuyenCong.Application.Links;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Appraisal;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using KhuyenCong.UnitTests.Application.Support;

namespace KhuyenCong.UnitTests.Application.Appraisal;

/// <summary>The reviewer's decision (<see cref="ReviewSubmission"/>) on the real case store: first decision wins.</summary>
[Collection(LinkDecisionCollection.Name)]
public sealed class ReviewSubmissionTests(LinkDecisionStorage storage)
{
    private ReviewSubmission Reviews => storage.Get<ReviewSubmission>();

    private async Task<(OpenedLink Link, Rubric Rubric)> InvitedAsync(ProposalStatus status = ProposalStatus.InReview, IReadOnlyList<AttachmentInfo>? files = null)
    {
        var proposal = await storage.ProposalAsync(status, attachments: files);
        var rubric = await storage.Get<IRubricStore>().GetCurrentAsync(CancellationToken.None);
        var reviewer = Guid.NewGuid().ToString("N");
        var now = DateTimeOffset.UtcNow;
        await storage.Cases.InviteAsync(new ReviewRecord(proposal.Id, 1, reviewer, "Nguyễn Thị Hoa", ReviewState.Invited, now, now.AddDays(10),
            RubricId: rubric.Id, RubricVersion: rubric.Version), CancellationToken.None);
        return (LinkDecisionStorage.Link(proposal, LinkActions.Review, reviewer), rubric);
    }

    private static ScoreSheet Sheet(Rubric rubric, Func<RubricCriterion, string?>? points = null, string? recommendation = "approve", string? comment = null) =>
        new(rubric.Criteria.ToDictionary(c => c.Code, c => points is null ? (c.MaxPoints - 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : points(c)),
            recommendation, comment);

    private Task<ReviewRecord?> StoredAsync(OpenedLink link) =>
        storage.Cases.GetReviewAsync(link.ProposalId, 1, link.Claims.Subject, CancellationToken.None);

    [Fact]
    public async Task SubmitScores_ValidSheet_StoresTheReviewThenRaisesAppraisalChanged()
    {
        var (link, rubric) = await InvitedAsync();
        var events = new RecordingWorkflowEvents();

        var decision = await Reviews.SubmitScoresAsync(link, Sheet(rubric, comment: "  Cần làm rõ   dự toán. "), events, CancellationToken.None);

        Assert.True(decision.IsDone);
        var stored = (await StoredAsync(link))!;
        Assert.Equal(ReviewState.Submitted, stored.State);
        Assert.Equal(rubric.TotalPoints - rubric.Criteria.Count, stored.Total);
        Assert.Equal(Recommendation.Approve, stored.Recommendation);
        Assert.Equal(link.Claims.Subject, stored.DecidedBy);
        Assert.Equal((rubric.Id, rubric.Version), (stored.RubricId, stored.RubricVersion));
        Assert.Equal(stored.Points, decision.Value!.Review.Points);
        Assert.Equal(stored.DecidedAt, decision.Value.Review.DecidedAt);
        var raised = Assert.Single(events.Raised);
        Assert.Equal((link.ProposalId, WorkflowEvents.AppraisalChanged), (raised.ProposalId, raised.Name));
        Assert.Equal(new AppraisalEvent(1, AppraisalEventKind.ReviewSubmitted, link.Claims.Subject, link.Claims.Subject), raised.Payload);
    }

    [Fact]
    public async Task SubmitScores_TwentyAtOnce_OneIsRecordedAndRaised_TheOthersAreConflictsShowingIt()
    {
        var (link, rubric) = await InvitedAsync();
        var events = new RecordingWorkflowEvents();

        var decisions = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Reviews.SubmitScoresAsync(link, Sheet(rubric, c => (i % (c.MaxPoints + 1)).ToString(System.Globalization.CultureInfo.InvariantCulture)), events, CancellationToken.None)));

        var winner = Assert.Single(decisions, d => d.IsDone);
        Assert.Equal(19, decisions.Count(d => d.Kind == DecisionKind.Conflict));
        Assert.All(decisions.Where(d => !d.IsDone), d => Assert.StartsWith("Đã ghi nhận: phiếu chấm đã gửi, tổng điểm " + winner.Value!.Review.Total, d.Reason!.Vietnamese, StringComparison.Ordinal));
        Assert.Equal(winner.Value!.Review.Points, (await StoredAsync(link))!.Points);
        Assert.Single(events.Raised);
    }

    [Fact]
    public async Task SubmitScores_InvalidSheet_IsInvalidByFieldInBothLanguages_AndStoresAndRaisesNothing()
    {
        var (link, rubric) = await InvitedAsync();
        var (first, second, third) = (rubric.Criteria[0], rubric.Criteria[1], rubric.Criteria[2]);
        var events = new RecordingWorkflowEvents();

        var decision = await Reviews.SubmitScoresAsync(link, Sheet(rubric, c => c == first ? "999" : c == second ? "" : c == third ? "mười" : "1", recommendation: null,
            comment: new string('x', LinkRefusals.MaxTextLength + 1)), events, CancellationToken.None);

        Assert.Equal(DecisionKind.Invalid, decision.Kind);
        var vi = decision.Errors!.In(Language.Vietnamese);
        var en = decision.Errors.In(Language.English);
        Assert.Equal($"Điểm tiêu chí \"{first.NameVi}\" phải từ 0 đến {first.MaxPoints}.", Assert.Single(vi[ReviewSubmission.PointsPrefix + first.Code]));
        Assert.Equal($"The points for \"{first.NameEn}\" must be between 0 and {first.MaxPoints}.", Assert.Single(en[ReviewSubmission.PointsPrefix + first.Code]));
        Assert.Equal($"Chưa chấm tiêu chí \"{second.NameVi}\".", Assert.Single(vi[ReviewSubmission.PointsPrefix + second.Code]));
        Assert.Equal($"The points for \"{third.NameEn}\" must be a whole number.", Assert.Single(en[ReviewSubmission.PointsPrefix + third.Code]));
        Assert.StartsWith("Vui lòng chọn kiến nghị", Assert.Single(vi[ReviewSubmission.RecommendationField]), StringComparison.Ordinal);
        Assert.Equal("At most 4000 characters.", Assert.Single(en[ReviewSubmission.CommentField]));
        Assert.Equal(ReviewState.Invited, (await StoredAsync(link))!.State);
        Assert.Empty(events.Raised);
    }

    [Fact]
    public async Task DeclareConflict_UnconfirmedAndWithoutStatement_IsInvalid_ThenConfirmed_ClosesTheScoreSheet()
    {
        var (link, rubric) = await InvitedAsync();
        var events = new RecordingWorkflowEvents();

        var missing = await Reviews.DeclareConflictAsync(link, new ConflictDeclaration(false, "  "), events, CancellationToken.None);
        var declared = await Reviews.DeclareConflictAsync(link, new ConflictDeclaration(true, "Tôi là cổ đông của công ty."), events, CancellationToken.None);
        var scoredAfter = await Reviews.SubmitScoresAsync(link, Sheet(rubric), events, CancellationToken.None);

        Assert.Equal([ReviewSubmission.ConflictField, ReviewSubmission.StatementField], missing.Errors!.Fields);
        Assert.True(declared.IsDone);
        var stored = (await StoredAsync(link))!;
        Assert.Equal(ReviewState.Conflict, stored.State);
        Assert.Equal("Tôi là cổ đông của công ty.", stored.Comment);
        Assert.Null(stored.Points);
        Assert.Equal(DecisionKind.Conflict, scoredAfter.Kind);
        Assert.StartsWith("Recorded: conflict of interest declared (", scoredAfter.Reason!.English, StringComparison.Ordinal);
        Assert.Equal(AppraisalEventKind.ConflictDeclared, ((AppraisalEvent)Assert.Single(events.Raised).Payload).Kind);
    }

    [Fact]
    public async Task Open_ProposalNotInReview_IsConflictNamingItsStatus_AndAnotherReviewersLinkIsNotFound()
    {
        var (notInReview, _) = await InvitedAsync(ProposalStatus.Screening);
        var (inReview, _) = await InvitedAsync();
        var stranger = LinkDecisionStorage.Link(inReview.Proposal, LinkActions.Review, "someone-else");
        var otherRound = LinkDecisionStorage.Link(inReview.Proposal, LinkActions.Review, inReview.Claims.Subject, round: 2);

        var closed = await Reviews.OpenAsync(notInReview, CancellationToken.None);

        Assert.Equal(DecisionKind.Conflict, closed.Kind);
        Assert.Equal("Đề án không còn chờ thao tác này (tình trạng hiện tại: " + ProposalStatusLabels.Label(ProposalStatus.Screening, Language.Vietnamese) + ").", closed.Reason!.Vietnamese);
        Assert.Equal(DecisionKind.NotFound, (await Reviews.OpenAsync(stranger, CancellationToken.None)).Kind);
        Assert.Equal(DecisionKind.NotFound, (await Reviews.OpenAsync(otherRound, CancellationToken.None)).Kind);
        Assert.True((await Reviews.OpenAsync(inReview, CancellationToken.None)).IsDone);
    }

    [Theory]
    [InlineData(ReviewState.Submitted, true)]
    [InlineData(ReviewState.Invited, true)]
    [InlineData(ReviewState.Replaced, false)]
    [InlineData(ReviewState.Conflict, false)]
    [InlineData(ReviewState.Closed, false)]
    public async Task DossierFile_OnlyWhileTheReviewIsOpenOrSubmitted_AndOnlyDossierFiles(ReviewState state, bool mayRead)
    {
        var now = DateTimeOffset.UtcNow;
        var dossier = new AttachmentInfo("file-1", "thuyet-minh.pdf", "application/pdf", 10, "00", now);
        var report = new AttachmentInfo("file-2", "bao-cao.pdf", "application/pdf", 10, "00", now, AttachmentPurposes.Progress);
        var (link, _) = await InvitedAsync(files: [dossier, report]);
        if (state != ReviewState.Invited)
        {
            var review = (await StoredAsync(link))!;
            await storage.Cases.DecideReviewAsync(review with { State = state, DecidedAt = now, DecidedBy = "officer" }, CancellationToken.None);
        }

        Assert.Equal(mayRead ? dossier : null, await Reviews.DossierFileAsync(link, dossier.Id, CancellationToken.None));
        Assert.Null(await Reviews.DossierFileAsync(link, report.Id, CancellationToken.None));
        Assert.Null(await Reviews.DossierFileAsync(link with { Claims = link.Claims with { Action = LinkActions.Withdraw } }, dossier.Id, CancellationToken.None));
    }
}
