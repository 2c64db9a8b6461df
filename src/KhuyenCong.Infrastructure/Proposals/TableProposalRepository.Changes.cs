using System.Globalization;
using Azure;
using Azure.Data.Tables;
using KhuyenCong.Domain.Activities;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Infrastructure.Storage;

namespace KhuyenCong.Infrastructure.Proposals;

/// <summary>Changes to a stored proposal's record after submission (funding, programme, a corrected submission), with the index rows they move.</summary>
public sealed partial class TableProposalRepository
{
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
        ProposalRows.WriteFunding(row, funding);
        await table.UpdateEntityAsync(row, ETag.All, TableUpdateMode.Merge, cancellationToken);
        var year = IndexYear(record.Value!) ?? 0;
        var index = await storage.TableAsync(StorageTables.ProposalIndex, cancellationToken);
        var indexRow = new TableEntity("year-" + year.ToString(CultureInfo.InvariantCulture), proposalId);
        ProposalRows.WriteFunding(indexRow, funding);
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
        var year = IndexYear(record.Value!) ?? 0;
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
        ProposalRows.WriteSubmission(row, submission);
        row["SearchText"] = ProposalRows.SearchText(submission, trackingCode);
        await table.UpdateEntityAsync(row, ETag.All, TableUpdateMode.Merge, cancellationToken);

        var index = await storage.TableAsync(StorageTables.ProposalIndex, cancellationToken);
        var year = IndexYear(before) ?? 0;
        await index.UpsertEntityAsync(YearIndexColumns(year, proposalId, submission, trackingCode), TableUpdateMode.Merge, cancellationToken);
        await MoveTaxCodeRowAsync(index, before, proposalId, submission, cancellationToken);
        return true;
    }

    /// <summary>The columns of the proposal's row in its year partition of the index that a corrected submission changes.</summary>
    private static TableEntity YearIndexColumns(int year, string proposalId, ProposalSubmission submission, string trackingCode) =>
        new("year-" + year.ToString(CultureInfo.InvariantCulture), proposalId)
        {
            ["Kind"] = submission.Kind.ToCode(),
            ["FundingSource"] = submission.FundingSource.ToCode(),
            ["Province"] = submission.Province,
            ["Commune"] = submission.Commune,
            ["Sector"] = submission.Sector,
            ["Title"] = submission.Title,
            ["OrganizationName"] = submission.OrganizationName,
            ["RequestedSupport"] = submission.RequestedSupport,
            ["SearchText"] = ProposalRows.SearchText(submission, trackingCode),
            ["CommuneCode"] = submission.CommuneCode ?? string.Empty,
            ["SectorCode"] = submission.SectorCode,
            ["EntityType"] = submission.EntityType,
            ["Activity"] = ProposalActivity.Of(submission).Code,
            ["BeneficiaryCount"] = ProposalRows.BeneficiaryCount(submission),
        };

    /// <summary>The tax-code row is keyed by tax code and kind: a corrected kind (or tax code) moves it.</summary>
    private static async Task MoveTaxCodeRowAsync(TableClient index, TableEntity before, string proposalId, ProposalSubmission submission, CancellationToken cancellationToken)
    {
        var submittedAt = before.GetDateTimeOffset("SubmittedAt") ?? default;
        var ticks = submittedAt.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);
        var oldPartition = TaxCodeKey(before.GetString("TaxCode"));
        var oldRow = $"{before.GetString("Kind")}-{ticks}-{proposalId}";
        var newPartition = TaxCodeKey(submission.TaxCode);
        var newRow = $"{submission.Kind.ToCode()}-{ticks}-{proposalId}";
        await index.UpsertEntityAsync(new TableEntity(newPartition, newRow)
        {
            ["ProposalId"] = proposalId,
            ["TrackingCode"] = before.GetString("TrackingCode"),
            ["SubmittedAt"] = submittedAt,
            ["Title"] = submission.Title,
            ["Status"] = before.GetString("Status"),
        }, TableUpdateMode.Merge, cancellationToken);
        if (oldPartition != newPartition || oldRow != newRow)
        {
            await DeleteIfExistsAsync(index, oldPartition, oldRow, cancellationToken);
        }
    }
}
