using KhuyenCong.Application.Documents.Kinds;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Application.Documents;

public static class DocumentsServiceCollectionExtensions
{
    /// <summary>
    /// The document kinds (one registration each: docs/documents.md), their settings (validated at start) and the use
    /// cases. The engine's adapters (DOCX, PDF, storage) are the infrastructure's.
    /// </summary>
    public static IServiceCollection AddDocuments(this IServiceCollection services)
    {
        services.AddOptions<DocumentsOptions>()
            .BindConfiguration(DocumentsOptions.SectionName)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<DocumentsOptions>, DocumentsOptionsValidation>();
        services.AddSingleton<ReceiptDocument>();
        services.AddSingleton<IDocumentKind>(sp => sp.GetRequiredService<ReceiptDocument>());
        services.AddSingleton<IDocumentKind, ContractDocument>();
        services.AddSingleton<IDocumentKind, AcceptanceMinutesDocument>();
        services.AddSingleton<IDocumentKind, LiquidationDocument>();
        services.AddSingleton<IDocumentKind, CouncilDecisionDocument>();
        services.AddSingleton<IDocumentKind, CouncilMinutesDocument>();
        services.AddSingleton<IDocumentKind, SelectionSubmissionDocument>();
        services.AddSingleton<IDocumentKind, PlanDecisionDocument>();
        services.AddSingleton<Reports.PeriodicReportDocument>();
        services.AddSingleton<IDocumentKind>(sp => sp.GetRequiredService<Reports.PeriodicReportDocument>());
        services.AddSingleton<DocumentCatalog>();
        services.AddSingleton<TemplateValidation>();
        services.AddSingleton<DocumentTemplates>();
        services.AddSingleton<ProposalDocuments>();
        services.AddSingleton<CycleDocuments>();
        services.AddSingleton<DocumentGeneration>();
        services.AddSingleton<SignedScanUpload>();
        services.AddSingleton<ReceiptPdfs>();
        services.AddSingleton<Reports.PeriodicReports>();
        return services;
    }
}
