using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using KhuyenCong.Domain.Activities;
using KhuyenCong.Domain.Attachments;
using KhuyenCong.Domain.Caps;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using KhuyenCong.Web.Components;

namespace KhuyenCong.Web.Pages.NewProposal;

/// <summary>
/// The data the form's script needs, embedded in the page as <c>&lt;script type="application/json" id="form-rules"&gt;</c>:
/// field rules with their messages in the page language, the caps in force, attachment limits and the texts.
/// Messages are the server's own (<see cref="ProposalValidator"/>), so the browser says exactly what the server would.
/// </summary>
public static class ProposalFormRules
{
    /// <summary>Placeholder in <see cref="CrossFieldMessages.ContributionMismatch"/> for the expected own contribution.</summary>
    public const string AmountPlaceholder = "{amount}";

    /// <summary>
    /// How the page writes the model (<see cref="JsonScript"/>): camelCase, nulls left out, Vietnamese readable; &lt;,
    /// &gt;, &amp;, quotes and + are still escaped, so "&lt;/script&gt;" can never end the block.
    /// </summary>
    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The rules for a page in <paramref name="language"/> with the caps in force on <paramref name="today"/>.</summary>
    public static FormRulesModel Build(Language language, IEnumerable<SupportCap> caps, DateOnly today, bool capsUnavailable = false)
    {
        ArgumentNullException.ThrowIfNull(caps);
        var messages = MessagesFor(language);
        return new FormRulesModel(
            language.ToCode(),
            ProposalFieldRules.All.Select(r => new FieldRuleModel(
                r.Name,
                JsonNamingPolicy.CamelCase.ConvertName(r.Kind.ToString()),
                r.Required,
                r.MaxLength,
                r.Pattern,
                r.Min,
                r.Max,
                r.Choices,
                r.Label(language),
                messages[r.Name])).ToList(),
            CrossFieldMessagesFor(language),
            InForce(caps, today).Select(c => new CapModel(
                c.FundingSource.ToCode(), c.Province, c.Kind.ToCode(), c.MaxPercent, c.MaxAmount, c.Basis)).ToList(),
            today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            capsUnavailable,
            new AttachmentRulesModel(AttachmentRules.FieldName, AttachmentRules.MaxFileBytes, AttachmentRules.MaxTotalBytes,
                AttachmentRules.MaxFiles, AttachmentRules.AllowedExtensions),
            ProposalFormTexts.ForScript(language));
    }

    /// <summary>
    /// The caps in force on <paramref name="date"/> for the activity the form's kind stands for (its default activity),
    /// one per funding source, province (or nationwide) and kind, without caps of a former province's territory (the
    /// form does not know the commune's code yet): the one <see cref="CapResolver"/> would choose. The browser then only
    /// has to prefer the province's cap over the nationwide one. The server checks the exact cap on submission.
    /// </summary>
    public static IReadOnlyList<SupportCap> InForce(IEnumerable<SupportCap> caps, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(caps);
        return caps
            .Where(c => c.IsEffectiveOn(date) && c.Territory is null && Domain.Activities.ActivityCatalog.DefaultFor(c.Kind).Code == c.Activity)
            .GroupBy(c => (c.FundingSource, Province: c.Province?.ToUpperInvariant(), c.Kind))
            .Select(g => CapResolver.Resolve(g, g.Key.FundingSource, g.First().Province, g.Key.Kind, date)!)
            .OrderBy(c => c.FundingSource)
            .ThenBy(c => c.Kind)
            .ThenBy(c => c.Province is not null)
            .ThenBy(c => c.Province, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    /// <summary>Every message a field can show, by field name, in <paramref name="language"/>, as the server words them.</summary>
    public static IReadOnlyDictionary<string, FieldMessagesModel> MessagesFor(Language language)
    {
        var required = Errors(new ProposalForm(), language);
        var result = new Dictionary<string, FieldMessagesModel>(StringComparer.Ordinal);
        foreach (var rule in ProposalFieldRules.All)
        {
            var name = rule.Name;
            var freeText = rule.Kind is FieldValueKind.Text or FieldValueKind.MultilineText or FieldValueKind.Email;
            result[name] = new FieldMessagesModel(
                Required: rule.Required ? Expect(required, name, FieldErrorCodes.Required) : null,
                TooLong: freeText ? One(name, new string('a', rule.MaxLength + 1), FieldErrorCodes.TooLong, language) : null,
                InvalidCharacters: One(name, "a\u0001", FieldErrorCodes.InvalidCharacters, language),
                InvalidFormat: rule.Pattern is not null ? One(name, "!", FieldErrorCodes.InvalidFormat, language) : null,
                UnknownChoice: rule.Kind == FieldValueKind.Choice ? One(name, "zz-unknown", FieldErrorCodes.UnknownChoice, language) : null,
                TooSmall: rule.Kind == FieldValueKind.Amount && rule.Min != "0" ? One(name, "0", FieldErrorCodes.OutOfRange, language) : null,
                TooLarge: rule.Kind switch
                {
                    FieldValueKind.Amount => One(name, "9999999999999999", FieldErrorCodes.OutOfRange, language),
                    FieldValueKind.Integer => One(name, (ProposalFieldRules.MaxCount + 1).ToString(CultureInfo.InvariantCulture), FieldErrorCodes.OutOfRange, language),
                    _ => null,
                },
                OutOfRange: rule.Kind == FieldValueKind.Date ? One(name, "1999-12-31", FieldErrorCodes.OutOfRange, language) : null);
        }

        return result;
    }

    /// <summary>The messages of the rules between fields, as the server words them.</summary>
    public static CrossFieldMessages CrossFieldMessagesFor(Language language)
    {
        var exceeds = Errors(Form((ProposalFields.TotalCost, "1"), (ProposalFields.RequestedSupport, "2")), language);
        var endBeforeStart = Errors(Form((ProposalFields.StartDate, "2026-01-02"), (ProposalFields.EndDate, "2026-01-01")), language);
        const long sampleTotal = 987_654_321;
        var mismatch = Errors(Form(
            (ProposalFields.TotalCost, sampleTotal.ToString(CultureInfo.InvariantCulture)),
            (ProposalFields.RequestedSupport, "1"),
            (ProposalFields.OwnContribution, "1")), language);
        var mismatchText = Expect(mismatch, ProposalFields.OwnContribution, FieldErrorCodes.ContributionMismatch);
        var sampleExpected = DisplayFormat.Amount(sampleTotal - 1, language);
        if (!mismatchText.Contains(sampleExpected, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("The contribution message no longer shows the expected amount.");
        }

        return new CrossFieldMessages(
            Expect(exceeds, ProposalFields.RequestedSupport, FieldErrorCodes.RequestedExceedsTotal),
            mismatchText.Replace(sampleExpected, AmountPlaceholder, StringComparison.Ordinal),
            Expect(endBeforeStart, ProposalFields.EndDate, FieldErrorCodes.EndBeforeStart));
    }

    private static ProposalForm Form(params (string Field, string Value)[] values) =>
        ProposalForm.FromFields(name => values.FirstOrDefault(v => v.Field == name).Value);

    private static IReadOnlyList<FieldError> Errors(ProposalForm form, Language language) =>
        ProposalValidator.Validate(form, language).FieldErrors;

    private static string One(string field, string value, string code, Language language) =>
        Expect(Errors(Form((field, value)), language), field, code);

    private static string Expect(IReadOnlyList<FieldError> errors, string field, string code) =>
        errors.FirstOrDefault(e => e.Field == field && e.Code == code)?.Message
        ?? throw new InvalidOperationException($"The validator gave no '{code}' error for '{field}'.");
}
