using System.Text.Json;
using System.Text.Json.Serialization;
using Azure;
using Azure.Data.Tables;
using KhuyenCong.Application.Plans;
using KhuyenCong.Domain.Budgets;
using KhuyenCong.Domain.Plans;
using KhuyenCong.Infrastructure.Storage;

namespace KhuyenCong.Infrastructure.Plans;

/// <summary>
/// Plan changes in table <c>PlanChanges</c>: partition = the budget's code (<c>2027-local</c>), row <c>changes</c>
/// holding the adjustments and the carry-over as JSON (a few decisions a year: far below a property's 64 KB). Insert
/// when absent, else replace If-Match the version read.
/// </summary>
public sealed class TablePlanChangeStore(StorageTables storage) : IPlanChangeStore
{
    public const string TableName = "PlanChanges";
    private const string RowKey = "changes";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public async Task<StoredPlanChanges> GetAsync(BudgetKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var table = await storage.TableAsync(TableName, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(key.Code, RowKey, cancellationToken: cancellationToken);
        if (!row.HasValue)
        {
            return new StoredPlanChanges(PlanChanges.None, null);
        }

        var changes = JsonSerializer.Deserialize<PlanChanges>(row.Value!.GetString("Changes") ?? "{}", Json) ?? PlanChanges.None;
        return new StoredPlanChanges(changes with { Adjustments = changes.Adjustments ?? [] }, row.Value.ETag.ToString());
    }

    public async Task<bool> SaveAsync(BudgetKey key, PlanChanges changes, string? expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(changes);
        var table = await storage.TableAsync(TableName, cancellationToken);
        var entity = new TableEntity(key.Code, RowKey)
        {
            ["Year"] = key.Year,
            ["FundingSource"] = key.FundingSource.ToString(),
            ["Changes"] = JsonSerializer.Serialize(changes, Json),
        };
        try
        {
            if (expectedVersion is null)
            {
                await table.AddEntityAsync(entity, cancellationToken);
            }
            else
            {
                await table.UpdateEntityAsync(entity, new ETag(expectedVersion), TableUpdateMode.Replace, cancellationToken);
            }

            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 409 or 412)
        {
            return false;
        }
    }
}
