using System.Text;
using KhuyenCong.Application.Reports;
using KhuyenCong.Domain.Reports;
using KhuyenCong.Domain.Text;
using KhuyenCong.Web.Pages.Staff;
using KhuyenCong.Web.Rendering;

namespace KhuyenCong.Web.Pages.Reports;

/// <summary>What <c>/reports</c> shows.</summary>
/// <param name="Preview">The figures of the chosen period, or null before a choice or when a value has an error.</param>
/// <param name="Values">The form's values as typed (trimmed), by parameter name (<see cref="ParameterNames"/>).</param>
/// <param name="Errors">Messages by field, in the page's language.</param>
/// <param name="Links">The page's language and LocalHost's function key, kept by the form and links.</param>
public sealed record ReportsPageModel(
    ReportPreview? Preview,
    IReadOnlyDictionary<string, string> Values,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Errors,
    StaffLinks Links)
{
    /// <summary>Every parameter the form sends: the period's, the report's own, the funding source.</summary>
    public static IReadOnlyList<string> ParameterNames { get; } = [.. ReportingPeriod.ParameterNames, .. PeriodicReports.ParameterNames, "fundingSource"];

    /// <summary>The value as typed, or "".</summary>
    public string Value(string name) => Values.TryGetValue(name, out var value) ? value : string.Empty;

    /// <summary>The report's download (<paramref name="format"/>) with the same values, the language and the function key.</summary>
    public string Download(string format) =>
        Address("/api/reports/periodic", ParameterNames.Where(n => n != "format" && Value(n).Length > 0).Select(n => (n, Value(n))).Append(("format", format)));

    /// <summary>The dashboard with the same filters: the same figures.</summary>
    public string Dashboard(string dashboardQuery)
    {
        ArgumentNullException.ThrowIfNull(dashboardQuery);
        var pairs = dashboardQuery.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Select(p => (p[0], Uri.UnescapeDataString(p.Length > 1 ? p[1] : string.Empty)));
        return Address("/dashboard", pairs);
    }

    private string Address(string path, IEnumerable<(string Name, string Value)> pairs)
    {
        var query = pairs.ToList();
        query.Add(("lang", Links.Language.ToCode()));
        if (Links.FunctionKey is { } key)
        {
            query.Add((StaffLinks.FunctionKeyName, key));
        }

        var address = new StringBuilder(path);
        foreach (var (name, value) in query)
        {
            address.Append(address.Length == path.Length ? '?' : '&').Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        }

        return address.ToString();
    }
}
