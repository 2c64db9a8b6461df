using KhuyenCong.Application.Options;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Web.Http;

/// <summary>
/// Whether a request that changes something comes from this site's own pages. Browsers send <c>Sec-Fetch-Site</c> and
/// <c>Origin</c> with every cross-site POST, PUT, DELETE and PATCH: when present, <c>Sec-Fetch-Site</c> must be
/// <c>same-origin</c> and <c>Origin</c> must be this host (the request's, or <c>KhuyenCong:PublicBaseUrl</c>'s). Both
/// absent is a client that is not a browser (a script with the function key or a bearer token): allowed.
/// </summary>
public sealed class SameOrigin(IOptions<KhuyenCongOptions> options)
{
    private readonly Lazy<Uri?> publicBase = new(() =>
        Uri.TryCreate(options.Value.PublicBaseUrl, UriKind.Absolute, out var uri) ? uri : null);

    /// <summary>True for GET, HEAD, OPTIONS and TRACE: they change nothing, so the origin check does not apply.</summary>
    public static bool IsSafeMethod(string method) =>
        HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method);

    public bool Allows(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0 && !site.Equals("same-origin", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return true;
        }

        // "null" (a sandboxed frame, a redirect across sites) and anything unparsable are other sites.
        return Uri.TryCreate(origin, UriKind.Absolute, out var from) && from.Scheme is "http" or "https"
            && (IsHost(from, request.Host) || (publicBase.Value is { } own && SameAuthority(from, own)));
    }

    private static bool IsHost(Uri origin, HostString host)
    {
        if (!host.HasValue || !string.Equals(origin.IdnHost, host.Host, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        // A host without a port is on the default port of the origin's scheme (behind a front end that ends TLS, the
        // request may arrive as HTTP while the page was HTTPS).
        return host.Port is { } port ? origin.Port == port : origin.IsDefaultPort;
    }

    private static bool SameAuthority(Uri a, Uri b) =>
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase) && a.Port == b.Port;
}
