using KhuyenCong.Application.Appraisal;
using KhuyenCong.Application.Calls;
using KhuyenCong.Application.Common;
using KhuyenCong.Application.Councils;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Activities;
using KhuyenCong.Domain.Appraisal;
using KhuyenCong.Domain.Calls;
using KhuyenCong.Domain.Councils;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using KhuyenCong.Domain.Tracking;
using KhuyenCong.UnitTests.Domain;

namespace KhuyenCong.UnitTests.Application.Councils;

/// <summary>The council's session on real Table storage: quorum, once only, each conclusion stored before it is raised.</summary>
[Collection(UseCaseCollection.Name)]
public class CouncilSessionsTests(UseCaseStorage storage)
{
    private static DateOnly Today => VietnamTime.Today(TimeProvider.System);

    private CouncilSessions Sessions => storage.Get<CouncilSessions>();

    private ICouncilStore Councils => storage.Get<ICouncilStore>();

    /// <summary>A closed call (so no other test's submission needs a call) with a council of three reviewers, quorum 2.</summary>
    private async Task<(Call Call, Council Council)> CouncilAsync()
    {
        var call = new Call(Guid.NewGuid().ToString("N"), Today.Year + 1, FundingSource.Local, "Đợt đã đóng", Today.AddDays(-30), Today.AddDays(-1), [],
            new Dictionary<string, IReadOnlyList<string>>(), null, "officer", DateTimeOffset.UtcNow, 1);
        await storage.Get<ICallStore>().CreateAsync(call, CancellationToken.None);
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var id = Guid.NewGuid().ToString("N");
            await storage.Get<IReviewerRoster>().CreateAsync(new Reviewer(id, "Thành viên " + i, $"tv+{id}@example.vn", null, "Sở Công Thương", [ProposalKind.Machinery],
                [], [], [], true), "test", CancellationToken.None);
            ids.Add(id);
        }

        var council = new Council(Guid.NewGuid().ToString("N"), [call.Id], "215/QĐ-SCT", Today.AddDays(-5), ids[0], ids[1], [ids[2]], 2, "officer", DateTimeOffset.UtcNow);
        Assert.True(await Councils.CreateAsync(council, CancellationToken.None));
        return (call, council);
    }

    private async Task<Proposal> ScoredAsync(Call call, Council council, int shortOf)
    {
        var now = DateTimeOffset.UtcNow;
        var proposal = new Proposal
        {
            Id = Guid.NewGuid().ToString("N"),
            TrackingCode = TrackingCode.New().Value,
            Submission = ProposalValidator.Validate(ProposalValidatorTests.ValidForm(), Language.Vietnamese).Submission!,
            Status = ProposalStatus.InReview,
            SubmittedAt = now,
            Channel = SubmissionChannel.Online,
            EnteredBy = "applicant",
            History = [new StatusChange(now, null, ProposalStatus.InReview, "applicant", null)],
            CallId = call.Id,
            AssignedPlanYear = call.PlanYear,
        };
        await storage.Proposals.CreateAsync(proposal, CancellationToken.None);
        var rubric = await storage.Get<IRubricStore>().GetCurrentAsync(CancellationToken.None);
        foreach (var member in council.AllMemberIds.Take(2))
        {
            var review = new ReviewRecord(proposal.Id, 1, member, member, ReviewState.Invited, now, now.AddDays(10), RubricId: rubric.Id, RubricVersion: rubric.Version);
            await storage.Cases.InviteAsync(review, CancellationToken.None);
            await storage.Cases.DecideReviewAsync(review with
            {
                State = ReviewState.Submitted,
                Points = rubric.Criteria.ToDictionary(c => c.Code, c => Math.Max(0, c.MaxPoints - shortOf)),
                Recommendation = Recommendation.Approve,
                DecidedAt = now,
                DecidedBy = member,
            }, CancellationToken.None);
        }

        return proposal;
    }

    private static SessionForm Form(Council council, int present) =>
        new(FieldInput.Of(Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), ListInput.Of(council.AllMemberIds.Take(present)));

    [Fact]
    public async Task RecordAsync_WithQuorum_StoresEachConclusionBeforeRaisingItOnce()
    {
        var (call, council) = await CouncilAsync();
        var passing = await ScoredAsync(call, council, 0);
        var failing = await ScoredAsync(call, council, 100);
        var workflow = new RecordingWorkflow(async id =>
            Assert.Contains(await Councils.ConclusionsAsync(council.Id, CancellationToken.None), c => c.ProposalId == id));

        var record = DecisionAssert.Done(await Sessions.RecordAsync(council.Id, Form(council, 2), "officer", workflow, CancellationToken.None));
        var again = await Sessions.RecordAsync(council.Id, Form(council, 3), "officer", workflow, CancellationToken.None);

        Assert.Equal(2, record.Conclusions.Count);
        Assert.Equal(2, workflow.Raised.Count);
        Assert.All(workflow.Raised, r => Assert.Equal(CycleEvents.CouncilConcluded, r.EventName));
        var byProposal = workflow.Raised.ToDictionary(r => r.ProposalId, r => (CouncilConclusion)r.Payload);
        Assert.True(byProposal[passing.Id].Passed);
        Assert.False(byProposal[failing.Id].Passed);
        Assert.Equal(1, byProposal[failing.Id].Round);
        Assert.Equal(record.Session.Id, byProposal[failing.Id].SessionId);
        Assert.NotNull(byProposal[failing.Id].ReasonEn);
        Assert.Contains("đã được ghi nhận", DecisionAssert.Conflict(again).Vietnamese, StringComparison.Ordinal);
        Assert.All(await Councils.ConclusionsAsync(council.Id, CancellationToken.None), c => Assert.True(c.Raised));
    }

    [Fact]
    public async Task RecordAsync_BelowQuorum_IsInvalidOnPresentMemberIdsAndStoresNothing()
    {
        var (call, council) = await CouncilAsync();
        await ScoredAsync(call, council, 0);
        var workflow = new RecordingWorkflow();

        var refused = await Sessions.RecordAsync(council.Id, Form(council, 1), "officer", workflow, CancellationToken.None);

        DecisionAssert.InvalidFields(refused, "presentMemberIds");
        Assert.Null(await Councils.SessionOfAsync(council.Id, CancellationToken.None));
        Assert.Empty(workflow.Raised);
    }

    [Fact]
    public async Task RecordAsync_ASessionInterruptedAfterItWasStored_FinishesOnTheNextAttempt()
    {
        var (call, council) = await CouncilAsync();
        var proposal = await ScoredAsync(call, council, 0);
        await Councils.RecordSessionAsync(new CouncilSession("s-interrupted", council.Id, Today, council.AllMemberIds, "officer", DateTimeOffset.UtcNow), CancellationToken.None);
        var workflow = new RecordingWorkflow();

        var again = await Sessions.RecordAsync(council.Id, Form(council, 2), "officer", workflow, CancellationToken.None);

        DecisionAssert.Conflict(again);
        var (id, name, payload) = Assert.Single(workflow.Raised);
        Assert.Equal(proposal.Id, id);
        Assert.Equal(CycleEvents.CouncilConcluded, name);
        Assert.Equal("s-interrupted", ((CouncilConclusion)payload).SessionId);
        Assert.True(await Councils.IsSessionCompleteAsync(council.Id, CancellationToken.None));
    }
}
