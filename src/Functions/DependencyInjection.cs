using KhuyenCong.Application;
using KhuyenCong.Functions.Proposals;
using KhuyenCong.Functions.Web;
using KhuyenCong.Infrastructure;
using KhuyenCong.Web;
using KhuyenCong.Web.Answers;
using KhuyenCong.Web.Http;
using KhuyenCong.Web.Pages.Links;
using KhuyenCong.Web.Pages.NewProposal;
using KhuyenCong.Web.Pages.Staff;
using KhuyenCong.Web.Rendering;
using KhuyenCong.Web.Requests;
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
        services.AddTransient<Microsoft.AspNetCore.Hosting.IStartupFilter, SecurityHeadersStartupFilter>();
        services.AddSingleton<SameOrigin>();
        services.AddSingleton<StaffFormTokens>();
        services.AddSingleton<StaffEndpoint>();
        services.AddSingleton<FormPartsReader>();
        services.AddWeb();
        services.AddSingleton<IAssetUrls, EmbeddedAssetUrls>();
        services.AddSingleton<ProposalRequestReader>();
        services.AddSingleton<ProposalFormPages>();
        services.AddSingleton<BrowserAnswers>();
        services.AddSingleton<IOutageClassifier, Http.StorageOutageClassifier>();
        services.AddSingleton<ProposalSubmissions>();
        services.AddSingleton<BulkAnswers>();
        services.AddSingleton<StaffProposalPages>();
        services.AddSingleton<IStaffActionPages>(sp => sp.GetRequiredService<StaffProposalPages>());
        services.AddSingleton<TrackingThrottle>();
        services.AddSingleton<TrackLookupPages>();
        services.AddSingleton<BulkProposalActions>();
        services.AddSingleton<CallPlanPages>();
        services.AddSingleton<CycleStaffPages>();
        services.AddSingleton<PlanningStaffPages>();
        services.AddSingleton<PlanChangePages>();
        services.AddSingleton<LinkPages>();
        services.AddSingleton<LinkOpener>();
        services.AddSingleton<SelectionLinkPages>();
        services.AddSingleton<LinkUploads>();
        services.AddSingleton<ILinkPage, WithdrawLinkPage>();
        services.AddSingleton<ILinkPage, ReviewLinkPage>();
        services.AddSingleton<ILinkPage, ApprovalLinkPage>();
        services.AddSingleton<ILinkPage, RevisionLinkPage>();
        services.AddSingleton<ILinkPage, ReportLinkPage>();
        return services;
    }
}
