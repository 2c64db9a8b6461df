using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using KhuyenCong.ReliabilityTests.Support;
using Xunit.Abstractions;

namespace KhuyenCong.ReliabilityTests;

/// <summary>
/// Azurite stops for 10 seconds during a stream of submissions (with a file each) and tracking reads: every request
/// is answered 201/200 or 503 with Retry-After, never 500; afterwards no partial record, no orphan blob, and every
/// accepted proposal is findable by its tracking code and has its workflow.
/// </summary>
[Trait(Reliability.Category, Reliability.Name)]
public sealed class StorageOutageTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly RestartableAzurite azurite = new();

    private sealed record Answer(string What, HttpStatusCode Status, bool RetryAfter, TimeSpan At, SubmittedProposal? Proposal);

    public Task InitializeAsync() => azurite.StartAsync();

    public async Task DisposeAsync() => await azurite.DisposeAsync();

    [Fact]
    public async Task StorageStopped10Seconds_DuringSubmissions_Answers201Or503AndLeavesNoPartialRecordOrOrphanBlob()
    {
        var clock = Stopwatch.StartNew();
        await using var host = await LocalHostProcess.StartAsync(azurite.ConnectionString);
        using var client = host.CreateClient();
        using var staff = host.CreateClient(staff: true);
        var answers = new ConcurrentBag<Answer>();
        var accepted = new ConcurrentQueue<SubmittedProposal>();

        // The first submission creates the tables and the container.
        using (var warmUp = await ProposalApi.SubmitWithFileAsync(client, ProposalApi.NewEmail("storage-outage")))
        {
            Assert.Equal(HttpStatusCode.Created, warmUp.StatusCode);
            accepted.Enqueue(await ReadAsync(warmUp, "warm-up"));
        }

        using var stop = new CancellationTokenSource();
        async Task SubmitterAsync()
        {
            while (!stop.IsCancellationRequested)
            {
                var email = ProposalApi.NewEmail("storage-outage");
                using var response = await ProposalApi.SubmitWithFileAsync(client, email);
                SubmittedProposal? proposal = null;
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    proposal = await ReadAsync(response, email);
                    accepted.Enqueue(proposal);
                }

                answers.Add(new Answer("POST /api/proposals", response.StatusCode, response.Headers.RetryAfter is not null, clock.Elapsed, proposal));
                await Task.Delay(200);
            }
        }

        async Task ReaderAsync()
        {
            while (!stop.IsCancellationRequested)
            {
                var some = accepted.ToArray()[Random.Shared.Next(accepted.Count)];
                using var track = await client.GetAsync(new Uri($"/api/track/{some.TrackingCode}", UriKind.Relative));
                answers.Add(new Answer("GET /api/track", track.StatusCode, track.Headers.RetryAfter is not null, clock.Elapsed, null));
                using var record = await staff.GetAsync(new Uri($"/api/proposals/{some.Id}", UriKind.Relative));
                answers.Add(new Answer("GET /api/proposals/{id}", record.StatusCode, record.Headers.RetryAfter is not null, clock.Elapsed, null));
                await Task.Delay(300);
            }
        }

        var load = new[] { SubmitterAsync(), SubmitterAsync(), SubmitterAsync(), ReaderAsync() };
        await Task.Delay(TimeSpan.FromSeconds(4));
        await azurite.StopAsync();
        var stoppedAt = clock.Elapsed;
        output.WriteLine($"{stoppedAt}: Azurite stopped");
        await Task.Delay(TimeSpan.FromSeconds(10));
        await azurite.StartAsync();
        var startedAt = clock.Elapsed;
        output.WriteLine($"{startedAt}: Azurite started again");
        await Task.Delay(TimeSpan.FromSeconds(8));
        await stop.CancelAsync();
        await Task.WhenAll(load);
        output.WriteLine($"{clock.Elapsed}: stream stopped");

        foreach (var group in answers.GroupBy(a => (a.What, a.Status, a.RetryAfter)).OrderBy(g => g.Key.What))
        {
            output.WriteLine($"{group.Key.What}: {(int)group.Key.Status}{(group.Key.RetryAfter ? " with Retry-After" : string.Empty)} x{group.Count()}");
        }

        Assert.All(answers, a => Assert.True(
            a.Status is HttpStatusCode.Created or HttpStatusCode.OK || (a.Status == HttpStatusCode.ServiceUnavailable && a.RetryAfter),
            $"{a.What} answered {(int)a.Status} at {a.At} (retry-after: {a.RetryAfter})"));
        Assert.Contains(answers, a => a.Status == HttpStatusCode.ServiceUnavailable);
        Assert.Contains(answers, a => a.Status == HttpStatusCode.Created && a.At > startedAt);

        // Every accepted submission: findable by its tracking code, with its file, and its workflow acknowledged it.
        var proposals = accepted.ToList();
        var expected = proposals.ToDictionary(p => p, _ => ("screening", 2));
        await ProposalApi.WaitForStatesAsync(staff, expected, TimeSpan.FromSeconds(240));
        foreach (var proposal in proposals)
        {
            using var track = await client.GetAsync(new Uri($"/api/track/{proposal.TrackingCode}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, track.StatusCode);
            var record = await ProposalApi.GetAsync(staff, proposal.Id);
            Assert.Equal(1, record.GetProperty("attachments").GetArrayLength());
        }

        // Storage holds exactly the accepted proposals, each whole, and no other file.
        var ids = proposals.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var tables = new TableServiceClient(azurite.ConnectionString);
        var rows = new List<TableEntity>();
        await foreach (var row in tables.GetTableClient("Proposals").QueryAsync<TableEntity>())
        {
            rows.Add(row);
        }

        var index = tables.GetTableClient("ProposalIndex");
        var blobs = new List<string>();
        await foreach (var blob in new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient("attachments").GetBlobsAsync())
        {
            blobs.Add(blob.Name);
        }

        Assert.Equal(ids.Order(StringComparer.Ordinal), rows.Select(r => r.PartitionKey).Distinct().Order(StringComparer.Ordinal));
        foreach (var partition in rows.GroupBy(r => r.PartitionKey))
        {
            var record = Assert.Single(partition, r => r.RowKey == "record");
            var files = partition.Where(r => r.RowKey.StartsWith("attachment-", StringComparison.Ordinal)).Select(r => $"{partition.Key}/{r.RowKey["attachment-".Length..]}").Order(StringComparer.Ordinal);
            Assert.Equal(files, blobs.Where(b => b.StartsWith(partition.Key + "/", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
            Assert.Single(files);
            Assert.True((await index.GetEntityIfExistsAsync<TableEntity>($"tracking-{record.GetString("TrackingCode")}", string.Empty)).HasValue, $"{partition.Key} has no tracking row");
            Assert.True((await index.GetEntityIfExistsAsync<TableEntity>($"year-{record.GetInt32("Year")}", partition.Key)).HasValue, $"{partition.Key} has no year row");
            var taxRows = 0;
            await foreach (var _ in index.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {"taxcode-" + record.GetString("TaxCode")}")))
            {
                taxRows++;
            }

            Assert.Equal(1, taxRows);
        }

        Assert.All(blobs, b => Assert.Contains(b.Split('/')[0], ids));
        await foreach (var row in index.QueryAsync<TableEntity>())
        {
            Assert.Contains(row.GetString("ProposalId") ?? row.RowKey, ids);
        }

        output.WriteLine($"{clock.Elapsed}: {proposals.Count} accepted, all whole; {blobs.Count} files, none orphaned");
    }

    private static async Task<SubmittedProposal> ReadAsync(HttpResponseMessage response, string email)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return new SubmittedProposal(body.GetProperty("id").GetString()!, body.GetProperty("trackingCode").GetString()!, email);
    }
}
