using KhuyenCong.Application.Appraisal;
using KhuyenCong.Application.Budgets;
using KhuyenCong.Application.Proposals;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Appraisal;
using KhuyenCong.Domain.Budgets;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.LocalHost.Hosting;
using KhuyenCong.Testing;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCong.IntegrationTests.Workflow;

/// <summary>
/// Takes a proposal's decisions on one LocalHost as the staff routes, link pages and (for the yearly cycle) the
/// council and plan use cases do: what is decided is stored first, then the workflow's event is raised through the
/// durable client.
/// </summary>
internal sealed class WorkflowDriver(LocalHostApplication host)
{
    public IProposalCaseStore Cases => host.Services.GetRequiredService<IProposalCaseStore>();

    public DurableTaskClient Durable => host.Services.GetRequiredService<DurableTaskClient>();

    public IBudgetLedger Ledger => host.Services.GetRequiredService<IBudgetLedger>();

    public IProposalRepository Proposals => host.Services.GetRequiredService<IProposalRepository>();

    /// <summary>Waits for a status (over HTTP); on a timeout, says where the orchestration stands.</summary>
    public async Task WaitForAsync(HttpClient staff, string id, string status, int seconds = 60)
    {
        try
        {
            await WorkflowProbe.WaitForStatusAsync(staff, id, status, seconds);
        }
        catch (TimeoutException ex)
        {
            var instance = await Durable.GetInstanceAsync(id, getInputsAndOutputs: true);
            throw new TimeoutException($"{ex.Message}; orchestration {instance?.RuntimeStatus}, custom status {instance?.SerializedCustomStatus}, failure {instance?.FailureDetails}", ex);
        }
    }

    public async Task AcceptAtScreeningAsync(string id)
    {
        await Eventually.GetAsync(async () => (await Cases.GetAsync(id, default)).CurrentScreening, s => s?.Round == 1, what: "the screening round");
        Assert.True(await Cases.DecideScreeningAsync(id, 1, ScreeningOutcome.Accept, "Cán bộ A", null, DateTimeOffset.UtcNow, default));
        await Durable.RaiseEventAsync(id, WorkflowEvents.ScreeningDecided, new ScreeningDecision(1, ScreeningOutcome.Accept, "Cán bộ A", null));
    }

    /// <summary>Every reviewer of round 1 submits a review recommending approval with 80% of the points.</summary>
    public async Task ReviewAllAsync(string id, int reviewers)
    {
        var reviews = await Eventually.GetAsync(async () => (await Cases.GetAsync(id, default)).ReviewsOf(1), r => r?.Count == reviewers, what: "the reviewers' invitations");
        foreach (var review in reviews!)
        {
            var rubric = (await host.Services.GetRequiredService<IRubricStore>().GetAsync(review.RubricId!, review.RubricVersion!.Value, default))!;
            var change = await Cases.DecideReviewAsync(review with
            {
                State = ReviewState.Submitted,
                Points = rubric.Criteria.ToDictionary(c => c.Code, c => (int)Math.Round(c.MaxPoints * 0.8)),
                Recommendation = Recommendation.Approve,
                DecidedAt = DateTimeOffset.UtcNow,
                DecidedBy = review.ReviewerId,
            }, default);
            Assert.True(change.Applied);
            await Durable.RaiseEventAsync(id, WorkflowEvents.AppraisalChanged, new AppraisalEvent(1, AppraisalEventKind.ReviewSubmitted, review.ReviewerId, review.ReviewerId));
        }
    }

    /// <summary>The director approves through the link (version 1): the amount committed, the decision stored, the event raised.</summary>
    public async Task DirectorApprovesAsync(string id, BudgetKey key, long amount)
    {
        Assert.Equal(CommitOutcome.Committed, (await Ledger.CommitAsync(key, id, amount, "Giám đốc", default)).Outcome);
        Assert.True(await Cases.SaveApprovalAsync(id, new ApprovalRecord(1, DirectorOutcome.Approve, amount, "125/QĐ-SCT", new DateOnly(2027, 2, 20), null, "Giám đốc", DateTimeOffset.UtcNow), default));
        await Durable.RaiseEventAsync(id, WorkflowEvents.DirectorDecided, new DirectorDecision(1, DirectorOutcome.Approve, "Giám đốc"));
    }

    /// <summary>The contract, acceptance and the final payment of <paramref name="amount"/>: the proposal settles.</summary>
    public async Task ImplementAndSettleAsync(HttpClient staff, string id, BudgetKey key, long amount)
    {
        await Cases.SaveContractAsync(id, new ContractRecord("15/2027/HĐ-KC", new DateOnly(2027, 3, 5), null, "Cán bộ A", DateTimeOffset.UtcNow), default);
        await Durable.RaiseEventAsync(id, WorkflowEvents.ContractRecorded, new ContractNotice("Cán bộ A"));
        await WaitForAsync(staff, id, "in-progress");
        await Cases.AddReportAsync(id, new ProgressReport("r1", true, "Biên bản nghiệm thu", [], DateTimeOffset.UtcNow), default);
        await Cases.SaveAcceptanceAsync(id, new AcceptanceRecord(new DateOnly(2027, 11, 2), null, "Cán bộ A", DateTimeOffset.UtcNow), default);
        await Durable.RaiseEventAsync(id, WorkflowEvents.AcceptanceConfirmed, new AcceptanceNotice("Cán bộ A"));
        await WaitForAsync(staff, id, "accepted");
        Assert.Equal(PaymentOutcome.Paid, (await Ledger.RecordPaymentAsync(key, id, "thanh-toan", PaymentKind.Final, amount, "Kế toán", default)).Outcome);
        await Durable.RaiseEventAsync(id, WorkflowEvents.PaymentRecorded, new PaymentNotice("thanh-toan", PaymentKind.Final, amount, "Kế toán"));
        await WaitForAsync(staff, id, "settled");
    }

    /// <summary>Waits until the orchestration has completed and rests (its last write landed), and returns its output.</summary>
    public async Task<string?> CompletedAsync(string id)
    {
        var instance = await Eventually.GetAsync(() => Durable.GetInstanceAsync(id, getInputsAndOutputs: true),
            i => i?.RuntimeStatus == OrchestrationRuntimeStatus.Completed, what: "the completed orchestration");
        return instance!.SerializedOutput;
    }
}
