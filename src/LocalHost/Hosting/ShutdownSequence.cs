using System.Diagnostics;
using KhuyenCong.LocalHost.Durable;
using KhuyenCong.LocalHost.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace KhuyenCong.LocalHost.Hosting;

/// <summary>
/// How LocalHost stops, within <see cref="Budget"/> (Ctrl+C must end everything within 10 seconds; the rest is left for
/// the process to exit on a busy machine):
/// <list type="number">
/// <item>a quiet moment in the durable engine: the workflow steps running in the worker finish, and no next step
/// follows within a polling interval;</item>
/// <item>the web host stops: requests in progress finish, the durable worker and the timers stop;</item>
/// <item>the durable engine stops: its gRPC server, then the storage provider, which releases its partition leases
/// so that the next start takes over at once;</item>
/// <item>Azurite, last, saves its data and exits.</item>
/// </list>
/// Every step has its own limit and the next step runs whatever happened, so one part that hangs (a request that never
/// ends, storage that stopped answering) cannot hold the others.
/// </summary>
internal static partial class ShutdownSequence
{
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(8);
    public static readonly TimeSpan QuietLimit = TimeSpan.FromSeconds(2.5);
    public static readonly TimeSpan WebHostLimit = TimeSpan.FromSeconds(1.5);

    /// <summary>For the engine's gRPC server; the storage provider then has <see cref="DurableEngine.ProviderStopTimeout"/>.</summary>
    public static readonly TimeSpan EngineLimit = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan AzuriteMinimum = TimeSpan.FromSeconds(1);

    public static async Task RunAsync(WebApplication app, DurableEngine engine, AzuriteProcess? azurite, ILogger logger)
    {
        var clock = Stopwatch.StartNew();
        LogStopping(logger);
        await StepAsync("durable engine quiet", () => engine.WaitForQuietAsync(QuietLimit), clock, logger);
        await StepAsync("web host stopped", async () =>
        {
            if (!await app.StopWithinAsync(WebHostLimit))
            {
                LogWebHostTimedOut(logger, WebHostLimit.TotalSeconds);
            }
        }, clock, logger);
        await StepAsync("durable engine stopped", () => engine.StopAsync(EngineLimit), clock, logger);
        if (azurite is not null)
        {
            var left = Budget - clock.Elapsed;
            await StepAsync("Azurite stopped", () => azurite.StopAsync(left > AzuriteMinimum ? left : AzuriteMinimum), clock, logger);
        }

        LogStopped(logger, clock.Elapsed.TotalSeconds);
    }

    // A step that fails is logged and the next one runs: a stop must never end half way.
    private static async Task StepAsync(string step, Func<Task> run, Stopwatch clock, ILogger logger)
    {
        try
        {
            await run();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogStepFailed(logger, step, ex.GetType().Name);
        }

        LogStep(logger, step, clock.Elapsed.TotalSeconds);
    }

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "LocalHost is stopping")]
    private static partial void LogStopping(ILogger logger);

    [LoggerMessage(EventId = 13, Level = LogLevel.Information, Message = "LocalHost stopped in {Seconds:0.0} s")]
    private static partial void LogStopped(ILogger logger, double seconds);

    [LoggerMessage(EventId = 15, Level = LogLevel.Debug, Message = "Shutdown: {Step} after {Seconds:0.00} s")]
    private static partial void LogStep(ILogger logger, string step, double seconds);

    [LoggerMessage(EventId = 14, Level = LogLevel.Warning, Message = "The web host did not stop within {Seconds} s: left behind")]
    private static partial void LogWebHostTimedOut(ILogger logger, double seconds);

    [LoggerMessage(EventId = 16, Level = LogLevel.Warning, Message = "Stopping: '{Step}' failed ({Problem}); going on")]
    private static partial void LogStepFailed(ILogger logger, string step, string problem);
}
