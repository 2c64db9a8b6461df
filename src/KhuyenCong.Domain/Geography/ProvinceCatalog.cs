using System.Diagnostics.CodeAnalysis;
using System.Text;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Domain.Geography;

/// <summary>
/// The provinces before and after the merger of 1/7/2025 (Resolution 202/2025/QH15: 63 → 34), with the old → new
/// mapping. Fixed by law, so kept in code; commune lists are data loaded elsewhere.
/// Parsing accepts a code or a name, ignoring case, diacritics, spaces and punctuation and the prefixes
/// "Tỉnh", "Thành phố", "TP." ("TP. Hồ Chí Minh", "Hồ Chí Minh", "HCM", "Thừa Thiên Huế").
/// </summary>
public static class ProvinceCatalog
{
    /// <summary>The day the 34 current provinces came into being.</summary>
    public static readonly DateOnly MergerDate = new(2025, 7, 1);

    private const ProvinceType P = ProvinceType.Province;
    private const ProvinceType C = ProvinceType.City;

    // Current code, name, English name, type, then the former provinces merged into it (the current one keeps its own name).
    private static readonly (string Code, string Name, string English, ProvinceType Type, (string Code, string Name, string English)[] Absorbed)[] Mergers =
    [
        ("ha-noi", "Hà Nội", "Hanoi", C, []),
        ("hue", "Huế", "Hue", C, []),
        ("cao-bang", "Cao Bằng", "Cao Bang", P, []),
        ("dien-bien", "Điện Biên", "Dien Bien", P, []),
        ("lai-chau", "Lai Châu", "Lai Chau", P, []),
        ("son-la", "Sơn La", "Son La", P, []),
        ("lang-son", "Lạng Sơn", "Lang Son", P, []),
        ("quang-ninh", "Quảng Ninh", "Quang Ninh", P, []),
        ("thanh-hoa", "Thanh Hóa", "Thanh Hoa", P, []),
        ("nghe-an", "Nghệ An", "Nghe An", P, []),
        ("ha-tinh", "Hà Tĩnh", "Ha Tinh", P, []),
        ("tuyen-quang", "Tuyên Quang", "Tuyen Quang", P, [("ha-giang", "Hà Giang", "Ha Giang")]),
        ("lao-cai", "Lào Cai", "Lao Cai", P, [("yen-bai", "Yên Bái", "Yen Bai")]),
        ("thai-nguyen", "Thái Nguyên", "Thai Nguyen", P, [("bac-kan", "Bắc Kạn", "Bac Kan")]),
        ("phu-tho", "Phú Thọ", "Phu Tho", P, [("vinh-phuc", "Vĩnh Phúc", "Vinh Phuc"), ("hoa-binh", "Hòa Bình", "Hoa Binh")]),
        ("bac-ninh", "Bắc Ninh", "Bac Ninh", P, [("bac-giang", "Bắc Giang", "Bac Giang")]),
        ("hung-yen", "Hưng Yên", "Hung Yen", P, [("thai-binh", "Thái Bình", "Thai Binh")]),
        ("hai-phong", "Hải Phòng", "Hai Phong", C, [("hai-duong", "Hải Dương", "Hai Duong")]),
        ("ninh-binh", "Ninh Bình", "Ninh Binh", P, [("ha-nam", "Hà Nam", "Ha Nam"), ("nam-dinh", "Nam Định", "Nam Dinh")]),
        ("quang-tri", "Quảng Trị", "Quang Tri", P, [("quang-binh", "Quảng Bình", "Quang Binh")]),
        ("da-nang", "Đà Nẵng", "Da Nang", C, [("quang-nam", "Quảng Nam", "Quang Nam")]),
        ("quang-ngai", "Quảng Ngãi", "Quang Ngai", P, [("kon-tum", "Kon Tum", "Kon Tum")]),
        ("gia-lai", "Gia Lai", "Gia Lai", P, [("binh-dinh", "Bình Định", "Binh Dinh")]),
        ("khanh-hoa", "Khánh Hòa", "Khanh Hoa", P, [("ninh-thuan", "Ninh Thuận", "Ninh Thuan")]),
        ("lam-dong", "Lâm Đồng", "Lam Dong", P, [("dak-nong", "Đắk Nông", "Dak Nong"), ("binh-thuan", "Bình Thuận", "Binh Thuan")]),
        ("dak-lak", "Đắk Lắk", "Dak Lak", P, [("phu-yen", "Phú Yên", "Phu Yen")]),
        ("ho-chi-minh", "Hồ Chí Minh", "Ho Chi Minh City", C, [("binh-duong", "Bình Dương", "Binh Duong"), ("ba-ria-vung-tau", "Bà Rịa - Vũng Tàu", "Ba Ria - Vung Tau")]),
        ("dong-nai", "Đồng Nai", "Dong Nai", P, [("binh-phuoc", "Bình Phước", "Binh Phuoc")]),
        ("tay-ninh", "Tây Ninh", "Tay Ninh", P, [("long-an", "Long An", "Long An")]),
        ("can-tho", "Cần Thơ", "Can Tho", C, [("soc-trang", "Sóc Trăng", "Soc Trang"), ("hau-giang", "Hậu Giang", "Hau Giang")]),
        ("vinh-long", "Vĩnh Long", "Vinh Long", P, [("ben-tre", "Bến Tre", "Ben Tre"), ("tra-vinh", "Trà Vinh", "Tra Vinh")]),
        ("dong-thap", "Đồng Tháp", "Dong Thap", P, [("tien-giang", "Tiền Giang", "Tien Giang")]),
        ("ca-mau", "Cà Mau", "Ca Mau", P, [("bac-lieu", "Bạc Liêu", "Bac Lieu")]),
        ("an-giang", "An Giang", "An Giang", P, [("kien-giang", "Kiên Giang", "Kien Giang")]),
    ];

