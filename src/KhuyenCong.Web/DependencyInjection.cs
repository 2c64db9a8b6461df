using KhuyenCong.Web.Rendering;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KhuyenCong.Web;

public static class DependencyInjection
{
    /// <summary>
    /// The page renderer. The host registers where its assets are served (<see cref="IAssetUrls"/>): the Functions
    /// app does, for both its hosts.
    /// </summary>
    public static IServiceCollection AddWeb(this IServiceCollection services)
    {
        services.AddLogging();
        services.TryAddSingleton<PageRenderer>();
        return services;
    }
}
