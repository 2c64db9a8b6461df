using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using KhuyenCong.LocalHost.Hosting;
using KhuyenCong.LocalHost.Storage;

namespace KhuyenCong.IntegrationTests.LocalHost;

/// <summary>
/// Runs LocalHost as its own process, as `dotnet run --project src/LocalHost` does, with Azurite on private ports:
/// it starts Azurite itself, answers health, and leaves no process behind when stopped with Ctrl+C (SIGINT), or
/// even when it is killed.
/// </summary>
public partial class ProcessLifecycleTests
{
    private sealed record RunningLocalHost(Process Process, int AzuritePid, Uri BaseAddress, string DataDirectory, StringBuilder Output);

    private static async Task<RunningLocalHost> StartAsync()
    {
        var port = PortProbe.FreePort();
        var data = Path.Combine(Path.GetTempPath(), "khuyencong-lifecycle-" + Guid.NewGuid().ToString("N")[..8]);
        var dll = Path.Combine(AppContext.BaseDirectory, "KhuyenCong.LocalHost.dll");
        // env --default-signal: SIGINT back to its default action. A test run started in the background of a shell
        // (`cmd &`, nohup) inherits SIGINT ignored, and .NET keeps a signal ignored that it was started with: Ctrl+C
        // would never reach LocalHost. A terminal's foreground job has the default action; so does this one.
        var start = new ProcessStartInfo("env")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryLayout.FindRoot(),
        };
        start.ArgumentList.Add("--default-signal=INT,QUIT,TERM");
        start.ArgumentList.Add("dotnet");
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment.Remove("AzureWebJobsStorage");
        start.Environment["LocalHost__Azurite__BlobPort"] = PortProbe.FreePort().ToString(CultureInfo.InvariantCulture);
        start.Environment["LocalHost__Azurite__QueuePort"] = PortProbe.FreePort().ToString(CultureInfo.InvariantCulture);
        start.Environment["LocalHost__Azurite__TablePort"] = PortProbe.FreePort().ToString(CultureInfo.InvariantCulture);
        start.Environment["LocalHost__Azurite__DataDirectory"] = data;
        var output = new StringBuilder();
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        using var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            Assert.False(process.HasExited, "LocalHost exited during start-up: " + Snapshot(output));
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

            Assert.True(DateTime.UtcNow < deadline, "LocalHost did not become healthy: " + Snapshot(output));
            await Task.Delay(500);
        }

        var pid = int.Parse(AzuritePid().Match(Snapshot(output)).Groups[1].Value, CultureInfo.InvariantCulture);
        return new RunningLocalHost(process, pid, baseAddress, data, output);
    }

    private static string Snapshot(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var p = Process.GetProcessById(pid);
            return !p.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>Waits for LocalHost to exit and its output to end; if it does not, fails with what it wrote.</summary>
    private static async Task WaitExitAsync(RunningLocalHost host, TimeSpan limit)
    {
        using var cts = new CancellationTokenSource(limit);
        try
        {
            await host.Process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"LocalHost did not end within {limit.TotalSeconds:0} s (exited: {host.Process.HasExited}, Azurite alive: {IsAlive(host.AzuritePid)}). Its output:\n{Snapshot(host.Output)}");
        }
    }

    private static async Task WaitGoneAsync(int pid, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (IsAlive(pid) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }
    }

    private static void Signal(int pid, string signal)
    {
        using var kill = Process.Start("kill", ["-" + signal, pid.ToString(CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    [Fact]
    public async Task CtrlC_RunningLocalHost_ExitsCleanlyAndStopsAzurite()
    {
        var host = await StartAsync();
        try
        {
            Assert.True(IsAlive(host.AzuritePid));
            using (var client = new HttpClient { BaseAddress = host.BaseAddress })
            {
                using var outbox = await client.GetAsync(new Uri("/dev/outbox", UriKind.Relative));
                Assert.True(outbox.IsSuccessStatusCode);
            }

            Signal(host.Process.Id, "INT");
            await WaitExitAsync(host, TimeSpan.FromMinutes(2));
            await WaitGoneAsync(host.AzuritePid, TimeSpan.FromSeconds(10));

            Assert.Equal(0, host.Process.ExitCode);
            Assert.False(IsAlive(host.AzuritePid), "Azurite is still running after Ctrl+C");
            Assert.Contains("Azurite stopped", Snapshot(host.Output), StringComparison.Ordinal);
        }
        finally
        {
            Cleanup(host);
        }
    }

    [Fact]
    public async Task Kill_LocalHostKilledHard_AzuriteStopsByItself()
    {
        var host = await StartAsync();
        try
        {
            host.Process.Kill();
            await host.Process.WaitForExitAsync();
            await WaitGoneAsync(host.AzuritePid, TimeSpan.FromSeconds(20));

            Assert.False(IsAlive(host.AzuritePid), "Azurite outlived a killed LocalHost");
        }
        finally
        {
            Cleanup(host);
        }
    }

    [Fact]
    public async Task Start_NodeNotOnPath_ExitsNonZeroWithAClearMessage()
    {
        var start = new ProcessStartInfo(Environment.ProcessPath ?? "/usr/share/dotnet/dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryLayout.FindRoot(),
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "KhuyenCong.LocalHost.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{PortProbe.FreePort()}");
        start.Environment.Remove("AzureWebJobsStorage");
        start.Environment["PATH"] = "/nonexistent";
        start.Environment["LocalHost__Azurite__BlobPort"] = PortProbe.FreePort().ToString(CultureInfo.InvariantCulture);
        start.Environment["LocalHost__Azurite__QueuePort"] = PortProbe.FreePort().ToString(CultureInfo.InvariantCulture);
        start.Environment["LocalHost__Azurite__TablePort"] = PortProbe.FreePort().ToString(CultureInfo.InvariantCulture);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(cts.Token);

        Assert.Equal(1, process.ExitCode);
        Assert.Contains("Node.js was not found", await stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Azurite is running", await stdout, StringComparison.Ordinal);
    }

    private static void Cleanup(RunningLocalHost host)
    {
        if (!host.Process.HasExited)
        {
            host.Process.Kill(entireProcessTree: true);
        }

        if (IsAlive(host.AzuritePid))
        {
            Process.GetProcessById(host.AzuritePid).Kill();
        }

        host.Process.Dispose();
        try
        {
            Directory.Delete(host.DataDirectory, recursive: true);
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
    private static partial Regex AzuritePid();
}
