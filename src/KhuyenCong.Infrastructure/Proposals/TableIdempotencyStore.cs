using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using KhuyenCong.Application.Proposals;
using KhuyenCong.Infrastructure.Storage;

namespace KhuyenCong.Infrastructure.Proposals;

/// <summary>
/// Idempotency keys in table <c>IdempotencyKeys</c>: one row per scope and key (hashed, so any client string is a
/// valid key), claimed with a conditional insert so two concurrent requests with the same key cannot both proceed.
/// A claim left behind by a crashed request expires after <see cref="ClaimLifetime"/>.
/// </summary>
public sealed class TableIdempotencyStore(StorageTables storage, TimeProvider time) : IIdempotencyStore
{
    public static readonly TimeSpan ClaimLifetime = TimeSpan.FromMinutes(10);

    public async Task<(IdempotencyClaim Claim, IdempotentResponse? Response)> ClaimAsync(string scope, string key, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(StorageTables.IdempotencyKeys, cancellationToken);
        var partition = PartitionKey(scope, key);
        try
        {
            await table.AddEntityAsync(new TableEntity(partition, string.Empty) { ["State"] = "pending", ["ClaimedAt"] = time.GetUtcNow() }, cancellationToken);
            return (IdempotencyClaim.Claimed, null);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            var existing = await table.GetEntityIfExistsAsync<TableEntity>(partition, string.Empty, cancellationToken: cancellationToken);
            if (!existing.HasValue)
            {
                return await ClaimAsync(scope, key, cancellationToken);
            }

            var row = existing.Value!;
            if (row.GetString("State") == "completed")
            {
                return (IdempotencyClaim.Completed, new IdempotentResponse(
                    row.GetInt32("StatusCode") ?? 200, row.GetString("Body") ?? string.Empty, row.GetString("Location"), row.GetString("BodyHash")));
            }

            if (row.GetDateTimeOffset("ClaimedAt") is { } claimedAt && time.GetUtcNow() - claimedAt > ClaimLifetime)
            {
                try
                {
                    row["ClaimedAt"] = time.GetUtcNow();
                    await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
                    return (IdempotencyClaim.Claimed, null);
                }
                catch (RequestFailedException conflict) when (conflict.Status == 412)
                {
                    return (IdempotencyClaim.InProgress, null);
                }
            }

            return (IdempotencyClaim.InProgress, null);
        }
    }

    public async Task CompleteAsync(string scope, string key, IdempotentResponse response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        var table = await storage.TableAsync(StorageTables.IdempotencyKeys, cancellationToken);
        await table.UpsertEntityAsync(new TableEntity(PartitionKey(scope, key), string.Empty)
        {
            ["State"] = "completed",
            ["CompletedAt"] = time.GetUtcNow(),
            ["StatusCode"] = response.StatusCode,
            ["Body"] = response.Body,
            ["Location"] = response.Location,
            ["BodyHash"] = response.BodyHash,
        }, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task ReleaseAsync(string scope, string key, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(StorageTables.IdempotencyKeys, cancellationToken);
        try
        {
            await table.DeleteEntityAsync(PartitionKey(scope, key), string.Empty, ETag.All, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // nothing to release
        }
    }

    private static string PartitionKey(string scope, string key) =>
        scope + "-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
