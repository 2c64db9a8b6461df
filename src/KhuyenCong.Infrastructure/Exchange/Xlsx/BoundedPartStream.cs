using System.Text;
using KhuyenCong.Application.Exchange;

namespace KhuyenCong.Infrastructure.Exchange.Xlsx;

/// <summary>
/// An unpacking entry held to its declared size (already checked against the limits by <see cref="ZipDirectory"/>):
/// an entry that unpacks to more than it declared is damaged and stops at once, whatever it would have unpacked to.
/// Every read checks the cancellation token, so a cancelled request stops the XML reader within one buffer. The
/// first bytes are kept to tell a DTD from other XML errors.
/// </summary>
internal sealed class BoundedPartStream(Stream inner, string part, long declaredSize, CancellationToken cancellationToken) : Stream
{
    private const int PrologueBytes = 1024;
    private readonly byte[] prologue = new byte[PrologueBytes];
    private int prologueLength;
    private long total;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => total;
        set => throw new NotSupportedException();
    }

    /// <summary>True when the part's first bytes hold a document type declaration.</summary>
    public bool PrologueHasDoctype => Encoding.UTF8.GetString(prologue, 0, prologueLength).Contains("<!DOCTYPE", StringComparison.Ordinal);

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var read = inner.Read(buffer);
        if (prologueLength < PrologueBytes && read > 0)
        {
            var keep = Math.Min(read, PrologueBytes - prologueLength);
            buffer[..keep].CopyTo(prologue.AsSpan(prologueLength));
            prologueLength += keep;
        }

        total += read;
        if (total > declaredSize)
        {
            throw new SpreadsheetFormatException(new SpreadsheetProblem(SpreadsheetProblemKind.Damaged) { Part = part, Actual = total, Limit = declaredSize },
                "The part unpacks to more than its declared size.");
        }

        return read;
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
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
