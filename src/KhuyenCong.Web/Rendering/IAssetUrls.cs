namespace KhuyenCong.Web.Rendering;

/// <summary>
/// Where the site's style sheets and scripts are served, with their version ("/assets/base.css?v=…"). The Functions app
/// serves them (its <c>StaticAssets</c>) and registers the implementation; pages name an asset by its file name.
/// </summary>
public interface IAssetUrls
{
    /// <summary>The URL of the asset named <paramref name="name"/> ("base.css", "form.js"); unknown names throw.</summary>
    string Url(string name);
}
