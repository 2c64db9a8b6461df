using System.Globalization;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Domain.Caps;

/// <summary>The outcome of checking a submission against its cap.</summary>
/// <param name="Cap">The cap applied, or null when none applies (then there are no errors).</param>
/// <param name="RequestedPercent">Requested support as a percentage of the total cost, rounded to 2 decimals, for display.</param>
/// <param name="MaxSupport">The most that could be requested for this total cost under the cap, or null without a cap.</param>
/// <param name="FieldErrors">Errors on <c>requestedSupport</c>; empty when within the cap.</param>
public sealed record CapCheckResult(SupportCap? Cap, decimal RequestedPercent, long? MaxSupport, IReadOnlyList<FieldError> FieldErrors)
{
    /// <summary>True when the requested support respects the cap (or there is none).</summary>
    public bool IsWithinCap => FieldErrors.Count == 0;

    /// <summary>Messages by field, as <see cref="ProposalValidationResult.Errors"/>.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Errors => Proposals.FieldErrors.ToDictionary(FieldErrors);
}

/// <summary>Checks the requested support of a valid submission against a support cap. Pure.</summary>
public static class CapCheck
{
    /// <summary>Resolves the cap with <see cref="CapResolver.Resolve"/> for the submission on <paramref name="date"/>, then checks it.</summary>
    public static CapCheckResult Check(ProposalSubmission submission, IEnumerable<SupportCap> caps, DateOnly date, Language language = Language.Vietnamese)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var cap = CapResolver.Resolve(caps, submission.FundingSource, submission.Province, submission.Kind, date);
        return Check(submission, cap, language);
    }

    /// <summary>
    /// Errors on <c>requestedSupport</c> when it exceeds the cap's amount or percentage of the total cost (both may be
    /// reported). The cap must be for the submission's funding source, kind and province.
    /// </summary>
    public static CapCheckResult Check(ProposalSubmission submission, SupportCap? cap, Language language = Language.Vietnamese)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var exactPercent = submission.TotalCost > 0 ? submission.RequestedSupport * 100m / submission.TotalCost : 0m;
        var percent = Math.Round(exactPercent, 2, MidpointRounding.AwayFromZero);
        if (cap is null)
        {
            return new CapCheckResult(null, percent, null, []);
        }

        if (cap.FundingSource != submission.FundingSource || cap.Kind != submission.Kind
            || (cap.Province is not null && !string.Equals(cap.Province, submission.Province, StringComparison.OrdinalIgnoreCase)))
        {
            throw new ArgumentException("The cap is for another funding source, kind or province than the submission.", nameof(cap));
        }

        var errors = new List<FieldError>();
        if (submission.RequestedSupport > cap.MaxAmount)
        {
            errors.Add(AmountError(submission.RequestedSupport, cap, language));
        }

        if (submission.RequestedSupport * 100m > cap.MaxPercent * submission.TotalCost)
        {
            errors.Add(PercentError(exactPercent, cap, language));
        }

        return new CapCheckResult(cap, percent, cap.MaxSupportFor(submission.TotalCost), errors);
    }

    private static FieldError AmountError(long requested, SupportCap cap, Language l) =>
        new(ProposalFields.RequestedSupport, FieldErrorCodes.ExceedsCapAmount, l == Language.English
            ? $"The requested support ({DisplayFormat.Amount(requested, l)} VND) exceeds the maximum of {DisplayFormat.Amount(cap.MaxAmount, l)} VND ({cap.Basis})."
            : $"Kinh phí đề nghị hỗ trợ ({DisplayFormat.Amount(requested, l)} đồng) vượt mức hỗ trợ tối đa {DisplayFormat.Amount(cap.MaxAmount, l)} đồng ({cap.Basis}).");

    private static FieldError PercentError(decimal exactPercent, SupportCap cap, Language l)
    {
        // Show enough decimals that the shown share is visibly above the limit (50.001% must not read "50%").
        var shown = DisplayFormat.Percent(exactPercent, l);
        if (Math.Round(exactPercent, 2, MidpointRounding.AwayFromZero) <= cap.MaxPercent)
        {
            shown = exactPercent.ToString("0.######", CultureInfo.InvariantCulture);
            shown = l == Language.English ? shown : shown.Replace('.', ',');
        }

        var max = DisplayFormat.Percent(cap.MaxPercent, l);
        return new(ProposalFields.RequestedSupport, FieldErrorCodes.ExceedsCapPercent, l == Language.English
            ? $"The requested support is {shown}% of the total cost, above the maximum of {max}% ({cap.Basis})."
            : $"Kinh phí đề nghị hỗ trợ bằng {shown}% tổng kinh phí, vượt mức tối đa {max}% ({cap.Basis}).");
    }
}
