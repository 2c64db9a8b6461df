using System.Diagnostics.CodeAnalysis;
using KhuyenCong.Domain.Reference;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Domain.Sectors;

/// <summary>One sector of the controlled list: the law's point letter and words, our short label, and whether it takes free text ("other").</summary>
public sealed record Sector(string Code, string? Point, string Vi, string En, string ShortVi, string ShortEn, bool FreeText)
{
    public string ShortName(Language language) => new Bilingual(ShortVi, ShortEn).In(language);
}

/// <summary>
/// The controlled list of sectors (ngành nghề được hưởng chính sách khuyến công, ND 45/2012/NĐ-CP art. 3 cl. 1
/// points a-g, secondary) plus <see cref="Other"/> with free text: <c>data/reference/sectors.json</c>.
/// </summary>
public static class SectorCatalog
{
    /// <summary>The code of "other": the sector is then the free text recorded with it.</summary>
    public const string Other = "other";

    private static readonly Lazy<IReadOnlyList<Sector>> Data = new(() =>
        ReferenceResources.Load<SectorsFile>("sectors.json").Items
            .Select(i => new Sector(i.Code, i.Point, i.Vi, i.En, i.ShortVi, i.ShortEn, i.FreeText)).ToList());

    public static IReadOnlyList<Sector> All => Data.Value;

    public static Sector Get(string code) =>
        TryParse(code, out var sector) ? sector : throw new ArgumentOutOfRangeException(nameof(code), code, "Unknown sector.");

    public static bool TryParse(string? code, [NotNullWhen(true)] out Sector? sector)
    {
        var trimmed = code?.Trim();
        sector = Data.Value.FirstOrDefault(s => string.Equals(s.Code, trimmed, StringComparison.OrdinalIgnoreCase));
        return sector is not null;
    }

    /// <summary>
    /// The listed sector a text names exactly (its code, the law's words or our short label, ignoring case and
    /// diacritics), or <see cref="Other"/>: the rule for records stored before the list existed. No guessing from
    /// keywords: "Chế biến nông sản" stays "other" with its text until an officer merges it.
    /// </summary>
    public static string Match(string? text)
    {
        var folded = VietnameseText.Fold(text).Trim();
        if (folded.Length == 0)
        {
            return Other;
        }

        var found = Data.Value.FirstOrDefault(s => !s.FreeText
            && (VietnameseText.Fold(s.Code) == folded || VietnameseText.Fold(s.Vi) == folded || VietnameseText.Fold(s.ShortVi) == folded));
        return found?.Code ?? Other;
    }

    private sealed record SectorsFile(IReadOnlyList<SectorRow> Items);

    private sealed record SectorRow(string Code, string? Point, string Vi, string En, string ShortVi, string ShortEn, bool FreeText);
}
