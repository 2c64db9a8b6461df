using KhuyenCong.Application.Proposals;
using KhuyenCong.Domain.Activities;
using KhuyenCong.Domain.Caps;
using KhuyenCong.Domain.Programmes;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Application.Caps;

/// <summary>
/// Checks a proposal against the cap in force, counting, for a per-establishment cap (TT 28/2018/TT-BTC art. 8 cl. 4:
/// "không quá 300 triệu đồng/cơ sở"), what the establishment already received under the same cap: the approved amounts
/// of its earlier đề án (same tax code, funding source and activity, approved or later, approved while the cap was in
/// force). A đề án nhóm's per-establishment cap is multiplied by its beneficiaries; their earlier support is flagged at
/// screening, not netted (a group đề án does not say each beneficiary's share).
/// </summary>
public sealed class CapAssessment(ICapStore caps, IProposalRepository proposals)
{
    public async Task<CapCheckResult> AssessAsync(ProposalSubmission submission, string? proposalId, DateOnly date, Language language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var cap = CapCheck.Resolve(submission, await caps.ListAsync(cancellationToken), date);
        var already = cap is { Unit: CapUnit.PerEstablishment } && submission.Beneficiaries.Count == 0
            ? await AlreadyReceivedAsync(submission, proposalId, cap, cancellationToken)
            : 0;
        return CapCheck.Check(submission, cap, language, already);
    }

    /// <summary>What the establishment of <paramref name="submission"/> was approved under <paramref name="cap"/> in its other đề án.</summary>
    public async Task<long> AlreadyReceivedAsync(ProposalSubmission submission, string? proposalId, SupportCap cap, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submission);
        ArgumentNullException.ThrowIfNull(cap);
        var since = new DateTimeOffset(cap.EffectiveFrom.ToDateTime(TimeOnly.MinValue), VietnamTime.Offset).AddYears(-1);
        var earlier = await proposals.FindByTaxCodeAsync(submission.TaxCode, submission.Kind, since, cancellationToken);
        long total = 0;
        foreach (var e in earlier.Where(e => e.ProposalId != proposalId && ProgrammeMeasures.IsApprovedOrLater(e.Status)))
        {
            var other = await proposals.GetAsync(e.ProposalId, cancellationToken);
            if (other is null || other.Submission.FundingSource != cap.FundingSource
                || ProposalActivity.Of(other.Submission).Code != cap.Activity || other.Funding.ApprovedAmount is not { } approved)
            {
                continue;
            }

            var approvedOn = other.Funding.DecisionDate ?? DateOnly.FromDateTime(other.SubmittedAt.ToOffset(VietnamTime.Offset).DateTime);
            if (cap.IsEffectiveOn(approvedOn))
            {
                total += approved;
            }
        }

        return total;
    }
}
