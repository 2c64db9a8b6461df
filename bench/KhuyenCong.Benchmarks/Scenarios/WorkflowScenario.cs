using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using DurableTask.Core;
using KhuyenCong.Application.Workflow;
using KhuyenCong.LocalHost.Durable;

namespace KhuyenCong.Benchmarks.Scenarios;

/// <summary>
/// <c>workflow</c>: proposals per minute from submission to <c>in-review</c>. N proposals are submitted by the usual
/// concurrent clients; each is accepted at screening as soon as it reaches screening (the decision stored in the case,
/// then <c>ScreeningDecided</c> raised, as the staff route will do); the clock stops when all N show
/// <c>in-review</c>. The floor: the same number of orchestrations of <see cref="BenchmarkFloor"/> on the same engine,
/// with as many no-op activities before and after one external event as the workflow runs from submission to
/// in-review: 5 before the screening decision (workflow settings, acknowledgement email, status change to screening,
/// automatic checks, officers' email) and 1 after it (status change to in-review). Reviewer assignment and the
/// invitations come after the in-review status is published, so they are not in either figure.
/// </summary>
internal sealed class WorkflowScenario : IScenario
{
    public const int ActivitiesBeforeScreening = 5;
    public const int ActivitiesAfterScreening = 1;

    /// <summary>The workflow shows "screening" after its 3rd activity (the status change); the floor shows "waiting" at the same point.</summary>
    public const int ScreeningShownAfter = 3;

    public string Key => "workflow";

    public string Note => "workflow: submission (16 KB PDF) → screening accepted as soon as it is open (stored in the case, then ScreeningDecided raised) → in-review, " +
        $"for every proposal; floor = the same number of floor orchestrations ({ActivitiesBeforeScreening} no-op activities, one external event, " +
        $"{ActivitiesAfterScreening} more) started on the same engine, the event raised as soon as it shows \"waiting\", after {ScreeningShownAfter} activities, where the workflow shows \"screening\". Both warmed up with 4 first. " +
        "Count: --proposals (default 200).";

    public async Task<IReadOnlyList<BenchRow>> RunAsync(BenchContext bench)
    {
        var n = bench.Options.Proposals;
        await bench.WaitQuietAsync();
        await FloorAsync(bench, Math.Min(4, n)); // warm-up
        await WorkflowAsync(bench, Math.Min(4, n));
        await bench.WaitQuietAsync();
        var floor = await FloorAsync(bench, n);
        await bench.WaitQuietAsync();
        var real = await WorkflowAsync(bench, n);
        var (floorRate, rate) = (n / floor.TotalMinutes, n / real.TotalMinutes);
        return
        [
            new(BenchContext.Invariant($"workflow: submission → in-review, {n} proposals"),
                BenchContext.Invariant($"{rate:F0}/min ({real.TotalSeconds:F0} s)"),
                BenchContext.Invariant($"{floorRate:F0}/min ({floor.TotalSeconds:F0} s)"),
                Measure.Slower(floorRate, rate)),
        ];
    }

    private static async Task<TimeSpan> FloorAsync(BenchContext bench, int n)
    {
        var prefix = "bench-floor-wf-" + Guid.NewGuid().ToString("N")[..8] + "-";
        var from = DateTime.UtcNow.AddSeconds(-5);
        var watch = Stopwatch.StartNew();
        var raised = new ConcurrentDictionary<string, byte>(StringComparer.Ordinal);
        var starting = Measure.RunAsync(n, bench.Options.Clients, i =>
            bench.Hub.StartAsync(BenchmarkFloor.Orchestration, prefix + i.ToString("D4", CultureInfo.InvariantCulture), new BenchmarkFloorInput(ActivitiesBeforeScreening, ActivitiesAfterScreening, ScreeningShownAfter)));
        using var gate = new SemaphoreSlim(bench.Options.Clients);
        var pending = new List<Task>();
        while (true)
        {
            var states = await bench.Hub.ListAsync(from, prefix);
            if (states.Count(s => s.OrchestrationStatus == OrchestrationStatus.Completed) >= n)
            {
                break;
            }

            foreach (var state in states.Where(s => s.OrchestrationStatus == OrchestrationStatus.Running && HubClient.WorkflowStatus(s) == BenchmarkFloor.Waiting))
            {
                if (raised.TryAdd(state.OrchestrationInstance.InstanceId, 0))
                {
                    pending.Add(Gated(gate, () => bench.Hub.RaiseAsync(state.OrchestrationInstance.InstanceId, BenchmarkFloor.Event, "go")));
                }
            }

            Timeout(watch, "floor orchestrations");
            await Task.Delay(200);
        }

        var elapsed = watch.Elapsed;
        await starting;
        await Task.WhenAll(pending);
        return elapsed;
    }

    private static async Task<TimeSpan> WorkflowAsync(BenchContext bench, int n)
    {
        var pdf = BenchContext.MakePdf(16 * 1024);
        var ids = new ConcurrentDictionary<string, byte>(StringComparer.Ordinal);
        var decided = new ConcurrentDictionary<string, byte>(StringComparer.Ordinal);
        var from = DateTime.UtcNow.AddSeconds(-5);
        var watch = Stopwatch.StartNew();
        var submitting = Measure.RunAsync(n, bench.Options.Clients, async i => ids.TryAdd(await bench.SubmitOrThrowAsync(pdf, "wf" + i.ToString(CultureInfo.InvariantCulture)), 0));
        using var gate = new SemaphoreSlim(bench.Options.Clients);
        var pending = new List<Task>();
        while (true)
        {
            if (submitting.IsFaulted)
            {
                await submitting;
            }

            var states = (await bench.Hub.ListAsync(from)).Where(s => ids.ContainsKey(s.OrchestrationInstance.InstanceId)).ToList();
            var statuses = states.Select(s => (s.OrchestrationInstance.InstanceId, Status: HubClient.WorkflowStatus(s))).ToList();
            if (statuses.Count(s => s.Status == "in-review") >= n)
            {
                break;
            }

            foreach (var (id, _) in statuses.Where(s => s.Status == "screening"))
            {
                if (decided.TryAdd(id, 0))
                {
                    pending.Add(Gated(gate, async () =>
                    {
                        // The screening round's record is written by the checks activity, just after the status
                        // change: until it exists the decision is refused, and is tried again on the next pass.
                        if (await bench.Cases.DecideScreeningAsync(id, 1, ScreeningOutcome.Accept, "Cán bộ Bench", null, DateTimeOffset.UtcNow, default))
                        {
                            await bench.Hub.RaiseAsync(id, WorkflowEvents.ScreeningDecided, new ScreeningDecision(1, ScreeningOutcome.Accept, "Cán bộ Bench", null));
                        }
                        else
                        {
                            decided.TryRemove(id, out _);
                        }
                    }));
                }
            }

            pending.RemoveAll(t => t.IsCompletedSuccessfully);
            if (pending.FirstOrDefault(t => t.IsFaulted) is { } failed)
            {
                await failed;
            }

            Timeout(watch, "proposals in review");
            await Task.Delay(200);
        }

        var elapsed = watch.Elapsed;
        await submitting;
        await Task.WhenAll(pending);
        return elapsed;
    }

    private static async Task Gated(SemaphoreSlim gate, Func<Task> action)
    {
        await gate.WaitAsync();
        try
        {
            await action();
        }
        finally
        {
            gate.Release();
        }
    }

    private static void Timeout(Stopwatch watch, string what)
    {
        if (watch.Elapsed > TimeSpan.FromMinutes(15))
        {
            throw new TimeoutException($"the {what} did not all finish in 15 minutes");
        }
    }
}
