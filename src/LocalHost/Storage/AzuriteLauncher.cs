using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging;

namespace KhuyenCong.LocalHost.Storage;

/// <summary>Where an Azurite instance listens and keeps its data.</summary>
public sealed record AzuriteSettings(string RepositoryRoot, string DataDirectory, int BlobPort, int QueuePort, int TablePort)
{
    public static AzuriteSettings Default(string repositoryRoot) =>
        new(repositoryRoot, Path.Combine(repositoryRoot, ".azurite"), AzuriteLauncher.DefaultBlobPort, AzuriteLauncher.DefaultQueuePort, AzuriteLauncher.DefaultTablePort);

    /// <summary>
    /// The Azurite LocalHost starts: ports and data folder from <c>LocalHost:Azurite:BlobPort</c>, <c>QueuePort</c>,
    /// <c>TablePort</c> and <c>DataDirectory</c>, defaulting to 10000-10002 and the repository's .azurite folder.
    /// </summary>
    public static AzuriteSettings FromConfiguration(Microsoft.Extensions.Configuration.IConfiguration configuration, string repositoryRoot)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection("LocalHost:Azurite");
        int Port(string key, int fallback) =>
            section[key] is { Length: > 0 } v
                ? int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p is > 0 and < 65536
                    ? p
                    : throw new LocalHostException($"Setting 'LocalHost:Azurite:{key}' must be a port number (1-65535), not '{v}'.")
                : fallback;
        var data = section["DataDirectory"] is { Length: > 0 } d ? Path.GetFullPath(d, repositoryRoot) : Path.Combine(repositoryRoot, ".azurite");
        return new(repositoryRoot, data, Port("BlobPort", AzuriteLauncher.DefaultBlobPort), Port("QueuePort", AzuriteLauncher.DefaultQueuePort), Port("TablePort", AzuriteLauncher.DefaultTablePort));
    }

    /// <summary>Free ports and a fresh temporary data folder: an Azurite nobody else uses (tests).</summary>
    public static AzuriteSettings Isolated(string repositoryRoot)
    {
        var data = Path.Combine(Path.GetTempPath(), "khuyencong-azurite-" + Guid.NewGuid().ToString("N")[..12]);
        return new(repositoryRoot, data, PortProbe.FreePort(), PortProbe.FreePort(), PortProbe.FreePort());
    }

    public string ConnectionString => AzuriteLauncher.ConnectionStringFor(BlobPort, QueuePort, TablePort);
}

/// <summary>
/// Starts Azurite from the repository's node_modules (running <c>npm ci</c> first when it is missing), in a session
/// of its own so the terminal's Ctrl+C reaches LocalHost but not Azurite (LocalHost stops it last, see
/// <see cref="AzuriteProcess"/>). Azurite runs under a small Node.js launcher that shuts it down cleanly when its
/// standard input closes, which also happens when this process dies (even by SIGKILL), so no Azurite is left behind.
/// </summary>
public static partial class AzuriteLauncher
{
    public const int DefaultBlobPort = 10000;
    public const int DefaultQueuePort = 10001;
    public const int DefaultTablePort = 10002;

    // The well-known development account of the storage emulators (public, documented by Microsoft).
    private const string DevAccountName = "devstoreaccount1";
    private const string DevAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    // Runs Azurite's own CLI entry in this node process and triggers its graceful shutdown (its SIGTERM handler,
    // which saves the data and prints "... successfully closed" for each of its three services) when the parent
    // closes our stdin, or dies: then the kernel closes the pipe, and the parent-process check below notices even if
    // something else still held the pipe open. Azurite's process would then live on as long as a client keeps a
    // connection open (its servers stop answering but leave open sockets alone), so the launcher exits once the three
    // services have closed; a stop that hangs ends after 5 seconds.
    private const string LauncherScript = """
        const azurite = process.env.KHUYENCONG_AZURITE_ENTRY;
        process.argv = [process.argv[0], azurite, ...JSON.parse(process.env.KHUYENCONG_AZURITE_ARGS)];
        const parent = process.ppid;
        let stopping = false;
        let closed = 0;
        const log = console.log;
        console.log = (...args) => {
          log(...args);
          if (stopping && / service successfully closed/.test(String(args[0])) && ++closed === 3) process.exit(0);
        };
        const stop = () => {
          if (stopping) return;
          stopping = true;
          process.stdin.destroy();
          setTimeout(() => process.exit(1), 5000).unref();
          process.kill(process.pid, 'SIGTERM');
        };
        process.stdin.on('end', stop);
        process.stdin.on('error', stop);
        process.stdin.resume();
        setInterval(() => { if (process.ppid !== parent) stop(); }, 1000).unref();
        require(azurite);
        """;

