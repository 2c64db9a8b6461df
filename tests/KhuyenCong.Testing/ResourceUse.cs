using System.Diagnostics;
using System.Runtime.InteropServices;

namespace KhuyenCong.Testing;

/// <summary>
/// CPU time and managed allocations used by a piece of work: of the calling thread for synchronous work (precise even
/// while other tests run in parallel), or of the whole process for work that crosses threads (a request to an
/// in-process LocalHost; run such tests in a collection without parallelization). These are for safety bounds on
/// resource use (a hostile file must not cost seconds of CPU or hundreds of megabytes), never speed targets.
/// </summary>
public sealed record ResourceUse(TimeSpan Cpu, long AllocatedBytes)
{
    private const int ClockThreadCpuTimeId = 3;

    public double AllocatedMegabytes => AllocatedBytes / 1024.0 / 1024.0;

    /// <summary>Runs <paramref name="work"/> on the calling thread and measures that thread only.</summary>
    public static ResourceUse OfThisThread(Action work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var cpu = ThreadCpu();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        work();
        return new ResourceUse(ThreadCpu() - cpu, GC.GetAllocatedBytesForCurrentThread() - allocated);
    }

    /// <summary>Runs <paramref name="work"/> and measures the whole process (every thread).</summary>
    public static async Task<ResourceUse> OfProcessAsync(Func<Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        await work();
        process.Refresh();
        return new ResourceUse(process.TotalProcessorTime - cpu, GC.GetTotalAllocatedBytes(precise: true) - allocated);
    }

    public override string ToString() => $"{Cpu.TotalMilliseconds:0} ms CPU, {AllocatedMegabytes:0.0} MB allocated";

    /// <summary>The CPU time of the calling thread (Linux: CLOCK_THREAD_CPUTIME_ID; elsewhere the process's, an upper bound).</summary>
    private static TimeSpan ThreadCpu()
    {
        if (OperatingSystem.IsLinux() && ClockGetTime(ClockThreadCpuTimeId, out var time) == 0)
        {
            return TimeSpan.FromTicks((time.Seconds * TimeSpan.TicksPerSecond) + (time.Nanoseconds / 100));
        }

        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
