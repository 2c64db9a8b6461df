using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCong.Application;

public static class DependencyInjection
{
    /// <summary>Registers the application layer: use cases and the rules they apply.</summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<Options.KhuyenCongOptions>()
            .BindConfiguration(Options.KhuyenCongOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<Options.IntakeOptions>()
            .BindConfiguration(Options.IntakeOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<Links.LinksOptions>()
            .BindConfiguration(Links.LinksOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<Links.LinksOptions>, Links.LinksOptionsValidation>();
        services.AddSingleton<Links.LinkService>();
        services.AddSingleton<Proposals.ProposalIntake>();
        services.AddSingleton<Proposals.ProposalTracking>();
        services.AddOptions<Email.EmailOptions>()
            .BindConfiguration(Email.EmailOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<Email.OnceOnlyEmailSender>();
        services.AddSingleton<Appraisal.IReviewerAssigner, Appraisal.ReviewerAssigner>();
        return services;
    }
}
