using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;

namespace KhuyenCong.IntegrationTests.Proposals;

/// <summary>How many entities tables Proposals and ProposalIndex hold and how many blobs container attachments holds.</summary>
internal sealed record StorageCounts(int Proposals, int ProposalIndex, int Attachments)
{
    public static async Task<StorageCounts> TakeAsync(string connectionString)
    {
        var tables = new TableServiceClient(connectionString);
        return new StorageCounts(
            await CountEntitiesAsync(tables.GetTableClient("Proposals"), IsWrittenBySubmission),
            await CountEntitiesAsync(tables.GetTableClient("ProposalIndex")),
            await CountBlobsAsync(new BlobServiceClient(connectionString).GetBlobContainerClient("attachments")));
    }

    /// <summary>The proposal records (one per proposal) of an establishment.</summary>
    public static async Task<int> CountProposalRecordsAsync(string connectionString, string taxCode)
    {
        var table = new TableServiceClient(connectionString).GetTableClient("Proposals");
        var count = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"RowKey eq 'record' and TaxCode eq {taxCode}"), select: ["PartitionKey"]))
        {
            count++;
        }

        return count;
    }

    /// <summary>The blobs of one proposal.</summary>
    public static async Task<IReadOnlyList<string>> BlobsOfAsync(string connectionString, string proposalId)
    {
        var container = new BlobServiceClient(connectionString).GetBlobContainerClient("attachments");
        var names = new List<string>();
        await foreach (var blob in container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, proposalId + "/", CancellationToken.None))
        {
            names.Add(blob.Name);
        }

        return names;
    }

    /// <summary>
    /// The rows a submission writes (record, files, first history entry): the workflows of accepted proposals keep adding
    /// their own rows (later history, screening) in the background, which say nothing about what a rejection left.
    /// </summary>
    private static bool IsWrittenBySubmission(TableEntity row) =>
        row.RowKey is "record" or "history-0000" || row.RowKey.StartsWith("attachment-", StringComparison.Ordinal);

    private static async Task<int> CountEntitiesAsync(TableClient table, Func<TableEntity, bool>? counted = null)
    {
        try
        {
            var count = 0;
            await foreach (var row in table.QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey"]))
            {
                if (counted?.Invoke(row) ?? true)
                {
                    count++;
                }
            }

            return count;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return 0;
        }
    }

    private static async Task<int> CountBlobsAsync(BlobContainerClient container)
    {
        try
        {
            var count = 0;
            await foreach (var _ in container.GetBlobsAsync())
            {
                count++;
            }

            return count;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return 0;
        }
    }
}
