using KhuyenCong.Domain.Reference;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Domain.Proposals;

/// <summary>Where the money comes from: the national budget (KCQG) or the province's own budget (KCĐP).</summary>
public enum FundingSource
{
    National,
    Local,
}

/// <summary>The funding sources with their stable codes and names; lists and parses them.</summary>
public static class FundingSources
{
    /// <summary>Both funding sources.</summary>
    public static IReadOnlyList<CatalogEntry<FundingSource>> All { get; } =
    [
        new(FundingSource.National, "national", "Khuyến công quốc gia", "National industrial promotion (national budget)", "KCQG"),
        new(FundingSource.Local, "local", "Khuyến công địa phương", "Local industrial promotion (provincial budget)", "KCĐP"),
    ];

    /// <summary>The entry of a funding source.</summary>
    public static CatalogEntry<FundingSource> Get(FundingSource source) =>
        All.FirstOrDefault(e => e.Value == source) ?? throw new ArgumentOutOfRangeException(nameof(source), source, null);

    /// <summary>The stable code of a funding source ("national", "local").</summary>
    public static string ToCode(this FundingSource source) => Get(source).Code;

    /// <summary>The name of a funding source in a language.</summary>
    public static string DisplayName(this FundingSource source, Language language) => Get(source).Name(language);

    /// <summary>Parses a funding source code ("national", "local"), ignoring case and surrounding spaces.</summary>
    public static bool TryParse(string? code, out FundingSource source) => CatalogEntries.TryParse(All, code, out source);
}
