using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;

namespace KhuyenCong.Infrastructure.Storage;

/// <summary>
/// Counts the requests the app's own storage clients send, by service (<c>table</c>, <c>blob</c>, <c>queue</c>) and
/// HTTP method. A <see cref="HttpPipelinePolicy"/> added to each client's pipeline per retry: every attempt that goes
/// on the wire is one operation, retries included, because storage bills each of them. Costs nothing worth
/// measuring (one dictionary increment per request), so it is always on; LocalHost shows it at
/// <c>GET /dev/storage-ops</c> and the benchmark reads it to price a proposal's lifecycle.
/// </summary>
public sealed class StorageOperationCounter
{
    public const string Table = "table";
    public const string Blob = "blob";
    public const string Queue = "queue";

    private readonly ConcurrentDictionary<(string Service, string Method), long> counts = new();

    /// <summary>Adds a counting policy for <paramref name="service"/> to the client options, and returns them.</summary>
    public T Instrument<T>(T options, string service)
        where T : ClientOptions
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddPolicy(new CountingPolicy(this, service), HttpPipelinePosition.PerRetry);
        return options;
    }

    public void Record(string service, string method) =>
        counts.AddOrUpdate((service, method), 1, (_, n) => n + 1);

    /// <summary>The counts so far, keyed "service METHOD" (for example "table POST"), sorted.</summary>
    public IReadOnlyDictionary<string, long> Snapshot() =>
        new SortedDictionary<string, long>(counts.ToDictionary(p => $"{p.Key.Service} {p.Key.Method}", p => p.Value), StringComparer.Ordinal);

    public long Total => counts.Values.Sum();

    private sealed class CountingPolicy(StorageOperationCounter counter, string service) : HttpPipelineSynchronousPolicy
    {
        public override void OnSendingRequest(HttpMessage message) =>
            counter.Record(service, message.Request.Method.Method);
    }
}
