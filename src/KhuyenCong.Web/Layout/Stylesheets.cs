namespace KhuyenCong.Web.Layout;

/// <summary>
/// The site's style sheets by area, linked by <see cref="SiteLayout"/> on every page in this order (later ones build
/// on earlier ones; print overrides the screen rules). Each is an asset of <c>src/Functions/Web/Assets</c>.
/// </summary>
public static class Stylesheets
{
    public static IReadOnlyList<string> Names { get; } = ["base.css", "forms.css", "staff.css", "dashboard.css", "components.css", "print.css"];
}
