using KhuyenCong.Application.Identity;
using KhuyenCong.LocalHost.Functions;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCong.LocalHost.Hosting;

/// <summary>
/// What App Service Authentication does in Azure, for one machine. In Azure the platform removes
/// <c>X-MS-CLIENT-PRINCIPAL</c> from clients' requests and sets it after signing a user in. LocalHost has no such front
/// door: it removes the header (and its <c>X-MS-CLIENT-PRINCIPAL-*</c> companions) from every request, so a client can
/// never claim an identity, and sets it only for requests carrying the function key, as a staff member with every
/// staff role, a name (<c>LocalHost:StaffName</c>) and an Entra object id (<c>LocalHost:StaffObjectId</c>) for the
/// audit. The app trusts the header only behind App Service Authentication or LocalHost, which <see cref="Register"/>
/// declares in code (<see cref="HostPlatformOptions.IsLocalHost"/>; no setting can); LocalHost may also use the
/// development link key.
/// </summary>
public sealed class LocalHostFrontDoor(FunctionKeys keys, string staffName, string staffObjectId)
{
    public const string DefaultStaffName = "Cán bộ LocalHost";

    /// <summary>LocalHost's staff member's object id (a fixed placeholder: there is no Entra ID here).</summary>
    public const string DefaultStaffObjectId = "00000000-0000-0000-0000-00000000a11c";

    public static void Register(IServiceCollection services) =>
        services.Configure<HostPlatformOptions>(o => o.IsLocalHost = true);

    public Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        foreach (var header in context.Request.Headers.Keys.Where(k => k.StartsWith(StaffPrincipal.HeaderName, StringComparison.OrdinalIgnoreCase)).ToList())
        {
            context.Request.Headers.Remove(header);
        }

        if (keys.Authorizes(context.Request, AuthorizationLevel.Function))
        {
            context.Request.Headers[StaffPrincipal.HeaderName] = StaffPrincipal.EncodeFor(
                staffName, staffObjectId, StaffRoles.Officer, StaffRoles.Director, StaffRoles.Finance, StaffRoles.Admin);
        }

        return next(context);
    }
}
