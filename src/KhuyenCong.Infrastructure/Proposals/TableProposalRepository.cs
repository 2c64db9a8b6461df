using System.Globalization;
using Azure;
using Azure.Data.Tables;
using KhuyenCong.Application.Proposals;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using KhuyenCong.Infrastructure.Storage;
using static KhuyenCong.Infrastructure.Storage.ConditionalWrites;
using KhuyenCong.Domain.Activities;

namespace KhuyenCong.Infrastructure.Proposals;

/// <summary>
/// Proposals in Table Storage, designed for the reads they serve (docs/storage.md):
/// table <c>Proposals</c> keeps one partition per proposal (the record, its attachments and its history, written
/// together in one transaction); table <c>ProposalIndex</c> holds small rows that answer the other reads with a
/// point read or a single-partition range query: by tracking code, by tax code and kind (duplicate detection),
/// and by plan year (lists filtered by status, kind, funding source and call). The year index is partitioned by the
/// proposal's plan year (<see cref="Proposal.PlanYear"/>: its call's, else the year submitted), so rows stored before
/// calls existed stay where they are (docs/decisions/0020-the-yearly-cycle.md).
/// </summary>
public sealed partial class TableProposalRepository(StorageTables storage) : IProposalRepository
{
    private const string RecordKey = ProposalRows.RecordKey;

