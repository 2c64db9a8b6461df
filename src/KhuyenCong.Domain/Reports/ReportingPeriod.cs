using System.Globalization;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Domain.Reports;

/// <summary>Which reporting period: the six-month or annual one of a year, or dates the officer chose.</summary>
public enum ReportingPeriodKind
{
    SixMonth,
    Annual,
    Custom,
}

/// <summary>
/// A reporting period: the days <see cref="From"/>..<see cref="To"/>, both included. The built-in periods follow the
/// cut-off dates of Decree 09/2019/NĐ-CP Điều 12 (chế độ báo cáo của cơ quan hành chính nhà nước), as copied word for
/// word into the ministries' rules that implement it (docs/legal/cycle-reports-documents.md F4.1; a secondary source:
/// the decree's own text of clauses 3–4 could not be read): six-month "từ ngày 15/12 năm trước kỳ báo cáo đến ngày
/// 14/6", annual "từ ngày 15/12 năm trước kỳ báo cáo đến ngày 14/12". The khuyến công circulars (46/2012/TT-BCT as
/// amended by 20/2017/TT-BCT; 36/2013/TT-BCT) were searched for a reporting article of their own and none was found,
/// so these general cut-offs apply; a period of any dates can be chosen instead.
/// </summary>
public sealed record ReportingPeriod(ReportingPeriodKind Kind, DateOnly From, DateOnly To)
{
    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    /// <summary>The names of the query parameters: <c>period</c> (six-month, annual, custom), <c>year</c>, <c>fromDate</c>, <c>toDate</c>.</summary>
    public static IReadOnlyList<string> ParameterNames { get; } = ["period", "year", "fromDate", "toDate"];

    /// <summary>Six-month report of <paramref name="year"/>: 15/12 of the year before to 14/6 (Decree 09/2019 Điều 12).</summary>
    public static ReportingPeriod SixMonth(int year) => new(ReportingPeriodKind.SixMonth, new DateOnly(year - 1, 12, 15), new DateOnly(year, 6, 14));

    /// <summary>Annual report of <paramref name="year"/>: 15/12 of the year before to 14/12 (Decree 09/2019 Điều 12).</summary>
    public static ReportingPeriod Annual(int year) => new(ReportingPeriodKind.Annual, new DateOnly(year - 1, 12, 15), new DateOnly(year, 12, 14));

    /// <summary>The code of the kind in routes: <c>six-month</c>, <c>annual</c>, <c>custom</c>.</summary>
    public string Code => CodeOf(Kind);

    /// <summary>The reporting year (the year the period ends in).</summary>
    public int Year => To.Year;

    /// <summary>"Báo cáo 6 tháng năm 2019 (từ ngày 15/12/2018 đến ngày 14/06/2019)".</summary>
    public Bilingual Title => Kind switch
    {
        ReportingPeriodKind.SixMonth => new($"6 tháng đầu năm {Year}", $"first half of {Year}"),
        ReportingPeriodKind.Annual => new($"năm {Year}", $"year {Year}"),
        _ => new("theo khoảng thời gian đã chọn", "for the chosen dates"),
    };

    /// <summary>"từ ngày 15/12/2018 đến ngày 14/06/2019".</summary>
    public Bilingual Range => new(
        $"từ ngày {DisplayFormat.Date(From, Language.Vietnamese)} đến ngày {DisplayFormat.Date(To, Language.Vietnamese)}",
        $"from {DisplayFormat.Date(From, Language.English)} to {DisplayFormat.Date(To, Language.English)}");

    /// <summary>True when <paramref name="day"/> falls in the period.</summary>
    public bool Contains(DateOnly day) => day >= From && day <= To;

    public static string CodeOf(ReportingPeriodKind kind) => kind switch
    {
        ReportingPeriodKind.SixMonth => "six-month",
        ReportingPeriodKind.Annual => "annual",
        _ => "custom",
    };

    /// <summary>
    /// Reads a period from query or form values: <c>period=six-month|annual</c> with <c>year</c>, or
    /// <c>period=custom</c> (or no period) with <c>fromDate</c> and <c>toDate</c> (yyyy-MM-dd or dd/MM/yyyy). Every
    /// invalid value gets a message naming its field, keyed by its name; a period whose end precedes its start is
    /// refused on <c>toDate</c>. Null when there are errors.
    /// </summary>
    public static ReportingPeriod? Parse(Func<string, string?> get, BilingualErrors errors)
    {
        ArgumentNullException.ThrowIfNull(get);
        ArgumentNullException.ThrowIfNull(errors);
        string? Value(string name) => string.IsNullOrWhiteSpace(get(name)) ? null : get(name)!.Trim();
        var kind = Value("period")?.ToLowerInvariant();
        if (kind is "six-month" or "annual")
        {
            var year = ParseYear(Value("year"), errors);
            return year is null ? null : kind == "annual" ? Annual(year.Value) : SixMonth(year.Value);
        }

        if (kind is not (null or "custom"))
        {
            errors.Add("period", new Bilingual("'period' (kỳ báo cáo) phải là six-month, annual hoặc custom.", "'period' must be six-month, annual or custom."));
            return null;
        }

        var from = ParseDate("fromDate", "từ ngày", "from date", Value("fromDate"), errors);
        var to = ParseDate("toDate", "đến ngày", "to date", Value("toDate"), errors);
        if (from is null || to is null)
        {
            return null;
        }

        if (to < from)
        {
            errors.Add("toDate", new Bilingual("'toDate' (đến ngày) không được trước 'fromDate' (từ ngày).", "'toDate' must not be before 'fromDate'."));
            return null;
        }

        return new ReportingPeriod(ReportingPeriodKind.Custom, from.Value, to.Value);
    }

    private static int? ParseYear(string? text, BilingualErrors errors)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= MinYear and <= MaxYear)
        {
            return year;
        }

        errors.Add("year", new Bilingual($"'year' (năm báo cáo) phải là năm từ {MinYear} đến {MaxYear}.", $"'year' must be a year from {MinYear} to {MaxYear}."));
        return null;
    }

    private static DateOnly? ParseDate(string name, string vi, string en, string? text, BilingualErrors errors)
    {
        string[] formats = ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"];
        if (text is not null && DateOnly.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            && date.Year is >= MinYear and <= MaxYear)
        {
            return date;
        }

        errors.Add(name, text is null
            ? new Bilingual($"Cần nhập '{name}' ({vi}), dạng dd/MM/yyyy.", $"'{name}' ({en}) is required, as dd/MM/yyyy.")
            : new Bilingual($"'{name}' ({vi}) phải là một ngày dạng dd/MM/yyyy.", $"'{name}' ({en}) must be a date as dd/MM/yyyy."));
        return null;
    }
}
