using KhuyenCong.Domain.Text;
using Microsoft.AspNetCore.Components;

namespace KhuyenCong.Web.Rendering;

/// <summary>
/// The base of every component of the site: the page's <see cref="PageContext"/> (cascaded by
/// <see cref="PageRenderer"/>) and <c>T("…", "…")</c> for a text in the request's language.
/// </summary>
public abstract class WebComponent : ComponentBase
{
    [CascadingParameter]
    public PageContext Page { get; set; } = null!;

    /// <summary>The language chosen for the request.</summary>
    protected Language Language => Page.Language;

    /// <summary>The text in the request's language.</summary>
    protected string T(string vietnamese, string english) => Page.T(vietnamese, english);

    /// <summary>The text in the request's language.</summary>
    protected string T(Bilingual text) => Page.T(text);
}

/// <summary>A page: a <see cref="WebComponent"/> with its view model, rendered by <see cref="PageRenderer.PageAsync{TPage, TModel}"/>.</summary>
/// <typeparam name="TModel">What the page shows, prepared by the function (no service calls in pages).</typeparam>
public abstract class PageComponent<TModel> : WebComponent
{
    [Parameter, EditorRequired]
    public TModel Model { get; set; } = default!;
}
