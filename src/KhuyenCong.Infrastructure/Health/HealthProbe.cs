using System.Diagnostics;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using KhuyenCong.Application.Health;

namespace KhuyenCong.Infrastructure.Health;

/// <summary>
/// Checks each dependency the app needs (tables, blobs, the durable task hub) in parallel, each within a time limit.
/// Reports only the kind of failure, never connection strings or account details.
/// </summary>
public sealed class HealthProbe(TableServiceClient tables, BlobServiceClient blobs, TimeProvider time) : IHealthProbe
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public async Task<HealthReport> CheckAsync(ITaskHub taskHub, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(taskHub);
        var checks = await Task.WhenAll(
            CheckOneAsync(DependencyNames.Tables, async ct =>
            {
                await foreach (var _ in tables.QueryAsync(maxPerPage: 1, cancellationToken: ct).AsPages(pageSizeHint: 1).WithCancellation(ct))
                {
                    break;
                }
            }, cancellationToken),
            CheckOneAsync(DependencyNames.Blobs, async ct => await blobs.GetPropertiesAsync(ct), cancellationToken),
            CheckOneAsync(DependencyNames.DurableTaskHub, taskHub.PingAsync, cancellationToken));
        return new HealthReport(checks.All(c => c.State == DependencyState.Up) ? "healthy" : "unhealthy", time.GetUtcNow(), checks);
    }

    private static async Task<DependencyHealth> CheckOneAsync(string name, Func<CancellationToken, Task> check, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(Timeout);
        try
        {
            await check(cts.Token);
            return new DependencyHealth(name, DependencyState.Up, stopwatch.ElapsedMilliseconds, null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new DependencyHealth(name, DependencyState.Down, stopwatch.ElapsedMilliseconds, "timeout");
        }
        catch (RequestFailedException ex)
        {
            return new DependencyHealth(name, DependencyState.Down, stopwatch.ElapsedMilliseconds, $"HTTP {ex.Status} {ex.ErrorCode}".Trim());
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new DependencyHealth(name, DependencyState.Down, stopwatch.ElapsedMilliseconds, ex.GetType().Name);
        }
    }
}
