using System.Text.Json;

namespace KhuyenCong.Web.Http;

/// <summary>Reading JSON strings that may not be text at all.</summary>
public static class JsonText
{
    /// <summary>
    /// The string's value; false for a string that cannot be text (JSON allows an escaped lone surrogate such as
    /// <c>"\ud800"</c>, which no UTF-16 or UTF-8 text can hold: <see cref="JsonElement.GetString"/> throws on it).
    /// </summary>
    public static bool TryGetString(JsonElement element, out string? text)
    {
        try
        {
            text = element.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            text = null;
            return false;
        }
    }
}
