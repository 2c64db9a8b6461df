using KhuyenCong.Application;
using KhuyenCong.Application.Documents;
using KhuyenCong.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCong.UnitTests.Documents;

/// <summary>
/// The application's own registrations (application and infrastructure layers) with settings for one machine; nothing
/// here connects to storage until a store is used, and the document tests use none.
/// </summary>
internal static class DocumentsTestServices
{
    public static ServiceProvider Create(IDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
            ["KhuyenCong:PublicBaseUrl"] = "https://khuyencong.example.gov.vn",
            ["Workflow:OfficerEmails"] = "can-bo@khuyencong.local",
            ["Workflow:DirectorEmail"] = "giam-doc@khuyencong.local",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        return new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddApplication()
            .AddInfrastructure(configuration)
            .BuildServiceProvider();
    }

    public static IDocumentKind Kind(this IServiceProvider services, string code) =>
        services.GetRequiredService<DocumentCatalog>().Find(code) ?? throw new ArgumentException("no kind " + code, nameof(code));
}
