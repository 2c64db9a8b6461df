using System.Text.Json;
using KhuyenCong.Application.Appraisal;
using KhuyenCong.Application.Budgets;
using KhuyenCong.Application.Proposals;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Appraisal;
using KhuyenCong.Domain.Budgets;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Testing;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using static KhuyenCong.IntegrationTests.Workflow.WorkflowProbe;

namespace KhuyenCong.IntegrationTests.Workflow;

/// <summary>
/// The orchestration itself on LocalHost's durable engine over Azurite: each decision is stored and raised exactly as
/// the staff routes and link pages do, and the test watches statuses, records, the ledger and the outbox.
/// </summary>
[Collection(FastWorkflowCollection.Name)]
public sealed class WorkflowStageTests(FastWorkflowFixture fixture)
{
    private IProposalCaseStore Cases => fixture.Cases;

    private DurableTaskClient Durable => fixture.Durable;

    private IBudgetLedger Ledger => fixture.Services.GetRequiredService<IBudgetLedger>();

    private IProposalRepository Proposals => fixture.Services.GetRequiredService<IProposalRepository>();

    [Fact]
    public async Task Workflow_EveryDecisionInTurn_GoesFromSubmissionToSettledAndPaysExactlyTheApprovedAmount()
    {
        using var anonymous = fixture.CreateClient();
        using var staff = fixture.CreateClient(withFunctionKey: true);
        var sector = "Cơ khí " + Guid.NewGuid().ToString("N")[..6];
        await AddReviewerAsync(staff, "TS. Lê Văn Bình", $"binh+{Guid.NewGuid():N}@khuyencong.test", "technology-line", sector);
        await AddReviewerAsync(staff, "ThS. Trần Thu Hà", $"ha+{Guid.NewGuid():N}@khuyencong.test", "technology-line", sector);
        var (id, code, email) = await SubmitAsync(anonymous, "technology-line", sector, requested: 240_000_000);

        await WaitForAsync(staff, id, "screening");
        await WaitForMessagesAsync(anonymous, m => m.Subject().Contains(code, StringComparison.Ordinal) && m.Subject().Contains("chờ kiểm tra", StringComparison.Ordinal), what: "the officers' screening email");
        await ScreenAsync(id, ScreeningOutcome.Accept, null);

        await WaitForAsync(staff, id, "in-review");
        var invitations = await WaitForMessagesAsync(anonymous, m => m.Subject().StartsWith("Mời thẩm định", StringComparison.Ordinal) && m.Subject().Contains(code, StringComparison.Ordinal), 2, what: "two review invitations");
        Assert.Equal(2, invitations.Count);
        foreach (var review in (await Cases.GetAsync(id, default)).ReviewsOf(1))
        {
            await SubmitReviewAsync(review, Recommendation.Approve, 0.8);
        }

        await WaitForAsync(staff, id, "awaiting-approval");
        var verdict = (await Cases.GetAsync(id, default)).CurrentVerdict!;
        Assert.True(verdict.Passed);
        Assert.Equal(80m, verdict.AverageTotal);
        await WaitForMessagesAsync(anonymous, m => m.Subject().StartsWith("Đề nghị phê duyệt", StringComparison.Ordinal) && m.Subject().Contains(code, StringComparison.Ordinal), what: "the director's email");

        var proposal = (await Proposals.GetAsync(id, default))!;
        var key = new BudgetKey(proposal.Year, FundingSource.Local);
        await Ledger.SetAllocationAsync(key, (await Ledger.GetAsync(key, default)).Allocated + 1_000_000_000, "test", default);
        var before = await Ledger.GetAsync(key, default);
        await ApproveAsync(id, key, 1, 230_000_000);

        await WaitForAsync(staff, id, "approved");
        Assert.Equal(230_000_000, (await Proposals.GetAsync(id, default))!.Funding.ApprovedAmount);
        await Cases.SaveContractAsync(id, new ContractRecord("15/2027/HĐ-KC", new DateOnly(2027, 3, 5), null, "Cán bộ A", DateTimeOffset.UtcNow), default);
        await Durable.RaiseEventAsync(id, WorkflowEvents.ContractRecorded, new ContractNotice("Cán bộ A"));

        await WaitForAsync(staff, id, "in-progress");
        await PayAsync(id, key, "tam-ung-1", PaymentKind.Advance, 100_000_000);
        await Eventually.GetAsync(async () => (long?)(await Proposals.GetAsync(id, default))!.Funding.PaidAmount, p => p == 100_000_000, what: "the advance on the record");
        await Cases.AddReportAsync(id, new ProgressReport("r1", true, "Biên bản nghiệm thu", [], DateTimeOffset.UtcNow), default);
        await Cases.SaveAcceptanceAsync(id, new AcceptanceRecord(new DateOnly(2027, 11, 2), null, "Cán bộ A", DateTimeOffset.UtcNow), default);
        await Durable.RaiseEventAsync(id, WorkflowEvents.AcceptanceConfirmed, new AcceptanceNotice("Cán bộ A"));

        await WaitForAsync(staff, id, "accepted");
        await PayAsync(id, key, "thanh-toan-cuoi", PaymentKind.Final, 130_000_000);

        await WaitForAsync(staff, id, "settled");
        var settled = (await Proposals.GetAsync(id, default))!;
        Assert.Equal(
            ["submitted", "screening", "in-review", "awaiting-approval", "approved", "in-progress", "accepted", "settled"],
            settled.History.Select(h => h.To.ToCode()));
        Assert.Equal(230_000_000, settled.Funding.PaidAmount);
        Assert.Equal("15/2027/HĐ-KC", settled.Funding.ContractNumber);
        Assert.NotNull(settled.Funding.SettledOn);
        var after = await Ledger.GetAsync(key, default);
        Assert.Equal(before.Committed + 230_000_000, after.Committed);
        Assert.Equal(before.Paid + 230_000_000, after.Paid);
        var instance = await Eventually.GetAsync(() => Durable.GetInstanceAsync(id, getInputsAndOutputs: true), i => i?.RuntimeStatus == OrchestrationRuntimeStatus.Completed, what: "the completed orchestration");
        Assert.Equal("\"settled\"", instance!.SerializedOutput);

        var toApplicant = (await MessagesAsync(anonymous)).To(email).Select(m => m.Subject()).ToList();
        Assert.Equal(5, toApplicant.Count);
        Assert.Single(toApplicant, s => s.StartsWith("Đã nhận đề án", StringComparison.Ordinal));
        Assert.Single(toApplicant, s => s.Contains("đã được phê duyệt", StringComparison.Ordinal));
        Assert.Single(toApplicant, s => s.StartsWith("Hợp đồng", StringComparison.Ordinal));
        Assert.Single(toApplicant, s => s.Contains("nghiệm thu", StringComparison.Ordinal));
        Assert.Single(toApplicant, s => s.Contains("quyết toán", StringComparison.Ordinal));
        await LiveHistories.CheckAsync(fixture, id, "lifecycle-settled");
    }

