using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using KhuyenCong.Application.Proposals;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using KhuyenCong.Infrastructure.Storage;

namespace KhuyenCong.Infrastructure.Proposals;

/// <summary>
/// Proposals in Table Storage, designed for the reads they serve (docs/storage.md):
/// table <c>Proposals</c> keeps one partition per proposal (the record, its attachments and its history, written
/// together in one transaction); table <c>ProposalIndex</c> holds small rows that answer the other reads with a
/// point read or a single-partition range query: by tracking code, by tax code and kind (duplicate detection),
/// and by year (lists filtered by status, kind and funding source).
/// </summary>
public sealed class TableProposalRepository(StorageTables storage) : IProposalRepository
{
    private const string RecordKey = "record";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task CreateAsync(Proposal proposal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        var table = await storage.TableAsync(StorageTables.Proposals, cancellationToken);
        var actions = new List<TableTransactionAction> { new(TableTransactionActionType.Add, ToRecord(proposal)) };
        actions.AddRange(proposal.Attachments.Select(a => new TableTransactionAction(TableTransactionActionType.Add, ToEntity(proposal.Id, a))));
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
            else if (entity.RowKey.StartsWith("attachment-", StringComparison.Ordinal))
            {
                attachments.Add(new AttachmentInfo(entity.RowKey["attachment-".Length..], entity.GetString("FileName"), entity.GetString("ContentType"),
                    entity.GetInt64("Size") ?? 0, entity.GetString("Sha256"), entity.GetDateTimeOffset("UploadedAt") ?? default,
                    string.IsNullOrEmpty(entity.GetString("Purpose")) ? null : entity.GetString("Purpose")));
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

        return record is null ? null : FromRecord(record, attachments.OrderBy(a => a.UploadedAt).ToList(), history.Values.ToList());
    }

    public async Task ChangeStatusAsync(string proposalId, int sequence, StatusChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var table = await storage.TableAsync(StorageTables.Proposals, cancellationToken);
        try
        {
            await table.AddEntityAsync(ToEntity(proposalId, sequence - 1, change), cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // recorded by an earlier attempt: still make sure the record and the index caught up
        }

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
            try
            {
                await table.UpdateEntityAsync(record, record.ETag, TableUpdateMode.Replace, cancellationToken);
            }
            catch (RequestFailedException ex) when (ex.Status == 412)
            {
                continue;
            }

            var index = await storage.TableAsync(StorageTables.ProposalIndex, cancellationToken);
            var year = record.GetInt32("Year") ?? change.At.Year;
            var kind = record.GetString("Kind");
            var submittedAt = record.GetDateTimeOffset("SubmittedAt") ?? change.At;
            await Task.WhenAll(
                index.UpsertEntityAsync(new TableEntity("year-" + year.ToString(CultureInfo.InvariantCulture), proposalId) { ["Status"] = change.To.ToCode(), ["StatusChangedAt"] = change.At }, TableUpdateMode.Merge, cancellationToken),
                index.UpsertEntityAsync(new TableEntity(TaxCodeKey(record.GetString("TaxCode")), $"{kind}-{submittedAt.UtcTicks.ToString("D19", CultureInfo.InvariantCulture)}-{proposalId}") { ["Status"] = change.To.ToCode() }, TableUpdateMode.Merge, cancellationToken));
            return;
        }
    }

    public async Task<bool> SaveFundingAsync(string proposalId, ProposalFunding funding, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(funding);
        var table = await storage.TableAsync(StorageTables.Proposals, cancellationToken);
        var record = await table.GetEntityIfExistsAsync<TableEntity>(proposalId, RecordKey, cancellationToken: cancellationToken);
        if (!record.HasValue)
        {
            return false;
        }

        var row = new TableEntity(proposalId, RecordKey);
        WriteFunding(row, funding);
        await table.UpdateEntityAsync(row, ETag.All, TableUpdateMode.Merge, cancellationToken);
        var year = record.Value!.GetInt32("Year") ?? 0;
        var index = await storage.TableAsync(StorageTables.ProposalIndex, cancellationToken);
        var indexRow = new TableEntity("year-" + year.ToString(CultureInfo.InvariantCulture), proposalId);
        WriteFunding(indexRow, funding);
        await index.UpsertEntityAsync(indexRow, TableUpdateMode.Merge, cancellationToken);
        return true;
    }

    public async Task<bool> SetProgrammeAsync(string proposalId, string? programmeId, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(StorageTables.Proposals, cancellationToken);
        var record = await table.GetEntityIfExistsAsync<TableEntity>(proposalId, RecordKey, cancellationToken: cancellationToken);
        if (!record.HasValue)
        {
            return false;
        }

        var value = string.IsNullOrWhiteSpace(programmeId) ? string.Empty : programmeId;
        await table.UpdateEntityAsync(new TableEntity(proposalId, RecordKey) { ["ProgrammeId"] = value }, ETag.All, TableUpdateMode.Merge, cancellationToken);
        var year = record.Value!.GetInt32("Year") ?? 0;
        var index = await storage.TableAsync(StorageTables.ProposalIndex, cancellationToken);
        await index.UpsertEntityAsync(new TableEntity("year-" + year.ToString(CultureInfo.InvariantCulture), proposalId) { ["ProgrammeId"] = value }, TableUpdateMode.Merge, cancellationToken);
        return true;
    }

    public async Task<bool> UpdateSubmissionAsync(string proposalId, ProposalSubmission submission, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var table = await storage.TableAsync(StorageTables.Proposals, cancellationToken);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(proposalId, RecordKey, cancellationToken: cancellationToken);
        if (!found.HasValue)
        {
            return false;
        }

        var before = found.Value!;
        var trackingCode = before.GetString("TrackingCode");
        var row = new TableEntity(proposalId, RecordKey);
        WriteSubmission(row, submission);
        row["SearchText"] = SearchText(submission, trackingCode);
        await table.UpdateEntityAsync(row, ETag.All, TableUpdateMode.Merge, cancellationToken);

        var index = await storage.TableAsync(StorageTables.ProposalIndex, cancellationToken);
        var year = before.GetInt32("Year") ?? 0;
        await index.UpsertEntityAsync(new TableEntity("year-" + year.ToString(CultureInfo.InvariantCulture), proposalId)
        {
            ["Kind"] = submission.Kind.ToCode(),
            ["FundingSource"] = submission.FundingSource.ToCode(),
            ["Province"] = submission.Province,
            ["Commune"] = submission.Commune,
            ["Sector"] = submission.Sector,
            ["Title"] = submission.Title,
            ["OrganizationName"] = submission.OrganizationName,
            ["RequestedSupport"] = submission.RequestedSupport,
            ["SearchText"] = SearchText(submission, trackingCode),
        }, TableUpdateMode.Merge, cancellationToken);

        // The tax-code row is keyed by tax code and kind: a corrected kind (or tax code) moves it.
        var submittedAt = before.GetDateTimeOffset("SubmittedAt") ?? default;
        var ticks = submittedAt.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);
        var oldPartition = TaxCodeKey(before.GetString("TaxCode"));
        var oldRow = $"{before.GetString("Kind")}-{ticks}-{proposalId}";
        var newPartition = TaxCodeKey(submission.TaxCode);
        var newRow = $"{submission.Kind.ToCode()}-{ticks}-{proposalId}";
        await index.UpsertEntityAsync(new TableEntity(newPartition, newRow)
        {
            ["ProposalId"] = proposalId,
            ["TrackingCode"] = trackingCode,
            ["SubmittedAt"] = submittedAt,
            ["Title"] = submission.Title,
            ["Status"] = before.GetString("Status"),
        }, TableUpdateMode.Merge, cancellationToken);
        if (oldPartition != newPartition || oldRow != newRow)
        {
            await DeleteIfExistsAsync(index, oldPartition, oldRow, cancellationToken);
        }

        return true;
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
            await table.SubmitTransactionAsync(chunk.Select(a => new TableTransactionAction(TableTransactionActionType.UpsertReplace, ToEntity(proposalId, a))), cancellationToken);
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

    private static void WriteSubmission(TableEntity row, ProposalSubmission s)
    {
        row["OrganizationName"] = s.OrganizationName;
        row["TaxCode"] = s.TaxCode;
        row["Representative"] = s.Representative;
        row["Email"] = s.Email;
        row["Phone"] = s.Phone;
        row["Address"] = s.Address;
        row["Commune"] = s.Commune;
        row["Province"] = s.Province;
        row["Kind"] = s.Kind.ToCode();
        row["Sector"] = s.Sector;
        row["FundingSource"] = s.FundingSource.ToCode();
        row["Title"] = s.Title;
        row["Summary"] = s.Summary;
        row["TotalCost"] = s.TotalCost;
        row["RequestedSupport"] = s.RequestedSupport;
        row["OwnContribution"] = s.OwnContribution;
        row["StartDate"] = s.StartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        row["EndDate"] = s.EndDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        // Null would leave an earlier value in place under a merge: -1 marks "not given".
        row["ExpectedJobs"] = s.ExpectedJobs ?? -1;
        row["ExpectedTrainees"] = s.ExpectedTrainees ?? -1;
    }

    private static int? Count(TableEntity e, string name) => e.GetInt32(name) is { } value && value >= 0 ? value : null;

    private static void WriteFunding(TableEntity row, ProposalFunding f)
    {
        // Absent values are written as empty/null-like markers so a merge clears what an earlier write set.
        row["ApprovedAmount"] = f.ApprovedAmount ?? -1L;
        row["DecisionNumber"] = f.DecisionNumber ?? string.Empty;
        row["DecisionDate"] = Date(f.DecisionDate);
        row["ContractNumber"] = f.ContractNumber ?? string.Empty;
        row["ContractDate"] = Date(f.ContractDate);
        row["PaidAmount"] = f.PaidAmount;
        row["AcceptedOn"] = Date(f.AcceptedOn);
        row["SettledOn"] = Date(f.SettledOn);
    }

    private static ProposalFunding ReadFunding(TableEntity e)
    {
        var approved = e.GetInt64("ApprovedAmount");
        return new ProposalFunding
        {
            ApprovedAmount = approved is null or < 0 ? null : approved,
            DecisionNumber = Empty(e.GetString("DecisionNumber")),
            DecisionDate = ParseDate(e.GetString("DecisionDate")),
            ContractNumber = Empty(e.GetString("ContractNumber")),
            ContractDate = ParseDate(e.GetString("ContractDate")),
            PaidAmount = e.GetInt64("PaidAmount") ?? 0,
            AcceptedOn = ParseDate(e.GetString("AcceptedOn")),
            SettledOn = ParseDate(e.GetString("SettledOn")),
        };
    }

    private static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty;

    private static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static string? Empty(string? text) => string.IsNullOrEmpty(text) ? null : text;

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

        var items = new List<ProposalSummary>();
        await foreach (var row in index.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            ProposalStatusCodes.TryParse(row.GetString("Status"), out var rowStatus);
            ProposalCatalog.TryParseKind(row.GetString("Kind"), out var rowKind);
            ProposalCatalog.TryParseFundingSource(row.GetString("FundingSource"), out var rowSource);
            items.Add(new ProposalSummary(row.RowKey, row.GetString("TrackingCode"), row.GetString("Title"), row.GetString("OrganizationName"),
                rowStatus, rowKind, rowSource, row.GetString("Province"), row.GetDateTimeOffset("SubmittedAt") ?? default,
                row.GetInt64("RequestedSupport") ?? 0, row.GetString("SearchText") ?? string.Empty)
            {
                StatusChangedAt = row.GetDateTimeOffset("StatusChangedAt") ?? row.GetDateTimeOffset("SubmittedAt"),
            });
        }

        return items.OrderByDescending(i => i.SubmittedAt).ToList();
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
        var yearRow = new TableEntity("year-" + p.Year.ToString(CultureInfo.InvariantCulture), p.Id)
        {
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
            ["SearchText"] = SearchText(p),
            ["ProgrammeId"] = p.ProgrammeId ?? string.Empty,
            ["ExpectedTrainees"] = s.ExpectedTrainees ?? 0,
            ["ExpectedJobs"] = s.ExpectedJobs ?? 0,
        };
        WriteFunding(yearRow, p.Funding);
        yield return yearRow;
    }

