using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Azure;
using Azure.Data.Tables;
using KhuyenCong.Application.Selection;
using KhuyenCong.Domain.Selection;
using KhuyenCong.Infrastructure.Storage;
using Microsoft.Extensions.Logging;

namespace KhuyenCong.Infrastructure.Selection;

/// <summary>
/// Selections in table <c>Selections</c>: partition = call id; row <c>current</c> holds the call's current selection,
/// rows <c>round-0001</c>… the rounds the director sent back. A new round moves the current one to the history and
/// replaces it in one entity-group transaction conditional on the current row's ETag, so of two concurrent writes on
/// one call exactly one is stored. The selection is JSON, split over binary properties (64 KB each).
/// </summary>
public sealed partial class TableSelectionStore(StorageTables storage, ILogger<TableSelectionStore> logger) : ISelectionStore
{
    private const string Current = "current";
    private const int PartBytes = 60 * 1024;
    private const int MaxParts = 15;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public async Task<StoredSelection?> GetAsync(string callId, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(StorageTables.Selections, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(callId, Current, cancellationToken: cancellationToken);
        return row.HasValue ? new StoredSelection(Read(row.Value!), row.Value!.ETag.ToString()) : null;
    }

    public async Task<IReadOnlyList<CallSelection>> HistoryAsync(string callId, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(StorageTables.Selections, cancellationToken);
        var rounds = new List<CallSelection>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {callId} and RowKey ge {"round-"} and RowKey lt {"round."}"),
            cancellationToken: cancellationToken))
        {
            rounds.Add(Read(row));
        }

        return rounds.OrderBy(r => r.Round).ToList();
    }

    public async Task<bool> ProposeAsync(CallSelection selection, string? expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(selection);
        var table = await storage.TableAsync(StorageTables.Selections, cancellationToken);
        try
        {
            if (expectedVersion is null)
            {
                await table.AddEntityAsync(Write(selection, Current), cancellationToken);
            }
            else
            {
                var before = await table.GetEntityIfExistsAsync<TableEntity>(selection.CallId, Current, cancellationToken: cancellationToken);
                if (!before.HasValue || before.Value!.ETag.ToString() != expectedVersion)
                {
                    return false;
                }

                var previous = Read(before.Value);
                await table.SubmitTransactionAsync(
                [
                    new TableTransactionAction(TableTransactionActionType.UpsertReplace, Write(previous, HistoryKey(previous.Round))),
                    new TableTransactionAction(TableTransactionActionType.UpdateReplace, Write(selection, Current), new ETag(expectedVersion)),
                ], cancellationToken);
            }
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return false;
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412)
        {
            return false;
        }

        LogProposed(logger, selection.CallId, selection.Round);
        return true;
    }

    public async Task<bool> DecideAsync(CallSelection decided, string expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decided);
        var table = await storage.TableAsync(StorageTables.Selections, cancellationToken);
        try
        {
            await table.UpdateEntityAsync(Write(decided, Current), new ETag(expectedVersion), TableUpdateMode.Replace, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 409 or 412)
        {
            return false;
        }

        LogDecided(logger, decided.CallId, decided.Round, decided.Status.ToCode());
        return true;
    }

    private static string HistoryKey(int round) => "round-" + round.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);

    private static TableEntity Write(CallSelection selection, string rowKey)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(selection, Json);
        var parts = (bytes.Length + PartBytes - 1) / PartBytes;
        if (parts > MaxParts)
        {
            throw new InvalidOperationException($"The selection of call {selection.CallId} is too large to store ({bytes.Length} bytes).");
        }

        var entity = new TableEntity(selection.CallId, rowKey)
        {
            ["Round"] = selection.Round,
            ["Status"] = selection.Status.ToCode(),
            ["Parts"] = parts,
        };
        for (var i = 0; i < parts; i++)
        {
            entity["Part" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)] = bytes.AsSpan(i * PartBytes, Math.Min(PartBytes, bytes.Length - (i * PartBytes))).ToArray();
        }

        return entity;
    }

    private static CallSelection Read(TableEntity entity)
    {
        var parts = entity.GetInt32("Parts") ?? 0;
        using var buffer = new MemoryStream();
        for (var i = 0; i < parts; i++)
        {
            buffer.Write(entity.GetBinary("Part" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return JsonSerializer.Deserialize<CallSelection>(buffer.ToArray(), Json)
            ?? throw new InvalidDataException("A stored selection is empty: " + Encoding.UTF8.GetString(buffer.ToArray()));
    }

    [LoggerMessage(EventId = 4601, Level = LogLevel.Information, Message = "Selection of call {CallId} proposed (round {Round})")]
    private static partial void LogProposed(ILogger logger, string callId, int round);

    [LoggerMessage(EventId = 4602, Level = LogLevel.Information, Message = "Selection of call {CallId} round {Round}: {Status}")]
    private static partial void LogDecided(ILogger logger, string callId, int round, string status);
}
