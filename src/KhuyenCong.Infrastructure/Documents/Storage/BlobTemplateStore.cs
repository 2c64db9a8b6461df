using Azure;
using Azure.Data.Tables;
using KhuyenCong.Application.Documents;

namespace KhuyenCong.Infrastructure.Documents.Storage;

/// <summary>
/// Uploaded templates: the file as blob <c>document-templates/{kind}/{sha256}.docx</c> (named by its content, written
/// first), then row <c>{kind}</c> of table <c>DocumentTemplates</c> pointing at it, which makes it current in one write.
/// Replaced files are deleted after the switch.
/// </summary>
public sealed class BlobTemplateStore(DocumentStorage storage) : ITemplateStore
{
    private const string Partition = "template";

    public async Task<StoredTemplate?> GetAsync(string kind, CancellationToken cancellationToken)
    {
        var table = await storage.Tables.TableAsync(DocumentStorage.TemplatesTable, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition, kind, cancellationToken: cancellationToken);
        if (!row.HasValue)
        {
            return null;
        }

        var sha = row.Value!.GetString("Sha256") ?? string.Empty;
        var blob = (await storage.TemplatesAsync(cancellationToken)).GetBlobClient(BlobName(kind, sha));
        try
        {
            var content = await blob.DownloadContentAsync(cancellationToken);
            return new StoredTemplate(content.Value.Content.ToArray(), sha, row.Value.GetString("UploadedBy") ?? string.Empty,
                row.Value.GetDateTimeOffset("UploadedAt") ?? default);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // The row outlived its file (a reset raced an upload): the shipped template applies.
            return null;
        }
    }

    public async Task SaveAsync(string kind, StoredTemplate template, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(template);
        var container = await storage.TemplatesAsync(cancellationToken);
        await container.GetBlobClient(BlobName(kind, template.Sha256)).UploadAsync(BinaryData.FromBytes(template.Content), overwrite: true, cancellationToken);
        var table = await storage.Tables.TableAsync(DocumentStorage.TemplatesTable, cancellationToken);
        await table.UpsertEntityAsync(new TableEntity(Partition, kind)
        {
            ["Sha256"] = template.Sha256,
            ["Size"] = (long)template.Content.Length,
            ["UploadedBy"] = template.UploadedBy,
            ["UploadedAt"] = template.UploadedAt,
        }, TableUpdateMode.Replace, cancellationToken);
        await DeleteFilesAsync(kind, keep: template.Sha256, cancellationToken);
    }

    public async Task DeleteAsync(string kind, CancellationToken cancellationToken)
    {
        var table = await storage.Tables.TableAsync(DocumentStorage.TemplatesTable, cancellationToken);
        try
        {
            await table.DeleteEntityAsync(Partition, kind, ETag.All, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // already the shipped template
        }

        await DeleteFilesAsync(kind, keep: null, cancellationToken);
    }

    private async Task DeleteFilesAsync(string kind, string? keep, CancellationToken cancellationToken)
    {
        var container = await storage.TemplatesAsync(cancellationToken);
        await foreach (var item in container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, kind + "/", cancellationToken))
        {
            if (keep is null || item.Name != BlobName(kind, keep))
            {
                await container.DeleteBlobIfExistsAsync(item.Name, cancellationToken: cancellationToken);
            }
        }
    }

    private static string BlobName(string kind, string sha256) => $"{kind}/{sha256}.docx";
}
