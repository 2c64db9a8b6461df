using System.Diagnostics;
using System.Runtime.InteropServices;

namespace KhuyenCong.LocalHost.Hosting;

/// <summary>
/// Ctrl+C (SIGINT), SIGTERM and SIGQUIT for LocalHost's process; only the entry point creates one.
/// <list type="bullet">
/// <item>The first signal asks for a clean stop: <see cref="Stopping"/> is cancelled and the entry point stops
/// everything in order (<see cref="ShutdownSequence"/>).</item>
/// <item>A second Ctrl+C ends the process at once (exit code 130). Azurite runs in a session of its own, so the
/// terminal's signal does not reach it; it sees its standard input close with this process and shuts itself down
/// cleanly, data saved. Durable work in flight is handed out again after restart, as after a crash.</item>
/// <item>A repeated SIGTERM or SIGQUIT changes nothing: <c>dotnet run</c> passes on the SIGTERM it receives, so a
/// SIGTERM sent to the terminal's process group arrives twice.</item>
/// <item>Should the clean stop still be running after the time given to <see cref="Register"/>, the process kills
/// itself.</item>
/// </list>
/// </summary>
internal sealed class StopSignals : IDisposable
{
    private readonly TimeSpan forceAfter;
    private readonly CancellationTokenSource stopping = new();
    private readonly List<PosixSignalRegistration> registrations = [];
    private Timer? deadline;
    private int received;

    /// <summary>Cancelled at the first signal.</summary>
    public CancellationToken Stopping => stopping.Token;

    private StopSignals(TimeSpan forceAfter) => this.forceAfter = forceAfter;

    public static StopSignals Register(TimeSpan forceAfter)
    {
        var signals = new StopSignals(forceAfter);
        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGQUIT })
        {
            signals.registrations.Add(PosixSignalRegistration.Create(signal, signals.OnSignal));
        }

        return signals;
    }

    private void OnSignal(PosixSignalContext context)
    {
        if (Interlocked.Increment(ref received) == 1)
        {
            context.Cancel = true;
            deadline = new Timer(_ => ForceExit(), null, forceAfter, Timeout.InfiniteTimeSpan);
            stopping.Cancel();
            Say(Console.Out, "Đang dừng… Nhấn Ctrl+C lần nữa để dừng ngay · Stopping… Press Ctrl+C again to stop at once.");
            return;
        }

        // Not cancelled, a second SIGINT gets the system's default action: the process ends now.
        context.Cancel = context.Signal != PosixSignal.SIGINT;
        if (!context.Cancel)
        {
            Say(Console.Out, "Dừng ngay · Stopping at once.");
        }
    }

    // The last resort, should a stop step hang beyond its own limit: SIGKILL to this process, which nothing can
    // delay (Environment.Exit would first run every ProcessExit handler). Azurite still stops: its input closes.
    private void ForceExit()
    {
        Say(Console.Error, FormattableString.Invariant(
            $"LocalHost chưa dừng xong sau {forceAfter.TotalSeconds:0} giây: dừng ngay · did not stop within {forceAfter.TotalSeconds:0} s: ending now."));
        using var self = Process.GetCurrentProcess();
        self.Kill();
    }

    private static void Say(TextWriter console, string line)
    {
        try
        {
            console.WriteLine(line);
        }
        catch (IOException)
        {
            // Nobody reads the console any more (the terminal closed): the stop goes on regardless.
        }
    }

    public void Dispose()
    {
        foreach (var registration in registrations)
        {
            registration.Dispose();
        }

        deadline?.Dispose();
        stopping.Dispose();
    }
}
