using System.Globalization;
using Azure.Data.Tables;
using Azure.Storage.Blobs;

namespace KhuyenCong.Benchmarks.Scenarios;

/// <summary>
/// <c>submission</c>: <c>POST /api/proposals</c> with a 1 MB PDF from N concurrent clients, against what storage alone
/// costs for a submission's writes: one Table insert and one Blob upload of the same bytes straight to Azurite, with
/// the same concurrency.
/// </summary>
internal sealed class SubmissionScenario : IScenario
{
    public string Key => "submission";

    public string Note => "submission: floor = one Table insert plus one Blob upload of the same 1 MB, straight to Azurite, with the same concurrency.";

    public async Task<IReadOnlyList<BenchRow>> RunAsync(BenchContext bench)
    {
        var (requests, clients) = (bench.Options.Requests, bench.Options.Clients);
        var pdf = BenchContext.MakePdf(1024 * 1024);
        var tables = new TableServiceClient(bench.ConnectionString).GetTableClient("BenchFloor");
        await tables.CreateIfNotExistsAsync();
        var container = new BlobServiceClient(bench.ConnectionString).GetBlobContainerClient("bench-floor");
        await container.CreateIfNotExistsAsync();

        async Task FloorOnceAsync(int i)
        {
            var id = Guid.NewGuid().ToString("N");
            await tables.AddEntityAsync(new TableEntity(id, "record") { ["Title"] = "floor", ["Amount"] = 1L });
            await container.GetBlobClient($"{id}/file").UploadAsync(new BinaryData(pdf));
        }

        async Task SubmitOnceAsync(int i) => await bench.SubmitOrThrowAsync(pdf, i.ToString(CultureInfo.InvariantCulture));

        await Measure.RunAsync(8, 4, FloorOnceAsync); // warm-up
        var floor = await Measure.RunAsync(requests, clients, FloorOnceAsync);
        await Measure.RunAsync(8, 4, SubmitOnceAsync); // warm-up
        var submission = await Measure.RunAsync(requests, clients, SubmitOnceAsync);
        return
        [
            Measure.Latency(BenchContext.Invariant($"submission p50 ({clients} clients, 1 MB PDF)"), submission.P50, floor.P50),
            Measure.Latency(BenchContext.Invariant($"submission p99 ({clients} clients, 1 MB PDF)"), submission.P99, floor.P99),
            new("submission throughput", BenchContext.Invariant($"{submission.PerSecond:F1}/s"), BenchContext.Invariant($"{floor.PerSecond:F1}/s"), Measure.Slower(floor.PerSecond, submission.PerSecond)),
        ];
    }
}