    public static string ConnectionStringFor(int blobPort, int queuePort, int tablePort) =>
        string.Create(CultureInfo.InvariantCulture,
            $"DefaultEndpointsProtocol=http;AccountName={DevAccountName};AccountKey={DevAccountKey};" +
            $"BlobEndpoint=http://127.0.0.1:{blobPort}/{DevAccountName};" +
            $"QueueEndpoint=http://127.0.0.1:{queuePort}/{DevAccountName};" +
            $"TableEndpoint=http://127.0.0.1:{tablePort}/{DevAccountName};");

    public static async Task<AzuriteProcess> StartAsync(AzuriteSettings settings, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        await EnsureNodeAsync(cancellationToken);
        var entry = await EnsureAzuriteInstalledAsync(settings.RepositoryRoot, logger, cancellationToken);
        RefuseBusyPorts(settings);
        Directory.CreateDirectory(settings.DataDirectory);

        var output = new StringBuilder();
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = StartInfo(settings, entry), EnableRaisingEvents = true };
        Watch(process, output, ready);
        LogStarting(logger, settings.BlobPort, settings.QueuePort, settings.TablePort, settings.DataDirectory);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var handle = new AzuriteProcess(process, settings, logger);
        try
        {
            await ready.Task.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
        }
        catch (TimeoutException)
        {
            await handle.DisposeAsync();
            throw new LocalHostException("Azurite did not start within 60 seconds. Its output:" + Environment.NewLine + Snapshot(output));
        }
        catch
        {
            await handle.DisposeAsync();
            throw;
        }

