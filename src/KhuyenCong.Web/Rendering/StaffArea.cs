using KhuyenCong.Application.Identity;
using KhuyenCong.Domain.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

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
            ? new StaffArea(path, StaffLinks.From(request, language)) { IsDirector = IsDirectorRequest(request) }
            : null;
    }

    /// <summary>True when the signed-in staff member is the director (or an admin): the navigation then offers "Chờ tôi quyết định".</summary>
    public bool IsDirector { get; init; }

    /// <summary>True when the page is <paramref name="section"/> or under it ("/staff/proposals/abc" is under "/staff/proposals").</summary>
    public bool IsIn(string section) =>
        Path == section || Path.StartsWith(section + "/", StringComparison.Ordinal);

    /// <summary>The request's staff member holds the director's role (read as the staff routes read it, through <see cref="StaffIdentity"/>).</summary>
    private static bool IsDirectorRequest(HttpRequest request) =>
        request.HttpContext.RequestServices?.GetService<StaffIdentity>()?.Read(request.Headers[StaffPrincipal.HeaderName])?.IsInRole(StaffRoles.Director) == true;
}
