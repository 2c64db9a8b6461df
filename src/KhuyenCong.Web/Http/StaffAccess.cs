using KhuyenCong.Application.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCong.Web.Http;

/// <summary>
/// The signed-in staff member of a request, if any (see <see cref="StaffPrincipal"/>), read through the app's
/// <see cref="StaffIdentity"/>: the <c>X-MS-CLIENT-PRINCIPAL</c> header counts only behind App Service Authentication
/// (Entra ID) in Azure or under LocalHost. A request without the app's services (none is served so) has no principal.
/// </summary>
public static class StaffAccess
{
    public static StaffPrincipal? Principal(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var identity = request.HttpContext.RequestServices?.GetService<StaffIdentity>();
        return identity?.Read(request.Headers[StaffPrincipal.HeaderName]);
    }

    /// <summary>The answer to a request without the staff role a route needs (401 or 403, from <see cref="Require"/>).</summary>
    public static Microsoft.AspNetCore.Mvc.IActionResult Denied(int status, KhuyenCong.Domain.Text.Language language) =>
        Problems.Status(status, language == KhuyenCong.Domain.Text.Language.English
            ? "Only staff with the right role may do this." : "Chỉ cán bộ có quyền phù hợp mới được thực hiện thao tác này.", language);

    /// <summary>The principal when it holds <paramref name="role"/>; otherwise null and <paramref name="denied"/> says why (401 or 403).</summary>
    public static StaffPrincipal? Require(HttpRequest request, string role, out int denied)
    {
        var principal = Principal(request);
        denied = principal is null ? StatusCodes.Status401Unauthorized : principal.IsInRole(role) ? 0 : StatusCodes.Status403Forbidden;
        return denied == 0 ? principal : null;
    }
}
