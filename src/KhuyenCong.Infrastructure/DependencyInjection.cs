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
using KhuyenCong.Infrastructure.Email;
using KhuyenCong.Infrastructure.Health;
using KhuyenCong.Infrastructure.Proposals;
using KhuyenCong.Infrastructure.Storage;
using KhuyenCong.Infrastructure.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

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
        services.AddSingleton<TableProposalRepository>();
        services.TryAddSingleton<KhuyenCong.Application.Statistics.ITodayGeography, KhuyenCong.Application.Statistics.ReferenceDataGeography>();
        services.AddSingleton<KhuyenCong.Application.Statistics.IStatisticsStore, Statistics.TableStatisticsStore>();
        AddStatisticsKeepers(services);
        services.AddSingleton<IAttachmentStore, BlobAttachmentStore>();
        services.AddSingleton<ICapStore, TableCapStore>();
        services.AddSingleton<KhuyenCong.Application.Places.IReferenceMergeLog, Places.TableReferenceMergeLog>();
        services.AddSingleton<IIdempotencyStore, TableIdempotencyStore>();
        services.AddSingleton<IRateLimitStore, TableRateLimitStore>();
        services.AddSingleton<IRubricStore, TableRubricStore>();
        services.AddSingleton<IReviewerRoster, TableReviewerRoster>();
        services.AddSingleton<IBudgetLedger, TableBudgetLedger>();
        services.AddSingleton<KhuyenCong.Application.Workflow.IProposalCaseStore, Workflow.TableProposalCaseStore>();
        services.AddSingleton<KhuyenCong.Application.Exchange.ISpreadsheetFiles, Exchange.SpreadsheetFiles>();
        services.AddProgrammeStorage();
        services.AddSingleton<KhuyenCong.Application.Calls.ICallStore, Calls.TableCallStore>();
        services.AddSingleton<KhuyenCong.Application.Councils.ICouncilStore, Councils.TableCouncilStore>();
        services.AddSingleton<KhuyenCong.Application.Selection.ISelectionStore, Selection.TableSelectionStore>();
        services.AddSingleton<KhuyenCong.Application.Plans.IPlanChangeStore, Plans.TablePlanChangeStore>();
        services.AddSingleton<KhuyenCong.Application.Email.IEmailLog, TableEmailLog>();
        services.AddSingleton<KhuyenCong.Application.Links.ILinkUseStore, Links.TableLinkUseStore>();
        services.AddEmail();
        Documents.DocumentsInfrastructure.AddDocumentsInfrastructure(services);
        services.AddKhuyenCongTelemetry(configuration);
        return services;
    }

    /// <summary>
    /// The stores whose writes change a proposal's statistics, each wrapped so that the write refreshes them: the
    /// proposal record (docs/decisions/0008-statistics-by-contribution-deltas.md) and its listed payments, whose days
    /// date the money in the payment cells (ADR 0029).
    /// </summary>
    private static void AddStatisticsKeepers(IServiceCollection services)
    {
        services.AddSingleton<IProposalRepository>(sp => new Statistics.StatisticsUpdatingProposalRepository(
            sp.GetRequiredService<TableProposalRepository>(),
            sp.GetRequiredService<KhuyenCong.Application.Statistics.IStatisticsStore>(),
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<Statistics.StatisticsUpdatingProposalRepository>>()));
        services.AddSingleton<TableProposalPayments>();
        services.AddSingleton<IProposalPayments>(sp => new Statistics.StatisticsUpdatingProposalPayments(
            sp.GetRequiredService<TableProposalPayments>(),
            sp.GetRequiredService<KhuyenCong.Application.Statistics.IStatisticsStore>(),
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<Statistics.StatisticsUpdatingProposalPayments>>()));
    }

    /// <summary>Programmes, annual plans, the programme view of the year index and the commune lists.</summary>
    public static IServiceCollection AddProgrammeStorage(this IServiceCollection services)
    {
        services.AddSingleton<KhuyenCong.Application.Programmes.IProgrammeStore, Programmes.TableProgrammeStore>();
        services.AddSingleton<KhuyenCong.Application.Programmes.IProgrammeProposalIndex, Programmes.TableProgrammeProposalIndex>();
        services.AddSingleton<KhuyenCong.Application.Plans.IAnnualPlanStore, Programmes.TableAnnualPlanStore>();
        services.AddSingleton<KhuyenCong.Application.Geography.ICommuneStore, Geography.TableCommuneStore>();
        return services;
    }
}