    private static string SearchText(Proposal p) => SearchText(p.Submission, p.TrackingCode);

    private static string SearchText(ProposalSubmission s, string trackingCode) =>
        VietnameseText.Fold($"{s.Title} {s.OrganizationName} {s.TaxCode} {trackingCode}");

    private static TableEntity ToRecord(Proposal p)
    {
        var s = p.Submission;
        var record = new TableEntity(p.Id, RecordKey)
        {
            ["TrackingCode"] = p.TrackingCode,
            ["Status"] = p.Status.ToCode(),
            ["SubmittedAt"] = p.SubmittedAt,
            ["Year"] = p.Year,
            ["Channel"] = p.Channel.ToString(),
            ["EnteredBy"] = p.EnteredBy,
            ["OrganizationName"] = s.OrganizationName,
            ["TaxCode"] = s.TaxCode,
            ["Representative"] = s.Representative,
            ["Email"] = s.Email,
            ["Phone"] = s.Phone,
            ["Address"] = s.Address,
            ["Commune"] = s.Commune,
            ["Province"] = s.Province,
            ["Kind"] = s.Kind.ToCode(),
            ["Sector"] = s.Sector,
            ["FundingSource"] = s.FundingSource.ToCode(),
            ["Title"] = s.Title,
            ["Summary"] = s.Summary,
            ["TotalCost"] = s.TotalCost,
            ["RequestedSupport"] = s.RequestedSupport,
            ["OwnContribution"] = s.OwnContribution,
            ["StartDate"] = s.StartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["EndDate"] = s.EndDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["ExpectedJobs"] = s.ExpectedJobs,
            ["ExpectedTrainees"] = s.ExpectedTrainees,
            ["EarlierProposals"] = JsonSerializer.Serialize(p.EarlierProposals, Json),
            ["EarlierProposalCount"] = p.EarlierProposalCount,
            ["SearchText"] = SearchText(p),
            ["ProgrammeId"] = p.ProgrammeId ?? string.Empty,
            ["AssignedPlanYear"] = p.AssignedPlanYear,
            ["CallId"] = p.CallId ?? string.Empty,
        };
        WriteFunding(record, p.Funding);
        return record;
    }

