using System.Diagnostics.CodeAnalysis;
using KhuyenCong.Domain.Reference;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Domain.Activities;

/// <summary>Who carries out a đề án of an activity (data/reference/activities.json, <c>implementedBy</c>; our reading, not law).</summary>
public enum Implementation
{
    /// <summary>The beneficiary establishment, for itself.</summary>
    Establishment,

    /// <summary>The Centre (an implementing unit), for the beneficiaries it lists.</summary>
    Centre,

    /// <summary>Either of the two.</summary>
    Either,

    /// <summary>A People's Committee or the Ministry organises it (typical-product rounds): entered by an officer only.</summary>
    Authority,
}

/// <summary>Whether a đề án carried out by the Centre lists beneficiary establishments.</summary>
public enum BeneficiaryRule
{
    /// <summary>The applicant is the only beneficiary: the list must be empty.</summary>
    None,

    /// <summary>The list may be empty.</summary>
    Optional,

    /// <summary>At least one beneficiary.</summary>
    Required,
}

/// <summary>
/// One activity of khuyến công (nội dung hoạt động khuyến công) as the catalogue records it: its group
/// (<see cref="ProposalKind"/>), the clause where a source names one, who carries it out, the beneficiaries rule,
/// whether its money counts as paid directly to establishments (ADR 0023), the results recorded at acceptance, and how
/// sure the source is.
/// </summary>
public sealed record Activity(
    string Code,
    ProposalKind Kind,
    IReadOnlyList<string> Aliases,
    bool DefaultForKind,
    string Vi,
    string En,
    string? Clause,
    Implementation ImplementedBy,
    BeneficiaryRule Beneficiaries,
    bool DirectSupport,
    IReadOnlyList<string> Results,
    string Confidence,
    string Basis,
    IReadOnlyList<string> SourceIds)
{
    public string Name(Language language) => new Bilingual(Vi, En).In(language);

    /// <summary>True when an establishment may propose it for itself.</summary>
    public bool EstablishmentMayPropose => ImplementedBy is Implementation.Establishment or Implementation.Either;

    /// <summary>True when the Centre (an implementing unit) may carry it out for beneficiaries.</summary>
    public bool CentreMayImplement => ImplementedBy is Implementation.Centre or Implementation.Either or Implementation.Authority;
}

/// <summary>
/// The activity catalogue of <c>data/reference/activities.json</c> (ND 45/2012 art. 4 could not be read: the entries
/// come from TT 28/2018/TT-BTC art. 8, the national programmes and local rules, each with its source). Every kind has one
/// default activity, so a proposal stored with only a kind ("demonstration-model") stays valid: its activity is the
/// kind's default. Old kind codes are accepted as aliases of their default activity.
/// </summary>
public static class ActivityCatalog
{
    private static readonly Lazy<Catalogue> Data = new(Load);

    /// <summary>Every activity, in the data's order (the order a form lists them).</summary>
    public static IReadOnlyList<Activity> All => Data.Value.Activities;

    /// <summary>Every source the catalogue cites, by id.</summary>
    public static IReadOnlyDictionary<string, ReferenceSource> Sources => Data.Value.Sources;

    /// <summary>Activities the issue named but no source confirmed (not accepted): code and note.</summary>
    public static IReadOnlyList<(string Code, string Vi, string Note)> NotAccepted => Data.Value.NotAccepted;

    public static Activity Get(string code) =>
        TryParse(code, out var activity) ? activity : throw new ArgumentOutOfRangeException(nameof(code), code, "Unknown activity.");

    /// <summary>The default activity of a kind (the one an old record with only that kind has).</summary>
    public static Activity DefaultFor(ProposalKind kind) => Data.Value.Defaults[kind];

    /// <summary>The activities of a kind, default first.</summary>
    public static IReadOnlyList<Activity> OfKind(ProposalKind kind) =>
        All.Where(a => a.Kind == kind).OrderByDescending(a => a.DefaultForKind).ToList();

    /// <summary>Parses an activity code or an alias (an old kind code), ignoring case and surrounding spaces.</summary>
    public static bool TryParse(string? code, [NotNullWhen(true)] out Activity? activity)
    {
        var key = code?.Trim().ToLowerInvariant() ?? string.Empty;
        return Data.Value.ByCode.TryGetValue(key, out activity);
    }

