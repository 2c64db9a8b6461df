using Azure.Storage.Blobs;
using KhuyenCong.Infrastructure.Storage;

namespace KhuyenCong.Infrastructure.Documents.Storage;

/// <summary>
/// Where documents live (docs/storage.md): generated documents and their signed scans in container <c>documents</c>
/// under <c>{proposalId}/</c>, uploaded templates in container <c>document-templates</c>; their records in tables
/// <c>ProposalDocuments</c> (partition: the proposal), <c>DocumentTemplates</c> and <c>DocumentNumbers</c>.
/// Containers and tables are created the first time they are used.
/// </summary>
public sealed class DocumentStorage(BlobServiceClient blobs, StorageTables tables)
{
    public const string DocumentsContainer = "documents";
    public const string TemplatesContainer = "document-templates";
    public const string DocumentsTable = "ProposalDocuments";
    public const string TemplatesTable = "DocumentTemplates";
    public const string NumbersTable = "DocumentNumbers";

    private readonly Lazy<Task<BlobContainerClient>> documents = new(() => CreateAsync(blobs, DocumentsContainer));
    private readonly Lazy<Task<BlobContainerClient>> templates = new(() => CreateAsync(blobs, TemplatesContainer));

    public StorageTables Tables => tables;

    public Task<BlobContainerClient> DocumentsAsync(CancellationToken cancellationToken) => documents.Value.WaitAsync(cancellationToken);

    public Task<BlobContainerClient> TemplatesAsync(CancellationToken cancellationToken) => templates.Value.WaitAsync(cancellationToken);

    private static async Task<BlobContainerClient> CreateAsync(BlobServiceClient blobs, string name)
    {
        var container = blobs.GetBlobContainerClient(name);
        await container.CreateIfNotExistsAsync();
        return container;
    }
}