    public async Task CreateAsync(Proposal proposal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        var table = await storage.TableAsync(StorageTables.Proposals, cancellationToken);
        var actions = new List<TableTransactionAction> { new(TableTransactionActionType.Add, ProposalRows.ToRecord(proposal)) };
        actions.AddRange(proposal.Attachments.Select(a => new TableTransactionAction(TableTransactionActionType.Add, ProposalRows.ToEntity(proposal.Id, a))));
        actions.AddRange(proposal.History.Select((h, i) => new TableTransactionAction(TableTransactionActionType.Add, ToEntity(proposal.Id, i, h))));
        await table.SubmitTransactionAsync(actions, cancellationToken);

        var index = await storage.TableAsync(StorageTables.ProposalIndex, cancellationToken);
        await Task.WhenAll(IndexRows(proposal).Select(row => index.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken)));
    }

    public async Task DeleteAsync(Proposal proposal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        var index = await storage.TableAsync(StorageTables.ProposalIndex, cancellationToken);
        foreach (var row in IndexRows(proposal))
        {
            await DeleteIfExistsAsync(index, row.PartitionKey, row.RowKey, cancellationToken);
        }

        var table = await storage.TableAsync(StorageTables.Proposals, cancellationToken);
        await foreach (var entity in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {proposal.Id}"), select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            await DeleteIfExistsAsync(table, entity.PartitionKey, entity.RowKey, cancellationToken);
        }
    }

    public async Task<Proposal?> GetAsync(string proposalId, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(StorageTables.Proposals, cancellationToken);
        TableEntity? record = null;
        var attachments = new List<AttachmentInfo>();
        var history = new SortedList<string, StatusChange>(StringComparer.Ordinal);
        await foreach (var entity in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {proposalId}"), cancellationToken: cancellationToken))
        {
            if (entity.RowKey == RecordKey)
            {
                record = entity;
            }
            else if (entity.RowKey.StartsWith(ProposalRows.AttachmentPrefix, StringComparison.Ordinal))
            {
                attachments.Add(ProposalRows.ReadAttachment(entity));
            }
            else if (entity.RowKey.StartsWith("history-", StringComparison.Ordinal))
            {
                history.Add(entity.RowKey, new StatusChange(
                    entity.GetDateTimeOffset("At") ?? default,
                    ProposalStatusCodes.TryParse(entity.GetString("From"), out var from) ? from : null,
                    ProposalStatusCodes.TryParse(entity.GetString("To"), out var to) ? to : ProposalStatus.Submitted,
                    entity.GetString("By"),
                    entity.GetString("Comment")));
            }
        }

        return record is null ? null : ProposalRows.FromRecord(record, attachments.OrderBy(a => a.UploadedAt).ToList(), history.Values.ToList());
    }

    public async Task ChangeStatusAsync(string proposalId, int sequence, StatusChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var table = await storage.TableAsync(StorageTables.Proposals, cancellationToken);
        // Already there when an earlier attempt recorded it: still make sure the record and the index caught up.
        await TryAddAsync(table, ToEntity(proposalId, sequence - 1, change), cancellationToken);

        while (true)
        {
            var record = (await table.GetEntityAsync<TableEntity>(proposalId, RecordKey, cancellationToken: cancellationToken)).Value;
            if ((record.GetInt32("StatusSequence") ?? 1) >= sequence)
            {
                return;
            }

            record["Status"] = change.To.ToCode();
            record["StatusSequence"] = sequence;
            record["StatusChangedAt"] = change.At;
            if (!await TryReplaceAsync(table, record, cancellationToken))
            {
                continue;
            }

            var index = await storage.TableAsync(StorageTables.ProposalIndex, cancellationToken);
            var year = IndexYear(record) ?? change.At.Year;
            var kind = record.GetString("Kind");
            var submittedAt = record.GetDateTimeOffset("SubmittedAt") ?? change.At;
            await Task.WhenAll(
                index.UpsertEntityAsync(new TableEntity("year-" + year.ToString(CultureInfo.InvariantCulture), proposalId) { ["Status"] = change.To.ToCode(), ["StatusChangedAt"] = change.At }, TableUpdateMode.Merge, cancellationToken),
                index.UpsertEntityAsync(new TableEntity(TaxCodeKey(record.GetString("TaxCode")), $"{kind}-{submittedAt.UtcTicks.ToString("D19", CultureInfo.InvariantCulture)}-{proposalId}") { ["Status"] = change.To.ToCode() }, TableUpdateMode.Merge, cancellationToken));
            return;
        }
    }

    public async Task AddAttachmentsAsync(string proposalId, IReadOnlyList<AttachmentInfo> attachments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attachments);
        if (attachments.Count == 0)
        {
            return;
        }

        var table = await storage.TableAsync(StorageTables.Proposals, cancellationToken);
        foreach (var chunk in attachments.Chunk(100))
        {
            await table.SubmitTransactionAsync(chunk.Select(a => new TableTransactionAction(TableTransactionActionType.UpsertReplace, ProposalRows.ToEntity(proposalId, a))), cancellationToken);
        }
    }

    public async Task<bool> RemoveAttachmentAsync(string proposalId, string attachmentId, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(StorageTables.Proposals, cancellationToken);
        try
        {
            // The client answers a missing entity with a 404 response rather than an exception.
            var response = await table.DeleteEntityAsync(proposalId, "attachment-" + attachmentId, ETag.All, cancellationToken);
            return response.Status != 404;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return false;
        }
    }

    public async Task<Proposal?> FindByTrackingCodeAsync(string trackingCode, CancellationToken cancellationToken)
    {
        var index = await storage.TableAsync(StorageTables.ProposalIndex, cancellationToken);
        var row = await index.GetEntityIfExistsAsync<TableEntity>(TrackingKey(trackingCode), string.Empty, cancellationToken: cancellationToken);
        return row.HasValue && row.Value!.GetString("ProposalId") is { } id ? await GetAsync(id, cancellationToken) : null;
    }

    public async Task<IReadOnlyList<ProposalSummary>> ListAsync(ProposalListQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var index = await storage.TableAsync(StorageTables.ProposalIndex, cancellationToken);
        var partition = "year-" + query.Year.ToString(CultureInfo.InvariantCulture);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition}");
        if (query.Status is { } status)
        {
            filter += " and " + TableClient.CreateQueryFilter($"Status eq {status.ToCode()}");
        }

        if (query.Kind is { } kind)
        {
            filter += " and " + TableClient.CreateQueryFilter($"Kind eq {kind.ToCode()}");
        }

        if (query.FundingSource is { } source)
        {
            filter += " and " + TableClient.CreateQueryFilter($"FundingSource eq {source.ToCode()}");
        }

        if (query.CallId is { } callId)
        {
            filter += " and " + TableClient.CreateQueryFilter($"CallId eq {callId}");
        }

        var items = new List<ProposalSummary>();
        await foreach (var row in index.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            ProposalStatusCodes.TryParse(row.GetString("Status"), out var rowStatus);
            ProposalKinds.TryParse(row.GetString("Kind"), out var rowKind);
            FundingSources.TryParse(row.GetString("FundingSource"), out var rowSource);
            items.Add(new ProposalSummary(row.RowKey, row.GetString("TrackingCode"), row.GetString("Title"), row.GetString("OrganizationName"),
                rowStatus, rowKind, rowSource, row.GetString("Province"), row.GetDateTimeOffset("SubmittedAt") ?? default,
                row.GetInt64("RequestedSupport") ?? 0, row.GetString("SearchText") ?? string.Empty)
            {
                StatusChangedAt = row.GetDateTimeOffset("StatusChangedAt") ?? row.GetDateTimeOffset("SubmittedAt"),
                CallId = ProposalRows.Empty(row.GetString("CallId")),
            });
        }

        return items.OrderByDescending(i => i.SubmittedAt).ToList();
    }

    public async Task<IReadOnlyList<int>> ListYearsAsync(CancellationToken cancellationToken)
    {
        var index = await storage.TableAsync(StorageTables.ProposalIndex, cancellationToken);
        var years = new SortedSet<int>();
        await foreach (var row in index.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey ge {"year-"} and PartitionKey lt {"year."}"), select: ["PartitionKey"], cancellationToken: cancellationToken))
        {
            if (int.TryParse(row.PartitionKey.AsSpan("year-".Length), NumberStyles.None, CultureInfo.InvariantCulture, out var year))
            {
                years.Add(year);
            }
        }

        return years.ToList();
    }

    public async Task<IReadOnlyList<EarlierProposal>> FindByTaxCodeAsync(string taxCode, ProposalKind kind, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var index = await storage.TableAsync(StorageTables.ProposalIndex, cancellationToken);
        var partition = TaxCodeKey(taxCode);
        var from = $"{kind.ToCode()}-{since.UtcTicks.ToString("D19", CultureInfo.InvariantCulture)}";
        var to = $"{kind.ToCode()}-~";
        var found = new List<EarlierProposal>();
        await foreach (var row in index.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {from} and RowKey lt {to}"), cancellationToken: cancellationToken))
        {
            found.Add(new EarlierProposal(row.GetString("ProposalId"), row.GetString("TrackingCode"), row.GetDateTimeOffset("SubmittedAt") ?? default,
                row.GetString("Title"), ProposalStatusCodes.TryParse(row.GetString("Status"), out var s) ? s : ProposalStatus.Submitted));
        }

        return found.OrderByDescending(f => f.SubmittedAt).ToList();
    }

    private static string TrackingKey(string code) => "tracking-" + code;

    private static string TaxCodeKey(string taxCode) => "taxcode-" + taxCode;

    private static IEnumerable<TableEntity> IndexRows(Proposal p)
    {
        var s = p.Submission;
        yield return new TableEntity(TrackingKey(p.TrackingCode), string.Empty) { ["ProposalId"] = p.Id };
        yield return new TableEntity(TaxCodeKey(s.TaxCode), $"{s.Kind.ToCode()}-{p.SubmittedAt.UtcTicks.ToString("D19", CultureInfo.InvariantCulture)}-{p.Id}")
        {
            ["ProposalId"] = p.Id,
            ["TrackingCode"] = p.TrackingCode,
            ["SubmittedAt"] = p.SubmittedAt,
            ["Title"] = s.Title,
            ["Status"] = p.Status.ToCode(),
        };
        var yearRow = new TableEntity("year-" + p.PlanYear.ToString(CultureInfo.InvariantCulture), p.Id)
        {
            ["CallId"] = p.CallId ?? string.Empty,
            ["PlanYear"] = p.PlanYear,
            ["TrackingCode"] = p.TrackingCode,
            ["Status"] = p.Status.ToCode(),
            ["Kind"] = s.Kind.ToCode(),
            ["FundingSource"] = s.FundingSource.ToCode(),
            ["Province"] = s.Province,
            ["Commune"] = s.Commune,
            ["Sector"] = s.Sector,
            ["Title"] = s.Title,
            ["OrganizationName"] = s.OrganizationName,
            ["SubmittedAt"] = p.SubmittedAt,
            ["StatusChangedAt"] = p.History.Count > 0 ? p.History[^1].At : p.SubmittedAt,
            ["RequestedSupport"] = s.RequestedSupport,
            ["SearchText"] = ProposalRows.SearchText(p),
            ["ProgrammeId"] = p.ProgrammeId ?? string.Empty,
            ["ExpectedTrainees"] = s.ExpectedTrainees ?? 0,
            ["ExpectedJobs"] = s.ExpectedJobs ?? 0,
            ["CommuneCode"] = s.CommuneCode ?? string.Empty,
            ["SectorCode"] = s.SectorCode,
            ["EntityType"] = s.EntityType,
            ["Activity"] = ProposalActivity.Of(s).Code,
            ["BeneficiaryCount"] = ProposalRows.BeneficiaryCount(s),
        };
        ProposalRows.WriteFunding(yearRow, p.Funding);
        yield return yearRow;
    }

    private static TableEntity ToEntity(string proposalId, int sequence, StatusChange h) =>
        new(proposalId, "history-" + sequence.ToString("D4", CultureInfo.InvariantCulture))
        {
            ["At"] = h.At,
            ["From"] = h.From?.ToCode(),
            ["To"] = h.To.ToCode(),
            ["By"] = h.By,
            ["Comment"] = h.Comment,
        };

    private static Task DeleteIfExistsAsync(TableClient table, string partitionKey, string rowKey, CancellationToken cancellationToken) =>
        DeleteIfUnchangedAsync(table, partitionKey, rowKey, ETag.All, cancellationToken);

    /// <summary>
    /// The year-index partition of a stored record: its plan year; records stored before calls have only their
    /// submission year, which is their plan year (<see cref="Proposal.PlanYear"/>).
    /// </summary>
    internal static int? IndexYear(TableEntity record) => record.GetInt32("PlanYear") ?? record.GetInt32("Year");
}
