using KhuyenCong.Application;
using KhuyenCong.Functions.Proposals;
using KhuyenCong.Functions.Web;
using KhuyenCong.Infrastructure;
using KhuyenCong.Web;
using KhuyenCong.Web.Rendering;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCong.Functions;

public static class DependencyInjection
{
    /// <summary>
    /// Everything the functions need, registered once for both hosts: the Azure Functions worker (Program.cs) and
    /// LocalHost, which runs these same functions on one machine.
    /// </summary>
    public static IServiceCollection AddKhuyenCongFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddApplication();
        services.AddInfrastructure(configuration);
        // nosniff (and HSTS over HTTPS) on every response, in the Functions worker's pipeline and LocalHost's alike.
        services.AddTransient<Microsoft.AspNetCore.Hosting.IStartupFilter, Http.SecurityHeadersStartupFilter>();
        services.AddSingleton<Http.SameOrigin>();
        services.AddSingleton<Http.StaffFormTokens>();
        services.AddSingleton<Http.StaffEndpoint>();
        services.AddSingleton<FormPartsReader>();
        services.AddWeb();
        services.AddSingleton<IAssetUrls, EmbeddedAssetUrls>();
        services.AddSingleton<ProposalRequestReader>();
        services.AddSingleton<ProposalFormPages>();
        services.AddSingleton<BrowserAnswers>();
        services.AddSingleton<TrackingThrottle>();
        services.AddSingleton<Links.LinkPages>();
        services.AddSingleton<Selection.CallPlanPages>();
        services.AddSingleton<Links.LinkUploads>();
        services.AddSingleton<Links.ILinkPage, Links.WithdrawLinkPage>();
        services.AddSingleton<Links.ILinkPage, Links.ReviewLinkPage>();
        services.AddSingleton<Links.ILinkPage, Links.ApprovalLinkPage>();
        services.AddSingleton<Links.ILinkPage, Links.RevisionLinkPage>();
        services.AddSingleton<Links.ILinkPage, Links.ReportLinkPage>();
        return services;
    }
}
