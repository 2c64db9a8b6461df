using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using KhuyenCong.Application.Calls;
using KhuyenCong.Domain.Calls;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Infrastructure.Storage;
using Microsoft.Extensions.Logging;

namespace KhuyenCong.Infrastructure.Calls;

/// <summary>
/// Calls for proposals in table <c>Calls</c>: one partition (<c>calls</c>; a province opens a handful a year), one row
/// per call keyed by id, kinds and documents as JSON. An edit is one write conditional on the ETag of the row read at
/// the version the officer edited, so of two edits of one version exactly one is stored.
/// </summary>
public sealed partial class TableCallStore(StorageTables storage, ILogger<TableCallStore> logger) : ICallStore
{
    public const string Partition = "calls";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<IReadOnlyList<Call>> ListAsync(CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(StorageTables.Calls, cancellationToken);
        var calls = new List<Call>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"), cancellationToken: cancellationToken))
        {
            calls.Add(FromEntity(row));
        }

        return calls;
    }

    public async Task<Call?> GetAsync(string id, CancellationToken cancellationToken)
    {
        if (!IsKey(id))
        {
            return null;
        }

        var table = await storage.TableAsync(StorageTables.Calls, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition, id, cancellationToken: cancellationToken);
        return row.HasValue ? FromEntity(row.Value!) : null;
    }

    public async Task<bool> CreateAsync(Call call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (!IsKey(call.Id))
        {
            throw new ArgumentException("The call id is not a valid key.", nameof(call));
        }

        var table = await storage.TableAsync(StorageTables.Calls, cancellationToken);
        try
        {
            await table.AddEntityAsync(ToEntity(call), cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }

        LogSaved(logger, call.Id, call.Version);
        return true;
    }

    public async Task<Call?> UpdateAsync(Call call, long expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (!IsKey(call.Id))
        {
            return null;
        }

        var table = await storage.TableAsync(StorageTables.Calls, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition, call.Id, cancellationToken: cancellationToken);
        if (!row.HasValue || (row.Value!.GetInt64("Version") ?? 1) != expectedVersion)
        {
            return null;
        }

        var stored = call with { Version = expectedVersion + 1 };
        try
        {
            await table.UpdateEntityAsync(ToEntity(stored), row.Value.ETag, TableUpdateMode.Replace, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            return null;
        }

        LogSaved(logger, call.Id, stored.Version);
        return stored;
    }

    private static bool IsKey(string? id) => id is { Length: > 0 and <= 64 } && id.All(char.IsAsciiLetterOrDigit);

    private static TableEntity ToEntity(Call call) => new(Partition, call.Id)
    {
        ["PlanYear"] = call.PlanYear,
        ["FundingSource"] = call.FundingSource.ToCode(),
        ["Title"] = call.Title,
        ["OpensOn"] = call.OpensOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["ClosesOn"] = call.ClosesOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["Kinds"] = JsonSerializer.Serialize(call.Kinds, Json),
        ["RequiredDocuments"] = JsonSerializer.Serialize(call.RequiredDocuments, Json),
        ["Description"] = call.Description ?? string.Empty,
        ["CreatedBy"] = call.CreatedBy,
        ["CreatedAt"] = call.CreatedAt,
        ["Version"] = call.Version,
    };

    private static Call FromEntity(TableEntity e)
    {
        FundingSources.TryParse(e.GetString("FundingSource"), out var source);
        var description = e.GetString("Description");
        return new Call(
            e.RowKey,
            e.GetInt32("PlanYear") ?? 0,
            source,
            e.GetString("Title") ?? string.Empty,
            DateOnly.ParseExact(e.GetString("OpensOn") ?? "0001-01-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            DateOnly.ParseExact(e.GetString("ClosesOn") ?? "0001-01-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            JsonSerializer.Deserialize<List<string>>(e.GetString("Kinds") ?? "[]", Json) ?? [],
            JsonSerializer.Deserialize<Dictionary<string, IReadOnlyList<string>>>(e.GetString("RequiredDocuments") ?? "{}", Json) ?? [],
            string.IsNullOrEmpty(description) ? null : description,
            e.GetString("CreatedBy") ?? string.Empty,
            e.GetDateTimeOffset("CreatedAt") ?? default,
            e.GetInt64("Version") ?? 1);
    }

    [LoggerMessage(EventId = 4701, Level = LogLevel.Information, Message = "Call {CallId} saved as version {Version}")]
    private static partial void LogSaved(ILogger logger, string callId, long version);
}
