using System.Text;
using KhuyenCong.Domain.Text;
using Microsoft.AspNetCore.Http;

namespace KhuyenCong.Web.Rendering;

/// <summary>The address of the current page in another language: the same path and query with <c>lang</c> replaced.</summary>
public static class LanguageSwitch
{
    /// <summary>The query parameter that chooses the language ("vi" or "en"), as the Functions app reads it.</summary>
    public const string QueryName = "lang";

    /// <summary>
    /// The same path and query with <c>lang</c> set to <paramref name="target"/> (other query values kept, in order):
    /// "/track/KC-…?submitted=1&amp;lang=en". Not HTML-encoded: the renderer encodes attributes.
    /// </summary>
    public static string Href(HttpRequest request, Language target)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = new StringBuilder();
        foreach (var (key, values) in request.Query)
        {
            if (string.Equals(key, QueryName, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            foreach (var value in values)
            {
                query.Append(query.Length == 0 ? '?' : '&')
                    .Append(Uri.EscapeDataString(key)).Append('=').Append(Uri.EscapeDataString(value ?? string.Empty));
            }
        }

        query.Append(query.Length == 0 ? '?' : '&').Append(QueryName).Append('=').Append(target.ToCode());
        var path = request.PathBase.Add(request.Path).ToUriComponent();
        return (path.Length == 0 ? "/" : path) + query;
    }

    /// <summary>The page at <paramref name="path"/> (no query) in <paramref name="target"/>: "/?lang=en".</summary>
    public static string Href(string path, Language target)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return path + "?" + QueryName + "=" + target.ToCode();
    }
}
