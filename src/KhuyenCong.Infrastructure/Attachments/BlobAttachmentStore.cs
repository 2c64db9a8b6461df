using System.Security.Cryptography;
using Azure;
using Azure.Storage;
using Azure.Storage.Blobs.Models;
using KhuyenCong.Application.Attachments;
using KhuyenCong.Infrastructure.Storage;

namespace KhuyenCong.Infrastructure.Attachments;

/// <summary>
/// Attachments as block blobs under <c>attachments/{proposalId}/{attachmentId}</c>, uploaded in 4 MiB blocks straight
/// from the request stream (never a whole file in memory), with size and SHA-256 computed on the way.
/// </summary>
public sealed class BlobAttachmentStore(StorageTables storage) : IAttachmentStore
{
    private static readonly StorageTransferOptions Transfer = new()
    {
        InitialTransferSize = 4 * 1024 * 1024,
        MaximumTransferSize = 4 * 1024 * 1024,
        MaximumConcurrency = 1,
    };

    public async Task<StoredAttachment> UploadAsync(string proposalId, string attachmentId, Stream content, string contentType, string fileName, CancellationToken cancellationToken)
    {
        var container = await storage.AttachmentsAsync(cancellationToken);
        var blob = container.GetBlobClient(BlobName(proposalId, attachmentId));
        using var hashing = new HashingReadStream(content);
        try
        {
            await blob.UploadAsync(hashing, new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders
                {
                    ContentType = contentType,
                    ContentDisposition = new System.Net.Mime.ContentDisposition("attachment") { FileName = fileName }.ToString(),
                },
                Metadata = new Dictionary<string, string> { ["proposalid"] = proposalId },
                TransferOptions = Transfer,
            }, cancellationToken);
        }
        catch
        {
            // Blocks staged before the failure are never committed; a committed blob is removed.
            await blob.DeleteIfExistsAsync(cancellationToken: CancellationToken.None);
            throw;
        }

        return new StoredAttachment(hashing.BytesRead, hashing.HashHex());
    }

    public async Task<Stream> OpenReadAsync(string proposalId, string attachmentId, CancellationToken cancellationToken)
    {
        var container = await storage.AttachmentsAsync(cancellationToken);
        return await container.GetBlobClient(BlobName(proposalId, attachmentId)).OpenReadAsync(cancellationToken: cancellationToken);
    }

    public async Task DeleteAsync(string proposalId, string attachmentId, CancellationToken cancellationToken)
    {
        var container = await storage.AttachmentsAsync(cancellationToken);
        await container.GetBlobClient(BlobName(proposalId, attachmentId)).DeleteIfExistsAsync(cancellationToken: cancellationToken);
    }

    public async Task DeleteAllAsync(string proposalId, CancellationToken cancellationToken)
    {
        var container = await storage.AttachmentsAsync(cancellationToken);
        await foreach (var item in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, proposalId + "/", cancellationToken))
        {
            try
            {
                await container.DeleteBlobIfExistsAsync(item.Name, DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken);
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                // already gone
            }
        }
    }

    public async Task<IReadOnlyList<string>> ListAsync(string proposalId, CancellationToken cancellationToken)
    {
        var container = await storage.AttachmentsAsync(cancellationToken);
        var names = new List<string>();
        await foreach (var item in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, proposalId + "/", cancellationToken))
        {
            names.Add(item.Name);
        }

        return names;
    }

    private static string BlobName(string proposalId, string attachmentId) => $"{proposalId}/{attachmentId}";

    /// <summary>A read-only pass-through stream that counts and hashes what is read.</summary>
    private sealed class HashingReadStream(Stream inner) : Stream
    {
        private readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        public long BytesRead { get; private set; }

        public string HashHex() => Convert.ToHexStringLower(hash.GetHashAndReset());

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var read = inner.Read(buffer);
            Account(buffer[..read]);
            return read;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await inner.ReadAsync(buffer, cancellationToken);
            Account(buffer.Span[..read]);
            return read;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private void Account(ReadOnlySpan<byte> data)
        {
            hash.AppendData(data);
            BytesRead += data.Length;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                hash.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
