using KhuyenCong.Domain.Text;

namespace KhuyenCong.Web.Rendering;

/// <summary>
/// What every component of one page may read, cascaded from the root by <see cref="PageRenderer"/>: the language
/// chosen once for the request, the address of the same page in the other language, and the asset URLs.
/// </summary>
public sealed class PageContext
{
    public required Language Language { get; init; }

    /// <summary>The same page in <see cref="OtherLanguage"/> (path and query kept), for the header's switch.</summary>
    public required string LanguageSwitchHref { get; init; }

    public required IAssetUrls Assets { get; init; }

    /// <summary>The Centre named in the header and footer; null when the settings are not there (then a general line).</summary>
    public AgencyContact? Agency { get; init; }
    /// <summary>
    /// On a staff page (its path under <c>/staff</c>, <c>/dashboard</c> or <c>/reports</c>), where it is and how its
    /// links keep the language and LocalHost's key: the layout then shows the staff navigation. Null elsewhere.
    /// </summary>
    public StaffArea? Staff { get; init; }

    /// <summary>The language the header's switch offers.</summary>
    public Language OtherLanguage => Language == Language.English ? Language.Vietnamese : Language.English;

    /// <summary>The text in the page's language.</summary>
    public string T(string vietnamese, string english) => Language == Language.English ? english : vietnamese;

    /// <summary>The text in the page's language.</summary>
    public string T(Bilingual text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.In(Language);
    }
}
