using KhuyenCong.Domain.Reference;

namespace KhuyenCong.Domain.Geography;

/// <summary>
/// The official commune lists shipped with the system: Hưng Yên after 1/7/2025 (104 units, Nghị quyết
/// 1666/NQ-UBTVQH15 and the statistics office's codes of Công văn 1027/CTK-CSCL; data/geography/README.md). A province
/// without a shipped list is loaded by an administrator (<c>POST /api/geography/communes</c>).
/// </summary>
public static class ShippedCommunes
{
    private static readonly Lazy<IReadOnlyList<CommuneVersion>> HungYen = new(() =>
    {
        var (versions, errors) = CommuneCsv.Parse(ReferenceResources.Text("Geography", "hung-yen-2025.csv"));
        return errors.Count == 0 ? versions : throw new InvalidOperationException("data/geography/hung-yen-2025.csv does not parse: " + errors[0].English);
    });

    /// <summary>The provinces with a shipped list.</summary>
    public static IReadOnlyList<string> Provinces { get; } = ["hung-yen"];

    /// <summary>The shipped versions of a current province, or an empty list.</summary>
    public static IReadOnlyList<CommuneVersion> For(string provinceCode) =>
        string.Equals(provinceCode, "hung-yen", StringComparison.Ordinal) ? HungYen.Value : [];
}
