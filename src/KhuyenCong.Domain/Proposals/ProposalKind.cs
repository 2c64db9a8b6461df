namespace KhuyenCong.Domain.Proposals;

/// <summary>
/// The kind of a proposal: the coarse group of its activity (<see cref="Activities.ActivityCatalog"/>), used by budgets,
/// statistics, filters and the legacy <c>kind</c> field. Wire codes are in <see cref="ProposalCatalog"/>; the codes of
/// the first twelve never change (records stored with them stay valid). The last four group activities the catalogue
/// added (data/reference/activities.json).
/// </summary>
public enum ProposalKind
{
    Training,
    DemonstrationModel,
    Machinery,
    TechnologyLine,
    TypicalProduct,
    Brand,
    ManagementTraining,
    Cluster,
    TradePromotion,
    Consulting,
    CleanerProduction,
    DigitalTransformation,
    EnterpriseEstablishment,
    Communication,
    CapacityBuilding,
    ArtisanSupport,
}

/// <summary>Where the money comes from: the national budget (KCQG) or the province's own budget (KCĐP).</summary>
public enum FundingSource
{
    National,
    Local,
}

/// <summary>A catalogue entry: the value, its stable wire code and its names.</summary>
/// <typeparam name="T">The enum.</typeparam>
/// <param name="Value">The enum value.</param>
/// <param name="Code">Stable lower-case code, stored and sent to clients ("demonstration-model").</param>
/// <param name="VietnameseName">Name shown in Vietnamese, with diacritics.</param>
/// <param name="EnglishName">Name shown in English.</param>
/// <param name="Abbreviation">Usual abbreviation ("KCQG"), if any.</param>
public sealed record CatalogEntry<T>(T Value, string Code, string VietnameseName, string EnglishName, string? Abbreviation = null)
    where T : struct, Enum;
