using Microsoft.DurableTask;

namespace KhuyenCong.LocalHost.Durable;

/// <summary>
/// The benchmark's floor for the durable engine: an orchestration that calls a no-op activity <c>Before</c> times
/// (publishing the custom status "waiting" once <c>WaitingAfter</c> of them are done, by default all), waits for one
/// external event, calls the no-op <c>After</c> times and completes. It is what the proposal workflow would cost if its activities did nothing. Registered only in LocalHost,
/// and only when <see cref="SettingName"/> is true (the benchmark sets it); never in the Functions app.
/// </summary>
public static class BenchmarkFloor
{
    public const string SettingName = "LocalHost:BenchmarkFloor";
    public const string Orchestration = "BenchmarkFloor";
    public const string Activity = "BenchmarkFloorNoop";
    public const string Event = "BenchmarkFloorGo";
    public const string Waiting = "waiting";

    public static void Register(DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.AddActivity(Activity, _ => new BenchmarkFloorNoop());
        registry.AddOrchestrator(Orchestration, () => new BenchmarkFloorOrchestrator());
    }
}

/// <summary>The floor orchestration (see <see cref="BenchmarkFloor"/>).</summary>
public sealed class BenchmarkFloorOrchestrator : TaskOrchestrator<BenchmarkFloorInput, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, BenchmarkFloorInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        input ??= new BenchmarkFloorInput(0, 0);
        var waitingAfter = input.WaitingAfter is { } n ? Math.Clamp(n, 0, input.Before) : input.Before;
        for (var i = 0; i < input.Before; i++)
        {
            if (i == waitingAfter)
            {
                context.SetCustomStatus(BenchmarkFloor.Waiting);
            }

            await context.CallActivityAsync<int>(BenchmarkFloor.Activity, i);
        }

        context.SetCustomStatus(BenchmarkFloor.Waiting);
        await context.WaitForExternalEvent<string>(BenchmarkFloor.Event);
        for (var i = 0; i < input.After; i++)
        {
            await context.CallActivityAsync<int>(BenchmarkFloor.Activity, input.Before + i);
        }

        return "done";
    }
}

/// <summary>The floor's activity: does nothing.</summary>
public sealed class BenchmarkFloorNoop : TaskActivity<int, int>
{
    public override Task<int> RunAsync(TaskActivityContext context, int input) => Task.FromResult(input);
}

/// <summary>
/// How many no-op activities the floor orchestration runs before and after its one external event, and after how many
/// of the first it shows "waiting" (null: all of them), so the bench can raise the event at the same point as it would
/// decide on a proposal.
/// </summary>
public sealed record BenchmarkFloorInput(int Before, int After, int? WaitingAfter = null);