    private static Proposal FromRecord(TableEntity e, IReadOnlyList<AttachmentInfo> attachments, IReadOnlyList<StatusChange> history)
    {
        ProposalCatalog.TryParseKind(e.GetString("Kind"), out var kind);
        ProposalCatalog.TryParseFundingSource(e.GetString("FundingSource"), out var source);
        ProposalStatusCodes.TryParse(e.GetString("Status"), out var status);
        return new Proposal
        {
            Id = e.PartitionKey,
            TrackingCode = e.GetString("TrackingCode"),
            Status = status,
            SubmittedAt = e.GetDateTimeOffset("SubmittedAt") ?? default,
            Channel = Enum.TryParse<SubmissionChannel>(e.GetString("Channel"), out var channel) ? channel : SubmissionChannel.Online,
            EnteredBy = e.GetString("EnteredBy"),
            Submission = new ProposalSubmission
            {
                OrganizationName = e.GetString("OrganizationName"),
                TaxCode = e.GetString("TaxCode"),
                Representative = e.GetString("Representative"),
                Email = e.GetString("Email"),
                Phone = e.GetString("Phone"),
                Address = e.GetString("Address"),
                Commune = e.GetString("Commune"),
                Province = e.GetString("Province"),
                Kind = kind,
                Sector = e.GetString("Sector"),
                FundingSource = source,
                Title = e.GetString("Title"),
                Summary = e.GetString("Summary"),
                TotalCost = e.GetInt64("TotalCost") ?? 0,
                RequestedSupport = e.GetInt64("RequestedSupport") ?? 0,
                OwnContribution = e.GetInt64("OwnContribution") ?? 0,
                StartDate = DateOnly.ParseExact(e.GetString("StartDate"), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                EndDate = DateOnly.ParseExact(e.GetString("EndDate"), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                ExpectedJobs = Count(e, "ExpectedJobs"),
                ExpectedTrainees = Count(e, "ExpectedTrainees"),
            },
            Attachments = attachments,
            History = history,
            EarlierProposals = JsonSerializer.Deserialize<List<EarlierProposal>>(e.GetString("EarlierProposals") ?? "[]", Json) ?? [],
            EarlierProposalCount = e.GetInt32("EarlierProposalCount") ?? 0,
            Funding = ReadFunding(e),
            ProgrammeId = Empty(e.GetString("ProgrammeId")),
            CallId = Empty(e.GetString("CallId")),
            AssignedPlanYear = e.GetInt32("AssignedPlanYear"),
        };
    }

    private static TableEntity ToEntity(string proposalId, AttachmentInfo a) => new(proposalId, "attachment-" + a.Id)
    {
        ["FileName"] = a.FileName,
        ["ContentType"] = a.ContentType,
        ["Size"] = a.Size,
        ["Sha256"] = a.Sha256,
        ["UploadedAt"] = a.UploadedAt,
        ["Purpose"] = a.Purpose,
    };

    private static TableEntity ToEntity(string proposalId, int sequence, StatusChange h) =>
        new(proposalId, "history-" + sequence.ToString("D4", CultureInfo.InvariantCulture))
        {
            ["At"] = h.At,
            ["From"] = h.From?.ToCode(),
            ["To"] = h.To.ToCode(),
            ["By"] = h.By,
            ["Comment"] = h.Comment,
        };

    private static async Task DeleteIfExistsAsync(TableClient table, string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        try
        {
            await table.DeleteEntityAsync(partitionKey, rowKey, ETag.All, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // already gone
        }
    }
}
