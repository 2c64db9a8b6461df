using System.Text;
using KhuyenCong.Domain.Statistics;
using KhuyenCong.Domain.Text;
using KhuyenCong.Web.Pages.Staff;
using KhuyenCong.Web.Rendering;

namespace KhuyenCong.Web.Pages.Dashboard;

/// <summary>What <c>/dashboard</c> shows.</summary>
/// <param name="Report">The statistics of the filters; null when a filter has an error.</param>
/// <param name="Filters">The filters as typed (trimmed), by parameter name (<see cref="StatisticsFilter.ParameterNames"/>).</param>
/// <param name="Errors">Messages by filter name, in the page's language.</param>
/// <param name="Print">The print view (<c>?print=1</c>): no form, no links.</param>
/// <param name="Links">The page's language and LocalHost's function key, kept by the form and links.</param>
/// <param name="Heading">The print view's header and signature block (null: none).</param>
public sealed record DashboardPageModel(
    StatisticsReport? Report,
    IReadOnlyDictionary<string, string> Filters,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Errors,
    bool Print,
    StaffLinks Links,
    PrintHeading? Heading = null)
{
    /// <summary>The plans' money of the filter's years, by source (ADR 0032), or null where plans do not apply.</summary>
    public PlannedMoney? Planned { get; init; }

    /// <summary>The years filtered on, in words: "Năm 2026", "Từ năm 2020 đến năm 2024", "Tất cả các năm".</summary>
    public Bilingual Period => (Value("from"), Value("to")) switch
    {
        ("", "") => new("Tất cả các năm", "All years"),
        var (from, to) when from == to => new("Năm " + from, "Year " + from),
        (var from, "") => new("Từ năm " + from, "From " + from),
        ("", var to) => new("Đến năm " + to, "Up to " + to),
        var (from, to) => new($"Từ năm {from} đến năm {to}", $"{from} to {to}"),
    };

    /// <summary>The filter's value as typed, or "".</summary>
    public string Value(string name) => Filters.TryGetValue(name, out var value) ? value : string.Empty;

    /// <summary>The filters given, in the order of <see cref="StatisticsFilter.ParameterNames"/>.</summary>
    public IEnumerable<KeyValuePair<string, string>> GivenFilters =>
        StatisticsFilter.ParameterNames.Where(name => Value(name).Length > 0).Select(name => new KeyValuePair<string, string>(name, Value(name)));

    /// <summary>
    /// <paramref name="path"/> (which may hold a query of its own, such as the export's variant) with <paramref name="first"/> (the export's format, print=1), the same filters, the
    /// language and the function key: "/api/stats/export?format=xlsx&amp;from=2020&amp;to=2024&amp;lang=vi".
    /// </summary>
    public string Href(string path, KeyValuePair<string, string> first)
    {
        var query = new List<KeyValuePair<string, string>> { first };
        query.AddRange(GivenFilters);
        query.Add(new("lang", Links.Language.ToCode()));
        if (Links.FunctionKey is { } key)
        {
            query.Add(new(StaffLinks.FunctionKeyName, key));
        }

        var address = new StringBuilder(path);
        foreach (var (name, value) in query)
        {
            address.Append(address.Length == path.Length && !path.Contains('?', StringComparison.Ordinal) ? '?' : '&').Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        }

        return address.ToString();
    }
}
