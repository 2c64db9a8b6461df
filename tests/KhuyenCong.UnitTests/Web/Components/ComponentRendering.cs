using KhuyenCong.Domain.Text;
using KhuyenCong.Web;
using KhuyenCong.Web.Rendering;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCong.UnitTests.Web.Components;

/// <summary>The real renderer (HtmlRenderer, as the app registers it) for component and page tests.</summary>
internal static class ComponentRendering
{
    public sealed class Assets : IAssetUrls
    {
        public string Url(string name) => "/assets/" + name + "?v=test";
    }

    public static ServiceProvider Services()
    {
        var services = new ServiceCollection();
        services.AddWeb();
        services.AddSingleton<IAssetUrls, Assets>();
        services.AddMvcCore();
        return services.BuildServiceProvider();
    }

    public static PageRenderer Renderer { get; } = Services().GetRequiredService<PageRenderer>();

    /// <summary>The HTML of one component with its parameters, in a page of <paramref name="language"/>.</summary>
    public static Task<string> RenderAsync<TComponent>(Language language, params (string Name, object? Value)[] parameters)
        where TComponent : IComponent =>
        Renderer.RenderAsync(typeof(TComponent), Context(language), parameters.ToDictionary(p => p.Name, p => p.Value));

    public static PageContext Context(Language language) =>
        new() { Language = language, LanguageSwitchHref = "/?lang=" + (language == Language.English ? "vi" : "en"), Assets = new Assets() };

    /// <summary>A fragment of fixed markup, for a component's RenderFragment parameters.</summary>
    public static RenderFragment Markup(string html) => builder => builder.AddMarkupContent(0, html);

    /// <summary>A fragment of text (encoded by the renderer).</summary>
    public static RenderFragment Text(string text) => builder => builder.AddContent(0, text);
}
