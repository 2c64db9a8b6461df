using KhuyenCong.Application.Appraisal;
using KhuyenCong.Application.Attachments;
using KhuyenCong.Application.Budgets;
using KhuyenCong.Application.Caps;
using KhuyenCong.Application.Health;
using KhuyenCong.Application.Proposals;
using KhuyenCong.Infrastructure.Appraisal;
using KhuyenCong.Infrastructure.Attachments;
using KhuyenCong.Infrastructure.Budgets;
using KhuyenCong.Infrastructure.Caps;
using KhuyenCong.Infrastructure.Proposals;
using KhuyenCong.Infrastructure.Email;
using KhuyenCong.Infrastructure.Health;
using KhuyenCong.Infrastructure.Storage;
using KhuyenCong.Infrastructure.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCong.Infrastructure;

public static class DependencyInjection
{
    /// <summary>Registers storage (Table and Blob clients on the <c>AzureWebJobsStorage</c> account), email, health and the budget ledger.</summary>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(_ => StorageAccount.FromConfiguration(configuration));
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<StorageAccountCheck>>(new StorageAccountValidation(configuration));
        services.AddOptions<StorageAccountCheck>().ValidateOnStart();
        services.AddSingleton<StorageOperationCounter>();
        services.AddSingleton(sp => sp.GetRequiredService<StorageAccount>().CreateTableServiceClient(counter: sp.GetRequiredService<StorageOperationCounter>()));
        services.AddSingleton(sp => sp.GetRequiredService<StorageAccount>().CreateBlobServiceClient(counter: sp.GetRequiredService<StorageOperationCounter>()));
        services.AddSingleton<StorageTables>();
        services.AddSingleton<IHealthProbe, HealthProbe>();
        services.AddSingleton<IProposalRepository, TableProposalRepository>();
        services.AddSingleton<IAttachmentStore, BlobAttachmentStore>();
        services.AddSingleton<ICapStore, TableCapStore>();
        services.AddSingleton<IIdempotencyStore, TableIdempotencyStore>();
        services.AddSingleton<IRubricStore, TableRubricStore>();
        services.AddSingleton<IReviewerRoster, TableReviewerRoster>();
        services.AddSingleton<IBudgetLedger, TableBudgetLedger>();
        services.AddSingleton<KhuyenCong.Application.Workflow.IProposalCaseStore, Workflow.TableProposalCaseStore>();
        services.AddSingleton<KhuyenCong.Application.Email.IEmailLog, TableEmailLog>();
        services.AddSingleton<KhuyenCong.Application.Links.ILinkUseStore, Links.TableLinkUseStore>();
        services.AddEmail();
        services.AddKhuyenCongTelemetry(configuration);
        return services;
    }
}
