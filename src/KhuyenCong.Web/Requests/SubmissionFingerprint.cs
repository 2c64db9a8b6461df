using System.Security.Cryptography;
using System.Text;

namespace KhuyenCong.Web.Requests;

/// <summary>
/// A SHA-256 of what a submission carries, field by field and file by file (name, file name, SHA-256 of the content),
/// in the order sent. It does not depend on how the body was framed: a browser sends the same form again with a new
/// multipart boundary, which must still count as the same body for its <c>Idempotency-Key</c>.
/// </summary>
public sealed class SubmissionFingerprint : IDisposable
{
    private readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    /// <param name="format">How the fields came ("json" or "multipart"): the same key with the other format is another body.</param>
    public SubmissionFingerprint(string format) => Add("format", format);

    public void AddField(string name, string? value) => Add(value is null ? "null" : "field", name, value ?? string.Empty);

    public void AddFile(string name, string? fileName, string sha256) => Add("file", name, fileName ?? string.Empty, sha256);

    /// <summary>The fingerprint as lower-case hex.</summary>
    public string Finish() => Convert.ToHexStringLower(hash.GetHashAndReset());

    public void Dispose() => hash.Dispose();

    private void Add(params string[] parts)
    {
        Span<byte> length = stackalloc byte[4];
        foreach (var part in parts)
        {
            var bytes = Encoding.UTF8.GetBytes(part);
            System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
            hash.AppendData(length);
            hash.AppendData(bytes);
        }
    }
}
