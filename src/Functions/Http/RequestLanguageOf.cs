using KhuyenCong.Domain.Text;
using Microsoft.AspNetCore.Http;

namespace KhuyenCong.Functions.Http;

/// <summary>The language of API messages: <c>?lang=en</c> or a <c>lang</c> cookie, otherwise Vietnamese.</summary>
public static class RequestLanguageOf
{
    public static Language Api(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        string? code = request.Query["lang"];
        if (string.IsNullOrEmpty(code))
        {
            code = request.Cookies["lang"];
        }

        return LanguageCodes.Parse(code);
    }
}
