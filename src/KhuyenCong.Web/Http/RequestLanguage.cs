using KhuyenCong.Domain.Text;
using Microsoft.AspNetCore.Http;

namespace KhuyenCong.Web.Http;

/// <summary>
/// The language of a page: <c>?lang=en|vi</c> wins, then the <c>lang</c> cookie, else Vietnamese. Accept-Language is
/// ignored on purpose: the users are Vietnamese first, whatever their phone's settings say.
/// </summary>
public static class RequestLanguage
{
    /// <summary>The query parameter that chooses the language ("vi" or "en").</summary>
    public const string QueryName = "lang";

    /// <summary>The cookie that remembers a choice made with <see cref="QueryName"/>.</summary>
    public const string CookieName = "lang";

    /// <summary>How long the cookie is kept.</summary>
    public static readonly TimeSpan CookieLifetime = TimeSpan.FromDays(365);

    /// <summary>
    /// The language of the request. When the query names a language ("vi" or "en", any case), the choice is also
    /// remembered in the <c>lang</c> cookie (SameSite=Lax, one year) on the response. Other values are ignored.
    /// </summary>
    public static Language From(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (TryParse(request.Query[QueryName].ToString(), out var chosen))
        {
            request.HttpContext.Response.Cookies.Append(CookieName, chosen.ToCode(), new CookieOptions
            {
                Path = "/",
                MaxAge = CookieLifetime,
                SameSite = SameSiteMode.Lax,
                HttpOnly = true,
                Secure = request.IsHttps,
                IsEssential = true,
            });
            return chosen;
        }

        return request.Cookies.TryGetValue(CookieName, out var remembered) && TryParse(remembered, out var fromCookie)
            ? fromCookie
            : Language.Vietnamese;
    }

    /// <summary>Only the exact codes "vi" and "en" (ignoring case and surrounding spaces) name a language.</summary>
    public static bool TryParse(string? code, out Language language)
    {
        var trimmed = code?.Trim();
        if (string.Equals(trimmed, "en", StringComparison.OrdinalIgnoreCase))
        {
            language = Language.English;
            return true;
        }

        language = Language.Vietnamese;
        return string.Equals(trimmed, "vi", StringComparison.OrdinalIgnoreCase);
    }
}
