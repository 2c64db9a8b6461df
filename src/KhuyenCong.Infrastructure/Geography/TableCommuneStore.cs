using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using KhuyenCong.Application.Geography;
using KhuyenCong.Domain.Geography;
using KhuyenCong.Infrastructure.Storage;
using Microsoft.Extensions.Logging;

namespace KhuyenCong.Infrastructure.Geography;

/// <summary>
/// Commune versions in table <c>Communes</c>: partition = current province code, row = <c>{communeCode}|{effectiveFrom}</c>.
/// A load upserts its versions in transactions of at most 100 rows, each inside one partition (never across
/// partitions); a version of another date is never touched, so history is kept. Loading the same file again
/// writes the same rows (idempotent).
/// </summary>
public sealed partial class TableCommuneStore(StorageTables storage, TimeProvider time, ILogger<TableCommuneStore> logger) : ICommuneStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task ImportAsync(IReadOnlyList<CommuneVersion> versions, string by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(versions);
        var table = await storage.TableAsync(StorageTables.Communes, cancellationToken);
        var now = time.GetUtcNow();
        foreach (var province in versions.GroupBy(v => v.ProvinceCode, StringComparer.Ordinal))
        {
            foreach (var chunk in province.Chunk(100))
            {
                var actions = chunk.Select(v => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(v.ProvinceCode, RowKey(v))
                {
                    ["CommuneCode"] = v.CommuneCode,
                    ["CommuneName"] = v.CommuneName,
                    ["OldNames"] = JsonSerializer.Serialize(v.OldNames, Json),
                    ["EffectiveFrom"] = Date(v.EffectiveFrom),
                    ["LoadedBy"] = by,
                    ["LoadedAt"] = now,
                }));
                await table.SubmitTransactionAsync(actions, cancellationToken);
            }

            LogLoaded(logger, province.Key, province.Count());
        }
    }

    public async Task<IReadOnlyList<CommuneVersion>> ListAsync(string provinceCode, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(StorageTables.Communes, cancellationToken);
        var versions = new List<CommuneVersion>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {provinceCode}"), cancellationToken: cancellationToken))
        {
            if (!DateOnly.TryParseExact(row.GetString("EffectiveFrom"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from))
            {
                continue;
            }

            versions.Add(new CommuneVersion(row.PartitionKey, row.GetString("CommuneCode") ?? string.Empty, row.GetString("CommuneName") ?? string.Empty,
                JsonSerializer.Deserialize<List<string>>(row.GetString("OldNames") ?? "[]", Json) ?? [], from));
        }

        return versions;
    }

    private static string RowKey(CommuneVersion v) => v.CommuneCode + "|" + Date(v.EffectiveFrom);

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [LoggerMessage(EventId = 4221, Level = LogLevel.Information, Message = "Communes of {Province}: {Count} versions loaded")]
    private static partial void LogLoaded(ILogger logger, string province, int count);
}
