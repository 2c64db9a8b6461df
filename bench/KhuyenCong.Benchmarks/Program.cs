using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using KhuyenCong.Benchmarks;
using KhuyenCong.Benchmarks.Scenarios;
using KhuyenCong.Functions;
using KhuyenCong.LocalHost.Durable;
using KhuyenCong.LocalHost.Functions;
using KhuyenCong.LocalHost.Hosting;
using KhuyenCong.LocalHost.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

// KhuyenCong benchmarks. Absolute times are noisy on shared machines, so each figure is printed beside a floor
// measured in the same run, and as a ratio to it.
//   dotnet run -c Release --project bench/KhuyenCong.Benchmarks [-- [scenario ...] [--requests 160] [--clients 16] [--proposals 200] [--reviews 10]]
// Every scenario is one class registered below; they run in this order, and their rows are printed in this order.
IScenario[] scenarios =
[
    new SubmissionScenario(),
    new WorkflowScenario(),
    new ReviewScenario(),
    new StorageScenario(),
    new StatisticsBenchScenario(),
    new MemoryScenario(),
    new PageRenderingScenario(),
];

const string CommandLine = "dotnet run -c Release --project bench/KhuyenCong.Benchmarks";
var options = new BenchOptions(ArgInt("--requests", 160), ArgInt("--clients", 16), ArgInt("--proposals", 200), ArgInt("--reviews", 10));
var chosen = Positional().ToList();
var unknown = chosen.Where(c => scenarios.All(s => s.Key != c)).ToList();
if (unknown.Count > 0)
{
    Console.Error.WriteLine($"Unknown scenario {string.Join(", ", unknown)}: choose from {string.Join(" ", scenarios.Select(s => s.Key))}.");
    return 2;
}

var selected = scenarios.Where(s => chosen.Count == 0 || chosen.Contains(s.Key)).ToList();
var root = RepositoryLayout.FindRoot();
Console.WriteLine($"KhuyenCong benchmarks: {string.Join(", ", selected.Select(s => s.Key))}; {options.Clients} clients, {options.Requests} submissions, {options.Proposals} workflow proposals, {options.Reviews} review samples");

await using var azurite = await AzuriteLauncher.StartAsync(AzuriteSettings.Isolated(root), NullLogger.Instance, CancellationToken.None);
var port = PortProbe.FreePort();
var functionKey = FunctionKeys.NewKey();
using var localHost = StartLocalHost(root, azurite.ConnectionString, port, functionKey);
try
{
    using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(10) };
    using var staff = new HttpClient { BaseAddress = http.BaseAddress, Timeout = TimeSpan.FromMinutes(10) };
    staff.DefaultRequestHeaders.Add(FunctionKeys.HeaderName, functionKey);
    await WaitHealthyAsync(http, localHost);

    // The app's own services in this process, on the same storage: the bench stores decisions through them as the
    // staff routes and link pages do.
    var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["AzureWebJobsStorage"] = azurite.ConnectionString,
        ["Workflow:OfficerEmails"] = "can-bo@khuyencong.local",
        ["Workflow:DirectorEmail"] = "giam-doc@khuyencong.local",
    }).Build();
    await using var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration).AddKhuyenCongFunctions(configuration).BuildServiceProvider();
    var bench = new BenchContext(root, azurite.ConnectionString, localHost, http, staff, services, new HubClient(azurite.ConnectionString, "KhuyenCong"), options);
    await bench.AddReviewerAsync("TS. Lê Văn Bench");

    var rows = new List<BenchRow>();
    foreach (var scenario in selected)
    {
        var watch = Stopwatch.StartNew();
        Console.WriteLine($"· {scenario.Key} …");
        var result = await scenario.RunAsync(bench);
        rows.AddRange(result);
        foreach (var row in result)
        {
            Console.WriteLine($"  {row.Scenario}: {row.Measured} vs {row.Floor} ({row.Ratio})");
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  ({watch.Elapsed.TotalSeconds:F0} s)"));
    }

    var table = Render(rows);
    Console.WriteLine();
    Console.WriteLine(table);
    var notes = string.Join(Environment.NewLine + Environment.NewLine, selected.Select(s => "- " + s.Note)
        .Append("- statistics (1k / 10k / 100k proposals against a single-entity read): not in this branch; its scenario is being built with GET /api/stats on another branch."));
    Console.WriteLine(notes);
    var results = Path.Combine(root, "bench", "results");
    Directory.CreateDirectory(results);
    var subset = chosen.Count == 0 ? string.Empty : " -- " + string.Join(' ', chosen);
    await File.WriteAllTextAsync(Path.Combine(results, "latest.md"), $"""
        # Benchmark results

        {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC · {Environment.ProcessorCount} cores · {Measure.Mb(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes)} memory ·
        {RuntimeInformation.OSDescription} · .NET {Environment.Version} · `{CommandLine}{subset}`

        LocalHost runs with `Workflow:ReviewerCount=1` and `LocalHost:BenchmarkFloor=true`, on its own Azurite; the engine polls
        its queues at most every second (`LocalHost:QueuePollingInterval`, the default).

        {table}
        {notes}

        """);
    return 0;
}
finally
{
    localHost.Kill(entireProcessTree: true);
    await localHost.WaitForExitAsync();
}