    private static Catalogue Load()
    {
        var file = ReferenceResources.Load<ActivitiesFile>("activities.json");
        var activities = file.Activities.Select(ToActivity).ToList();
        var sources = file.Sources.ToDictionary(s => s.Key, s => s.Value, StringComparer.Ordinal);
        var notAccepted = (file.NotAccepted ?? []).Select(n => (n.Code, n.Vi, n.Note ?? string.Empty)).ToList();
        return new Catalogue(activities, ByCodeAndAlias(activities), DefaultsByKind(activities), sources, notAccepted);
    }

    private static Activity ToActivity(ActivityRow a) => new(
        a.Code,
        ProposalKinds.TryParse(a.Kind, out var kind) ? kind : throw new InvalidOperationException($"activities.json: unknown kind '{a.Kind}' of {a.Code}."),
        a.Aliases ?? [],
        a.DefaultForKind,
        a.Vi,
        a.En,
        a.Clause,
        ImplementationOf(a),
        BeneficiaryRuleOf(a),
        a.DirectSupport,
        a.Results ?? [],
        a.Confidence,
        a.Basis,
        a.Sources ?? []);

    private static Implementation ImplementationOf(ActivityRow a) => a.ImplementedBy switch
    {
        "establishment" => Implementation.Establishment,
        "centre" => Implementation.Centre,
        "either" => Implementation.Either,
        "authority" => Implementation.Authority,
        _ => throw new InvalidOperationException($"activities.json: unknown implementedBy '{a.ImplementedBy}' of {a.Code}."),
    };

    private static BeneficiaryRule BeneficiaryRuleOf(ActivityRow a) => a.Beneficiaries switch
    {
        "none" => BeneficiaryRule.None,
        "optional" => BeneficiaryRule.Optional,
        "required" => BeneficiaryRule.Required,
        _ => throw new InvalidOperationException($"activities.json: unknown beneficiaries '{a.Beneficiaries}' of {a.Code}."),
    };

    /// <summary>Every code and alias to its activity; a code or alias used twice is an error of the file.</summary>
    private static Dictionary<string, Activity> ByCodeAndAlias(IReadOnlyList<Activity> activities)
    {
        var byCode = new Dictionary<string, Activity>(StringComparer.Ordinal);
        foreach (var activity in activities)
        {
            foreach (var key in activity.Aliases.Prepend(activity.Code))
            {
                if (!byCode.TryAdd(key, activity))
                {
                    throw new InvalidOperationException($"activities.json: the code or alias '{key}' is used twice.");
                }
            }
        }

        return byCode;
    }

    /// <summary>The one default activity of each kind (exactly one per kind, or the file is wrong).</summary>
    private static Dictionary<ProposalKind, Activity> DefaultsByKind(IReadOnlyList<Activity> activities)
    {
        var defaults = new Dictionary<ProposalKind, Activity>();
        foreach (var kind in Enum.GetValues<ProposalKind>())
        {
            var found = activities.Where(a => a.Kind == kind && a.DefaultForKind).ToList();
            defaults[kind] = found.Count == 1 ? found[0]
                : throw new InvalidOperationException($"activities.json: kind {kind.ToCode()} needs exactly one default activity, found {found.Count}.");
        }

        return defaults;
    }

    private sealed record Catalogue(
        IReadOnlyList<Activity> Activities,
        IReadOnlyDictionary<string, Activity> ByCode,
        IReadOnlyDictionary<ProposalKind, Activity> Defaults,
        IReadOnlyDictionary<string, ReferenceSource> Sources,
        IReadOnlyList<(string Code, string Vi, string Note)> NotAccepted);

    private sealed record ActivitiesFile(IReadOnlyList<ActivityRow> Activities, IReadOnlyList<NotAcceptedRow>? NotAccepted, Dictionary<string, ReferenceSource> Sources);

    private sealed record ActivityRow(string Code, string Kind, IReadOnlyList<string>? Aliases, bool DefaultForKind, string Vi, string En, string? Clause,
        string ImplementedBy, string Beneficiaries, bool DirectSupport, IReadOnlyList<string>? Results, string Confidence, string Basis, IReadOnlyList<string>? Sources);

    private sealed record NotAcceptedRow(string Code, string Vi, string? Note);
}
