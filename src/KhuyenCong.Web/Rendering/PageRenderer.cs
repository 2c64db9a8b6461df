using System.Text.Encodings.Web;
using System.Text.Unicode;
using KhuyenCong.Domain.Text;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace KhuyenCong.Web.Rendering;

/// <summary>
/// Renders a page component to a response: <c>text/html; charset=utf-8</c> with the security and caching headers of
/// <see cref="PageOptions"/>. Each rendering has its own <see cref="HtmlRenderer"/> (created and disposed around it,
/// which costs less than a shared one's dispatcher queue and never keeps the components alive: ADR 0012), so the
/// service is a singleton safe to call from any number of requests at once. Everything is encoded by the renderer,
/// with Vietnamese letters left readable ("Hưng Yên", not "H&amp;#x1B0;ng").
/// </summary>
public sealed class PageRenderer
{
    /// <summary>Encodes for HTML text and attributes, leaving every letter readable; &lt; &gt; &amp; &quot; ' are always encoded.</summary>
    public static HtmlEncoder Encoder { get; } = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly RendererServices services;
    private readonly ILoggerFactory loggerFactory;
    private readonly IAssetUrls assets;
    private readonly AgencyContact? agency;

    public PageRenderer(IServiceProvider services, IAssetUrls assets, ILoggerFactory loggerFactory)
    {
        this.services = new RendererServices(services);
        agency = services.GetService(typeof(Microsoft.Extensions.Options.IOptions<Application.Documents.DocumentsOptions>))
            is Microsoft.Extensions.Options.IOptions<Application.Documents.DocumentsOptions> documents
            ? new AgencyContact(documents.Value.Centre.Name, documents.Value.Centre.Superior, documents.Value.Centre.Address, documents.Value.Centre.Phone)
            : null;
        this.assets = assets;
        this.loggerFactory = loggerFactory;
    }

    /// <summary>
    /// The page <typeparamref name="TPage"/> with <paramref name="model"/> as its <c>Model</c>, as a response (see
    /// <see cref="PageAsync{TPage}(HttpRequest, Language, IReadOnlyDictionary{string, object?}?, PageOptions?)"/>).
    /// </summary>
    public Task<ContentResult> PageAsync<TPage, TModel>(HttpRequest request, Language language, TModel model, PageOptions? options = null)
        where TPage : PageComponent<TModel> =>
        PageAsync<TPage>(request, language, new Dictionary<string, object?> { [nameof(PageComponent<TModel>.Model)] = model }, options);

    /// <summary>
    /// The page <typeparamref name="TPage"/> rendered with <paramref name="parameters"/> (by parameter name) in
    /// <paramref name="language"/>, as a response: the headers of <paramref name="options"/> (default
    /// <see cref="PageOptions.Standard"/>) are set on the request's response, the body and status are in the result.
    /// </summary>
    public async Task<ContentResult> PageAsync<TPage>(HttpRequest request, Language language,
        IReadOnlyDictionary<string, object?>? parameters = null, PageOptions? options = null)
        where TPage : IComponent
    {
        ArgumentNullException.ThrowIfNull(request);
        options ??= PageOptions.Standard;
        var other = language == Language.English ? Language.Vietnamese : Language.English;
        var context = new PageContext
        {
            Language = language,
            LanguageSwitchHref = options.LanguageSwitchPath is { } path ? LanguageSwitch.Href(path, other) : LanguageSwitch.Href(request, other),
            Assets = assets,
            Agency = agency,
            Staff = StaffArea.Of(request, language),
        };
        var html = await RenderAsync(typeof(TPage), context, parameters);
        var headers = request.HttpContext.Response.Headers;
        headers.ContentSecurityPolicy = options.ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = options.ReferrerPolicy;
        headers.CacheControl = options.CacheControl;
        headers.Vary = options.Vary;
        return new ContentResult { Content = html, ContentType = "text/html; charset=utf-8", StatusCode = options.StatusCode };
    }

    /// <summary>
    /// The HTML of <paramref name="component"/> (a whole page or a fragment, such as an email's body) with
    /// <paramref name="context"/> cascaded to it.
    /// </summary>
    public async Task<string> RenderAsync(Type component, PageContext context, IReadOnlyDictionary<string, object?>? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(component);
        ArgumentNullException.ThrowIfNull(context);
        var rootParameters = ParameterView.FromDictionary(new Dictionary<string, object?>
        {
            [nameof(PageRoot.Context)] = context,
            [nameof(PageRoot.Component)] = component,
            [nameof(PageRoot.Parameters)] = parameters?.ToDictionary(p => p.Key, p => p.Value!, StringComparer.Ordinal),
        });
        await using var renderer = new HtmlRenderer(services, loggerFactory);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var root = await renderer.RenderComponentAsync<PageRoot>(rootParameters);
            return root.ToHtmlString();
        });
    }

    /// <summary>The application's services, with this renderer's encoder in place of any other.</summary>
    private sealed class RendererServices(IServiceProvider inner) : IServiceProvider
    {
        public object? GetService(Type serviceType) =>
            serviceType == typeof(HtmlEncoder) ? Encoder : inner.GetService(serviceType);
    }
}