static string Render(List<BenchRow> rows)
{
    var header = new[] { "scenario", "measured", "floor (same run)", "ratio" };
    var all = rows.Select(r => new[] { r.Scenario, r.Measured, r.Floor, r.Ratio }).Prepend(header).ToList();
    var widths = Enumerable.Range(0, header.Length).Select(c => all.Max(r => r[c].Length)).ToArray();
    var sb = new StringBuilder();
    void Line(string[] r) => sb.Append("| ").AppendJoin(" | ", r.Select((v, c) => v.PadRight(widths[c]))).AppendLine(" |");
    all.Take(1).ToList().ForEach(Line);
    sb.Append('|').AppendJoin('|', widths.Select(w => new string('-', w + 2))).AppendLine("|");
    all.Skip(1).ToList().ForEach(Line);
    return sb.ToString();
}

static Process StartLocalHost(string root, string connectionString, int port, string functionKey)
{
    var dll = Path.Combine(AppContext.BaseDirectory, "KhuyenCong.LocalHost.dll");
    var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = root };
    start.ArgumentList.Add(dll);
    start.ArgumentList.Add("--urls");
    start.ArgumentList.Add($"http://127.0.0.1:{port}");
    start.Environment["AzureWebJobsStorage"] = connectionString;
    start.Environment["Intake__MaxFileBytes"] = (110L * 1024 * 1024).ToString(CultureInfo.InvariantCulture);
    start.Environment["Intake__MaxProposalBytes"] = (110L * 1024 * 1024).ToString(CultureInfo.InvariantCulture);
    start.Environment["Logging__LogLevel__Default"] = "Warning";
    start.Environment["Telemetry__ConsoleExporter"] = "false";
    // The bench's clients all submit from 127.0.0.1: the public form's per-address and per-email limits would stop them.
    start.Environment["Intake__MaxSubmissionsPerAddress"] = "1000000";
    start.Environment["Intake__MaxSubmissionsPerEmail"] = "1000000";
    start.Environment["LocalHost__FunctionKey"] = functionKey;
    start.Environment[BenchmarkFloor.SettingName.Replace(":", "__", StringComparison.Ordinal)] = "true";
    start.Environment["Workflow__ReviewerCount"] = "1";
    var process = Process.Start(start)!;
    process.OutputDataReceived += (_, e) =>
    {
        if (e.Data is not null && (e.Data.Contains("warn", StringComparison.Ordinal) || e.Data.Contains("fail", StringComparison.Ordinal)))
        {
            Console.Error.WriteLine("LocalHost: " + e.Data);
        }
    };
    process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine(e.Data); } };
    process.BeginOutputReadLine();
    process.BeginErrorReadLine();
    return process;
}

static async Task WaitHealthyAsync(HttpClient http, Process process)
{
    for (var i = 0; i < 240; i++)
    {
        if (process.HasExited)
        {
            throw new InvalidOperationException("LocalHost exited during start-up.");
        }

        try
        {
            using var response = await http.GetAsync(new Uri("/api/health", UriKind.Relative));
            if (response.IsSuccessStatusCode)
            {
                return;
            }
        }
        catch (HttpRequestException)
        {
        }

        await Task.Delay(500);
    }

    throw new TimeoutException("LocalHost did not become healthy.");
}

int ArgInt(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var v) ? v : fallback;
}

IEnumerable<string> Positional()
{
    for (var i = 0; i < args.Length; i++)
    {
        if (args[i].StartsWith("--", StringComparison.Ordinal))
        {
            i++;
            continue;
        }

        yield return args[i];
    }
}