    [Fact]
    public async Task Revision_NoAnswerByTheDeadline_RemindsThenWithdrawsAndTellsTheApplicant()
    {
        using var anonymous = fixture.CreateClient();
        using var staff = fixture.CreateClient(withFunctionKey: true);
        var (id, code, email) = await SubmitAsync(anonymous, "training");
        await WaitForAsync(staff, id, "screening");

        await ScreenAsync(id, ScreeningOutcome.RequestDocuments, "Bổ sung báo giá <thiết bị> của 3 nhà cung cấp");

        await WaitForAsync(staff, id, "needs-revision");
        var request = (await WaitForMessagesAsync(anonymous, m => m.Subject().StartsWith("Đề nghị bổ sung", StringComparison.Ordinal) && m.Subject().Contains(code, StringComparison.Ordinal), 2, what: "the request and a reminder")).ToList();
        Assert.Contains("&lt;thiết bị&gt;", request[0].GetProperty("html").GetString()!, StringComparison.Ordinal);
        Assert.Contains(request, m => m.GetProperty("html").GetString()!.Contains("Nhắc lần 1", StringComparison.Ordinal));
        Assert.Contains("/links/", request[0].GetProperty("html").GetString()!, StringComparison.Ordinal);

        await WaitForAsync(staff, id, "withdrawn", 60);
        var expired = await WaitForMessagesAsync(anonymous, m => m.Subject().Contains("quá hạn bổ sung", StringComparison.Ordinal) && m.Subject().Contains(code, StringComparison.Ordinal), what: "the withdrawal at the deadline");
        Assert.Single(expired);
        var last = (await Proposals.GetAsync(id, default))!.History[^1];
        Assert.Equal("system", last.By);
        Assert.Equal(ProposalStatus.NeedsRevision, last.From);
        Assert.Single((await MessagesAsync(anonymous)).To(email), m => m.Subject().StartsWith("Đề nghị bổ sung", StringComparison.Ordinal) && !m.GetProperty("html").GetString()!.Contains("Nhắc lần", StringComparison.Ordinal));
        await Eventually.GetAsync(() => Durable.GetInstanceAsync(id), i => i?.RuntimeStatus == OrchestrationRuntimeStatus.Completed, what: "the completed orchestration");
        await LiveHistories.CheckAsync(fixture, id, "revision-deadline");
    }

