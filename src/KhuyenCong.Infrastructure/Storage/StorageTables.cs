using System.Collections.Concurrent;
using Azure.Data.Tables;
using Azure.Storage.Blobs;

namespace KhuyenCong.Infrastructure.Storage;

/// <summary>The app's tables and containers, each created the first time it is used.</summary>
public sealed class StorageTables(TableServiceClient tables, BlobServiceClient blobs)
{
    public const string Proposals = "Proposals";
    public const string ProposalIndex = "ProposalIndex";
    public const string SupportCaps = "SupportCaps";
    public const string IdempotencyKeys = "IdempotencyKeys";
    public const string EmailLog = "EmailLog";
    public const string LinkUses = "LinkUses";
    public const string Rubrics = "Rubrics";
    public const string Reviewers = "Reviewers";
    public const string Budgets = "Budgets";
    public const string OpenReviews = "OpenReviews";
    public const string Programmes = "Programmes";
    public const string AnnualPlans = "AnnualPlans";
    public const string Communes = "Communes";
    public const string Statistics = "Statistics";
    public const string StatisticsCells = "StatisticsCells";
    public const string StatisticsRuns = "StatisticsRuns";
    public const string RateLimits = "RateLimits";
    public const string Calls = "Calls";
    public const string Councils = "Councils";
    public const string Selections = "Selections";
    public const string AttachmentsContainer = "attachments";

    private readonly ConcurrentDictionary<string, Lazy<Task<TableClient>>> tableClients = new(StringComparer.Ordinal);
    private readonly Lazy<Task<BlobContainerClient>> attachments = new(async () =>
    {
        var container = blobs.GetBlobContainerClient(AttachmentsContainer);
        await container.CreateIfNotExistsAsync();
        return container;
    });

    public async Task<TableClient> TableAsync(string name, CancellationToken cancellationToken)
    {
        var lazy = tableClients.GetOrAdd(name, n => new Lazy<Task<TableClient>>(async () =>
        {
            var client = tables.GetTableClient(n);
            await client.CreateIfNotExistsAsync(CancellationToken.None);
            return client;
        }));
        try
        {
            return await lazy.Value.WaitAsync(cancellationToken);
        }
        catch when (lazy.Value.IsFaulted)
        {
            tableClients.TryRemove(new KeyValuePair<string, Lazy<Task<TableClient>>>(name, lazy));
            throw;
        }
    }

    public async Task<BlobContainerClient> AttachmentsAsync(CancellationToken cancellationToken) =>
        await attachments.Value.WaitAsync(cancellationToken);
}
