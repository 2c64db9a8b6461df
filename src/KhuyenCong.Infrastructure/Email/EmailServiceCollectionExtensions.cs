using KhuyenCong.Application.Email;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCong.Infrastructure.Email;

internal static class EmailServiceCollectionExtensions
{
    public static IServiceCollection AddEmail(this IServiceCollection services)
    {
        services.AddOptions<SendGridOptions>()
            .BindConfiguration(SendGridOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddHttpClient(SendGridEmailSender.HttpClientName);
        services.AddSingleton<IEmailSender, SendGridEmailSender>();
        return services;
    }
}
