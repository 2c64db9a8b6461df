using KhuyenCong.Domain.Text;
using Microsoft.AspNetCore.Http;

namespace KhuyenCong.Web.Rendering;

/// <summary>A staff page's place in the staff area: its path (to mark the current section) and its links.</summary>
/// <param name="Path">The request's path ("/staff/proposals/abc").</param>
/// <param name="Links">Addresses keeping the language and LocalHost's function key.</param>
public sealed record StaffArea(string Path, StaffLinks Links)
{
    private static readonly string[] Prefixes = ["/staff", "/dashboard", "/reports"];

    /// <summary>The staff area of <paramref name="request"/>, or null when its path is not a staff page's.</summary>
    public static StaffArea? Of(HttpRequest request, Language language)
    {
        ArgumentNullException.ThrowIfNull(request);
        var path = request.Path.Value ?? string.Empty;
        return Prefixes.Any(p => path == p || path.StartsWith(p + "/", StringComparison.Ordinal))
            ? new StaffArea(path, StaffLinks.From(request, language))
            : null;
    }

    /// <summary>True when the page is <paramref name="section"/> or under it ("/staff/proposals/abc" is under "/staff/proposals").</summary>
    public bool IsIn(string section) =>
        Path == section || Path.StartsWith(section + "/", StringComparison.Ordinal);
}
