using System.Globalization;
using KhuyenCong.Domain.Activities;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Reports;
using KhuyenCong.Domain.Statistics;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Application.Reports;

/// <summary>
/// A report request read from raw values: the period (required), the basis, the recipient, the format, and the
/// dashboard's filters (funding source, kind, province, commune, sector). The years of the dashboard (<c>from</c>,
/// <c>to</c>) are not taken: the basis sets them.
/// </summary>
internal sealed record ReportRequest(ReportingPeriod? Period, ReportBasis Basis, ReportRecipient Recipient, string Format, StatisticsFilter? Filter,
    string FilterText, BilingualErrors? Errors)
{
    public static ReportRequest Parse(Func<string, string?> get)
    {
        var errors = new BilingualErrors();
        string Value(string name) => (get(name) ?? string.Empty).Trim();
        var recipient = Choice(Value("recipient"), "ministry", "committee", "recipient", "nơi nhận", errors) == "committee" ? ReportRecipient.Committee : ReportRecipient.Ministry;
        var basis = Choice(Value("basis"), "decisionDate", "planYear", "basis", "cách chọn đề án", errors) == "planYear" ? ReportBasis.PlanYear : ReportBasis.DecisionDate;
        var format = Choice(Value("format"), "docx", "xlsx", "format", "định dạng", errors);
        ReportingPeriod? period = null;
        if (ReportingPeriod.ParameterNames.All(n => Value(n).Length == 0))
        {
            errors.Add("period", "Cần chọn kỳ báo cáo ('period': six-month, annual hoặc custom).", "Choose the reporting period ('period': six-month, annual or custom).");
        }
        else
        {
            period = ReportingPeriod.Parse(get, errors);
        }

        // The dashboard's other filters, read as the dashboard reads them (messages in both languages).
        string? Others(string name) => name is "from" or "to" or "basis" || ReportingPeriod.ParameterNames.Contains(name) ? null : get(name);
        var (vi, en) = (new Dictionary<string, IReadOnlyList<string>>(), new Dictionary<string, IReadOnlyList<string>>());
        var filter = StatisticsFilter.Parse(Others, Language.Vietnamese, vi);
        StatisticsFilter.Parse(Others, Language.English, en);
        foreach (var (field, messages) in vi)
        {
            errors.Add(field, messages[0], en.TryGetValue(field, out var english) ? english[0] : messages[0]);
        }

        if (!errors.IsEmpty || period is null)
        {
            return new ReportRequest(null, basis, recipient, format, null, string.Empty, errors);
        }

        // Either basis dates the payments by the period (the money paid within it, ADR 0029).
        filter = basis == ReportBasis.PlanYear ? filter with { From = period.Year, To = period.Year, PaidIn = period } : filter with { Decided = period, PaidIn = period };
        return new ReportRequest(period, basis, recipient, format, filter, DescribeFilters(filter), null);
    }

    /// <summary>The dashboard's query for the same figures: "period=six-month&amp;year=2019&amp;fundingSource=local".</summary>
    public static string DashboardQuery(StatisticsFilter filter)
    {
        var pairs = new List<(string, string)>();
        if ((filter.Decided ?? filter.PaidIn) is { } p)
        {
            pairs.AddRange(p.Kind == ReportingPeriodKind.Custom
                ? [("period", "custom"), ("fromDate", StatisticsCellKey.DecidedCode(p.From)), ("toDate", StatisticsCellKey.DecidedCode(p.To))]
                : [("period", p.Code), ("year", p.Year.ToString(CultureInfo.InvariantCulture))]);
        }

        if (filter.Decided is null && filter.PaidIn is not null)
        {
            pairs.Add(("basis", "planYear")); // the dashboard then takes the period's plan year and dates only the payments
        }

        Add(pairs, "from", filter.From?.ToString(CultureInfo.InvariantCulture));
        Add(pairs, "to", filter.To?.ToString(CultureInfo.InvariantCulture));
        Add(pairs, "fundingSource", filter.FundingSource?.ToCode());
        Add(pairs, "kind", filter.Kind?.ToCode());
        Add(pairs, "province", filter.Province);
        Add(pairs, "commune", filter.Commune);
        Add(pairs, "sector", filter.Sector);
        return string.Join('&', pairs.Select(kv => kv.Item1 + "=" + Uri.EscapeDataString(kv.Item2)));
    }

    private static void Add(List<(string, string)> pairs, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            pairs.Add((name, value));
        }
    }

    private static string DescribeFilters(StatisticsFilter filter)
    {
        var parts = new List<string>();
        if (filter.FundingSource is { } source)
        {
            parts.Add("Nguồn kinh phí: " + source.DisplayName(Language.Vietnamese));
        }

        if (filter.Kind is { } kind)
        {
            parts.Add("Nội dung: " + kind.DisplayName(Language.Vietnamese));
        }

        if (filter.Province is { } province)
        {
            parts.Add("Tỉnh: " + Statistics.StatisticsLabels.Province(province, Language.Vietnamese));
        }

        if (filter.Commune is { } commune)
        {
            parts.Add("Xã, phường: " + commune);
        }

        if (filter.Sector is { } sector)
        {
            parts.Add("Lĩnh vực: " + sector);
        }

        return string.Join("; ", parts);
    }

    /// <summary>The value when it is one of two codes (the first when empty); otherwise an error naming the field.</summary>
    private static string Choice(string value, string first, string second, string field, string vi, BilingualErrors errors)
    {
        if (value.Length == 0 || string.Equals(value, first, StringComparison.OrdinalIgnoreCase))
        {
            return first;
        }

        if (string.Equals(value, second, StringComparison.OrdinalIgnoreCase))
        {
            return second;
        }

        errors.Add(field, $"'{field}' ({vi}) phải là {first} hoặc {second}.", $"'{field}' must be {first} or {second}.");
        return first;
    }
}
