using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Runtime.InteropServices;
using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using KhuyenCong.LocalHost.Hosting;
using KhuyenCong.LocalHost.Storage;
using Microsoft.Extensions.Logging.Abstractions;

// KhuyenCong benchmarks. Absolute times are noisy on shared machines, so each figure is printed beside a floor
// measured in the same run, and as a ratio to it.
//   dotnet run -c Release --project bench/KhuyenCong.Benchmarks [-- --requests 160 --clients 16]
//   dotnet run -c Release --project bench/KhuyenCong.Benchmarks -- stats     (the statistics scenario alone)
var requests = ArgInt("--requests", 160);
var clients = ArgInt("--clients", 16);
var statsOnly = args.Contains("stats", StringComparer.OrdinalIgnoreCase);
var root = RepositoryLayout.FindRoot();
Console.WriteLine($"KhuyenCong benchmarks: {clients} clients, {requests} requests per scenario{(statsOnly ? ", statistics only" : string.Empty)}");

await using var azurite = await AzuriteLauncher.StartAsync(AzuriteSettings.Isolated(root), NullLogger.Instance, CancellationToken.None);
var port = PortProbe.FreePort();
using var localHost = StartLocalHost(root, azurite.ConnectionString, port);
using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(10) };
http.DefaultRequestHeaders.Add("x-functions-key", BenchFunctionKey);
await WaitHealthyAsync(http, localHost);

var pdf = MakePdf(1024 * 1024);
var rows = new List<string[]>();

// Floor: what storage alone costs for one submission's writes: one Table insert and one Blob upload of the same bytes.
var tables = new TableServiceClient(azurite.ConnectionString).GetTableClient("BenchFloor");
await tables.CreateIfNotExistsAsync();
var container = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient("bench-floor");
await container.CreateIfNotExistsAsync();
if (!statsOnly)
{
    await RunAsync(8, 4, async i => await FloorOnceAsync(i)); // warm-up
    var floor = await RunAsync(requests, clients, FloorOnceAsync);

    await RunAsync(8, 4, SubmitOnceAsync); // warm-up
    var submission = await RunAsync(requests, clients, SubmitOnceAsync);
    rows.Add(Row("submission p50 (16 clients, 1 MB PDF)", submission.P50, floor.P50));
    rows.Add(Row("submission p99 (16 clients, 1 MB PDF)", submission.P99, floor.P99));
    rows.Add(["submission throughput", $"{submission.PerSecond:F1}/s", $"{floor.PerSecond:F1}/s", Ratio(floor.PerSecond, submission.PerSecond)]);

    // Memory: LocalHost's resident memory while one client uploads a 100 MB file, against its resident memory at rest.
    await Task.Delay(2000);
    var idle = ResidentBytes(localHost.Id);
    long peak = idle;
    using var sampling = new CancellationTokenSource();
    var sampler = Task.Run(async () =>
    {
        while (!sampling.IsCancellationRequested)
        {
            peak = Math.Max(peak, ResidentBytes(localHost.Id));
            await Task.Delay(25);
        }
    });
    var bigStatus = await SubmitAsync(http, new GeneratedPdfContent(100L * 1024 * 1024), "big");
    await sampling.CancelAsync();
    await sampler;
    rows.Add(["peak working set, 100 MB upload", Mb(peak), Mb(idle) + " at rest", $"+{Mb(peak - idle)} ({(double)peak / idle:F2}×)"]);
    if (bigStatus != 201)
    {
        Console.Error.WriteLine($"The 100 MB upload answered {bigStatus}.");
    }
}

// Statistics: GET /api/stats at 1,000, 10,000 and 100,000 proposals against a single-entity point read (StatisticsScenario.cs).
rows.AddRange(await KhuyenCong.Benchmarks.StatisticsScenario.RunAsync(http, azurite.ConnectionString, Math.Max(60, requests / 2)));

var table = Render(rows);
Console.WriteLine(table);
var results = Path.Combine(root, "bench", "results");
Directory.CreateDirectory(results);
await File.WriteAllTextAsync(Path.Combine(results, statsOnly ? "statistics.md" : "latest.md"), $"""
    # Benchmark results

    {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC · {Environment.ProcessorCount} cores · {Mb(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes)} memory ·
    {RuntimeInformation.OSDescription} · .NET {Environment.Version} · `dotnet run -c Release --project bench/KhuyenCong.Benchmarks{(statsOnly ? " -- stats" : string.Empty)}`

    {table}
    Floor for latency: one Table insert plus one Blob upload of the same 1 MB, straight to Azurite, with the same
    concurrency. Floor for memory: LocalHost's resident memory at rest just before the upload.
    Floor for statistics: one point read of one entity straight from Azurite, alternated with the requests (one client);
    the statistics rows of 1,000 → 100,000 proposals are stored first (StatisticsScenario.cs). The ratio must not
    grow with the number of proposals.
    """);
localHost.Kill(entireProcessTree: true);
await localHost.WaitForExitAsync();
return 0;