    // Other spellings and abbreviations in common use, by code. They apply to both eras.
    private static readonly Dictionary<string, string[]> Aliases = new(StringComparer.Ordinal)
    {
        ["ho-chi-minh"] = ["HCM", "TPHCM", "Sài Gòn"],
        ["hue"] = ["Thừa Thiên Huế", "Thừa Thiên - Huế"],
        ["ha-noi"] = ["Hanoi"],
        ["bac-kan"] = ["Bắc Cạn"],
        ["dak-lak"] = ["Đắc Lắc"],
        ["dak-nong"] = ["Đắc Nông"],
        ["ba-ria-vung-tau"] = ["BRVT", "Vũng Tàu"],
    };

    private static readonly string[] Prefixes = ["thanh pho ", "tinh ", "tp. ", "tp.", "tp "];

    /// <summary>The 34 provinces and centrally governed cities since 1/7/2025, in the order of DOMAIN.md.</summary>
    public static IReadOnlyList<Province> Current { get; }

    /// <summary>The 63 provinces and centrally governed cities before 1/7/2025, each with its <see cref="Province.CurrentCode"/>.</summary>
    public static IReadOnlyList<Province> Former { get; }

    private static readonly Dictionary<string, Province> CurrentByKey;
    private static readonly Dictionary<string, Province> FormerByKey;
    private static readonly Dictionary<string, Province> CurrentByCode;
    private static readonly Dictionary<string, Province> FormerByCode;

#pragma warning disable CA1810 // The tables are built together from one source; an explicit static constructor keeps that readable.
    static ProvinceCatalog()
#pragma warning restore CA1810
    {
        var current = new List<Province>();
        var former = new List<Province>();
        foreach (var (code, name, english, type, absorbed) in Mergers)
        {
            current.Add(new Province(code, name, english, type, IsCurrent: true, CurrentCode: code));
            former.Add(new Province(code, name, english, type, IsCurrent: false, CurrentCode: code));
            former.AddRange(absorbed.Select(a => new Province(a.Code, a.Name, a.English, ProvinceType.Province, IsCurrent: false, CurrentCode: code)));
        }

        Current = current.AsReadOnly();
        Former = former.OrderBy(p => p.Code, StringComparer.Ordinal).ToList().AsReadOnly();
        CurrentByCode = Current.ToDictionary(p => p.Code, StringComparer.Ordinal);
        FormerByCode = Former.ToDictionary(p => p.Code, StringComparer.Ordinal);
        CurrentByKey = BuildKeys(Current);
        FormerByKey = BuildKeys(Former);
    }

