using System.Globalization;
using KhuyenCong.Domain.Geography;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Reports;
using KhuyenCong.Domain.Text;
using KhuyenCong.Domain.Activities;

namespace KhuyenCong.Domain.Statistics;

/// <summary>
/// The filters of <c>GET /api/stats</c>, the dashboard and the exports: years <c>from</c>..<c>to</c> (both optional),
/// <c>fundingSource</c>, <c>province</c> (a current or former name or code: former provinces count as today's),
/// <c>commune</c> and <c>sector</c> (matched ignoring case and diacritics), <c>kind</c>; and a reporting period by the
/// approval decision's date (<c>period</c>, <c>year</c>, <c>fromDate</c>, <c>toDate</c>: <see cref="ReportingPeriod"/>),
/// which counts only proposals whose decision date falls in it (ADR 0024).
/// </summary>
public sealed record StatisticsFilter
{
    public const int MinYear = 2000;
    public const int MaxYear = 2100;
    public const int MaxTextLength = 100;

    /// <summary>The names of the query parameters, in the order the form shows them.</summary>
    public static IReadOnlyList<string> ParameterNames { get; } = ["from", "to", "fundingSource", "province", "commune", "kind", "sector", .. ReportingPeriod.ParameterNames, "basis"];

    public static StatisticsFilter All { get; } = new();

    public int? From { get; init; }

    public int? To { get; init; }

    public FundingSource? FundingSource { get; init; }

    /// <summary>Code of a current province.</summary>
    public string? Province { get; init; }

    /// <summary>Folded commune.</summary>
    public string? Commune { get; init; }

    public ProposalKind? Kind { get; init; }

    /// <summary>Folded sector.</summary>
    public string? Sector { get; init; }

    /// <summary>The reporting period by decision date, or null for every proposal (decided or not).</summary>
    public ReportingPeriod? Decided { get; init; }

    /// <summary>
    /// The period whose payments are "paid within the period" (the payment cells, by payment day; ADR 0029), or null.
    /// Set with any period; with <c>basis=planYear</c> it is the only use of the period (the years select the proposals).
    /// </summary>
    public ReportingPeriod? PaidIn { get; init; }

    public bool Includes(int year) => (From is null || year >= From) && (To is null || year <= To);

    /// <summary>True when the cell's dimensions match every filter but the years.</summary>
    public bool Matches(StatisticsCellKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return (FundingSource is null || key.FundingSource == FundingSource.Value.ToCode())
            && (Kind is null || key.Kind == Kind.Value.ToCode())
            && (Province is null || key.Province == Province)
            && (Commune is null || key.CommuneKey == Commune)
            && (Sector is null || key.SectorKey == Sector)
            && (key.Facet == StatisticsFacets.Payments
                ? PaidIn is not null && key.PaidOn is { } paid && PaidIn.Contains(paid)
                : Decided is null || (key.Decided is { } day && Decided.Contains(day)));
    }

    /// <summary>
    /// Reads the filters from query values (<paramref name="get"/> gives the raw value of a parameter, null or empty
    /// when absent). Every invalid parameter gets a message in <paramref name="language"/>, keyed by its name.
    /// </summary>
    public static StatisticsFilter Parse(Func<string, string?> get, Language language, IDictionary<string, IReadOnlyList<string>> errors)
    {
        ArgumentNullException.ThrowIfNull(get);
        ArgumentNullException.ThrowIfNull(errors);
        var query = new FilterQuery(get, language, errors);
        var (from, to) = query.Years();
        var source = query.FundingSource();
        var kind = query.Kind();
        var province = query.Province();
        var decided = ParsePeriod(get, language, errors);
        var commune = query.Text("commune", "xã, phường", "commune");
        var sector = query.Text("sector", "lĩnh vực", "sector");
        return WithBasis(get, language, errors, new StatisticsFilter
        {
            From = from,
            To = to,
            FundingSource = source,
            Province = province,
            Commune = string.IsNullOrEmpty(commune) ? null : commune,
            Kind = kind,
            Sector = string.IsNullOrEmpty(sector) ? null : StatisticsCellKey.SectorKeyOf(sector),
            Decided = decided,
        });
    }