async Task FloorOnceAsync(int i)
{
    var id = Guid.NewGuid().ToString("N");
    await tables.AddEntityAsync(new TableEntity(id, "record") { ["Title"] = "floor", ["Amount"] = 1L });
    await container.GetBlobClient($"{id}/file").UploadAsync(new BinaryData(pdf));
}

async Task SubmitOnceAsync(int i)
{
    var status = await SubmitAsync(http, new ByteArrayContent(pdf), i.ToString(CultureInfo.InvariantCulture));
    if (status != 201)
    {
        throw new InvalidOperationException($"submission answered {status}");
    }
}

static async Task<int> SubmitAsync(HttpClient http, HttpContent file, string tag)
{
    using var form = new MultipartFormDataContent();
    foreach (var (name, value) in new Dictionary<string, string>
    {
        ["organizationName"] = "Hộ kinh doanh Trần Thị Bench " + tag,
        ["taxCode"] = "0101234567",
        ["representative"] = "Trần Thị Hoa",
        ["email"] = "bench@example.vn",
        ["phone"] = "0912345678",
        ["address"] = "Thôn Đông",
        ["commune"] = "Xã Tân Hưng",
        ["province"] = "hung-yen",
        ["kind"] = "machinery",
        ["sector"] = "Chế biến nông sản",
        ["fundingSource"] = "national",
        ["title"] = "Máy sấy nông sản " + tag,
        ["summary"] = "Đầu tư máy sấy",
        ["totalCost"] = "600000000",
        ["requestedSupport"] = "300000000",
        ["ownContribution"] = "300000000",
        ["startDate"] = "2027-01-01",
        ["endDate"] = "2027-06-30",
    })
    {
        form.Add(new StringContent(value, Encoding.UTF8), name);
    }

    file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
    form.Add(file, "attachments", "ho-so.pdf");
    using var response = await http.PostAsync(new Uri("/api/proposals", UriKind.Relative), form);
    return (int)response.StatusCode;
}

static async Task<(double P50, double P99, double PerSecond)> RunAsync(int count, int concurrency, Func<int, Task> operation)
{
    var times = new double[count];
    var next = -1;
    var total = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
    {
        int i;
        while ((i = Interlocked.Increment(ref next)) < count)
        {
            var watch = Stopwatch.StartNew();
            await operation(i);
            times[i] = watch.Elapsed.TotalMilliseconds;
        }
    }));
    Array.Sort(times);
    return (Percentile(times, 0.50), Percentile(times, 0.99), count / total.Elapsed.TotalSeconds);
}

static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

static string[] Row(string name, double value, double floor) => [name, $"{value:F0} ms", $"{floor:F0} ms", $"{value / floor:F2}×"];

static string Ratio(double floor, double value) => $"{floor / value:F2}× slower";

static string Mb(long bytes) => $"{bytes / (1024.0 * 1024):F0} MB";

static long ResidentBytes(int pid)
{
    foreach (var line in File.ReadLines($"/proc/{pid}/status"))
    {
        if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
        {
            return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
    }

    return 0;
}

static string Render(List<string[]> rows)
{
    var header = new[] { "scenario", "measured", "floor (same run)", "ratio" };
    var all = rows.Prepend(header).ToList();
    var widths = Enumerable.Range(0, header.Length).Select(c => all.Max(r => r[c].Length)).ToArray();
    var sb = new StringBuilder();
    void Line(string[] r) => sb.Append("| ").AppendJoin(" | ", r.Select((v, c) => v.PadRight(widths[c]))).AppendLine(" |");
    Line(header);
    sb.Append('|').AppendJoin('|', widths.Select(w => new string('-', w + 2))).AppendLine("|");
    rows.ForEach(Line);
    return sb.ToString();
}

static byte[] MakePdf(int size)
{
    var bytes = new byte[size];
    Random.Shared.NextBytes(bytes);
    "%PDF-1.4\n"u8.CopyTo(bytes);
    return bytes;
}

static Process StartLocalHost(string root, string connectionString, int port)
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
    start.Environment["LocalHost__FunctionKey"] = BenchFunctionKey;
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

/// <summary>A PDF-looking body of any size, generated as it is sent (the client holds no copy of it).</summary>
internal sealed class GeneratedPdfContent(long length) : HttpContent
{
    protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
    {
        var chunk = new byte[81920];
        Random.Shared.NextBytes(chunk);
        "%PDF-1.4\n"u8.CopyTo(chunk);
        long sent = 0;
        while (sent < length)
        {
            var n = (int)Math.Min(chunk.Length, length - sent);
            await stream.WriteAsync(chunk.AsMemory(0, n));
            sent += n;
            if (sent == n)
            {
                Random.Shared.NextBytes(chunk);
            }
        }
    }

    protected override bool TryComputeLength(out long length1)
    {
        length1 = length;
        return true;
    }
}

internal static partial class Program
{
    private const string BenchFunctionKey = "bench-function-key";
}