    /// <summary>Parses a code or name, preferring a current province, then a former one.</summary>
    public static bool TryParse(string? input, [NotNullWhen(true)] out Province? province) =>
        TryParseCurrent(input, out province) || TryParseFormer(input, out province);

    /// <summary>Parses a code or name among the 34 current provinces only.</summary>
    public static bool TryParseCurrent(string? input, [NotNullWhen(true)] out Province? province) =>
        CurrentByKey.TryGetValue(Key(input), out province);

    /// <summary>Parses a code or name among the 63 former provinces only ("Thái Bình", "hung-yen" before the merger).</summary>
    public static bool TryParseFormer(string? input, [NotNullWhen(true)] out Province? province) =>
        FormerByKey.TryGetValue(Key(input), out province);

    /// <summary>Parses a current or former province and gives the current one it belongs to ("Thái Bình" → Hưng Yên).</summary>
    public static bool TryResolveCurrent(string? input, [NotNullWhen(true)] out Province? current)
    {
        current = TryParse(input, out var found) ? ToCurrent(found) : null;
        return current is not null;
    }

    /// <summary>The current province by exact code, or null.</summary>
    public static Province? FindCurrent(string? code) =>
        code is not null && CurrentByCode.TryGetValue(code, out var p) ? p : null;

    /// <summary>The former province by exact code, or null.</summary>
    public static Province? FindFormer(string? code) =>
        code is not null && FormerByCode.TryGetValue(code, out var p) ? p : null;

    /// <summary>The current province a province belongs to: itself when current, its successor when former.</summary>
    public static Province ToCurrent(Province province)
    {
        ArgumentNullException.ThrowIfNull(province);
        return CurrentByCode[province.CurrentCode];
    }

    /// <summary>The former provinces that make up a current one (Hưng Yên → Hưng Yên, Thái Bình).</summary>
    public static IReadOnlyList<Province> FormerPartsOf(Province current)
    {
        ArgumentNullException.ThrowIfNull(current);
        return Former.Where(f => string.Equals(f.CurrentCode, current.CurrentCode, StringComparison.Ordinal)).ToList();
    }

    /// <summary>
    /// The lookup key of an input: folded (no case, no diacritics), without a "Tỉnh"/"Thành phố"/"TP." prefix,
    /// keeping only letters and digits. "TP. Hồ Chí Minh", "ho-chi-minh" and "Hồ  Chí Minh" share one key.
    /// </summary>
    internal static string Key(string? input)
    {
        var folded = VietnameseText.Fold(input);
        foreach (var prefix in Prefixes)
        {
            if (folded.Length > prefix.Length && folded.StartsWith(prefix, StringComparison.Ordinal))
            {
                folded = folded[prefix.Length..];
                break;
            }
        }

        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static Dictionary<string, Province> BuildKeys(IEnumerable<Province> provinces)
    {
        var byKey = new Dictionary<string, Province>(StringComparer.Ordinal);
        foreach (var province in provinces)
        {
            var spellings = new List<string> { province.Code, province.Name, province.EnglishName };
            if (Aliases.TryGetValue(province.Code, out var aliases))
            {
                spellings.AddRange(aliases);
            }

            foreach (var key in spellings.Select(Key).Distinct(StringComparer.Ordinal))
            {
                if (!byKey.TryAdd(key, province))
                {
                    throw new InvalidOperationException($"Province key '{key}' is ambiguous: {byKey[key].Code} and {province.Code}.");
                }
            }
        }

        return byKey;
    }
}
