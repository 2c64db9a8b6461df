using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;
using KhuyenCong.Domain.Geography;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Domain.Proposals;

/// <summary>
/// Turns what a user typed (<see cref="ProposalForm"/>) into a valid, normalised <see cref="ProposalSubmission"/> or into
/// errors keyed by field, following <see cref="ProposalFieldRules"/>. Pure: no clock, no I/O. Each field reports at most
/// its first problem; cross-field rules (amounts add up, end not before start) run only on fields that are valid alone.
/// </summary>
public static partial class ProposalValidator
{
    /// <summary>Validates a form; messages are in <paramref name="language"/> (Vietnamese by default).</summary>
    public static ProposalValidationResult Validate(ProposalForm form, Language language = Language.Vietnamese) =>
        Validate(form, language, ValidationMode.Submission);

    /// <summary>
    /// Validates a form for a new submission or, with <see cref="ValidationMode.Historical"/>, a đề án of the past
    /// loaded by an import: then a missing entity type is given by the documented rule (<see cref="Applicants.EntityTypes.Infer"/>,
    /// possibly "unspecified"), and the rules that did not exist then (who may carry an activity out, the round level) are not applied.
    /// </summary>
    public static ProposalValidationResult Validate(ProposalForm form, Language language, ValidationMode mode)
    {
        ArgumentNullException.ThrowIfNull(form);
        form = WithHistoricalEntityType(form, mode);
        var r = new Reader(form, language);
        var values = ReadFields(r, form, mode);
        CheckAmountsAddUp(r, values);
        CheckEndNotBeforeStart(r, values);
        return r.Errors.Count > 0
            ? new ProposalValidationResult(null, InFormOrder(r.Errors))
            : new ProposalValidationResult(ToSubmission(values), []);
    }

    /// <summary>Parses an amount as typed ("1.200.000.000", "1,200,000,000", "1 200 000 000 đ") to VND; false when the format is wrong or it exceeds <see cref="ProposalFieldRules.MaxAmount"/>.</summary>
    public static bool TryParseAmount(string? text, out long amount)
    {
        amount = 0;
        var normalized = VietnameseText.Normalize(text);
        if (!AmountRegex().IsMatch(normalized))
        {
            return false;
        }

        var digits = new string(normalized.Where(char.IsAsciiDigit).ToArray()).TrimStart('0');
        if (digits.Length > ProposalFieldRules.MaxAmount.ToString(CultureInfo.InvariantCulture).Length)
        {
            return false;
        }

        amount = digits.Length == 0 ? 0 : long.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
        return amount <= ProposalFieldRules.MaxAmount;
    }

    /// <summary>Normalises a Vietnamese phone number to national form ("+84 912.345.678" → "0912345678"); false when it is not one.</summary>
    public static bool TryNormalizePhone(string? text, [NotNullWhen(true)] out string? phone)
    {
        phone = null;
        var normalized = VietnameseText.Normalize(text);
        if (!PhoneRegex().IsMatch(normalized))
        {
            return false;
        }

        var digits = new string(normalized.Where(char.IsAsciiDigit).ToArray());
        phone = digits.StartsWith('0') ? digits : string.Concat("0", digits.AsSpan(2));
        return true;
    }

    [GeneratedRegex(ProposalFieldRules.TaxCodePattern, RegexOptions.CultureInvariant)]
    private static partial Regex TaxCodeRegex();

    [GeneratedRegex(ProposalFieldRules.EmailPattern, RegexOptions.CultureInvariant)]
    private static partial Regex EmailRegex();

    [GeneratedRegex(ProposalFieldRules.PhonePattern, RegexOptions.CultureInvariant)]
    private static partial Regex PhoneRegex();

    [GeneratedRegex(ProposalFieldRules.AmountPattern, RegexOptions.CultureInvariant)]
    private static partial Regex AmountRegex();

    [GeneratedRegex(ProposalFieldRules.DatePattern, RegexOptions.CultureInvariant)]
    private static partial Regex DateRegex();

    [GeneratedRegex(ProposalFieldRules.IntegerPattern, RegexOptions.CultureInvariant)]
    private static partial Regex IntegerRegex();

    private const int StructuredValueMaxLength = 1000;

    private delegate bool TryParseCode<T>(string? code, out T value);

    /// <summary>Reads fields one by one, collecting at most one error per field.</summary>
    private sealed partial class Reader(ProposalForm form, Language language)
    {
        public List<FieldError> Errors { get; } = [];

        public Language Language => language;

        public void Add(FieldError error)
        {
            if (!Errors.Exists(e => string.Equals(e.Field, error.Field, StringComparison.Ordinal)))
            {
                Errors.Add(error);
            }
        }

