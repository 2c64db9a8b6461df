using KhuyenCong.Domain.Text;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCong.Web.Rendering;

/// <summary>
/// A page rendered when the response is written, for code that answers synchronously (a helper returning
/// <see cref="IActionResult"/>): the same response as <see cref="PageRenderer.PageAsync{TPage}"/>, with the
/// <see cref="PageRenderer"/> of the request's services. Code that can await uses the renderer directly.
/// </summary>
/// <typeparam name="TPage">The page component.</typeparam>
public sealed class PageResult<TPage>(Language language, IReadOnlyDictionary<string, object?>? parameters, PageOptions? options = null) : IActionResult
    where TPage : IComponent
{
    public Language Language { get; } = language;

    public IReadOnlyDictionary<string, object?>? Parameters { get; } = parameters;

    public PageOptions Options { get; } = options ?? PageOptions.Standard;

    public async Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var renderer = context.HttpContext.RequestServices.GetRequiredService<PageRenderer>();
        var page = await renderer.PageAsync<TPage>(context.HttpContext.Request, Language, Parameters, Options);
        await page.ExecuteResultAsync(context);
    }
}

/// <summary>Creates <see cref="PageResult{TPage}"/>s.</summary>
public static class PageResult
{
    /// <summary>The page <typeparamref name="TPage"/>, which takes no parameter.</summary>
    public static PageResult<TPage> For<TPage>(Language language, PageOptions? options = null)
        where TPage : IComponent => new(language, null, options);

    /// <summary>The page <typeparamref name="TPage"/> with <paramref name="model"/> as its <c>Model</c>.</summary>
    public static PageResult<TPage> For<TPage, TModel>(Language language, TModel model, PageOptions? options = null)
        where TPage : PageComponent<TModel> =>
        new(language, new Dictionary<string, object?> { [nameof(PageComponent<TModel>.Model)] = model }, options);
}
