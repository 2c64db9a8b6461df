using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;
using KhuyenCong.Application.Documents;

namespace KhuyenCong.Infrastructure.Documents.Storage;

/// <summary>
/// Generated documents: the file as blob <c>documents/{subjectKey}/{documentId}.docx</c> (its signed scan
/// <c>…/{documentId}-signed</c>; the key is the proposal's id, or <c>call-{id}</c>, <c>council-{id}</c>: <see cref="DocumentSubjects"/>),
/// written first; then the record, row <c>{documentId}</c> of the subject's partition in
/// table <c>ProposalDocuments</c>. A record is only ever written after its file, so every listed document can be
/// downloaded; a file whose record write failed is deleted.
/// </summary>
public sealed class BlobGeneratedDocumentStore(DocumentStorage storage) : IGeneratedDocumentStore
{
    public async Task SaveAsync(GeneratedDocument document, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var blob = (await storage.DocumentsAsync(cancellationToken)).GetBlobClient(FileBlob(document));
        await blob.UploadAsync(BinaryData.FromBytes(content), new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = ProposalDocuments.DocxContentType },
        }, cancellationToken);
        try
        {
            var table = await storage.Tables.TableAsync(DocumentStorage.DocumentsTable, cancellationToken);
            await table.AddEntityAsync(Write(document), cancellationToken);
        }
        catch
        {
            await blob.DeleteIfExistsAsync(cancellationToken: CancellationToken.None);
            throw;
        }
    }

    public async Task<IReadOnlyList<GeneratedDocument>> ListAsync(string subjectKey, CancellationToken cancellationToken)
    {
        var table = await storage.Tables.TableAsync(DocumentStorage.DocumentsTable, cancellationToken);
        var list = new List<GeneratedDocument>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {subjectKey}"), cancellationToken: cancellationToken))
        {
            list.Add(Read(row));
        }

        return list.OrderByDescending(d => d.GeneratedAt).ToList();
    }

    public async Task<GeneratedDocument?> GetAsync(string subjectKey, string documentId, CancellationToken cancellationToken)
    {
        var table = await storage.Tables.TableAsync(DocumentStorage.DocumentsTable, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(subjectKey, documentId, cancellationToken: cancellationToken);
        return row.HasValue ? Read(row.Value!) : null;
    }

    public async Task<Stream> OpenAsync(GeneratedDocument document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        return await (await storage.DocumentsAsync(cancellationToken)).GetBlobClient(FileBlob(document)).OpenReadAsync(cancellationToken: cancellationToken);
    }

    public async Task<GeneratedDocument> SaveSignedAsync(GeneratedDocument document, SignedScan scan, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(scan);
        var blob = (await storage.DocumentsAsync(cancellationToken)).GetBlobClient(ScanBlob(document));
        await blob.UploadAsync(BinaryData.FromBytes(content), new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = scan.ContentType },
        }, cancellationToken);
        var updated = document with { Signed = scan };
        var table = await storage.Tables.TableAsync(DocumentStorage.DocumentsTable, cancellationToken);
        await table.UpsertEntityAsync(Write(updated), TableUpdateMode.Replace, cancellationToken);
        return updated;
    }

    public async Task<Stream> OpenSignedAsync(GeneratedDocument document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        return await (await storage.DocumentsAsync(cancellationToken)).GetBlobClient(ScanBlob(document)).OpenReadAsync(cancellationToken: cancellationToken);
    }

    private static string FileBlob(GeneratedDocument document) => $"{document.SubjectKey}/{document.Id}.docx";

    private static string ScanBlob(GeneratedDocument document) => $"{document.SubjectKey}/{document.Id}-signed";

    private static TableEntity Write(GeneratedDocument d)
    {
        var row = new TableEntity(d.SubjectKey, d.Id)
        {
            ["Kind"] = d.Kind,
            ["Number"] = d.Number,
            ["Date"] = d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["FileName"] = d.FileName,
            ["Size"] = d.Size,
            ["Sha256"] = d.Sha256,
            ["GeneratedBy"] = d.GeneratedBy,
            ["GeneratedAt"] = d.GeneratedAt,
            ["TemplateSource"] = d.TemplateSource,
        };
        if (d.Signed is { } s)
        {
            row["SignedFileName"] = s.FileName;
            row["SignedContentType"] = s.ContentType;
            row["SignedSize"] = s.Size;
            row["SignedSha256"] = s.Sha256;
            row["SignedBy"] = s.UploadedBy;
            row["SignedAt"] = s.UploadedAt;
        }

        return row;
    }

    private static GeneratedDocument Read(TableEntity row)
    {
        var signed = row.GetString("SignedFileName") is { } name
            ? new SignedScan(name, row.GetString("SignedContentType") ?? "application/octet-stream", row.GetInt64("SignedSize") ?? 0,
                row.GetString("SignedSha256") ?? string.Empty, row.GetString("SignedBy") ?? string.Empty, row.GetDateTimeOffset("SignedAt") ?? default)
            : null;
        return new GeneratedDocument(
            row.RowKey, row.PartitionKey, row.GetString("Kind") ?? string.Empty, row.GetString("Number") ?? string.Empty,
            DateOnly.ParseExact(row.GetString("Date") ?? "2000-01-01", "yyyy-MM-dd", CultureInfo.InvariantCulture),
            row.GetString("FileName") ?? row.RowKey + ".docx", row.GetInt64("Size") ?? 0, row.GetString("Sha256") ?? string.Empty,
            row.GetString("GeneratedBy") ?? string.Empty, row.GetDateTimeOffset("GeneratedAt") ?? default, row.GetString("TemplateSource") ?? string.Empty,
            signed);
    }
}