    [Fact]
    public async Task Revision_AnsweredInTime_GoesBackToScreeningWithNewChecks()
    {
        using var anonymous = fixture.CreateClient();
        using var staff = fixture.CreateClient(withFunctionKey: true);
        var (id, code, _) = await SubmitAsync(anonymous, "training");
        await WaitForAsync(staff, id, "screening");
        await ScreenAsync(id, ScreeningOutcome.RequestDocuments, "Thiếu giấy đăng ký kinh doanh");
        await WaitForAsync(staff, id, "needs-revision");

        Assert.True(await Cases.MarkRevisedAsync(id, 1, DateTimeOffset.UtcNow, default));
        await Durable.RaiseEventAsync(id, WorkflowEvents.RevisionSubmitted, new RevisionNotice(1, "applicant"));

        await WaitForAsync(staff, id, "screening");
        var screenings = await Eventually.GetAsync(async () => (await Cases.GetAsync(id, default)).Screenings, s => s?.Count == 2, what: "the second screening round");
        Assert.NotNull(screenings![0].RevisedAt);
        Assert.Null(screenings[1].Outcome);
        await WaitForMessagesAsync(anonymous, m => m.Subject().Contains(code, StringComparison.Ordinal) && m.Subject().Contains("chờ kiểm tra", StringComparison.Ordinal), 1, what: "the officers' second screening email");
        var history = (await Proposals.GetAsync(id, default))!.History;
        Assert.Equal(["submitted", "screening", "needs-revision", "screening"], history.Select(h => h.To.ToCode()));
        Assert.Equal("applicant", history[^1].By);

        // A decision for the old round is ignored; the current round's decision counts.
        await Durable.RaiseEventAsync(id, WorkflowEvents.ScreeningDecided, new ScreeningDecision(1, ScreeningOutcome.Reject, "Cán bộ A", "cũ"));
        await ScreenAsync(id, ScreeningOutcome.Reject, "Không thuộc đối tượng hỗ trợ", round: 2);
        await WaitForAsync(staff, id, "rejected");
        Assert.Equal("Không thuộc đối tượng hỗ trợ", (await Proposals.GetAsync(id, default))!.History[^1].Comment);
        await Eventually.GetAsync(() => Durable.GetInstanceAsync(id), i => i?.RuntimeStatus == OrchestrationRuntimeStatus.Completed, what: "the completed orchestration");
        await LiveHistories.CheckAsync(fixture, id, "revision-answered-stale-round");
    }

