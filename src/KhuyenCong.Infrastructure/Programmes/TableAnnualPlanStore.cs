using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using KhuyenCong.Application.Plans;
using KhuyenCong.Application.Programmes;
using KhuyenCong.Domain.Activities;
using KhuyenCong.Domain.Budgets;
using KhuyenCong.Domain.Plans;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Infrastructure.Storage;
using Microsoft.Extensions.Logging;
using static KhuyenCong.Infrastructure.Storage.ConditionalWrites;

namespace KhuyenCong.Infrastructure.Programmes;

/// <summary>
/// Annual plans in table <c>AnnualPlans</c>: partition = year, row = funding source code, items as JSON. A save is
/// one conditional write: an insert for version 1, otherwise a replace If-Match the ETag of the version edited.
/// </summary>
public sealed partial class TableAnnualPlanStore(StorageTables storage, TimeProvider time, ILogger<TableAnnualPlanStore> logger) : IAnnualPlanStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<AnnualPlanRecord?> GetAsync(BudgetKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var table = await storage.TableAsync(StorageTables.AnnualPlans, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition(key.Year), key.FundingSource.ToCode(), cancellationToken: cancellationToken);
        return row.HasValue ? FromEntity(row.Value!) : null;
    }

    public async Task<IReadOnlyList<AnnualPlanRecord>> ListAsync(int year, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(StorageTables.AnnualPlans, cancellationToken);
        var partition = Partition(year);
        var plans = new List<AnnualPlanRecord>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), cancellationToken: cancellationToken))
        {
            plans.Add(FromEntity(row));
        }

        return plans.OrderBy(p => p.Plan.Key.FundingSource).ToList();
    }

    public async Task<(SaveOutcome Outcome, AnnualPlanRecord? Record)> WriteAsync(AnnualPlan plan, int expectedVersion, string by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var table = await storage.TableAsync(StorageTables.AnnualPlans, cancellationToken);
        var record = new AnnualPlanRecord(plan, expectedVersion + 1, by, time.GetUtcNow());
        if (!await WriteVersionAsync(table, record, expectedVersion, cancellationToken))
        {
            return (SaveOutcome.Stale, null);
        }

        LogSaved(logger, plan.Key.Code, record.Version);
        return (SaveOutcome.Saved, record);
    }

    public async Task RevertAsync(AnnualPlanRecord written, AnnualPlanRecord? previous, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(written);
        var table = await storage.TableAsync(StorageTables.AnnualPlans, cancellationToken);
        var key = written.Plan.Key;
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition(key.Year), key.FundingSource.ToCode(), cancellationToken: cancellationToken);
        if (!row.HasValue || (row.Value!.GetInt32("Version") ?? 0) != written.Version)
        {
            return; // someone saved after us: theirs stands
        }

        // Changed meanwhile: the newer save stands.
        _ = previous is null
            ? await DeleteIfUnchangedAsync(table, row.Value.PartitionKey, row.Value.RowKey, row.Value.ETag, cancellationToken)
            : await TryReplaceAsync(table, ToEntity(previous), row.Value.ETag, cancellationToken);

        LogReverted(logger, key.Code, written.Version);
    }

    /// <summary>Writes version <c>expectedVersion + 1</c> if the stored one is still <paramref name="expectedVersion"/> (0: none yet).</summary>
    private static async Task<bool> WriteVersionAsync(TableClient table, AnnualPlanRecord record, int expectedVersion, CancellationToken cancellationToken)
    {
        if (expectedVersion == 0)
        {
            return await TryAddAsync(table, ToEntity(record), cancellationToken);
        }

        var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition(record.Plan.Key.Year), record.Plan.Key.FundingSource.ToCode(), cancellationToken: cancellationToken);
        return row.HasValue && (row.Value!.GetInt32("Version") ?? 0) == expectedVersion
            && await TryReplaceAsync(table, ToEntity(record), row.Value.ETag, cancellationToken);
    }

    private static string Partition(int year) => year.ToString(CultureInfo.InvariantCulture);

    private static TableEntity ToEntity(AnnualPlanRecord record)
    {
        var p = record.Plan;
        return new TableEntity(Partition(p.Key.Year), p.Key.FundingSource.ToCode())
        {
            ["Year"] = p.Key.Year,
            ["FundingSource"] = p.Key.FundingSource.ToCode(),
            ["ProgrammeId"] = p.ProgrammeId ?? string.Empty,
            ["Budget"] = p.Budget,
            ["Items"] = JsonSerializer.Serialize(p.Items.Select(i => new StoredItem(i.Title, i.Kind.ToCode(), i.ExpectedAmount)), Json),
            ["Notes"] = p.Notes,
            ["Version"] = record.Version,
            ["ChangedBy"] = record.ChangedBy,
            ["ChangedAt"] = record.ChangedAt,
        };
    }

    private static AnnualPlanRecord FromEntity(TableEntity e)
    {
        FundingSources.TryParse(e.GetString("FundingSource"), out var source);
        var items = (JsonSerializer.Deserialize<List<StoredItem>>(e.GetString("Items") ?? "[]", Json) ?? [])
            .Select(i => new PlanItem(i.Title, ProposalKinds.TryParse(i.Kind, out var kind) ? kind : ProposalKind.Consulting, i.ExpectedAmount))
            .ToList();
        var programmeId = e.GetString("ProgrammeId");
        var plan = new AnnualPlan(new BudgetKey(e.GetInt32("Year") ?? 0, source), string.IsNullOrEmpty(programmeId) ? null : programmeId,
            e.GetInt64("Budget") ?? 0, items, e.GetString("Notes") ?? string.Empty);
        return new AnnualPlanRecord(plan, e.GetInt32("Version") ?? 1, e.GetString("ChangedBy") ?? string.Empty, e.GetDateTimeOffset("ChangedAt") ?? default);
    }

    private sealed record StoredItem(string Title, string Kind, long ExpectedAmount);

    [LoggerMessage(EventId = 4211, Level = LogLevel.Information, Message = "Annual plan {Plan} saved as version {Version}")]
    private static partial void LogSaved(ILogger logger, string plan, int version);

    [LoggerMessage(EventId = 4212, Level = LogLevel.Warning, Message = "Annual plan {Plan} version {Version} undone: the ledger refused its budget")]
    private static partial void LogReverted(ILogger logger, string plan, int version);
}
