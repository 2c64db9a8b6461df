using KhuyenCong.Domain.Attachments;

namespace KhuyenCong.Application.Attachments;

/// <summary>
/// A file already streamed to storage for a submission being processed; <see cref="Document"/> says which document of
/// the dossier it is (data/reference/documents.json), when the sender said so.
/// </summary>
public sealed record IncomingAttachment(string Id, string FileName, AttachmentKind Kind, long Size, string Sha256, DateTimeOffset UploadedAt)
{
    public string? Document { get; init; }
}
