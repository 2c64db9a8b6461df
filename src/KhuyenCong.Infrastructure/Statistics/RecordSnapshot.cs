using Azure.Data.Tables;
using KhuyenCong.Application.Statistics;
using KhuyenCong.Domain.Activities;
using KhuyenCong.Domain.Applicants;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Reference;
using KhuyenCong.Domain.Statistics;
using KhuyenCong.Domain.Text;
using KhuyenCong.Infrastructure.Proposals;

namespace KhuyenCong.Infrastructure.Statistics;

/// <summary>
/// What a proposal's record contributes to the statistics, read with the record mapping of the repository (so a record
/// stored before a column existed counts by the same documented rule as it reads): its place today, its sector group,
/// activity, beneficiaries, planned figures and the actual results recorded at acceptance.
/// </summary>
internal static class RecordSnapshot
{
    /// <summary>Today's place: by the commune's official code when it has one the list knows, otherwise by its name.</summary>
    private static PlaceToday Place(ITodayGeography geography, ProposalSubmission s)
    {
        if (s.CommuneCode is { } code)
        {
            var byCode = geography.ResolveToday(s.Province, code);
            if (!string.Equals(byCode.Commune, code, StringComparison.Ordinal))
            {
                return byCode;
            }
        }

        return geography.ResolveToday(s.Province, s.Commune);
    }

    /// <summary>
    /// The beneficiaries by entity type and today's place (ADR 0029): the listed ones of a đề án nhóm, each counted once by
    /// tax code at its own commune; otherwise the applicant at the proposal's place, when it is an establishment.
    /// </summary>
    private static ValueList<BeneficiaryPlace> BeneficiaryPlaces(ITodayGeography geography, ProposalSubmission s, PlaceToday place)
    {
        if (s.Beneficiaries.Count == 0)
        {
            var own = ProposalRows.BeneficiaryCount(s);
            return new ValueList<BeneficiaryPlace>(own == 0 ? [] : [new BeneficiaryPlace(s.EntityType, place.Province, place.Commune, own)]);
        }

        return new ValueList<BeneficiaryPlace>(s.Beneficiaries
            .Select(b => (b.EntityType, Place: Place(geography, s with { Commune = b.Commune, CommuneCode = b.CommuneCode })))
            .GroupBy(b => (b.EntityType, b.Place.Province, Key: StatisticsCellKey.Fold(b.Place.Commune)))
            .Select(g => new BeneficiaryPlace(g.Key.EntityType, g.Key.Province, g.First().Place.Commune, g.Count()))
            .OrderBy(p => p.EntityType, StringComparer.Ordinal).ThenBy(p => p.Province, StringComparer.Ordinal).ThenBy(p => StatisticsCellKey.Fold(p.Commune), StringComparer.Ordinal));
    }

    /// <summary>The proposal's payment rows summed by the day they were made (Vietnam time), oldest first.</summary>
    private static ValueList<DatedPayment> Payments(IEnumerable<TableEntity> payments) =>
        new(payments
            .Where(p => p.GetDateTimeOffset("At") is not null)
            .GroupBy(p => DateOnly.FromDateTime(p.GetDateTimeOffset("At")!.Value.ToOffset(VietnamTime.Offset).DateTime))
            .Select(g => new DatedPayment(g.Key, g.Sum(p => p.GetInt64("Amount") ?? 0)))
            .OrderBy(p => p.Day));

    public static StatisticsSnapshot From(TableEntity e, IEnumerable<TableEntity> payments, ITodayGeography geography)
    {
        var submission = ProposalRows.ReadSubmission(e);
        var funding = ProposalRows.ReadFunding(e);
        var submittedAt = e.GetDateTimeOffset("SubmittedAt") ?? default;
        ProposalStatusCodes.TryParse(e.GetString("Status"), out var status);
        var place = Place(geography, submission);
        return new StatisticsSnapshot
        {
            // The plan year (ADR 0020): the call's; records stored before calls carry only the year submitted, their plan year.
            Year = e.GetInt32("PlanYear") ?? e.GetInt32("Year") ?? submittedAt.ToOffset(VietnamTime.Offset).Year,
            Status = status,
            Kind = submission.Kind,
            FundingSource = submission.FundingSource,
            Sector = VietnameseText.Normalize(submission.Sector),
            SectorCode = submission.SectorCode,
            Activity = ProposalActivity.Of(submission).Code,
            Province = place.Province,
            Commune = place.Commune,
            ProgrammeId = e.GetString("ProgrammeId") ?? string.Empty,
            Requested = submission.RequestedSupport,
            Approved = funding.ApprovedAmount,
            // The approval decision's date, by which the reporting periods count (ADR 0024); none until approved.
            DecisionDate = funding.ApprovedAmount is null ? null : funding.DecisionDate,
            Paid = funding.PaidAmount,
            OwnContribution = submission.OwnContribution,
            Trainees = submission.ExpectedTrainees ?? 0,
            Jobs = submission.ExpectedJobs ?? 0,
            Beneficiaries = ProposalRows.BeneficiaryCount(submission),
            ActualTrainees = funding.Results?.Trainees ?? 0,
            ActualJobs = funding.Results?.Jobs ?? 0,
            Models = funding.Results?.Models ?? 0,
            ProductsCertified = funding.Results?.ProductsCertified ?? 0,
            BeneficiaryPlaces = BeneficiaryPlaces(geography, submission, place),
            Payments = Payments(payments),
        };
    }
}
