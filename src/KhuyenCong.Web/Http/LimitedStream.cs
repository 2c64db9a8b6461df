
namespace KhuyenCong.Web.Http;

/// <summary>
/// The bytes already read, then the rest of a request's part, failing once more than the limit has passed. A failure
/// of the request body underneath (cut off, malformed) surfaces as <see cref="ClientBodyException"/>, so that a storage
/// upload reading this stream cannot make it look like a storage outage.
/// </summary>
internal sealed class LimitedStream(byte[] head, int headLength, Stream rest, long limit, Func<Exception> tooLarge) : Stream
{
    private int headPosition;
    private long total;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => total; set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        int read;
        if (headPosition < headLength)
        {
            read = Math.Min(buffer.Length, headLength - headPosition);
            head.AsMemory(headPosition, read).CopyTo(buffer);
            headPosition += read;
        }
        else
        {
            try
            {
                read = await rest.ReadAsync(buffer, cancellationToken);
            }
            catch (Exception ex) when (ex is IOException or InvalidDataException && ex is not ClientBodyException)
            {
                throw new ClientBodyException("The request body failed while a file was read.", ex);
            }
        }

        total += read;
        return total > limit ? throw tooLarge() : read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count).GetAwaiter().GetResult();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
