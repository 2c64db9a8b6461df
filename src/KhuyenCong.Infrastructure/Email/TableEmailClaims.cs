using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using KhuyenCong.Application.Email;
using KhuyenCong.Infrastructure.Storage;

namespace KhuyenCong.Infrastructure.Email;

/// <summary>
/// Table <c>EmailClaims</c>: partition = the email log's partition (<c>reviewer-{id}</c>, <c>officers</c>), row = hash
/// of the send id. A claim is a conditional insert (one of concurrent callers wins); a stale claim is taken over with
/// a write conditional on the ETag just read (again, one wins).
/// </summary>
public sealed class TableEmailClaims(StorageTables storage, TimeProvider time) : IEmailClaims
{
    public async Task<bool> TryClaimAsync(string partition, string sendId, TimeSpan lease, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(StorageTables.EmailClaims, cancellationToken);
        var key = RowKey(sendId);
        var now = time.GetUtcNow();
        try
        {
            await table.AddEntityAsync(new TableEntity(partition, key) { ["ClaimedAt"] = now }, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // claimed before: maybe by a run that stopped before sending
        }

        var existing = await table.GetEntityIfExistsAsync<TableEntity>(partition, key, cancellationToken: cancellationToken);
        if (!existing.HasValue)
        {
            return false; // released meanwhile: the next run tries again
        }

        if (existing.Value!.GetDateTimeOffset("ClaimedAt") is { } claimedAt && now - claimedAt < lease)
        {
            return false;
        }

        try
        {
            await table.UpdateEntityAsync(new TableEntity(partition, key) { ["ClaimedAt"] = now }, existing.Value.ETag, TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            return false;
        }
    }

    public async Task ReleaseAsync(string partition, string sendId, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(StorageTables.EmailClaims, cancellationToken);
        try
        {
            await table.DeleteEntityAsync(partition, RowKey(sendId), ETag.All, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // already gone
        }
    }

    private static string RowKey(string sendId) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sendId)));
}
