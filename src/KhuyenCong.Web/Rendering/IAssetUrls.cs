namespace KhuyenCong.Web.Rendering;

/// <summary>
/// Where the site's style sheet and scripts are served, with their version ("/assets/site.css?v=…"). The Functions app
/// serves them (its <c>StaticAssets</c>) and registers the implementation; pages name an asset by its file name.
/// </summary>
public interface IAssetUrls
{
    /// <summary>The URL of the asset named <paramref name="name"/> ("site.css", "form.js"); unknown names throw.</summary>
    string Url(string name);
}