        /// <summary>
        /// Required check, forbidden characters, normalisation and, for free text and email, length; null when absent or
        /// in error. Structured values (codes, numbers, dates) report a wrong format or range instead of a length.
        /// </summary>
        public string? Text(string field)
        {
            var rule = ProposalFieldRules.Get(field);
            var raw = form.Get(field);
            if (string.IsNullOrWhiteSpace(raw) || ShowsNothing(raw))
            {
                if (rule.Required)
                {
                    Add(Messages.Required(rule, language));
                }

                return null;
            }

            if (VietnameseText.HasForbiddenCharacters(raw))
            {
                Add(Messages.InvalidCharacters(rule, language));
                return null;
            }

            var mode = rule.Kind == FieldValueKind.MultilineText ? TextMode.MultiLine : TextMode.SingleLine;
            var value = VietnameseText.Normalize(raw, mode);
            var isFreeText = rule.Kind is FieldValueKind.Text or FieldValueKind.MultilineText or FieldValueKind.Email;
            if (isFreeText && value.Length > rule.MaxLength)
            {
                Add(Messages.TooLong(rule, language));
                return null;
            }

            if (!isFreeText && value.Length > StructuredValueMaxLength)
            {
                // No code, number or date is this long; do not spend time parsing it.
                Add(Messages.InvalidFormat(rule, language));
                return null;
            }

            return value;
        }

        public string? Matching(string field, Regex regex)
        {
            var value = Text(field);
            return value is null || Check(field, regex.IsMatch(value)) ? value : null;
        }

        public string? Email()
        {
            var value = Text(ProposalFields.Email);
            if (value is null)
            {
                return null;
            }

            var at = value.LastIndexOf('@');
            if (!Check(ProposalFields.Email, EmailRegex().IsMatch(value) && at <= 64))
            {
                return null;
            }

            return string.Concat(value.AsSpan(0, at + 1), value[(at + 1)..].ToLowerInvariant());
        }

        public string? Phone()
        {
            var value = Text(ProposalFields.Phone);
            if (value is null)
            {
                return null;
            }

            return Check(ProposalFields.Phone, TryNormalizePhone(value, out var phone)) ? phone : null;
        }

        public string? Province()
        {
            var value = Text(ProposalFields.Province);
            if (value is null)
            {
                return null;
            }

            // A former province ("Thái Bình") is accepted and recorded as the current one it is now part of.
            if (ProvinceCatalog.TryResolveCurrent(value, out var province))
            {
                return province.Code;
            }

            Add(Messages.UnknownChoice(ProposalFieldRules.Get(ProposalFields.Province), language));
            return null;
        }

        public T? Choice<T>(string field, TryParseCode<T> tryParse)
            where T : struct
        {
            var value = Text(field);
            if (value is null)
            {
                return null;
            }

            if (tryParse(value, out var parsed))
            {
                return parsed;
            }

            Add(Messages.UnknownChoice(ProposalFieldRules.Get(field), language));
            return null;
        }

        public long? Amount(string field)
        {
            var value = Text(field);
            if (value is null)
            {
                return null;
            }

            var rule = ProposalFieldRules.Get(field);
            if (!AmountRegex().IsMatch(value))
            {
                Add(Messages.InvalidFormat(rule, language));
                return null;
            }

            if (!TryParseAmount(value, out var amount))
            {
                Add(Messages.AmountTooLarge(rule, ProposalFieldRules.MaxAmount, language));
                return null;
            }

            var min = long.Parse(rule.Min!, CultureInfo.InvariantCulture);
            if (amount < min)
            {
                Add(Messages.AmountTooSmall(rule, language));
                return null;
            }

            return amount;
        }

        public DateOnly? Date(string field)
        {
            var value = Text(field);
            if (value is null)
            {
                return null;
            }

            var rule = ProposalFieldRules.Get(field);
            if (!DateRegex().IsMatch(value)
                || !DateOnly.TryParseExact(value, ProposalFieldRules.DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                Add(Messages.InvalidFormat(rule, language));
                return null;
            }

            if (date < ProposalFieldRules.MinDate || date > ProposalFieldRules.MaxDate)
            {
                Add(Messages.DateOutOfRange(rule, ProposalFieldRules.MinDate, ProposalFieldRules.MaxDate, language));
                return null;
            }

            return date;
        }

        public int? Count(string field)
        {
            var value = Text(field);
            if (value is null)
            {
                return null;
            }

            var rule = ProposalFieldRules.Get(field);
            if (!IntegerRegex().IsMatch(value))
            {
                Add(value.All(char.IsAsciiDigit)
                    ? Messages.CountTooLarge(rule, ProposalFieldRules.MaxCount, language)
                    : Messages.InvalidFormat(rule, language));
                return null;
            }

            var count = int.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture);
            if (count > ProposalFieldRules.MaxCount)
            {
                Add(Messages.CountTooLarge(rule, ProposalFieldRules.MaxCount, language));
                return null;
            }

            return count;
        }

        /// <summary>
        /// True for a value of only spaces and invisible format characters (zero-width spaces and joiners, word joiner,
        /// byte order mark): it shows nothing, so it is no value. Forbidden characters are reported as such instead.
        /// </summary>
        private static bool ShowsNothing(string raw) =>
            !VietnameseText.HasForbiddenCharacters(raw) && raw.All(c => char.IsWhiteSpace(c) || VietnameseText.IsInvisibleFormatCharacter(c));

        private bool Check(string field, bool ok)
        {
            if (!ok)
            {
                Add(Messages.InvalidFormat(ProposalFieldRules.Get(field), language));
            }

            return ok;
        }
    }
}
