using KhuyenCong.Domain.Activities;
using KhuyenCong.Domain.Geography;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Application.Statistics;

/// <summary>
/// The names people read for the keys of a statistics report (kind, funding source and province codes, programme ids),
/// shared by the dashboard, the JSON of <c>GET /api/stats</c> and the exports. An unknown code is shown as it is.
/// </summary>
public static class StatisticsLabels
{
    private static readonly Bilingual NoProgramme = new("(chưa gắn chương trình)", "(no programme)");

    public static string Kind(string code, Language language) =>
        ProposalKinds.TryParse(code, out var kind) ? kind.DisplayName(language) : code;

    public static string FundingSource(string code, Language language) =>
        FundingSources.TryParse(code, out var source) ? source.DisplayName(language) : code;

    /// <summary>An entity type's name ("Hộ kinh doanh"), from data/reference/entity-types.json.</summary>
    public static string EntityType(string code, Language language) =>
        Domain.Applicants.EntityTypes.TryParse(code, out var type) ? type.Name(language) : code;

    public static string Province(string code, Language language) =>
        ProvinceCatalog.FindCurrent(code) is { } province ? new Bilingual(province.Name, province.EnglishName).In(language) : code;

    /// <summary>The province of a commune key ("{province}|{commune}").</summary>
    public static string ProvinceOfCommune(string communeKey, Language language)
    {
        ArgumentNullException.ThrowIfNull(communeKey);
        return Province(ProvinceCode(communeKey), language);
    }

    /// <summary>The province code of a commune key ("{province}|{commune}").</summary>
    public static string ProvinceCode(string communeKey)
    {
        ArgumentNullException.ThrowIfNull(communeKey);
        var bar = communeKey.IndexOf('|', StringComparison.Ordinal);
        return bar < 0 ? communeKey : communeKey[..bar];
    }

    /// <summary>The programme's id, or "(no programme)" for proposals not assigned to one.</summary>
    public static string Programme(string id, Language language)
    {
        ArgumentNullException.ThrowIfNull(id);
        return id.Length == 0 ? NoProgramme.In(language) : id;
    }

    /// <summary>The listed sector group a cell's sector key names, or null for a free-text ("other") key.</summary>
    public static string? SectorCode(string key) =>
        Domain.Sectors.SectorCatalog.TryParse(key, out var sector) && !sector.FreeText ? sector.Code : null;

    /// <summary>A sector group's short name for a listed key, otherwise the text as recorded.</summary>
    public static string Sector(string key, string label, Language language) =>
        Domain.Sectors.SectorCatalog.TryParse(key, out var sector) && !sector.FreeText ? sector.ShortName(language) : label;
}
