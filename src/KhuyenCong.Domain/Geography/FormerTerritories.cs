using KhuyenCong.Domain.Reference;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Domain.Geography;

/// <summary>
/// Which former province (before 1/7/2025) each of today's communes lies in, for caps scoped to a former province's
/// territory: <c>data/geography/hung-yen-2025-former-province.csv</c> (Hưng Yên: 39 communes in the former Hưng Yên,
/// 65 in the former Thái Bình; every new unit lies wholly in one, NQ 1666/NQ-UBTVQH15). Other provinces: no file yet,
/// so their caps can only cover the whole province.
/// </summary>
public static class FormerTerritories
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Data = new(Load);

    /// <summary>The former province's code of a commune (by official code), or null when unknown.</summary>
    public static string? Of(string? communeCode) =>
        communeCode is not null && Data.Value.TryGetValue(communeCode.Trim(), out var former) ? former : null;

    /// <summary>How many communes the shipped files place.</summary>
    public static int Count => Data.Value.Count;

    private static IReadOnlyDictionary<string, string> Load()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        using var reader = new StringReader(ReferenceResources.Text("Geography", "hung-yen-2025-former-province.csv"));
        var records = new CsvRecordReader(reader, ',', new CsvLimits(1_000, 5, 1_000), CancellationToken.None);
        var header = records.Read() ? records.Fields.ToList() : throw new InvalidOperationException("The former-province file is empty.");
        var code = header.IndexOf("commune_code");
        var former = header.IndexOf("former_province_code");
        while (records.Read())
        {
            if (records.Fields.Count > Math.Max(code, former))
            {
                map[records.Fields[code].Trim()] = records.Fields[former].Trim();
            }
        }

        return map;
    }
}
