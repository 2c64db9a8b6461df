using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Infrastructure.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCong.Benchmarks;

/// <summary>Command-line options (all optional).</summary>
internal sealed record BenchOptions(int Requests, int Clients, int Proposals, int Reviews);

/// <summary>
/// What every scenario shares: LocalHost (a separate process, started by the bench), its Azurite, HTTP clients,
/// the app's own storage services built in this process (to store decisions as the staff routes and link pages do)
/// and a client of the engine's task hub (to raise events and watch statuses).
/// </summary>
internal sealed class BenchContext(
    string root,
    string connectionString,
    Process localHost,
    HttpClient http,
    HttpClient staff,
    IServiceProvider services,
    HubClient hub,
    BenchOptions options)
{
    /// <summary>The proposals' kind and sector; the bench's one reviewer covers them.</summary>
    public const string Kind = "machinery";
    public const string Sector = "Chế biến nông sản";

    public string Root => root;

    public string ConnectionString => connectionString;

    public Process LocalHost => localHost;

    public HttpClient Http => http;

    /// <summary>Carries the function key: a staff member with every role.</summary>
    public HttpClient Staff => staff;

    public IServiceProvider Services => services;

    public HubClient Hub => hub;

    public BenchOptions Options => options;

    public IProposalCaseStore Cases => services.GetRequiredService<IProposalCaseStore>();

    /// <summary>Counts the requests of this process's app clients (the decisions the bench stores as routes would).</summary>
    public StorageOperationCounter RouteOperations => services.GetRequiredService<StorageOperationCounter>();

    public static byte[] MakePdf(int size)
    {
        var bytes = new byte[size];
        Random.Shared.NextBytes(bytes);
        "%PDF-1.4\n"u8.CopyTo(bytes);
        return bytes;
    }

    /// <summary>Submits a proposal through <c>POST /api/proposals</c> (multipart, one PDF); returns the status and the new id.</summary>
    public async Task<(int Status, string? Id)> SubmitAsync(HttpContent file, string tag)
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
            ["kind"] = Kind,
            ["sector"] = Sector,
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
        string? id = null;
        if (response.IsSuccessStatusCode)
        {
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            id = body.RootElement.TryGetProperty("id", out var value) ? value.GetString() : null;
        }

        return ((int)response.StatusCode, id);
    }

    /// <summary>Submits and fails loudly unless the proposal was created.</summary>
    public async Task<string> SubmitOrThrowAsync(byte[] pdf, string tag)
    {
        var (status, id) = await SubmitAsync(new ByteArrayContent(pdf), tag);
        return status == 201 && id is not null ? id : throw new InvalidOperationException($"submission answered {status}");
    }

    /// <summary>Adds an active reviewer for the bench's kind and sector through <c>POST /api/reviewers</c>.</summary>
    public async Task AddReviewerAsync(string name)
    {
        using var response = await staff.PostAsJsonAsync(new Uri("/api/reviewers", UriKind.Relative), new
        {
            name,
            email = $"reviewer+{Guid.NewGuid():N}@khuyencong.test",
            phone = "0903 111 222",
            organization = "Trường Đại học Sư phạm Kỹ thuật Hưng Yên",
            kinds = new[] { Kind },
            sectors = new[] { Sector },
            declaredTaxCodes = Array.Empty<string>(),
            declaredOrganizations = Array.Empty<string>(),
        });
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST /api/reviewers answered {(int)response.StatusCode}");
        }
    }

    /// <summary>LocalHost's counts at <c>GET /dev/storage-ops</c>: the app's clients and, apart, the durable engine's.</summary>
    public async Task<(Dictionary<string, long> App, Dictionary<string, long> Engine)> StorageOperationsAsync()
    {
        using var body = JsonDocument.Parse(await http.GetStringAsync(new Uri("/dev/storage-ops", UriKind.Relative)));
        static Dictionary<string, long> Read(JsonElement e) => e.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64(), StringComparer.Ordinal);
        return (Read(body.RootElement.GetProperty("app")), Read(body.RootElement.GetProperty("engine")));
    }

    /// <summary>Waits until LocalHost's app clients have been idle for two seconds (earlier scenarios' workflows settled), at most a minute.</summary>
    public async Task WaitQuietAsync()
    {
        var watch = Stopwatch.StartNew();
        var last = (await StorageOperationsAsync()).App.Values.Sum();
        var quietSince = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromMinutes(1) && quietSince.Elapsed < TimeSpan.FromSeconds(2))
        {
            await Task.Delay(250);
            var now = (await StorageOperationsAsync()).App.Values.Sum();
            if (now != last)
            {
                last = now;
                quietSince.Restart();
            }
        }
    }

    /// <summary>Polls the workflow's custom status until it is <paramref name="status"/>.</summary>
    public async Task WaitForStatusAsync(string id, string status, int seconds = 120)
    {
        var watch = Stopwatch.StartNew();
        while (HubClient.WorkflowStatus(await hub.GetAsync(id)) != status)
        {
            if (watch.Elapsed > TimeSpan.FromSeconds(seconds))
            {
                throw new TimeoutException($"proposal {id} did not reach {status} in {seconds} s");
            }

            await Task.Delay(20);
        }
    }

    /// <summary>Polls until <paramref name="probe"/> returns a value that <paramref name="done"/> accepts.</summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T>> probe, Func<T, bool> done, string what, int seconds = 120, int pollMs = 50)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }

            if (watch.Elapsed > TimeSpan.FromSeconds(seconds))
            {
                throw new TimeoutException($"no {what} in {seconds} s");
            }

            await Task.Delay(pollMs);
        }
    }

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>One line of the table: the figure, the floor measured in the same run, and their ratio.</summary>
internal sealed record BenchRow(string Scenario, string Measured, string Floor, string Ratio);

/// <summary>One benchmark: its command-line name, the note printed under the table, and its rows.</summary>
internal interface IScenario
{
    string Key { get; }

    string Note { get; }

    Task<IReadOnlyList<BenchRow>> RunAsync(BenchContext bench);
}

internal static class Measure
{
    /// <summary>Runs <paramref name="count"/> operations on <paramref name="concurrency"/> clients; latency percentiles (ms) and throughput (/s).</summary>
    public static async Task<(double P50, double P99, double PerSecond)> RunAsync(int count, int concurrency, Func<int, Task> operation)
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

    public static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    public static BenchRow Latency(string name, double value, double floor) =>
        new(name, BenchContext.Invariant($"{value:F0} ms"), BenchContext.Invariant($"{floor:F0} ms"), BenchContext.Invariant($"{value / floor:F2}×"));

    public static string Slower(double floorRate, double rate) => BenchContext.Invariant($"{floorRate / rate:F2}× slower");

    public static string Mb(long bytes) => BenchContext.Invariant($"{bytes / (1024.0 * 1024):F0} MB");
}
