using KhuyenCong.Application.Common;
using KhuyenCong.Domain.Activities;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using KhuyenCong.Domain.Tracking;

namespace KhuyenCong.Application.Proposals;

public sealed record TimelineEntry(string Status, string Label, DateTimeOffset At);

/// <summary>
/// What the applicant sees of their proposal: no personal data beyond the title. <c>Explanation</c>: what the status
/// means in plain words (the yearly cycle's statuses), or null.
/// </summary>
public sealed record TrackingView(
    string TrackingCode,
    string Title,
    string Status,
    string StatusLabel,
    DateTimeOffset SubmittedAt,
    IReadOnlyList<TimelineEntry> Timeline,
    string? Awaiting,
    string? Explanation = null);

/// <summary>The lookup without a code: the establishment's tax code and the phone number given in its proposals.</summary>
/// <param name="TaxCode">As typed ("0101234567" or "0101234567-001").</param>
/// <param name="Phone">As typed ("0912 345 678", "+84 912.345.678").</param>
public sealed record ApplicantLookup(string? TaxCode, string? Phone)
{
    public const string TaxCodeField = "taxCode";
    public const string PhoneField = "phone";

    /// <summary>At most this many proposals are listed, newest first.</summary>
    public const int MaxResults = 20;
}

/// <summary>Looks a proposal up for the applicant: by its tracking code, or by tax code and phone number.</summary>
public sealed class ProposalTracking(IProposalRepository proposals)
{
    public async Task<TrackingView?> FindAsync(string? code, Language language, CancellationToken cancellationToken)
    {
        if (!TrackingCode.TryParse(code, out var parsed))
        {
            return null;
        }

        var proposal = await proposals.FindByTrackingCodeAsync(parsed.Value, cancellationToken);
        return proposal is null ? null : View(proposal, language);
    }

    /// <summary>
    /// The proposals of the tax code whose phone number is the one given (both must match: the tax code alone is
    /// public), newest first. Invalid when either field is missing or malformed; not found when nothing matches.
    /// </summary>
    public async Task<Decision<IReadOnlyList<TrackingView>>> FindByApplicantAsync(ApplicantLookup lookup, Language language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        var errors = new BilingualErrors();
        var taxCode = VietnameseText.Normalize(lookup.TaxCode);
        if (!System.Text.RegularExpressions.Regex.IsMatch(taxCode, ProposalFieldRules.TaxCodePattern, System.Text.RegularExpressions.RegexOptions.CultureInvariant))
        {
            errors.Add(ApplicantLookup.TaxCodeField, "Vui lòng nhập mã số thuế của cơ sở: 10 chữ số, 10 chữ số, dấu gạch ngang và 3 chữ số, hoặc số định danh cá nhân 12 chữ số.",
                "Enter the establishment's tax code: 10 digits, 10 digits, a dash and 3 digits, or a 12-digit personal identification number.");
        }

        if (!ProposalValidator.TryNormalizePhone(lookup.Phone, out var phone))
        {
            errors.Add(ApplicantLookup.PhoneField, "Vui lòng nhập số điện thoại đã ghi trong đề án (ví dụ 0912345678).",
                "Enter the phone number given in the proposal (for example 0912345678).");
        }

        if (!errors.IsEmpty)
        {
            return Decision<IReadOnlyList<TrackingView>>.Invalid(errors);
        }

        var found = await MatchingAsync(taxCode, phone!, cancellationToken);
        return found.Count == 0
            ? Decision<IReadOnlyList<TrackingView>>.NotFound(new Bilingual(
                "Không có đề án nào với mã số thuế và số điện thoại này. Vui lòng kiểm tra số điện thoại đã ghi trong đề án.",
                "No proposal has this tax code and phone number. Check the phone number given in the proposal."))
            : Decision<IReadOnlyList<TrackingView>>.Done(found.Select(p => View(p, language)).ToList());
    }

    /// <summary>The tax code's proposals (its index, one partition, kind by kind) whose record has this phone number.</summary>
    private async Task<IReadOnlyList<Proposal>> MatchingAsync(string taxCode, string phone, CancellationToken cancellationToken)
    {
        var earlier = new List<EarlierProposal>();
        foreach (var kind in Enum.GetValues<ProposalKind>())
        {
            earlier.AddRange(await proposals.FindByTaxCodeAsync(taxCode, kind, DateTimeOffset.MinValue, cancellationToken));
        }

        var found = new List<Proposal>();
        foreach (var candidate in earlier.OrderByDescending(e => e.SubmittedAt).Take(ApplicantLookup.MaxResults))
        {
            if (await proposals.GetAsync(candidate.ProposalId, cancellationToken) is { } proposal
                && ProposalValidator.TryNormalizePhone(proposal.Submission.Phone, out var stored) && stored == phone)
            {
                found.Add(proposal);
            }
        }

        return found;
    }

    private static TrackingView View(Proposal proposal, Language language) => new(
        proposal.TrackingCode,
        proposal.Submission.Title,
        proposal.Status.ToCode(),
        ProposalStatusLabels.Label(proposal.Status, language),
        proposal.SubmittedAt,
        proposal.History.Select(h => new TimelineEntry(h.To.ToCode(), ProposalStatusLabels.Label(h.To, language), h.At)).ToList(),
        ProposalStatusLabels.Awaiting(proposal.Status, language),
        ProposalStatusLabels.Explanation(proposal.Status, language));
}