    /// <summary>
    /// <c>basis=planYear</c> with a period (the report's second basis, ADR 0024): the proposals are those of the period's
    /// plan year, not those decided in it; the period still dates the payments. <c>decisionDate</c> (or nothing) keeps the filter.
    /// </summary>
    private static StatisticsFilter WithBasis(Func<string, string?> get, Language language, IDictionary<string, IReadOnlyList<string>> errors, StatisticsFilter filter)
    {
        filter = filter with { PaidIn = filter.Decided };
        var basis = get("basis")?.Trim();
        if (string.IsNullOrEmpty(basis) || string.Equals(basis, "decisionDate", StringComparison.OrdinalIgnoreCase))
        {
            return filter;
        }

        if (!string.Equals(basis, "planYear", StringComparison.OrdinalIgnoreCase))
        {
            errors["basis"] = [new Bilingual("'basis' (cách chọn đề án) phải là decisionDate hoặc planYear.", "'basis' must be decisionDate or planYear.").In(language)];
            return filter;
        }

        return filter.Decided is { } period ? filter with { Decided = null, From = period.Year, To = period.Year } : filter;
    }

    /// <summary>The period when any of its parameters is given (errors in <paramref name="language"/>), else null.</summary>
    private static ReportingPeriod? ParsePeriod(Func<string, string?> get, Language language, IDictionary<string, IReadOnlyList<string>> errors)
    {
        if (ReportingPeriod.ParameterNames.All(name => string.IsNullOrWhiteSpace(get(name))))
        {
            return null;
        }

        var periodErrors = new BilingualErrors();
        var period = ReportingPeriod.Parse(get, periodErrors);
        foreach (var (field, messages) in periodErrors.In(language))
        {
            errors[field] = messages;
        }

        return period;
    }

    /// <summary>The query values being read: each invalid parameter gets one message in the request's language.</summary>
    private readonly record struct FilterQuery(Func<string, string?> Get, Language Language, IDictionary<string, IReadOnlyList<string>> Errors)
    {
        public (int? From, int? To) Years()
        {
            var from = Year("from");
            var to = Year("to");
            if (from is not null && to is not null && from > to)
            {
                Fail("to", new Bilingual("'to' (đến năm) không được trước 'from' (từ năm).", "'to' must not be before 'from'."));
            }

            return (from, to);
        }

        public FundingSource? FundingSource()
        {
            if (Value("fundingSource") is not { } text)
            {
                return null;
            }

            if (FundingSources.TryParse(text, out var source))
            {
                return source;
            }

            Fail("fundingSource", new Bilingual("'fundingSource' (nguồn kinh phí) phải là national hoặc local.", "'fundingSource' must be national or local."));
            return null;
        }

        public ProposalKind? Kind()
        {
            if (Value("kind") is not { } text)
            {
                return null;
            }

            if (ProposalKinds.TryParse(text, out var kind))
            {
                return kind;
            }

            var codes = string.Join(", ", ProposalKinds.All.Select(e => e.Code));
            Fail("kind", new Bilingual(
                "'kind' (nội dung khuyến công) không hợp lệ; chọn một trong: " + codes + ".",
                "'kind' is not a known kind: " + codes + "."));
            return null;
        }

        /// <summary>The code of the current province the text names (former provinces count as today's).</summary>
        public string? Province()
        {
            if (Value("province") is not { } text)
            {
                return null;
            }

            if (ProvinceCatalog.TryResolveCurrent(text, out var province))
            {
                return province.Code;
            }

            Fail("province", new Bilingual("'province' (tỉnh, thành phố) không có trong danh mục.", "'province' is not a known province."));
            return null;
        }

        /// <summary>The folded text (ignoring case and diacritics), or null when absent or invalid.</summary>
        public string? Text(string name, string vi, string english)
        {
            var text = Value(name);
            if (text is null)
            {
                return null;
            }

            if (text.Length > MaxTextLength || VietnameseText.HasForbiddenCharacters(text))
            {
                Fail(name, new Bilingual(
                    $"'{name}' ({vi}) phải là chữ thường, không quá {MaxTextLength} ký tự.",
                    $"'{name}' ({english}) must be plain text of at most {MaxTextLength} characters."));
                return null;
            }

            return StatisticsCellKey.Fold(text);
        }

        private int? Year(string name)
        {
            var text = Value(name);
            if (text is null)
            {
                return null;
            }

            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= MinYear and <= MaxYear)
            {
                return year;
            }

            Fail(name, new Bilingual($"'{name}' phải là năm từ {MinYear} đến {MaxYear}.", $"'{name}' must be a year from {MinYear} to {MaxYear}."));
            return null;
        }

        private string? Value(string name) => string.IsNullOrWhiteSpace(Get(name)) ? null : Get(name)!.Trim();

        private void Fail(string name, Bilingual message) => Errors[name] = [message.In(Language)];
    }
}
