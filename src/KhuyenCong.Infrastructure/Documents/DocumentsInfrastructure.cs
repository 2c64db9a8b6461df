using KhuyenCong.Application.Documents;
using KhuyenCong.Application.Reports;
using KhuyenCong.Infrastructure.Documents.Docx;
using KhuyenCong.Infrastructure.Documents.Pdf;
using KhuyenCong.Infrastructure.Documents.Storage;
using KhuyenCong.Infrastructure.Documents.Templates;
using KhuyenCong.Infrastructure.Reports;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCong.Infrastructure.Documents;

public static class DocumentsInfrastructure
{
    /// <summary>The document engine's adapters: DOCX templates (OpenXML SDK), the shipped templates, the PDF receipt, storage.</summary>
    public static IServiceCollection AddDocumentsInfrastructure(this IServiceCollection services)
    {
        services.AddSingleton<IDocxTemplates, DocxTemplates>();
        services.AddSingleton<IShippedTemplate, ReceiptTemplate>();
        services.AddSingleton<IShippedTemplate, ContractTemplate>();
        services.AddSingleton<IShippedTemplate, AcceptanceMinutesTemplate>();
        services.AddSingleton<IShippedTemplate, LiquidationTemplate>();
        services.AddSingleton<IShippedTemplate, CouncilDecisionTemplate>();
        services.AddSingleton<IShippedTemplate, CouncilMinutesTemplate>();
        services.AddSingleton<IShippedTemplate, SelectionSubmissionTemplate>();
        services.AddSingleton<IShippedTemplate, PlanDecisionTemplate>();
        services.AddSingleton<IShippedTemplate, PeriodicReportTemplate>();
        services.AddSingleton<IReportWorkbook, ReportWorkbook>();
        services.AddSingleton<IShippedTemplates, ShippedTemplates>();
        services.AddSingleton<IReceiptPdf, ReceiptPdf>();
        services.AddSingleton<DocumentStorage>();
        services.AddSingleton<IGeneratedDocumentStore, BlobGeneratedDocumentStore>();
        services.AddSingleton<ITemplateStore, BlobTemplateStore>();
        services.AddSingleton<IDocumentNumbers, TableDocumentNumbers>();
        return services;
    }
}
