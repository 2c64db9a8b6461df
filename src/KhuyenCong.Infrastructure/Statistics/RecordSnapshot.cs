using Azure.Data.Tables;
using KhuyenCong.Application.Statistics;
using KhuyenCong.Domain.Activities;
using KhuyenCong.Domain.Proposals;
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

    public static StatisticsSnapshot From(TableEntity e, ITodayGeography geography)
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
            Trainees = submission.ExpectedTrainees ?? 0,
            Jobs = submission.ExpectedJobs ?? 0,
            Beneficiaries = ProposalRows.BeneficiaryCount(submission),
            ActualTrainees = funding.Results?.Trainees ?? 0,
            ActualJobs = funding.Results?.Jobs ?? 0,
            Models = funding.Results?.Models ?? 0,
            ProductsCertified = funding.Results?.ProductsCertified ?? 0,
        };
    }
}
