using System.Globalization;
using KhuyenCong.Application.Geography;
using KhuyenCong.Domain.Geography;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Web.Answers;

/// <summary>The JSON of the geography routes: the current provinces, a province's communes, a commune list loaded.</summary>
public static class GeographyJson
{
    /// <summary>The 34 current provinces, each with the former provinces it absorbed.</summary>
    public static object Provinces(Language language) => ProvinceCatalog.Current.Select(p => new
    {
        code = p.Code,
        name = Name(p).In(language),
        fullName = p.FullName,
        formerProvinces = ProvinceCatalog.FormerPartsOf(p).Select(f => new { code = f.Code, name = Name(f).In(language) }),
    });

    /// <summary>Today's communes of a province.</summary>
    public static object Communes(ProvinceCommunes found, Language language) => new
    {
        province = new { code = found.Province.Code, name = Name(found.Province).In(language) },
        communes = found.Communes.Select(c => new
        {
            code = c.CommuneCode,
            name = c.CommuneName,
            oldNames = c.OldNames,
            effectiveFrom = c.EffectiveFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        }),
    };

    /// <summary>A commune list loaded: how many versions, per province.</summary>
    public static object Loaded(IReadOnlyList<CommuneVersion> versions) => new
    {
        loaded = versions.Count,
        provinces = versions.GroupBy(v => v.ProvinceCode, StringComparer.Ordinal).Select(g => new { code = g.Key, versions = g.Count() }),
    };

    private static Bilingual Name(Province province) => new(province.Name, province.EnglishName);
}
