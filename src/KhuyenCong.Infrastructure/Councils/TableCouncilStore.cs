using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using KhuyenCong.Application.Councils;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Councils;
using KhuyenCong.Infrastructure.Storage;
using Microsoft.Extensions.Logging;

namespace KhuyenCong.Infrastructure.Councils;

/// <summary>
/// Councils in table <c>Councils</c>. Partition <c>councils</c> holds one row per council (<c>council-{id}</c>) and one
/// claim per call it covers (<c>call-{callId}</c>), inserted together in one transaction: a call has at most one
/// council, and of two councils set up at once for the same call exactly one is stored. Partition
/// <c>council-{id}</c> holds the session (<c>session</c>, inserted once), the conclusion on each proposal
/// (<c>conclusion-{proposalId}</c>, the first stays) and the mark that every conclusion was told to its workflow
/// (<c>complete</c>).
/// </summary>
public sealed partial class TableCouncilStore(StorageTables storage, ILogger<TableCouncilStore> logger) : ICouncilStore
{
    public const string Partition = "councils";
    private const string CouncilPrefix = "council-";
    private const string CallPrefix = "call-";
    private const string SessionKey = "session";
    private const string CompleteKey = "complete";
    private const string ConclusionPrefix = "conclusion-";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<Council?> GetAsync(string id, CancellationToken cancellationToken)
    {
        if (!IsKey(id))
        {
            return null;
        }

        var table = await TableAsync(cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition, CouncilPrefix + id, cancellationToken: cancellationToken);
        return row.HasValue ? FromEntity(row.Value!) : null;
    }

    public async Task<Council?> ForCallAsync(string callId, CancellationToken cancellationToken)
    {
        if (!IsKey(callId))
        {
            return null;
        }

        var table = await TableAsync(cancellationToken);
        var claim = await table.GetEntityIfExistsAsync<TableEntity>(Partition, CallPrefix + callId, cancellationToken: cancellationToken);
        return claim.HasValue && claim.Value!.GetString("CouncilId") is { } councilId ? await GetAsync(councilId, cancellationToken) : null;
    }

