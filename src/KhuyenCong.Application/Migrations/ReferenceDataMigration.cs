using KhuyenCong.Application.Caps;
using KhuyenCong.Application.Geography;
using KhuyenCong.Application.Places;
using KhuyenCong.Application.Proposals;
using KhuyenCong.Domain.Geography;
using KhuyenCong.Domain.Proposals;
using Microsoft.Extensions.Logging;

namespace KhuyenCong.Application.Migrations;

/// <summary>What one run of the reference-data migration did.</summary>
public sealed record MigrationResult(int CapRowsChanged, int CommunesLoaded, int ProposalsExamined, int ProposalsUpdated);

/// <summary>
/// Brings stored data to the shape of issue 14, by the rule of ADR 0023, safely run any number of times (a second run
/// changes nothing): the shipped caps to their current version (old seed rows replaced, officers' rows kept), the
/// shipped commune lists loaded where a province has none, and every proposal record written with its entity type
/// (from its tax code and name), activity (its kind's default), sector group (the list entry its text names exactly,
/// otherwise "other") and commune code (when its name places it without doubt in the province's list). Only records
/// written before these fields existed, or whose commune code can now be found, are written; each write refreshes
/// the proposal's statistics.
/// </summary>
public sealed partial class ReferenceDataMigration(
    IProposalRepository proposals,
    ICapStore caps,
    GeographyService geography,
    ProposalPlaces places,
    ILogger<ReferenceDataMigration> logger)
{
    public async Task<MigrationResult> RunAsync(CancellationToken cancellationToken)
    {
        var capRows = await caps.SeedAsync(cancellationToken);
        var communes = 0;
        foreach (var province in ShippedCommunes.Provinces)
        {
            communes += await geography.EnsureShippedAsync(province, cancellationToken);
        }

        var examined = 0;
        var updated = 0;
        foreach (var year in await proposals.ListYearsAsync(cancellationToken))
        {
            foreach (var summary in await proposals.ListAsync(new ProposalListQuery(year, null, null, null), cancellationToken))
            {
                var proposal = await proposals.GetAsync(summary.Id, cancellationToken);
                if (proposal is null)
                {
                    continue;
                }

                examined++;
                var (upgraded, _) = await places.PlaceHistoricalAsync(proposal.Submission, cancellationToken);
                if (proposal.RecordVersion < Proposal.CurrentRecordVersion || upgraded != proposal.Submission)
                {
                    await proposals.UpdateSubmissionAsync(proposal.Id, upgraded, cancellationToken);
                    updated++;
                }
            }
        }

        var result = new MigrationResult(capRows, communes, examined, updated);
        LogMigrated(logger, capRows, communes, examined, updated);
        return result;
    }

    [LoggerMessage(EventId = 5201, Level = LogLevel.Information,
        Message = "Reference-data migration: {CapRows} cap rows changed, {Communes} communes loaded, {Examined} proposals examined, {Updated} written")]
    private static partial void LogMigrated(ILogger logger, int capRows, int communes, int examined, int updated);
}
