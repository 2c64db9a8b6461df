using System.Globalization;
using Azure;
using Azure.Data.Tables;
using KhuyenCong.Application.Proposals;
using KhuyenCong.Infrastructure.Storage;

namespace KhuyenCong.Infrastructure.Proposals;

/// <summary>
/// Fixed-window counters in table <c>RateLimits</c>: one partition per scope and key (an HMAC, never the address), one
/// row per window (its start, as UTC ticks). Every change is a single conditional write on one row (insert, or replace
/// with the ETag read), retried on a lost race, so counts are exact across instances; no batch, no cross-partition
/// operation. Starting a window deletes the row of the one before, so a key keeps at most two rows.
/// </summary>
public sealed class TableRateLimitStore(StorageTables storage) : IRateLimitStore
{
    /// <summary>Lost races tolerated on one hit before it is counted as over the limit.</summary>
    private const int MaxAttempts = 20;

    public async Task<long> HitAsync(string scope, string key, DateTimeOffset windowStart, TimeSpan window, int limit, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(StorageTables.RateLimits, cancellationToken);
        var partition = scope + "-" + key;
        var row = Row(windowStart);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var existing = await table.GetEntityIfExistsAsync<TableEntity>(partition, row, cancellationToken: cancellationToken);
            if (!existing.HasValue)
            {
                try
                {
                    await table.AddEntityAsync(new TableEntity(partition, row) { ["Count"] = 1L, ["WindowEnd"] = windowStart + window }, cancellationToken);
                }
                catch (RequestFailedException ex) when (ex.Status == 409)
                {
                    continue;
                }

                await ForgetAsync(table, partition, Row(windowStart - window));
                return 1;
            }

            var entity = existing.Value!;
            var count = (entity.GetInt64("Count") ?? 0) + 1;
            if (count > limit)
            {
                // Already over: refuse without writing, so a client that keeps trying costs one read each time.
                return count;
            }

            entity["Count"] = count;
            try
            {
                await table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken);
                return count;
            }
            catch (RequestFailedException ex) when (ex.Status == 412)
            {
                // Another request counted meanwhile: read again.
            }
        }

        return long.MaxValue;
    }

    private static string Row(DateTimeOffset windowStart) => windowStart.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);

    private static async Task ForgetAsync(TableClient table, string partition, string row)
    {
        try
        {
            await table.DeleteEntityAsync(partition, row, ETag.All, CancellationToken.None);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // no earlier window
        }
    }
}
