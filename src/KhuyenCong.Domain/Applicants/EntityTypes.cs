using System.Diagnostics.CodeAnalysis;
using KhuyenCong.Domain.Reference;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Domain.Applicants;

/// <summary>Whether an entity type is a beneficiary establishment or a unit that carries out đề án for others.</summary>
public enum EntityRole
{
    /// <summary>A rural industrial establishment or another beneficiary (ND 45/2012 art. 1 cl. 2 points a-b as amended).</summary>
    Establishment,

    /// <summary>An implementing unit: the Centre or another khuyến công service provider (art. 1 cl. 2 point c of the original text).</summary>
    Implementer,
}

/// <summary>
/// One type of applicant the decree names (đối tượng áp dụng, ND 45/2012/NĐ-CP art. 1 cl. 2 as amended by ND
/// 235/2025/NĐ-CP art. 1 cl. 1; the "art. 2" is art. 1 cl. 2), with the tax-code formats that fit it.
/// </summary>
public sealed record EntityType(
    string Code,
    string Vi,
    string En,
    string? Clause,
    EntityRole Role,
    IReadOnlyList<TaxCodeFormat> Identifiers,
    string Confidence,
    bool LegacyOnly,
    string? IdentifierNote)
{
    public string Name(Language language) => new Bilingual(Vi, En).In(language);
}

/// <summary>The entity types of <c>data/reference/entity-types.json</c>, and which tax code fits which type.</summary>
public static class EntityTypes
{
    /// <summary>The value the migration rule gives a stored record whose type it cannot read (never accepted from a new submission).</summary>
    public const string Unspecified = "unspecified";

    /// <summary>An establishment's own small or medium-sized enterprise.</summary>
    public const string Sme = "sme";

    /// <summary>A household business (hộ kinh doanh).</summary>
    public const string HouseholdBusiness = "household-business";

    /// <summary>The Centre or another khuyến công service provider (an implementing unit).</summary>
    public const string ServiceProvider = "service-provider";

    private static readonly Lazy<Catalogue> Data = new(Load);

    /// <summary>Every type, in the data's order (the legacy-only value last).</summary>
    public static IReadOnlyList<EntityType> All => Data.Value.Types;

    /// <summary>The types a new submission may choose.</summary>
    public static IReadOnlyList<EntityType> Selectable => Data.Value.Types.Where(t => !t.LegacyOnly).ToList();

    /// <summary>The basis of the list, as the data states it.</summary>
    public static string Basis => Data.Value.Basis;

    /// <summary>The migration rule for stored records, as the data states it.</summary>
    public static string MigrationRule => Data.Value.MigrationRule;

    public static EntityType Get(string code) =>
        TryParse(code, out var type) ? type : throw new ArgumentOutOfRangeException(nameof(code), code, "Unknown entity type.");

    /// <summary>Parses a code ignoring case and surrounding spaces.</summary>
    public static bool TryParse(string? code, [NotNullWhen(true)] out EntityType? type)
    {
        var trimmed = code?.Trim();
        type = Data.Value.Types.FirstOrDefault(t => string.Equals(t.Code, trimmed, StringComparison.OrdinalIgnoreCase));
        return type is not null;
    }

    /// <summary>True when a tax code of this format may identify this type.</summary>
    public static bool Fits(EntityType type, TaxCodeFormat format)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type.Identifiers.Contains(format);
    }

    /// <summary>
    /// The type of a record stored before entity types existed, by the documented rule (<see cref="MigrationRule"/>):
    /// a 12-digit number is a household business; otherwise the organisation name's first words; otherwise unspecified.
    /// </summary>
    public static string Infer(string? taxCode, string? organizationName)
    {
        if (TaxCodes.Detect(taxCode) == TaxCodeFormat.PersonalId)
        {
            return HouseholdBusiness;
        }

        var name = VietnameseText.Fold(organizationName).Trim();
        static bool Starts(string text, params string[] prefixes) => prefixes.Any(p => text.StartsWith(p, StringComparison.Ordinal));
        return name switch
        {
            _ when Starts(name, "lien hiep hop tac xa") => "cooperative-union",
            _ when Starts(name, "hop tac xa", "htx") => "cooperative",
            _ when Starts(name, "to hop tac") => "cooperative-group",
            _ when Starts(name, "cong ty", "cty", "doanh nghiep", "dntn") => Sme,
            _ when Starts(name, "ho kinh doanh", "hkd", "co so") => HouseholdBusiness,
            _ => Unspecified,
        };
    }

    private static Catalogue Load()
    {
        var file = ReferenceResources.Load<EntityTypesFile>("entity-types.json");
        var types = file.Types.Select(t => new EntityType(
            t.Code, t.Vi, t.En, t.Clause,
            t.Role == "implementer" ? EntityRole.Implementer : EntityRole.Establishment,
            t.Identifiers.Select(TaxCodes.ParseFormat).ToList(),
            t.Confidence, t.LegacyOnly, t.IdentifierNote)).ToList();
        return new Catalogue(types, file.Basis, file.MigrationRule);
    }

    private sealed record Catalogue(IReadOnlyList<EntityType> Types, string Basis, string MigrationRule);

    private sealed record EntityTypesFile(string Basis, string MigrationRule, IReadOnlyList<EntityTypeRow> Types);

    private sealed record EntityTypeRow(string Code, string Vi, string En, string? Clause, string Role, IReadOnlyList<string> Identifiers,
        string Confidence, bool LegacyOnly, string? IdentifierNote);
}
