using System.Globalization;

namespace KhuyenCong.Domain.Text;

/// <summary>Formats amounts, percentages and dates as Vietnamese and English users read them.</summary>
public static class DisplayFormat
{
    /// <summary>"1.200.000.000" in Vietnamese, "1,200,000,000" in English.</summary>
    public static string Amount(long value, Language language)
    {
        var grouped = value.ToString("#,0", CultureInfo.InvariantCulture);
        return language == Language.English ? grouped : grouped.Replace(',', '.');
    }

    /// <summary>At most two decimals, no trailing zeros: "33,33" in Vietnamese, "33.33" in English, "50" in both.</summary>
    public static string Percent(decimal value, Language language)
    {
        var text = value.ToString("0.##", CultureInfo.InvariantCulture);
        return language == Language.English ? text : text.Replace('.', ',');
    }

    /// <summary>"31/03/2026" in Vietnamese, "2026-03-31" in English.</summary>
    public static string Date(DateOnly value, Language language) =>
        value.ToString(language == Language.English ? "yyyy-MM-dd" : "dd/MM/yyyy", CultureInfo.InvariantCulture);
}
