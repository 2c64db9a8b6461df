using System.Diagnostics;
using System.Globalization;
using DurableTask.Core;
using KhuyenCong.Application.Appraisal;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Appraisal;
using KhuyenCong.LocalHost.Durable;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCong.Benchmarks.Scenarios;

/// <summary>
/// <c>review</c>: the latency of a reviewer's decision. This branch has no review link page yet, so the clock starts
/// when <c>AppraisalChanged</c> is raised, just after the review was stored in the case (as the page will do), and
/// stops when the orchestration publishes its next status, <c>awaiting-approval</c> (LocalHost runs with
/// <c>Workflow:ReviewerCount=1</c>, so one review completes the council). Floor: the engine's own external-event round
/// trip: a floor orchestration waiting for an event, the event raised, its completion observed. Both are polled the
/// same way (the instance's status row, every 20 ms), one decision at a time.
/// </summary>
internal sealed class ReviewScenario : IScenario
{
    public string Key => "review";

    private string spread = string.Empty;

    public string Note => "review: from raising AppraisalChanged (after storing the review, as the review page does; the page's own request time is not included) to the status awaiting-approval " +
        "(Workflow:ReviewerCount=1; between them the workflow runs 3 activities: close the review, evaluate the council, record the status); " +
        "floor = a floor orchestration waiting on one event: raise → completed. Samples: --reviews (default 10), one at a time" + spread + ".";

    public async Task<IReadOnlyList<BenchRow>> RunAsync(BenchContext bench)
    {
        var samples = bench.Options.Reviews;
        var floor = await FloorAsync(bench, samples);
        var real = await ReviewsAsync(bench, samples);
        spread = BenchContext.Invariant($"; all samples, ms: decision {string.Join(", ", real.Select(t => t.ToString("F0", CultureInfo.InvariantCulture)))}; floor {string.Join(", ", floor.Select(t => t.ToString("F0", CultureInfo.InvariantCulture)))}");
        return
        [
            Measure.Latency(BenchContext.Invariant($"review decision → awaiting-approval p50 (n={samples})"), Measure.Percentile(real, 0.5), Measure.Percentile(floor, 0.5)),
        ];
    }

    private static async Task<double[]> FloorAsync(BenchContext bench, int samples)
    {
        var prefix = "bench-floor-ev-" + Guid.NewGuid().ToString("N")[..8] + "-";
        var ids = Enumerable.Range(0, samples).Select(i => prefix + i.ToString("D3", CultureInfo.InvariantCulture)).ToList();
        foreach (var id in ids)
        {
            await bench.Hub.StartAsync(BenchmarkFloor.Orchestration, id, new BenchmarkFloorInput(0, 0));
        }

        foreach (var id in ids)
        {
            await BenchContext.EventuallyAsync(() => bench.Hub.GetAsync(id), s => HubClient.WorkflowStatus(s) == BenchmarkFloor.Waiting, "floor orchestration waiting");
        }

        await Task.Delay(3000); // as for the workflow: every instance idle, waiting on its event
        var times = new List<double>();
        foreach (var id in ids)
        {
            var watch = Stopwatch.StartNew();
            await bench.Hub.RaiseAsync(id, BenchmarkFloor.Event, "go");
            await BenchContext.EventuallyAsync(() => bench.Hub.GetAsync(id), s => s?.OrchestrationStatus == OrchestrationStatus.Completed, "floor completion", pollMs: 20);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        return [.. times.Order()];
    }

    private static async Task<double[]> ReviewsAsync(BenchContext bench, int samples)
    {
        var pdf = BenchContext.MakePdf(16 * 1024);
        var ids = new List<string>();
        for (var i = 0; i < samples; i++)
        {
            ids.Add(await bench.SubmitOrThrowAsync(pdf, "review" + i.ToString(CultureInfo.InvariantCulture)));
        }

        foreach (var id in ids)
        {
            await BenchContext.EventuallyAsync(() => bench.Cases.DecideScreeningAsync(id, 1, ScreeningOutcome.Accept, "Cán bộ Bench", null, DateTimeOffset.UtcNow, default), d => d, "screening round");
            await bench.Hub.RaiseAsync(id, WorkflowEvents.ScreeningDecided, new ScreeningDecision(1, ScreeningOutcome.Accept, "Cán bộ Bench", null));
        }

        var reviews = new List<ReviewRecord>();
        foreach (var id in ids)
        {
            var invited = await BenchContext.EventuallyAsync(async () => (await bench.Cases.GetAsync(id, default)).ReviewsOf(1), r => r.Count == 1, "review invitation");
            reviews.Add(invited[0]);
        }

        await Task.Delay(3000); // the invitation emails sent: every workflow idle, waiting on its reviewer
        var times = new List<double>();
        foreach (var review in reviews)
        {
            await StoreReviewAsync(bench, review);
            var watch = Stopwatch.StartNew();
            await bench.Hub.RaiseAsync(review.ProposalId, WorkflowEvents.AppraisalChanged, new AppraisalEvent(1, AppraisalEventKind.ReviewSubmitted, review.ReviewerId, review.ReviewerId));
            await BenchContext.EventuallyAsync(() => bench.Hub.GetAsync(review.ProposalId), s => HubClient.WorkflowStatus(s) == "awaiting-approval", "awaiting-approval", pollMs: 20);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        return [.. times.Order()];
    }

    /// <summary>Stores a submitted review (every criterion at 80 %), as the review page's POST will.</summary>
    public static async Task StoreReviewAsync(BenchContext bench, ReviewRecord review)
    {
        var rubric = (await bench.Services.GetRequiredService<IRubricStore>().GetAsync(review.RubricId!, review.RubricVersion!.Value, default))!;
        var change = await bench.Cases.DecideReviewAsync(review with
        {
            State = ReviewState.Submitted,
            Points = rubric.Criteria.ToDictionary(c => c.Code, c => (int)Math.Round(c.MaxPoints * 0.8)),
            Recommendation = Recommendation.Approve,
            DecidedAt = DateTimeOffset.UtcNow,
            DecidedBy = review.ReviewerId,
        }, default);
        if (!change.Applied)
        {
            throw new InvalidOperationException($"the review of {review.ProposalId} was not stored");
        }
    }
}
