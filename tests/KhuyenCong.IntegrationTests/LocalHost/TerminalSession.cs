using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;
using KhuyenCong.LocalHost.Hosting;
using KhuyenCong.LocalHost.Storage;

namespace KhuyenCong.IntegrationTests.LocalHost;

/// <summary>
/// `dotnet run --project src/LocalHost` as a terminal runs it: in a process group of its own (the terminal's
/// foreground job), with SIGINT and SIGQUIT at their default action whatever this test process inherited (a shell
/// starts background jobs with them ignored), so that a signal to the group (kill(2) with the negative group id, what Ctrl+C
/// does) reaches <c>dotnet run</c>, LocalHost and any child still in the group. Private ports and data folder.
/// </summary>
internal sealed partial class TerminalSession : IAsyncDisposable
{
    private readonly StringBuilder output = new();
    private readonly string dataDirectory;

    private TerminalSession(Process process, Uri baseAddress, string dataDirectory)
    {
        Process = process;
        BaseAddress = baseAddress;
        this.dataDirectory = dataDirectory;
    }

    /// <summary>The <c>dotnet run</c> process: the group's leader, so its id is the group's id.</summary>
    public Process Process { get; }

    public int GroupId => Process.Id;

    public Uri BaseAddress { get; }

    public int AzuriteProcessId { get; private set; }

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public static async Task<TerminalSession> StartAsync()
    {
        var port = PortProbe.FreePort();
        var data = Path.Combine(Path.GetTempPath(), "khuyencong-terminal-" + Guid.NewGuid().ToString("N")[..8]);
        // setsid: a new session and process group, led by the program it runs in place (same process id);
        // env --default-signal: SIGINT and SIGQUIT back to their default action, as in a terminal's foreground job.
        var start = new ProcessStartInfo("setsid")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryLayout.FindRoot(),
        };
        foreach (var argument in new[]
        {
            "env", "--default-signal=INT,QUIT,TERM", "dotnet", "run", "--no-build", "--configuration", BuildConfiguration(),
            "--project", "src/LocalHost", "--", "--urls", $"http://127.0.0.1:{port}",
        })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove("AzureWebJobsStorage");
        start.Environment["LocalHost__Azurite__BlobPort"] = PortProbe.FreePort().ToString(CultureInfo.InvariantCulture);
        start.Environment["LocalHost__Azurite__QueuePort"] = PortProbe.FreePort().ToString(CultureInfo.InvariantCulture);
        start.Environment["LocalHost__Azurite__TablePort"] = PortProbe.FreePort().ToString(CultureInfo.InvariantCulture);
        start.Environment["LocalHost__Azurite__DataDirectory"] = data;
        var session = new TerminalSession(Process.Start(start)!, new Uri($"http://127.0.0.1:{port}"), data);
        session.Process.OutputDataReceived += (_, e) => session.Append(e.Data);
        session.Process.ErrorDataReceived += (_, e) => session.Append(e.Data);
        session.Process.BeginOutputReadLine();
        session.Process.BeginErrorReadLine();
        await session.WaitHealthyAsync();
        return session;
    }

    /// <summary>
    /// Sends <paramref name="signal"/> to the whole group, as the terminal does, through the kill(2) system call with
    /// the negative group id. Never through the kill command: procps-ng 4.0's <c>kill -INT -PGID</c> signals every
    /// process of the user (it calls kill(-1, ...)), which on a shared machine interrupts everyone's work.
    /// </summary>
    public void SignalGroup(int signal)
    {
        // Only a group this session created: led by the process we started, never 0 or 1 (which mean "everyone").
        if (GroupId <= 1 || ProcessStat(GroupId)?.Group != GroupId)
        {
            throw new InvalidOperationException($"Process {GroupId} does not lead its own process group: no signal sent.");
        }

        if (SendSignal(-GroupId, signal) != 0)
        {
            throw new InvalidOperationException($"kill(-{GroupId}, {signal}) failed with errno {Marshal.GetLastPInvokeError()}.");
        }
    }

    /// <summary>The processes still in the group (read from /proc: field 5 of /proc/PID/stat is the group id).</summary>
    public IReadOnlyList<int> GroupMembers() =>
        Directory.EnumerateDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : 0)
            .Where(pid => pid > 0 && ProcessStat(pid) is { } stat && stat.Group == GroupId)
            .ToList();

    /// <summary>Group and session of a process, or null when it has gone.</summary>
    public static (int Group, int Session)? ProcessStat(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // "pid (comm) state ppid pgrp session ...": comm may hold spaces and parentheses, so split after the last ')'.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return fields[0] == "Z" ? null : (int.Parse(fields[2], CultureInfo.InvariantCulture), int.Parse(fields[3], CultureInfo.InvariantCulture));
        }
        catch (IOException)
        {
            return null;
        }
    }

    public bool AzuriteAlive => ProcessStat(AzuriteProcessId) is not null;

    /// <summary>Polls until the group is empty and Azurite has gone, or <paramref name="limit"/> has passed.</summary>
    public async Task<TimeSpan> WaitAllGoneAsync(Stopwatch clock, TimeSpan limit)
    {
        ArgumentNullException.ThrowIfNull(clock);
        while ((GroupMembers().Count > 0 || AzuriteAlive) && clock.Elapsed < limit)
        {
            await Task.Delay(50);
        }

        var elapsed = clock.Elapsed;
        // Gone is not yet read: the last lines may still sit in the pipe. WaitForExitAsync returns once the redirected
        // output has reached its end, so the assertions on the output see everything the processes wrote.
        using (var drained = new CancellationTokenSource(limit))
        {
            try
            {
                await Process.WaitForExitAsync(drained.Token);
            }
            catch (OperationCanceledException)
            {
                // Still running after the limit: the caller's assertions on the group report it with the output so far.
            }
        }

        return elapsed;
    }

    public async Task WaitForOutputAsync(string text, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (!Output.Contains(text, StringComparison.Ordinal) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }
    }

    private async Task WaitHealthyAsync()
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (true)
        {
            Assert.False(Process.HasExited, "LocalHost exited during start-up: " + Output);
            try
            {
                using var response = await client.GetAsync(new Uri("/api/health", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    break;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // a busy machine: try again
            }

            Assert.True(DateTime.UtcNow < deadline, "LocalHost did not become healthy: " + Output);
            await Task.Delay(500);
        }

        AzuriteProcessId = int.Parse(AzuriteRunning().Match(Output).Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private void Append(string? line)
    {
        lock (output)
        {
            output.AppendLine(line);
        }
    }

    // The tests run from tests/KhuyenCong.IntegrationTests/bin/<Configuration>/net10.0/: LocalHost was built alongside.
    private static string BuildConfiguration() =>
        new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    public async ValueTask DisposeAsync()
    {
        if (GroupMembers().Count > 0 && ProcessStat(GroupId)?.Group == GroupId)
        {
            SignalGroup(Signals.Kill);
        }

        if (AzuriteAlive)
        {
            using var azurite = Process.GetProcessById(AzuriteProcessId);
            azurite.Kill();
        }

        await Process.WaitForExitAsync();
        Process.Dispose();
        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // temporary folder
        }
        catch (UnauthorizedAccessException)
        {
            // temporary folder
        }
    }

    [GeneratedRegex(@"Azurite is running \(process (\d+)\)")]
    private static partial Regex AzuriteRunning();

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);

    /// <summary>Linux signal numbers.</summary>
    public static class Signals
    {
        public const int Int = 2;
        public const int Kill = 9;
        public const int Term = 15;
    }
}
