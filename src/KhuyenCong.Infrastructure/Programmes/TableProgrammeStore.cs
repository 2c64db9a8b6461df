using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using KhuyenCong.Application.Programmes;
using KhuyenCong.Domain.Activities;
using KhuyenCong.Domain.Programmes;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Infrastructure.Storage;
using Microsoft.Extensions.Logging;
using static KhuyenCong.Infrastructure.Storage.ConditionalWrites;

namespace KhuyenCong.Infrastructure.Programmes;

/// <summary>
/// Programmes in table <c>Programmes</c>: one partition (<c>programmes</c>; a province has a handful), one row per
/// programme keyed by id, targets as JSON. An edit is one write conditional on the ETag of the row whose version the
/// user edited, so of two edits of one version exactly one wins.
/// </summary>
public sealed partial class TableProgrammeStore(StorageTables storage, TimeProvider time, ILogger<TableProgrammeStore> logger) : IProgrammeStore
{
    public const string Partition = "programmes";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<IReadOnlyList<ProgrammeRecord>> ListAsync(CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(StorageTables.Programmes, cancellationToken);
        var records = new List<ProgrammeRecord>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"), cancellationToken: cancellationToken))
        {
            records.Add(FromEntity(row));
        }

        return records.OrderByDescending(r => r.Programme.FromYear).ThenBy(r => r.Programme.Name, StringComparer.Ordinal).ToList();
    }

    public async Task<ProgrammeRecord?> GetAsync(string id, CancellationToken cancellationToken)
    {
        if (!IsKey(id))
        {
            return null;
        }

        var table = await storage.TableAsync(StorageTables.Programmes, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition, id, cancellationToken: cancellationToken);
        return row.HasValue ? FromEntity(row.Value!) : null;
    }

    public async Task<ProgrammeRecord> CreateAsync(Programme programme, string by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(programme);
        if (!IsKey(programme.Id))
        {
            throw new ArgumentException("The programme id is not a valid key.", nameof(programme));
        }

        var now = time.GetUtcNow();
        var record = new ProgrammeRecord(programme, 1, by, now, by, now);
        var table = await storage.TableAsync(StorageTables.Programmes, cancellationToken);
        await table.AddEntityAsync(ToEntity(record), cancellationToken);
        LogSaved(logger, programme.Id, 1);
        return record;
    }

    public async Task<(SaveOutcome Outcome, ProgrammeRecord? Record)> UpdateAsync(Programme programme, int expectedVersion, string by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(programme);
        if (!IsKey(programme.Id))
        {
            return (SaveOutcome.NotFound, null);
        }

        var table = await storage.TableAsync(StorageTables.Programmes, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition, programme.Id, cancellationToken: cancellationToken);
        if (!row.HasValue)
        {
            return (SaveOutcome.NotFound, null);
        }

        var existing = FromEntity(row.Value!);
        if (existing.Version != expectedVersion)
        {
            return (SaveOutcome.Stale, existing);
        }

        var record = existing with { Programme = programme, Version = existing.Version + 1, ChangedBy = by, ChangedAt = time.GetUtcNow() };
        if (!await TryReplaceAsync(table, ToEntity(record), row.Value!.ETag, cancellationToken))
        {
            return (SaveOutcome.Stale, null);
        }

        LogSaved(logger, programme.Id, record.Version);
        return (SaveOutcome.Saved, record);
    }

    private static bool IsKey(string? id) => id is { Length: > 0 and <= 64 } && id.All(char.IsAsciiLetterOrDigit);

    private static TableEntity ToEntity(ProgrammeRecord record)
    {
        var p = record.Programme;
        return new TableEntity(Partition, p.Id)
        {
            ["Name"] = p.Name,
            ["FromYear"] = p.FromYear,
            ["ToYear"] = p.ToYear,
            ["FundingSource"] = p.FundingSource.ToCode(),
            ["DecisionNumber"] = p.DecisionNumber,
            ["Targets"] = JsonSerializer.Serialize(p.Targets, Json),
            ["Version"] = record.Version,
            ["CreatedBy"] = record.CreatedBy,
            ["CreatedAt"] = record.CreatedAt,
            ["ChangedBy"] = record.ChangedBy,
            ["ChangedAt"] = record.ChangedAt,
        };
    }

    private static ProgrammeRecord FromEntity(TableEntity e)
    {
        FundingSources.TryParse(e.GetString("FundingSource"), out var source);
        var targets = JsonSerializer.Deserialize<List<ProgrammeTarget>>(e.GetString("Targets") ?? "[]", Json) ?? [];
        var programme = new Programme(e.RowKey, e.GetString("Name") ?? string.Empty, e.GetInt32("FromYear") ?? 0, e.GetInt32("ToYear") ?? 0,
            source, e.GetString("DecisionNumber") ?? string.Empty, targets);
        return new ProgrammeRecord(programme, e.GetInt32("Version") ?? 1, e.GetString("CreatedBy") ?? string.Empty,
            e.GetDateTimeOffset("CreatedAt") ?? default, e.GetString("ChangedBy") ?? string.Empty, e.GetDateTimeOffset("ChangedAt") ?? default);
    }

    [LoggerMessage(EventId = 4201, Level = LogLevel.Information, Message = "Programme {ProgrammeId} saved as version {Version}")]
    private static partial void LogSaved(ILogger logger, string programmeId, int version);
}

/// <summary>The year index rows of <c>ProposalIndex</c> (partition <c>year-{yyyy}</c>) that name a programme.</summary>
public sealed class TableProgrammeProposalIndex(StorageTables storage) : IProgrammeProposalIndex
{
    public async Task<IReadOnlyList<ProgrammeProposalFacts>> ListAsync(string programmeId, int year, CancellationToken cancellationToken)
    {
        var index = await storage.TableAsync(StorageTables.ProposalIndex, cancellationToken);
        var partition = "year-" + year.ToString(CultureInfo.InvariantCulture);
        var facts = new List<ProgrammeProposalFacts>();
        await foreach (var row in index.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {partition} and ProgrammeId eq {programmeId}"),
            select: ["RowKey", "Kind", "Status", "RequestedSupport", "ApprovedAmount", "PaidAmount", "ExpectedTrainees", "ExpectedJobs",
                "ActualTrainees", "ActualJobs", "ModelsBuilt", "ProductsCertified"],
            cancellationToken: cancellationToken))
        {
            if (!ProposalKinds.TryParse(row.GetString("Kind"), out var kind) || !ProposalStatusCodes.TryParse(row.GetString("Status"), out var status))
            {
                continue;
            }

            var approved = row.GetInt64("ApprovedAmount");
            facts.Add(new ProgrammeProposalFacts(row.RowKey, kind, status, row.GetInt64("RequestedSupport") ?? 0,
                approved is null or < 0 ? null : approved, row.GetInt64("PaidAmount") ?? 0,
                row.GetInt32("ExpectedTrainees") ?? 0, row.GetInt32("ExpectedJobs") ?? 0)
            {
                // Recorded with the acceptance; -1 (or absent) means not recorded, which counts for nothing.
                ActualTrainees = Math.Max(0, row.GetInt32("ActualTrainees") ?? 0),
                ActualJobs = Math.Max(0, row.GetInt32("ActualJobs") ?? 0),
                ModelsBuilt = Math.Max(0, row.GetInt32("ModelsBuilt") ?? 0),
                ProductsCertified = Math.Max(0, row.GetInt32("ProductsCertified") ?? 0),
            });
        }

        return facts;
    }
}
