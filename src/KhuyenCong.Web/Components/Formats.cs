using System.Globalization;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Web.Components;

/// <summary>
/// Values as the site shows them, for attributes and texts built from several values (components
/// <see cref="Money"/> and <see cref="DateText"/> show one value): amounts as "1.234.567 đồng", dates as dd/MM/yyyy
/// in both languages, times in Vietnam time.
/// </summary>
public static class Formats
{
    /// <summary>"1.234.567 đồng" in Vietnamese, "1,234,567 VND" in English.</summary>
    public static string Money(long amount, Language language) =>
        DisplayFormat.Amount(amount, language) + (language == Language.English ? " VND" : " đồng");

    /// <summary>
    /// The planned money of a figure (ADR 0032): the amount, or "—" saying why there is none: the filters narrow below a
    /// plan (<paramref name="planned"/> null), or no plan was entered for the year.
    /// </summary>
    public static string Planned(Domain.Statistics.PlannedMoney? planned, Language language) => planned switch
    {
        null => new Bilingual("— (kế hoạch không chia theo nội dung, địa bàn, lĩnh vực)", "— (plans are not split by kind, place or sector)").In(language),
        { Total: { } total } => Money(total, language),
        _ => new Bilingual("— (chưa nhập kế hoạch năm " + planned.YearsText + ")", "— (no plan entered for " + planned.YearsText + ")").In(language),
    };

    /// <summary>A ratio as a percentage with two decimals at most: 0.7173 → "71,73%" ("71.73%" in English); "–" without one.</summary>
    public static string Ratio(decimal? ratio, Language language) =>
        ratio is { } value ? DisplayFormat.Percent(Math.Round(value * 100, 2), language) + "%" : "–";

    /// <summary>"1.234.567" in Vietnamese, "1,234,567" in English.</summary>
    public static string Number(long value, Language language) => DisplayFormat.Amount(value, language);

    /// <summary>"31/03/2026".</summary>
    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>"31/03/2026 14:05", in Vietnam time.</summary>
    public static string DateTime(DateTimeOffset at) =>
        at.ToOffset(VietnamTime.Offset).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The machine-readable value of a <c>&lt;time datetime&gt;</c>: "2026-03-31".</summary>
    public static string IsoDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The machine-readable value of a <c>&lt;time datetime&gt;</c>: ISO 8601 in UTC, "2026-03-31T20:05:00Z".</summary>
    public static string IsoDateTime(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
