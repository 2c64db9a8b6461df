using Microsoft.AspNetCore.Http;

namespace KhuyenCong.Web.Rendering;

/// <summary>
/// The status and the headers of a page's response. <see cref="Standard"/> is every public and staff page's;
/// <see cref="EmailedLink"/> is for pages behind a token in the URL. Change one value with <c>with</c>:
/// <c>PageOptions.Standard with { StatusCode = 404 }</c>.
/// </summary>
public sealed record PageOptions
{
    /// <summary>
    /// Content-Security-Policy of every page: scripts and styles only from this site (no inline script or style), no
    /// framing, forms post only here.
    /// </summary>
    public const string DefaultContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    /// <summary>200, <c>Referrer-Policy: same-origin</c>, <c>Cache-Control: no-cache, private</c> (with <c>Vary: Cookie</c>: the language may come from the cookie).</summary>
    public static PageOptions Standard { get; } = new();

    /// <summary>
    /// A page whose URL carries a token (emailed links): never sent to another site in a Referer
    /// (<c>no-referrer</c>), never stored (<c>no-store</c>).
    /// </summary>
    public static PageOptions EmailedLink { get; } = new() { ReferrerPolicy = "no-referrer", CacheControl = "no-store" };

    public int StatusCode { get; init; } = StatusCodes.Status200OK;

    public string ContentSecurityPolicy { get; init; } = DefaultContentSecurityPolicy;

    public string ReferrerPolicy { get; init; } = "same-origin";

    public string CacheControl { get; init; } = "no-cache, private";

    public string Vary { get; init; } = "Cookie";

    /// <summary>
    /// The page the header's language switch opens, when the request's own address answers no GET (a form's post
    /// shown again: the switch opens the form's page, not the post's address); null for the request's path and query.
    /// </summary>
    public string? LanguageSwitchPath { get; init; }
}
