using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCong.Application;

public static class DependencyInjection
{
    /// <summary>Registers the application layer: use cases and the rules they apply.</summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        return services;
    }
}