    [Fact]
    public async Task Appraisal_ConflictSilenceAndReplacement_InvitesOthersRemindsEscalatesAndStillConcludes()
    {
        using var anonymous = fixture.CreateClient();
        using var staff = fixture.CreateClient(withFunctionKey: true);
        var sector = "Dệt may " + Guid.NewGuid().ToString("N")[..6];
        var taxCode = "0109" + Random.Shared.Next(100000, 999999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var reviewers = new List<string>();
        foreach (var name in new[] { "Reviewer Một", "Reviewer Hai", "Reviewer Ba", "Reviewer Bốn" })
        {
            reviewers.Add(await AddReviewerAsync(staff, name, $"r+{Guid.NewGuid():N}@khuyencong.test", "brand", sector));
        }

        var conflicted = await AddReviewerAsync(staff, "Người Có Xung Đột", $"x+{Guid.NewGuid():N}@khuyencong.test", "brand", sector, taxCode);
        var (id, code, _) = await SubmitAsync(anonymous, "brand", sector, taxCode);
        await WaitForAsync(staff, id, "screening");
        await ScreenAsync(id, ScreeningOutcome.Accept, null);
        await WaitForAsync(staff, id, "in-review");
        var first = await Eventually.GetAsync(async () => (await Cases.GetAsync(id, default)).ReviewsOf(1), r => r?.Count == 2, what: "two invitations");
        Assert.DoesNotContain(first!, r => r.ReviewerId == conflicted);

        // The first reviewer declares a conflict: a third is invited. The second stays silent.
        var declaring = first![0];
        var silent = first[1];
        await Cases.DecideReviewAsync(declaring with { State = ReviewState.Conflict, Comment = "Là cổ đông của cơ sở", DecidedAt = DateTimeOffset.UtcNow, DecidedBy = declaring.ReviewerId }, default);
        await Durable.RaiseEventAsync(id, WorkflowEvents.AppraisalChanged, new AppraisalEvent(1, AppraisalEventKind.ConflictDeclared, declaring.ReviewerId, declaring.ReviewerId));
        var afterConflict = await Eventually.GetAsync(async () => (await Cases.GetAsync(id, default)).ReviewsOf(1), r => r?.Count == 3, what: "a replacement for the conflicted reviewer");
        var third = afterConflict!.Single(r => r.ReviewerId != declaring.ReviewerId && r.ReviewerId != silent.ReviewerId);
        Assert.DoesNotContain(conflicted, afterConflict!.Select(r => r.ReviewerId));

        // Reminders, then the escalation to both officers at the silent reviewer's deadline.
        await WaitForMessagesAsync(anonymous, m => m.Subject().StartsWith("Nhắc thẩm định", StringComparison.Ordinal) && m.Subject().Contains(code, StringComparison.Ordinal), what: "a reminder");
        var escalation = await WaitForMessagesAsync(anonymous, m => m.Subject().StartsWith("Quá hạn thẩm định", StringComparison.Ordinal) && m.Subject().Contains(code, StringComparison.Ordinal), what: "the escalation", seconds: 60);
        var escalated = escalation.Select(m => m.GetProperty("html").GetString()!).ToList();
        Assert.Contains(escalated, h => h.Contains(silent.ReviewerName, StringComparison.Ordinal));
        Assert.Equal(2, escalation[0].GetProperty("to").GetArrayLength());

        // The officer replaces the silent reviewer; the third and the replacement submit.
        await Cases.DecideReviewAsync(silent with { State = ReviewState.Replaced, Comment = "Không phản hồi", DecidedAt = DateTimeOffset.UtcNow, DecidedBy = "Cán bộ A" }, default);
        await Durable.RaiseEventAsync(id, WorkflowEvents.AppraisalChanged, new AppraisalEvent(1, AppraisalEventKind.Replaced, silent.ReviewerId, "Cán bộ A"));
        var afterReplacement = await Eventually.GetAsync(async () => (await Cases.GetAsync(id, default)).ReviewsOf(1), r => r?.Count == 4, what: "a replacement for the silent reviewer");
        foreach (var review in afterReplacement!.Where(r => r.IsOpen))
        {
            await SubmitReviewAsync(review, Recommendation.Reject, 0.5);
        }

        await WaitForAsync(staff, id, "awaiting-approval");
        var verdict = (await Cases.GetAsync(id, default)).CurrentVerdict!;
        Assert.False(verdict.Passed);
        Assert.Equal(Recommendation.Reject, verdict.Recommendation);
        Assert.DoesNotContain(await Cases.ListOpenReviewsAsync(default), o => o.ProposalId == id);
        var concluded = (await Cases.GetAsync(id, default)).ReviewsOf(1);
        Assert.Contains(third.ReviewerId, concluded.Where(r => r.State == ReviewState.Submitted).Select(r => r.ReviewerId));
        Assert.Equal([ReviewState.Submitted, ReviewState.Submitted, ReviewState.Conflict, ReviewState.Replaced], concluded.Select(r => r.State).Order());

        // The director follows the council: rejected, and the applicant is told why.
        await Cases.SaveApprovalAsync(id, new ApprovalRecord(1, DirectorOutcome.Reject, null, null, null, "Hội đồng đánh giá không đạt", "Giám đốc", DateTimeOffset.UtcNow), default);
        await Durable.RaiseEventAsync(id, WorkflowEvents.DirectorDecided, new DirectorDecision(1, DirectorOutcome.Reject, "Giám đốc"));
        await WaitForAsync(staff, id, "rejected");
        await WaitForMessagesAsync(anonymous, m => m.Subject().Contains("không được chấp thuận", StringComparison.Ordinal) && m.Subject().Contains(code, StringComparison.Ordinal), what: "the rejection email");
        await Eventually.GetAsync(() => Durable.GetInstanceAsync(id), i => i?.RuntimeStatus == OrchestrationRuntimeStatus.Completed, what: "the completed orchestration");
        await LiveHistories.CheckAsync(fixture, id, "appraisal-conflict-escalation-rejected");
    }

    [Fact]
    public async Task Cancel_AfterApproval_ReleasesTheCommitmentAndClosesTheWorkflow()
    {
        using var anonymous = fixture.CreateClient();
        using var staff = fixture.CreateClient(withFunctionKey: true);
        var sector = "Nhựa " + Guid.NewGuid().ToString("N")[..6];
        await AddReviewerAsync(staff, "Reviewer Năm", $"r5+{Guid.NewGuid():N}@khuyencong.test", "cleaner-production", sector);
        await AddReviewerAsync(staff, "Reviewer Sáu", $"r6+{Guid.NewGuid():N}@khuyencong.test", "cleaner-production", sector);
        var (id, _, _) = await SubmitAsync(anonymous, "cleaner-production", sector, requested: 200_000_000);
        await WaitForAsync(staff, id, "screening");
        await ScreenAsync(id, ScreeningOutcome.Accept, null);
        await WaitForAsync(staff, id, "in-review");
        var reviews = await Eventually.GetAsync(async () => (await Cases.GetAsync(id, default)).ReviewsOf(1), r => r?.Count == 2, what: "invitations");
        foreach (var review in reviews!)
        {
            await SubmitReviewAsync(review, Recommendation.Approve, 0.9);
        }

        await WaitForAsync(staff, id, "awaiting-approval");
        var proposal = (await Proposals.GetAsync(id, default))!;
        var key = new BudgetKey(proposal.Year, FundingSource.Local);
        await Ledger.SetAllocationAsync(key, (await Ledger.GetAsync(key, default)).Allocated + 500_000_000, "test", default);
        var before = await Ledger.GetAsync(key, default);
        await ApproveAsync(id, key, 1, 200_000_000);
        await WaitForAsync(staff, id, "approved");
        Assert.Equal(before.Committed + 200_000_000, (await Ledger.GetAsync(key, default)).Committed);

        await Durable.RaiseEventAsync(id, WorkflowEvents.Cancelled, new CancellationRequest("Cán bộ A", "Cơ sở ngừng hoạt động"));

        await WaitForAsync(staff, id, "cancelled");
        await Eventually.GetAsync(async () => (long?)(await Ledger.GetAsync(key, default)).Committed, c => c == before.Committed, what: "the commitment released");
        var instance = await Eventually.GetAsync(() => Durable.GetInstanceAsync(id, getInputsAndOutputs: true), i => i?.RuntimeStatus == OrchestrationRuntimeStatus.Completed, what: "the completed orchestration");
        Assert.Equal("\"cancelled\"", instance!.SerializedOutput);
        await LiveHistories.CheckAsync(fixture, id, "cancelled-after-approval");
    }

    /// <summary>Waits for a status; on a timeout, says where the orchestration stands (failure details included).</summary>
    private async Task WaitForAsync(HttpClient staff, string id, string status, int seconds = 60)
    {
        try
        {
            await WaitForStatusAsync(staff, id, status, seconds);
        }
        catch (TimeoutException ex)
        {
            var instance = await Durable.GetInstanceAsync(id, getInputsAndOutputs: true);
            throw new TimeoutException($"{ex.Message}; orchestration {instance?.RuntimeStatus}, custom status {instance?.SerializedCustomStatus}, failure {instance?.FailureDetails}", ex);
        }
    }

    private async Task ScreenAsync(string id, ScreeningOutcome outcome, string? comment, int round = 1)
    {
        await Eventually.GetAsync(async () => (await Cases.GetAsync(id, default)).CurrentScreening, s => s?.Round == round, what: "the screening round");
        Assert.True(await Cases.DecideScreeningAsync(id, round, outcome, "Cán bộ A", comment, DateTimeOffset.UtcNow, default));
        await Durable.RaiseEventAsync(id, WorkflowEvents.ScreeningDecided, new ScreeningDecision(round, outcome, "Cán bộ A", comment));
    }

    private async Task SubmitReviewAsync(ReviewRecord review, Recommendation recommendation, double share)
    {
        var rubric = (await fixture.Services.GetRequiredService<IRubricStore>().GetAsync(review.RubricId!, review.RubricVersion!.Value, default))!;
        var points = rubric.Criteria.ToDictionary(c => c.Code, c => (int)Math.Round(c.MaxPoints * share));
        var change = await Cases.DecideReviewAsync(review with
        {
            State = ReviewState.Submitted,
            Points = points,
            Recommendation = recommendation,
            DecidedAt = DateTimeOffset.UtcNow,
            DecidedBy = review.ReviewerId,
        }, default);
        Assert.True(change.Applied);
        await Durable.RaiseEventAsync(review.ProposalId, WorkflowEvents.AppraisalChanged, new AppraisalEvent(review.Round, AppraisalEventKind.ReviewSubmitted, review.ReviewerId, review.ReviewerId));
    }

    private async Task ApproveAsync(string id, BudgetKey key, int round, long amount)
    {
        var commit = await Ledger.CommitAsync(key, id, amount, "Giám đốc", default);
        Assert.Equal(CommitOutcome.Committed, commit.Outcome);
        Assert.True(await Cases.SaveApprovalAsync(id, new ApprovalRecord(round, DirectorOutcome.Approve, amount, "125/QĐ-SCT", new DateOnly(2027, 2, 20), null, "Giám đốc", DateTimeOffset.UtcNow), default));
        await Durable.RaiseEventAsync(id, WorkflowEvents.DirectorDecided, new DirectorDecision(round, DirectorOutcome.Approve, "Giám đốc"));
    }

    private async Task PayAsync(string id, BudgetKey key, string paymentId, PaymentKind kind, long amount)
    {
        var paid = await Ledger.RecordPaymentAsync(key, id, paymentId, kind, amount, "Kế toán", default);
        Assert.Equal(PaymentOutcome.Paid, paid.Outcome);
        await Durable.RaiseEventAsync(id, WorkflowEvents.PaymentRecorded, new PaymentNotice(paymentId, kind, amount, "Kế toán"));
    }
}