    public async Task<IReadOnlyList<Council>> ListAsync(CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken);
        var councils = new List<Council>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey ge {CouncilPrefix} and RowKey lt {"council."}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            councils.Add(FromEntity(row));
        }

        return councils.OrderByDescending(c => c.DecisionDate).ThenByDescending(c => c.CreatedAt).ToList();
    }

    public async Task<bool> CreateAsync(Council council, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(council);
        if (!IsKey(council.Id) || !council.CallIds.All(IsKey))
        {
            throw new ArgumentException("The council or one of its calls has an id that is not a valid key.", nameof(council));
        }

        var table = await TableAsync(cancellationToken);
        var actions = council.CallIds.Distinct(StringComparer.Ordinal)
            .Select(callId => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(Partition, CallPrefix + callId) { ["CouncilId"] = council.Id }))
            .Prepend(new TableTransactionAction(TableTransactionActionType.Add, ToEntity(council)))
            .ToList();
        try
        {
            await table.SubmitTransactionAsync(actions, cancellationToken);
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 409)
        {
            return false;
        }

        LogCreated(logger, council.Id, council.CallIds.Count);
        return true;
    }

    public async Task<bool> RecordSessionAsync(CouncilSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var table = await TableAsync(cancellationToken);
        try
        {
            await table.AddEntityAsync(new TableEntity(SessionPartition(session.CouncilId), SessionKey)
            {
                ["SessionId"] = session.Id,
                ["HeldOn"] = Date(session.HeldOn),
                ["PresentMemberIds"] = JsonSerializer.Serialize(session.PresentMemberIds, Json),
                ["RecordedBy"] = session.RecordedBy,
                ["RecordedAt"] = session.RecordedAt,
            }, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }

        LogSession(logger, session.CouncilId, session.Id);
        return true;
    }

    public async Task<CouncilSession?> SessionOfAsync(string councilId, CancellationToken cancellationToken)
    {
        if (!IsKey(councilId))
        {
            return null;
        }

        var table = await TableAsync(cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(SessionPartition(councilId), SessionKey, cancellationToken: cancellationToken);
        if (!row.HasValue)
        {
            return null;
        }

        var e = row.Value!;
        return new CouncilSession(e.GetString("SessionId") ?? string.Empty, councilId, ParseDate(e.GetString("HeldOn")),
            JsonSerializer.Deserialize<List<string>>(e.GetString("PresentMemberIds") ?? "[]", Json) ?? [],
            e.GetString("RecordedBy") ?? string.Empty, e.GetDateTimeOffset("RecordedAt") ?? default);
    }

    public async Task<bool> IsSessionCompleteAsync(string councilId, CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken);
        return (await table.GetEntityIfExistsAsync<TableEntity>(SessionPartition(councilId), CompleteKey, select: ["RowKey"], cancellationToken: cancellationToken)).HasValue;
    }

    public async Task CompleteSessionAsync(string councilId, CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken);
        await table.UpsertEntityAsync(new TableEntity(SessionPartition(councilId), CompleteKey), TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<ProposalConclusion> SaveConclusionAsync(ProposalConclusion conclusion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conclusion);
        var table = await TableAsync(cancellationToken);
        var partition = SessionPartition(conclusion.Conclusion.CouncilId);
        try
        {
            await table.AddEntityAsync(new TableEntity(partition, ConclusionPrefix + conclusion.ProposalId)
            {
                ["Conclusion"] = JsonSerializer.Serialize(conclusion.Conclusion, Json),
                ["MaxTotal"] = conclusion.MaxTotal,
                ["At"] = conclusion.At,
                ["Raised"] = false,
            }, cancellationToken);
            return conclusion with { Raised = false };
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            var stored = await table.GetEntityAsync<TableEntity>(partition, ConclusionPrefix + conclusion.ProposalId, cancellationToken: cancellationToken);
            return Conclusion(stored.Value);
        }
    }

    public async Task MarkRaisedAsync(string councilId, string proposalId, CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken);
        await table.UpdateEntityAsync(new TableEntity(SessionPartition(councilId), ConclusionPrefix + proposalId) { ["Raised"] = true }, ETag.All, TableUpdateMode.Merge, cancellationToken);
    }

    public async Task<IReadOnlyList<ProposalConclusion>> ConclusionsAsync(string councilId, CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken);
        var partition = SessionPartition(councilId);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {ConclusionPrefix} and RowKey lt {"conclusion."}");
        var conclusions = new List<ProposalConclusion>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            conclusions.Add(Conclusion(row));
        }

        return conclusions;
    }

    private Task<TableClient> TableAsync(CancellationToken cancellationToken) => storage.TableAsync(StorageTables.Councils, cancellationToken);

    private static string SessionPartition(string councilId) => CouncilPrefix + councilId;

    private static bool IsKey(string? id) => id is { Length: > 0 and <= 64 } && id.All(char.IsAsciiLetterOrDigit);

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly ParseDate(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : default;

    private static ProposalConclusion Conclusion(TableEntity e) => new(
        e.RowKey[ConclusionPrefix.Length..],
        JsonSerializer.Deserialize<CouncilConclusion>(e.GetString("Conclusion") ?? "{}", Json)!,
        e.GetInt32("MaxTotal") ?? 0,
        e.GetDateTimeOffset("At") ?? default,
        e.GetBoolean("Raised") ?? false);

    private static TableEntity ToEntity(Council council) => new(Partition, CouncilPrefix + council.Id)
    {
        ["CallIds"] = JsonSerializer.Serialize(council.CallIds, Json),
        ["DecisionNumber"] = council.DecisionNumber,
        ["DecisionDate"] = Date(council.DecisionDate),
        ["ChairId"] = council.ChairId,
        ["SecretaryId"] = council.SecretaryId,
        ["MemberIds"] = JsonSerializer.Serialize(council.MemberIds, Json),
        ["Quorum"] = council.Quorum,
        ["CreatedBy"] = council.CreatedBy,
        ["CreatedAt"] = council.CreatedAt,
    };

    private static Council FromEntity(TableEntity e) => new(
        e.RowKey[CouncilPrefix.Length..],
        JsonSerializer.Deserialize<List<string>>(e.GetString("CallIds") ?? "[]", Json) ?? [],
        e.GetString("DecisionNumber") ?? string.Empty,
        ParseDate(e.GetString("DecisionDate")),
        e.GetString("ChairId") ?? string.Empty,
        e.GetString("SecretaryId") ?? string.Empty,
        JsonSerializer.Deserialize<List<string>>(e.GetString("MemberIds") ?? "[]", Json) ?? [],
        e.GetInt32("Quorum") ?? 0,
        e.GetString("CreatedBy") ?? string.Empty,
        e.GetDateTimeOffset("CreatedAt") ?? default);

    [LoggerMessage(EventId = 4711, Level = LogLevel.Information, Message = "Council {CouncilId} set up for {CallCount} call(s)")]
    private static partial void LogCreated(ILogger logger, string councilId, int callCount);

    [LoggerMessage(EventId = 4712, Level = LogLevel.Information, Message = "Council {CouncilId} session {SessionId} recorded")]
    private static partial void LogSession(ILogger logger, string councilId, string sessionId);
}
