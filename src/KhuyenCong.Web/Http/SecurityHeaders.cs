using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace KhuyenCong.Web.Http;

/// <summary>
/// Headers every response carries, whatever answered it (JSON, problem, page, file, redirect, a refusal before any
/// function ran): <c>X-Content-Type-Options: nosniff</c>, and over HTTPS (Azure) <c>Strict-Transport-Security</c>.
/// Both hosts run the app in an ASP.NET Core pipeline (the Functions worker's ASP.NET Core integration, LocalHost's
/// Kestrel): <see cref="SecurityHeadersStartupFilter"/>, registered with the app's services, puts this step first in
/// both. The headers are set as the response starts, so a step later in the pipeline (the worker's forwarded-headers
/// step, which makes a request that reached Azure over HTTPS read as HTTPS) is already applied.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>One year; subdomains are not included (the app may live under a province's domain it does not own).</summary>
    public const string StrictTransportSecurity = "max-age=31536000";

    public static void Apply(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            if (context.Request.IsHttps)
            {
                headers.StrictTransportSecurity = StrictTransportSecurity;
            }

            return Task.CompletedTask;
        });
    }
}

/// <summary>Puts <see cref="SecurityHeaders"/> at the start of the host's pipeline.</summary>
public sealed class SecurityHeadersStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, following) =>
        {
            SecurityHeaders.Apply(context);
            return following(context);
        });
        next(app);
    };
}
