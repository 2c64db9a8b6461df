using KhuyenCong.Domain.Geography;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Application.Statistics;

/// <summary>A place as it is named today: a current province's code (or the text as recorded when unknown) and a commune.</summary>
public sealed record PlaceToday(string Province, string Commune);

/// <summary>
/// The seam statistics use to count old places under today's boundaries. When the geography work lands
/// (<c>IGeography.ResolveToday(province, commune)</c> in Application/Geography, with the communes' old-to-new mapping
/// loaded by an administrator), register an adapter to it in place of <see cref="ProvinceCatalogGeography"/>; the
/// nightly recompute then moves every proposal to its new place.
/// </summary>
public interface ITodayGeography
{
    PlaceToday ResolveToday(string province, string commune);
}

/// <summary>Until commune mappings exist: provinces through <see cref="ProvinceCatalog"/> (mergers of 1/7/2025), the commune as submitted.</summary>
public sealed class ProvinceCatalogGeography : ITodayGeography
{
    public PlaceToday ResolveToday(string province, string commune) =>
        new(ProvinceCatalog.TryResolveCurrent(province, out var current) ? current.Code : VietnameseText.Normalize(province),
            VietnameseText.Normalize(commune));
}

/// <summary>
/// Today's places from the geography reference data (<see cref="Geography.IGeography"/>: provinces and the communes an
/// administrator loaded, with their old names), falling back to <see cref="ProvinceCatalogGeography"/> for what it does
/// not know.
/// </summary>
public sealed class ReferenceDataGeography(Geography.IGeography geography) : ITodayGeography
{
    private static readonly ProvinceCatalogGeography Fallback = new();

    public PlaceToday ResolveToday(string province, string commune)
    {
        var fallback = Fallback.ResolveToday(province, commune);
        var place = geography.ResolveToday(province, commune);
        return new PlaceToday(
            place.ProvinceCode ?? fallback.Province,
            place.CommuneCode is not null && !string.IsNullOrWhiteSpace(place.CommuneName) ? VietnameseText.Normalize(place.CommuneName) : fallback.Commune);
    }
}
