using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace KhuyenCong.LocalHost.Storage;

/// <summary>
/// A running Azurite, started in a session of its own (the terminal's Ctrl+C does not reach it, see
/// <see cref="AzuriteLauncher"/>), so the process that started it decides when it stops: LocalHost stops it last,
/// after everything that uses it. Stopping closes its standard input, on which Azurite shuts down cleanly (its data is
/// saved); it is killed only if it does not stop in time.
/// </summary>
public sealed partial class AzuriteProcess(Process process, AzuriteSettings settings, ILogger logger) : IAsyncDisposable
{
    /// <summary>How long <see cref="DisposeAsync"/> waits for a clean stop before it kills Azurite.</summary>
    public static readonly TimeSpan DefaultStopTimeout = TimeSpan.FromSeconds(15);

    private readonly Lock gate = new();
    private Task? stopping;

    public AzuriteSettings Settings => settings;

    public string ConnectionString => settings.ConnectionString;

    public int ProcessId => process.Id;

    public bool HasExited => process.HasExited;

    public ValueTask DisposeAsync() => new(StopAsync(DefaultStopTimeout));

    /// <summary>
    /// Asks Azurite to stop (closes its standard input) and waits up to <paramref name="timeout"/> for it to save its
    /// data and exit, then kills it. Only the first call stops it; later calls wait for that stop.
    /// </summary>
    public Task StopAsync(TimeSpan timeout)
    {
        lock (gate)
        {
            return stopping ??= StopCoreAsync(timeout);
        }
    }

    private async Task StopCoreAsync(TimeSpan timeout)
    {
        try
        {
            if (!process.HasExited)
            {
                CloseInput();
                using var cts = new CancellationTokenSource(timeout);
                try
                {
                    await process.WaitForExitAsync(cts.Token);
                }
                catch (OperationCanceledException)
                {
                    LogKilled(logger, process.Id, timeout.TotalSeconds);
                    process.Kill(entireProcessTree: true);
                    await process.WaitForExitAsync(CancellationToken.None);
                }
            }

            LogStopped(logger, process.Id);
        }
        catch (InvalidOperationException)
        {
            // never started
        }
        finally
        {
            process.Dispose();
        }
    }

    private void CloseInput()
    {
        try
        {
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // Azurite is already going: its end of the pipe is closed.
        }
    }

    [LoggerMessage(EventId = 103, Level = LogLevel.Information, Message = "Azurite stopped (process {ProcessId})")]
    private static partial void LogStopped(ILogger logger, int processId);

    [LoggerMessage(EventId = 104, Level = LogLevel.Warning, Message = "Azurite (process {ProcessId}) did not stop within {Seconds} s: killed")]
    private static partial void LogKilled(ILogger logger, int processId, double seconds);
}
