using System.Globalization;

namespace KhuyenCong.Domain.Text;

/// <summary>
/// How official papers (Decree 30/2020/NĐ-CP layout, docs/legal/document-format.md) write amounts, dates and numbers.
/// Every generated document, the PDF receipt and any page that quotes a document use these, so they agree.
/// </summary>
public static class OfficialFormat
{
    /// <summary>"1.234.567.000 đồng": thousands separated by "." (as on invoices, Decree 123/2020/NĐ-CP art. 10 cl. 13).</summary>
    public static string Money(long amount) => DisplayFormat.Amount(amount, Language.Vietnamese) + " đồng";

    /// <summary>"05/03/2026": the short date of tables and references.</summary>
    public static string ShortDate(DateOnly date) => DisplayFormat.Date(date, Language.Vietnamese);

    /// <summary>
    /// "ngày 05 tháng 3 năm 2026": days below 10 and the months 1 and 2 take a leading zero, other months none
    /// (Decree 30/2020 Appendix I, part I, section II, cl. 4, as quoted in document-format.md §2.2).
    /// </summary>
    public static string LongDate(DateOnly date)
    {
        var month = date.Month <= 2 ? date.Month.ToString("00", CultureInfo.InvariantCulture) : date.Month.ToString(CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture, $"ngày {date.Day:00} tháng {month} năm {date.Year}");
    }

    /// <summary>The place and date line: "Hưng Yên, ngày 05 tháng 3 năm 2026".</summary>
    public static string DateLine(string place, DateOnly date)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(place);
        return place.Trim() + ", " + LongDate(date);
    }

    /// <summary>
    /// A document's number and symbol: "07/BB-TTKC" (numbers below 10 with a leading zero, Decree 30/2020 Appendix I,
    /// part I, section II, cl. 3, as quoted in document-format.md §2.1).
    /// </summary>
    public static string NumberAndSymbol(int number, string symbol)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(number);
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        return number.ToString("00", CultureInfo.InvariantCulture) + "/" + symbol.Trim();
    }

    /// <summary>A file size as people read it: "850 KB", "1,2 MB" (decimal comma; 1 KB = 1024 bytes).</summary>
    public static string FileSize(long bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        if (bytes < 1024 * 1024)
        {
            return Math.Max(1, (bytes + 1023) / 1024).ToString(CultureInfo.InvariantCulture) + " KB";
        }

        return (bytes / (1024d * 1024d)).ToString("0.#", CultureInfo.InvariantCulture).Replace('.', ',') + " MB";
    }
}
