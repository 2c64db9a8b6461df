using Azure;
using Azure.Data.Tables;

namespace KhuyenCong.Infrastructure.Storage;

/// <summary>
/// The conditional writes every store builds on (first decision wins, optimistic concurrency: docs/storage.md), with
/// the refusal as an answer rather than an exception: insert if absent (409 when a row has the keys), update if
/// unchanged (412 when it changed since it was read, 404 when it went), delete if unchanged. Single-row writes only:
/// Azurite ignores <c>If-Match</c> inside batches (docs/durable-workflow.md). Use with
/// <c>using static KhuyenCong.Infrastructure.Storage.ConditionalWrites;</c>.
/// </summary>
public static class ConditionalWrites
{
    /// <summary>Inserts the row if no row has its keys; null when one has (409). The response carries the new ETag.</summary>
    public static async Task<Response?> InsertIfAbsentAsync(TableClient table, ITableEntity entity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        try
        {
            return await table.AddEntityAsync(entity, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return null;
        }
    }

    /// <summary>
    /// Writes the row if it is still the version <paramref name="ifMatch"/> (<see cref="ETag.All"/>: if it exists); null
    /// when it changed (412) or went (404): read it again and decide again.
    /// </summary>
    public static async Task<Response?> UpdateIfUnchangedAsync(TableClient table, ITableEntity entity, ETag ifMatch, TableUpdateMode mode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        try
        {
            return await table.UpdateEntityAsync(entity, ifMatch, mode, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            return null;
        }
    }

    /// <summary>
    /// Deletes the row if it is still the version <paramref name="ifMatch"/> (<see cref="ETag.All"/>: whatever it holds);
    /// false when it changed (412). A row already gone counts as deleted.
    /// </summary>
    public static async Task<bool> DeleteIfUnchangedAsync(TableClient table, string partitionKey, string rowKey, ETag ifMatch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        try
        {
            // The client answers a missing entity with a 404 response rather than an exception.
            await table.DeleteEntityAsync(partitionKey, rowKey, ifMatch, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            return false;
        }
    }

    /// <summary>
    /// Runs any conditional write (insert, update or delete); its new ETag (<c>*</c> when the service gave none), or null
    /// when it was refused: a row with the keys exists (409), it changed (412) or it went (404).
    /// </summary>
    public static async Task<ETag?> TryWriteAsync(Func<Task<Response>> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        try
        {
            var response = await write();
            return response.Headers.ETag ?? new ETag("*");
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 409 or 412)
        {
            return null;
        }
    }

    /// <summary>Inserts the row if absent; false when a row has its keys.</summary>
    public static async Task<bool> TryAddAsync(TableClient table, ITableEntity entity, CancellationToken cancellationToken) =>
        await InsertIfAbsentAsync(table, entity, cancellationToken) is not null;

    /// <summary>Replaces the row if it is still the version <paramref name="ifMatch"/>; false when it changed or went.</summary>
    public static async Task<bool> TryReplaceAsync(TableClient table, ITableEntity entity, ETag ifMatch, CancellationToken cancellationToken) =>
        await UpdateIfUnchangedAsync(table, entity, ifMatch, TableUpdateMode.Replace, cancellationToken) is not null;

    /// <summary>Replaces the row if it is still the version read (the entity's own ETag); false when it changed or went.</summary>
    public static Task<bool> TryReplaceAsync(TableClient table, ITableEntity entity, CancellationToken cancellationToken) =>
        TryReplaceAsync(table, entity, entity?.ETag ?? default, cancellationToken);

    /// <summary>Deletes the row if it is still the version read (the entity's own ETag); false when it changed.</summary>
    public static Task<bool> TryDeleteAsync(TableClient table, ITableEntity entity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return DeleteIfUnchangedAsync(table, entity.PartitionKey, entity.RowKey, entity.ETag, cancellationToken);
    }
}
