using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using KhuyenCong.Application.Places;
using KhuyenCong.Infrastructure.Storage;

namespace KhuyenCong.Infrastructure.Places;

/// <summary>
/// Merges in table <c>ReferenceMerges</c>, one partition (<c>merges</c>), row key = inverted ticks then id, so a read
/// lists the newest first. The proposals a merge changed are kept as a JSON list of ids.
/// </summary>
public sealed class TableReferenceMergeLog(StorageTables storage) : IReferenceMergeLog
{
    public const string TableName = "ReferenceMerges";
    private const string Partition = "merges";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task AddAsync(ReferenceMerge merge, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(merge);
        var table = await storage.TableAsync(TableName, cancellationToken);
        var key = (DateTimeOffset.MaxValue.UtcTicks - merge.At.UtcTicks).ToString("D19", CultureInfo.InvariantCulture) + "-" + merge.Id;
        await table.UpsertEntityAsync(new TableEntity(Partition, key)
        {
            ["Id"] = merge.Id,
            ["What"] = merge.What,
            ["Province"] = merge.Province,
            ["From"] = merge.From,
            ["To"] = merge.To,
            ["ToName"] = merge.ToName,
            ["By"] = merge.By,
            ["At"] = merge.At,
            ["ProposalIds"] = JsonSerializer.Serialize(merge.ProposalIds, Json),
        }, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<IReadOnlyList<ReferenceMerge>> ListAsync(int count, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableName, cancellationToken);
        var merges = new List<ReferenceMerge>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"), maxPerPage: Math.Clamp(count, 1, 1000), cancellationToken: cancellationToken))
        {
            merges.Add(new ReferenceMerge(row.GetString("Id") ?? row.RowKey, row.GetString("What") ?? string.Empty, row.GetString("Province") ?? string.Empty,
                row.GetString("From") ?? string.Empty, row.GetString("To") ?? string.Empty, row.GetString("ToName") ?? string.Empty, row.GetString("By") ?? string.Empty,
                row.GetDateTimeOffset("At") ?? default, JsonSerializer.Deserialize<List<string>>(row.GetString("ProposalIds") ?? "[]", Json) ?? []));
            if (merges.Count >= count)
            {
                break;
            }
        }

        return merges;
    }
}
