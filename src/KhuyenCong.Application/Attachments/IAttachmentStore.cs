namespace KhuyenCong.Application.Attachments;

/// <summary>What the store recorded about an uploaded file.</summary>
public sealed record StoredAttachment(long Size, string Sha256);

/// <summary>Attachments in Blob Storage, under their proposal.</summary>
public interface IAttachmentStore
{
    /// <summary>
    /// Streams <paramref name="content"/> to storage without holding it in memory, computing its size and SHA-256.
    /// The stream may throw (for example when a size limit is passed): nothing is then left in storage for this file.
    /// </summary>
    Task<StoredAttachment> UploadAsync(string proposalId, string attachmentId, Stream content, string contentType, string fileName, CancellationToken cancellationToken);

    /// <summary>A seekable read stream (for checking a document's structure, or for download).</summary>
    Task<Stream> OpenReadAsync(string proposalId, string attachmentId, CancellationToken cancellationToken);

    /// <summary>Deletes one file (nothing happens when it is not there).</summary>
    Task DeleteAsync(string proposalId, string attachmentId, CancellationToken cancellationToken);

    /// <summary>Deletes every file of the proposal (when a submission is rejected or abandoned).</summary>
    Task DeleteAllAsync(string proposalId, CancellationToken cancellationToken);

    /// <summary>The names of the proposal's files in storage (tests and consistency checks).</summary>
    Task<IReadOnlyList<string>> ListAsync(string proposalId, CancellationToken cancellationToken);
}
