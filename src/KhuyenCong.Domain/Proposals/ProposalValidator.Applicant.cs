using System.Text.Json;
using KhuyenCong.Domain.Activities;
using KhuyenCong.Domain.Applicants;
using KhuyenCong.Domain.Sectors;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Domain.Proposals;

/// <summary>
/// The applicant rules of <see cref="ProposalValidator"/>: entity type and tax code (ND 45/2012 art. 1 cl. 2 as amended
/// by ND 235/2025; tax-code formats of TT 105/2020 and the 12-digit number of TT 86/2024), activity and who may carry it
/// out, beneficiaries of a đề án nhóm, priorities, sector group and the level of a typical-product round.
/// </summary>
public static partial class ProposalValidator
{
    private sealed record ApplicantFields(
        EntityType? EntityType,
        Activity? Activity,
        string? SectorCode,
        IReadOnlyList<string> Priorities,
        IReadOnlyList<Beneficiary> Beneficiaries,
        string? RoundLevel);

    /// <summary>A đề án of the past without an entity type gets the documented rule's (ADR 0023); a submission is left as typed.</summary>
    private static ProposalForm WithHistoricalEntityType(ProposalForm form, ValidationMode mode) =>
        mode == ValidationMode.Historical && string.IsNullOrWhiteSpace(form.EntityType)
            ? form with { EntityType = EntityTypes.Infer(form.TaxCode?.Trim(), form.OrganizationName) }
            : form;

    private static ApplicantFields ReadApplicant(Reader r, Language l, string? taxCode, ProposalKind? kind, FundingSource? source, ValidationMode mode)
    {
        var entityType = r.Reference<EntityType>(ProposalFields.EntityType, mode == ValidationMode.Historical ? EntityTypes.TryParse : TryParseSelectableEntityType);
        var activity = r.Reference<Activity>(ProposalFields.Activity, ActivityCatalog.TryParse);
        var sectorCode = r.Reference<Sector>(ProposalFields.SectorCode, SectorCatalog.TryParse)?.Code;
        var priorities = ReadPriorities(r, l);
        var roundLevel = r.Text(ProposalFields.RoundLevel) is { } level
            ? (ProposalFieldRules.RoundLevels.Contains(level.ToLowerInvariant()) ? level.ToLowerInvariant() : Unknown(r, ProposalFields.RoundLevel, l))
            : null;
        var beneficiaries = ReadBeneficiaries(r, l);

        // The tax code's shape must fit the entity type: a 12-digit number is a person's, never an enterprise's.
        if (entityType is not null && taxCode is not null && TaxCodes.Detect(taxCode) is { } format && !EntityTypes.Fits(entityType, format))
        {
            r.Add(ApplicantMessages.IdentifierMismatch(ProposalFields.TaxCode, entityType, format, l));
            r.Add(ApplicantMessages.IdentifierMismatch(ProposalFields.EntityType, entityType, format, l));
        }

        if (activity is not null && kind is { } k && activity.Kind != k)
        {
            r.Add(ApplicantMessages.ActivityNotOfKind(activity, k, l));
        }

        var effective = activity ?? (kind is { } given ? ActivityCatalog.DefaultFor(given) : null);
        var mayCarryOut = true;
        if (effective is not null && entityType is not null && mode == ValidationMode.Submission)
        {
            mayCarryOut = CheckWhoCarriesOut(r, l, entityType, effective, activity is not null, beneficiaries);
        }

        if (effective is not null && mode == ValidationMode.Submission && mayCarryOut)
        {
            CheckRoundLevel(r, l, effective, roundLevel, source);
        }

        return new ApplicantFields(entityType, activity, sectorCode, priorities, beneficiaries ?? [], roundLevel);
    }

    /// <summary>Who may carry the activity out; false when the applicant may not (then the activity's other rules are not checked).</summary>
    private static bool CheckWhoCarriesOut(Reader r, Language l, EntityType applicant, Activity activity, bool activityGiven, IReadOnlyList<Beneficiary>? beneficiaries)
    {
        var field = activityGiven ? ProposalFields.Activity : ProposalFields.Kind;
        if (applicant.Role == EntityRole.Establishment)
        {
            if (!activity.EstablishmentMayPropose)
            {
                r.Add(ApplicantMessages.CarriedOutByCentre(field, activity, l));
                return false;
            }

            if (beneficiaries is { Count: > 0 })
            {
                r.Add(ApplicantMessages.BeneficiariesOnlyForImplementers(l));
            }

            return true;
        }

        if (!activity.CentreMayImplement)
        {
            r.Add(ApplicantMessages.CarriedOutByEstablishment(field, activity, l));
            return false;
        }

        if (activity.Beneficiaries == BeneficiaryRule.Required && beneficiaries is { Count: 0 })
        {
            r.Add(ApplicantMessages.BeneficiariesRequired(activity, l));
        }

        return true;
    }

