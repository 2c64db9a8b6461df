using KhuyenCong.Application.Email;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Infrastructure.Email;

internal static class EmailServiceCollectionExtensions
{
    public static IServiceCollection AddEmail(this IServiceCollection services)
    {
        services.AddOptions<SendGridOptions>()
            .BindConfiguration(SendGridOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        // A send never outlives its claim on the send id (Email:ClaimLease), so the claim cannot be taken over mid-send.
        services.AddHttpClient(SendGridEmailSender.HttpClientName)
            .ConfigureHttpClient((sp, client) => client.Timeout = sp.GetRequiredService<IOptions<SendGridOptions>>().Value.Timeout);
        services.AddSingleton<IEmailSender, SendGridEmailSender>();
        return services;
    }
}
