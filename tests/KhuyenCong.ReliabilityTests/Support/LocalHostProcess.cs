using System.Diagnostics;
using System.Globalization;
using System.Text;
using KhuyenCong.LocalHost.Hosting;
using KhuyenCong.LocalHost.Storage;
using KhuyenCong.Testing;

namespace KhuyenCong.ReliabilityTests.Support;

/// <summary>
/// LocalHost as its own OS process (<c>dotnet KhuyenCong.LocalHost.dll</c>) on a test's storage, with short durable
/// leases so that work a killed process held is picked up again within seconds, not minutes.
/// </summary>
public sealed class LocalHostProcess : IAsyncDisposable
{
    /// <summary>The settings that make recovery fast (documented in README, "Reliability suite").</summary>
    public static readonly IReadOnlyDictionary<string, string> FastRecovery = new Dictionary<string, string>
    {
        ["LocalHost__QueuePollingInterval"] = "00:00:00.500",
        ["LocalHost__QueueVisibilityTimeout"] = "00:00:15",
        ["LocalHost__PartitionLeaseInterval"] = "00:00:09",
        ["Email__ClaimLease"] = "00:00:20",
        ["SendGrid__Timeout"] = "00:00:10",
    };

    private readonly Process process;
    private readonly StringBuilder output;

    private LocalHostProcess(Process process, Uri baseAddress, StringBuilder output)
    {
        this.process = process;
        this.output = output;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public int ProcessId => process.Id;

    public bool HasExited => process.HasExited;

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

    public static async Task<LocalHostProcess> StartAsync(string storageConnectionString, IReadOnlyDictionary<string, string>? settings = null)
    {
        var port = PortProbe.FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryLayout.FindRoot(),
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "KhuyenCong.LocalHost.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}"));
        start.Environment["AzureWebJobsStorage"] = storageConnectionString;
        start.Environment["LocalHost__FunctionKey"] = LocalHostFactory.FunctionKey;
        start.Environment["LocalHost__AdminKey"] = LocalHostFactory.AdminKey;
        start.Environment["Telemetry__ConsoleExporter"] = "false";
        // Every test client submits from 127.0.0.1 with few email addresses: the public form's limits are tested elsewhere.
        start.Environment["Intake__MaxSubmissionsPerAddress"] = "1000000";
        start.Environment["Intake__MaxSubmissionsPerEmail"] = "1000000";
        foreach (var (key, value) in FastRecovery)
        {
            start.Environment[key] = value;
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var output = new StringBuilder();
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var host = new LocalHostProcess(process, new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}")), output);

        using var client = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException("LocalHost exited during start-up: " + host.Output);
            }

            try
            {
                using var response = await client.GetAsync(new Uri("/api/health", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return host;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // busy starting
            }

            if (DateTime.UtcNow > deadline)
            {
                await host.DisposeAsync();
                throw new TimeoutException("LocalHost did not become healthy: " + host.Output);
            }

            await Task.Delay(300);
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    public HttpClient CreateClient(bool staff = false)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(150) };
        if (staff)
        {
            client.DefaultRequestHeaders.Add("x-functions-key", LocalHostFactory.FunctionKey);
        }

        return client;
    }

    /// <summary>kill -9: no shutdown code runs, leases and dequeued messages are left as they are.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited)
        {
            using (var kill = Process.Start("kill", ["-KILL", process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            await process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
        catch (InvalidOperationException)
        {
            // already gone
        }

        process.Dispose();
    }
}