    /// <summary>TT 26/2014/TT-BCT art. 19 (secondary): commune, district and province rounds are paid from local money, regional and national ones from national money.</summary>
    private static void CheckRoundLevel(Reader r, Language l, Activity activity, string? level, FundingSource? source)
    {
        var isRound = activity.ImplementedBy == Implementation.Authority;
        if (isRound && level is null && !r.HasError(ProposalFields.RoundLevel))
        {
            r.Add(Messages.Required(ProposalFieldRules.Get(ProposalFields.RoundLevel), l));
        }
        else if (!isRound && level is not null)
        {
            r.Add(ApplicantMessages.RoundLevelOnlyForRounds(l));
        }
        else if (isRound && level is not null && source is { } s
            && (s == FundingSource.National) != (level is "region" or "national"))
        {
            r.Add(ApplicantMessages.RoundLevelFunding(level, s, l));
        }
    }

    private static IReadOnlyList<string> ReadPriorities(Reader r, Language l)
    {
        var text = r.Text(ProposalFields.Priorities);
        if (text is null)
        {
            return [];
        }

        var codes = ListItems(text);
        if (codes is null || codes.Any(c => !Applicants.PriorityGroups.TryParse(c, out _)))
        {
            Unknown(r, ProposalFields.Priorities, l);
            return [];
        }

        return codes.Select(c => c.ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>"a, b; c" or a JSON array of strings; null when it is neither.</summary>
    private static List<string>? ListItems(string text)
    {
        if (!text.TrimStart().StartsWith('['))
        {
            return text.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        }

        try
        {
            return JsonSerializer.Deserialize<List<string>>(text)?.Select(c => c.Trim()).Where(c => c.Length > 0).ToList();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static IReadOnlyList<Beneficiary>? ReadBeneficiaries(Reader r, Language l)
    {
        var text = r.Text(ProposalFields.Beneficiaries);
        if (text is null)
        {
            return r.HasError(ProposalFields.Beneficiaries) ? null : [];
        }

        var items = DeserializeBeneficiaries(text);
        if (items is null)
        {
            r.Add(ApplicantMessages.BeneficiariesFormat(l));
            return null;
        }

        if (items.Count > ProposalFieldRules.MaxBeneficiaries)
        {
            r.Add(ApplicantMessages.TooManyBeneficiaries(l));
            return null;
        }

        var result = CheckedBeneficiaries(r, l, items);
        var duplicate = result?.GroupBy(b => b.TaxCode, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            r.Add(ApplicantMessages.DuplicateBeneficiary(duplicate.Key, l));
            return null;
        }

        return result;
    }

    /// <summary>The beneficiaries as sent (JSON), or null when the text is not a JSON list of them.</summary>
    private static List<BeneficiaryInput?>? DeserializeBeneficiaries(string text)
    {
        try
        {
            return JsonSerializer.Deserialize<List<BeneficiaryInput?>>(text, BeneficiaryInputJson);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Each beneficiary checked and normalised; null (with the first problem) when one is wrong.</summary>
    private static List<Beneficiary>? CheckedBeneficiaries(Reader r, Language l, List<BeneficiaryInput?> items)
    {
        var result = new List<Beneficiary>();
        for (var i = 0; i < items.Count; i++)
        {
            if (BeneficiaryRules.Check(items[i], i, l) is { } problem)
            {
                r.Add(problem);
                return null;
            }

            var item = items[i]!;
            var type = EntityTypes.Get(item.EntityType!);
            result.Add(new Beneficiary(VietnameseText.Normalize(item.Name), item.TaxCode!.Trim(), type.Code, VietnameseText.Normalize(item.Commune)));
        }

        return result;
    }

    private static bool TryParseSelectableEntityType(string? code, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out EntityType? type) =>
        EntityTypes.TryParse(code, out type) && !type.LegacyOnly;

    private static string? Unknown(Reader r, string field, Language l)
    {
        r.Add(Messages.UnknownChoice(ProposalFieldRules.Get(field), l));
        return null;
    }

    private static readonly JsonSerializerOptions BeneficiaryInputJson = new(JsonSerializerDefaults.Web) { MaxDepth = 4 };

    /// <summary>A beneficiary as sent (every value a string, possibly missing).</summary>
    internal sealed record BeneficiaryInput(string? Name, string? TaxCode, string? EntityType, string? Commune);

    private delegate bool TryParseReference<T>(string? code, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out T? value);

    private sealed partial class Reader
    {
        /// <summary>A choice whose values are catalogue records (entity types, activities, sectors); null when absent or unknown.</summary>
        public T? Reference<T>(string field, TryParseReference<T> tryParse)
            where T : class
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

            Add(Messages.UnknownChoice(ProposalFieldRules.Get(field), Language));
            return null;
        }

        public bool HasError(string field) => Errors.Exists(e => string.Equals(e.Field, field, StringComparison.Ordinal));
    }
}
