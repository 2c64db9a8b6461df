using System.Globalization;
using KhuyenCong.Domain.Activities;
using KhuyenCong.Domain.Geography;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Domain.Caps;

/// <summary>The outcome of checking a submission against its cap.</summary>
/// <param name="Cap">The cap applied, or null when none applies (then there are no errors).</param>
/// <param name="RequestedPercent">Requested support as a percentage of the total cost, rounded to 2 decimals, for display.</param>
/// <param name="MaxSupport">The most that could be requested for this total cost under the cap, or null without a cap.</param>
/// <param name="FieldErrors">Errors on <c>requestedSupport</c>; empty when within the cap, or when the cap is an example.</param>
public sealed record CapCheckResult(SupportCap? Cap, decimal RequestedPercent, long? MaxSupport, IReadOnlyList<FieldError> FieldErrors)
{
    /// <summary>True when the requested support respects the cap (or there is none, or the cap is only an example).</summary>
    public bool IsWithinCap => FieldErrors.Count == 0;

    /// <summary>What the request exceeds of an example cap (shown at screening, never a refusal).</summary>
    public IReadOnlyList<FieldError> Advisories { get; init; } = [];

    /// <summary>What the establishment already received under the same per-establishment cap (counted into the limit).</summary>
    public long AlreadyReceived { get; init; }

    /// <summary>Messages by field, as <see cref="ProposalValidationResult.Errors"/>.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Errors => Proposals.FieldErrors.ToDictionary(FieldErrors);
}

/// <summary>
/// Checks the requested support of a valid submission against a support cap (TT 28/2018/TT-BTC art. 8 and its
/// predecessor, as data). Pure. An example cap's excess is reported as an advisory, not an error.
/// </summary>
public static class CapCheck
{
    /// <summary>Resolves the cap for the submission on <paramref name="date"/> (its activity, province and the former province of its commune), then checks it.</summary>
    public static CapCheckResult Check(ProposalSubmission submission, IEnumerable<SupportCap> caps, DateOnly date, Language language = Language.Vietnamese, long alreadyReceived = 0)
    {
        ArgumentNullException.ThrowIfNull(submission);
        return Check(submission, Resolve(submission, caps, date), language, alreadyReceived);
    }

    /// <summary>The cap that applies to a submission on a date (null when none).</summary>
    public static SupportCap? Resolve(ProposalSubmission submission, IEnumerable<SupportCap> caps, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(submission);
        return CapResolver.Resolve(caps, submission.FundingSource, submission.Province, FormerTerritories.Of(submission.CommuneCode),
            ProposalActivity.Of(submission).Code, date);
    }

    /// <summary>
    /// Errors on <c>requestedSupport</c> when it exceeds the cap's amount (per its unit, less what was already received
    /// under a per-establishment cap) or percentage of the total cost (both may be reported). The cap must be for the
    /// submission's funding source and activity.
    /// </summary>
    public static CapCheckResult Check(ProposalSubmission submission, SupportCap? cap, Language language = Language.Vietnamese, long alreadyReceived = 0)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var exactPercent = submission.TotalCost > 0 ? submission.RequestedSupport * 100m / submission.TotalCost : 0m;
        var percent = Math.Round(exactPercent, 2, MidpointRounding.AwayFromZero);
        if (cap is null)
        {
            return new CapCheckResult(null, percent, null, []);
        }

        if (cap.FundingSource != submission.FundingSource || !string.Equals(cap.Activity, ProposalActivity.Of(submission).Code, StringComparison.Ordinal))
        {
            throw new ArgumentException("The cap is for another funding source or activity than the submission.", nameof(cap));
        }

        var beneficiaries = Math.Max(1, submission.Beneficiaries.Count);
        var errors = new List<FieldError>();
        if (cap.AmountLimit(alreadyReceived, beneficiaries) is { } limit && submission.RequestedSupport > limit)
        {
            errors.Add(AmountError(submission.RequestedSupport, cap, alreadyReceived, beneficiaries, language));
        }

        if (cap.MaxPercent is { } max && submission.RequestedSupport * 100m > max * submission.TotalCost)
        {
            errors.Add(PercentError(exactPercent, max, cap, language));
        }

        var maxSupport = cap.MaxSupportFor(submission.TotalCost, alreadyReceived, beneficiaries);
        return cap.IsExample
            ? new CapCheckResult(cap, percent, maxSupport, []) { Advisories = errors, AlreadyReceived = alreadyReceived }
            : new CapCheckResult(cap, percent, maxSupport, errors) { AlreadyReceived = alreadyReceived };
    }

    private static FieldError AmountError(long requested, SupportCap cap, long already, int beneficiaries, Language l)
    {
        var max = DisplayFormat.Amount(cap.MaxAmount!.Value, l);
        var perUnit = cap.Unit.Suffix(l);
        var counted = cap.Unit is CapUnit.PerEstablishment or CapUnit.PerEnterprise && (already > 0 || beneficiaries > 1);
        var extra = !counted ? string.Empty : l == Language.English
            ? $", for {beneficiaries.ToString(CultureInfo.InvariantCulture)} establishment(s), of which {DisplayFormat.Amount(already, l)} VND was already received under the same cap"
            : $", cho {beneficiaries.ToString(CultureInfo.InvariantCulture)} cơ sở, trong đó {DisplayFormat.Amount(already, l)} đồng cơ sở đã được hỗ trợ theo cùng mức này";
        return new(ProposalFields.RequestedSupport, FieldErrorCodes.ExceedsCapAmount, l == Language.English
            ? $"The requested support ({DisplayFormat.Amount(requested, l)} VND) exceeds the maximum of {max} VND{perUnit}{extra} ({cap.Basis})."
            : $"Kinh phí đề nghị hỗ trợ ({DisplayFormat.Amount(requested, l)} đồng) vượt mức hỗ trợ tối đa {max} đồng{perUnit}{extra} ({cap.Basis}).");
    }

    private static FieldError PercentError(decimal exactPercent, decimal maxPercent, SupportCap cap, Language l)
    {
        // Show enough decimals that the shown share is visibly above the limit (50.001% must not read "50%").
        var shown = DisplayFormat.Percent(exactPercent, l);
        if (Math.Round(exactPercent, 2, MidpointRounding.AwayFromZero) <= maxPercent)
        {
            shown = exactPercent.ToString("0.######", CultureInfo.InvariantCulture);
            shown = l == Language.English ? shown : shown.Replace('.', ',');
        }

        var max = DisplayFormat.Percent(maxPercent, l);
        return new(ProposalFields.RequestedSupport, FieldErrorCodes.ExceedsCapPercent, l == Language.English
            ? $"The requested support is {shown}% of the total cost, above the maximum of {max}% ({cap.Basis})."
            : $"Kinh phí đề nghị hỗ trợ bằng {shown}% tổng kinh phí, vượt mức tối đa {max}% ({cap.Basis}).");
    }
}