        LogStarted(logger, process.Id);
        return handle;
    }

    private static void RefuseBusyPorts(AzuriteSettings settings)
    {
        foreach (var (port, service) in new[] { (settings.BlobPort, "blob"), (settings.QueuePort, "queue"), (settings.TablePort, "table") })
        {
            if (PortProbe.IsListening(port))
            {
                throw new LocalHostException(
                    $"Port {port} (Azurite {service}) is already in use by another program. Stop it, or point LocalHost at a " +
                    "running storage emulator or account with the setting AzureWebJobsStorage.");
            }
        }
    }

    private static ProcessStartInfo StartInfo(AzuriteSettings settings, string entry)
    {
        var args = new[]
        {
            "--silent", "--loose", "--skipApiVersionCheck", "--disableTelemetry",
            "--location", settings.DataDirectory,
            "--blobHost", "127.0.0.1", "--blobPort", settings.BlobPort.ToString(CultureInfo.InvariantCulture),
            "--queueHost", "127.0.0.1", "--queuePort", settings.QueuePort.ToString(CultureInfo.InvariantCulture),
            "--tableHost", "127.0.0.1", "--tablePort", settings.TablePort.ToString(CultureInfo.InvariantCulture),
        };
        var start = InOwnSession("node", settings.RepositoryRoot);
        start.ArgumentList.Add("-e");
        start.ArgumentList.Add(LauncherScript);
        start.Environment["KHUYENCONG_AZURITE_ENTRY"] = entry;
        start.Environment["KHUYENCONG_AZURITE_ARGS"] = System.Text.Json.JsonSerializer.Serialize(args);
        return start;
    }

    /// <summary>Collects the process's output and completes <paramref name="ready"/> when the table service listens (or fails it when the process exits first).</summary>
    private static void Watch(Process process, StringBuilder output, TaskCompletionSource ready)
    {
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(e.Data);
            }

            if (e.Data.Contains("Table service is successfully listening", StringComparison.Ordinal))
            {
                ready.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (output)
                {
                    output.AppendLine(e.Data);
                }
            }
        };
        process.Exited += (_, _) => ready.TrySetException(new LocalHostException(
            "Azurite stopped during start-up. Its output:" + Environment.NewLine + Snapshot(output)));
    }

    /// <summary>
    /// Starts <paramref name="file"/> where the terminal's Ctrl+C does not reach it. A terminal sends SIGINT to its
    /// whole foreground process group (<c>dotnet run</c>, LocalHost and every child): Azurite, given it too, would stop
    /// serving while LocalHost's durable engine still needs it. On Linux the child runs under <c>setsid</c> (util-linux),
    /// which gives it a session and process group of its own and then executes it in place, so the process id stays
    /// the child's; .NET's <see cref="ProcessStartInfo.CreateNewProcessGroup"/> does that on Windows only (it throws
    /// <see cref="PlatformNotSupportedException"/> elsewhere). Where neither exists (macOS) the child shares the
    /// terminal's group, and a Ctrl+C stops it at once; LocalHost's stop is bounded either way.
    /// </summary>
    private static ProcessStartInfo InOwnSession(string file, string workingDirectory)
    {
        var setsid = OperatingSystem.IsWindows() ? null : FindOnPath("setsid");
        var start = new ProcessStartInfo(setsid ?? file)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        if (setsid is not null)
        {
            start.ArgumentList.Add(file);
        }
        else if (OperatingSystem.IsWindows())
        {
            start.CreateNewProcessGroup = true;
        }

        return start;
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);

    private static string Snapshot(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    private static async Task EnsureNodeAsync(CancellationToken cancellationToken)
    {
        string version;
        try
        {
            version = (await RunAsync("node", ["--version"], Directory.GetCurrentDirectory(), cancellationToken)).Trim();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new LocalHostException(
                "Node.js was not found. LocalHost runs the Azurite storage emulator with Node.js 20 or newer: install it " +
                "(https://nodejs.org) and make sure 'node' and 'npm' are on the PATH, or set AzureWebJobsStorage to a storage account.");
        }

        if (!int.TryParse(version.TrimStart('v').Split('.')[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var major) || major < 20)
        {
            throw new LocalHostException($"Node.js {version} is too old: Azurite needs Node.js 20 or newer.");
        }
    }

    private static readonly SemaphoreSlim InstallLock = new(1, 1);

    private static async Task<string> EnsureAzuriteInstalledAsync(string root, ILogger logger, CancellationToken cancellationToken)
    {
        var entry = Path.Combine(root, "node_modules", "azurite", "dist", "src", "azurite.js");
        if (File.Exists(entry))
        {
            return entry;
        }

        await InstallLock.WaitAsync(cancellationToken);
        try
        {
            if (File.Exists(entry))
            {
                return entry;
            }

            LogInstalling(logger, root);
            try
            {
                await RunAsync("npm", ["ci", "--no-audit", "--no-fund"], root, cancellationToken);
            }
            catch (System.ComponentModel.Win32Exception)
            {
                throw new LocalHostException("npm was not found. Install Node.js 20 or newer (it includes npm) and try again.");
            }

            return File.Exists(entry)
                ? entry
                : throw new LocalHostException($"'npm ci' finished but {entry} is missing. Delete node_modules and try again.");
        }
        finally
        {
            InstallLock.Release();
        }
    }

    private static async Task<string> RunAsync(string file, string[] arguments, string workingDirectory, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start) ?? throw new LocalHostException($"Could not start '{file}'.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new LocalHostException(
                $"'{file} {string.Join(' ', arguments)}' failed with exit code {process.ExitCode}:{Environment.NewLine}{await stderr}{await stdout}");
        }

        return await stdout;
    }

    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Starting Azurite (blob {BlobPort}, queue {QueuePort}, table {TablePort}), data in {DataDirectory}")]
    private static partial void LogStarting(ILogger logger, int blobPort, int queuePort, int tablePort, string dataDirectory);

    [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "Azurite is running (process {ProcessId})")]
    private static partial void LogStarted(ILogger logger, int processId);

    [LoggerMessage(EventId = 102, Level = LogLevel.Information, Message = "Azurite is not installed: running 'npm ci' in {Root}")]
    private static partial void LogInstalling(ILogger logger, string root);
}
