namespace KhuyenCong.Domain.Geography;

/// <summary>Whether a province-level unit is a province (tỉnh) or a centrally governed city (thành phố trực thuộc trung ương).</summary>
public enum ProvinceType
{
    Province,
    City,
}

/// <summary>
/// A province-level unit, either current (since 1/7/2025, 34 units) or former (before 1/7/2025, 63 units).
/// Codes are slugs without diacritics ("hung-yen", "ho-chi-minh") and are unique within each era; a code found in both
/// eras names the unit that kept its name (for example "hung-yen", which absorbed "thai-binh").
/// </summary>
/// <param name="Code">Stable code.</param>
/// <param name="Name">Vietnamese name with diacritics, without "Tỉnh"/"Thành phố".</param>
/// <param name="EnglishName">English name ("Ho Chi Minh City", "Hanoi", "Hung Yen").</param>
/// <param name="Type">Province or centrally governed city.</param>
/// <param name="IsCurrent">True for the 34 units since 1/7/2025, false for the 63 before.</param>
/// <param name="CurrentCode">For a former unit, the code of the current unit it became part of; for a current unit, its own code.</param>
public sealed record Province(string Code, string Name, string EnglishName, ProvinceType Type, bool IsCurrent, string CurrentCode)
{
    /// <summary>The Vietnamese full name: "Tỉnh Hưng Yên", "Thành phố Hồ Chí Minh".</summary>
    public string FullName => (Type == ProvinceType.City ? "Thành phố " : "Tỉnh ") + Name;
}
