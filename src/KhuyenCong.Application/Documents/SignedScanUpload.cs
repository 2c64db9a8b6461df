using System.Security.Cryptography;
using KhuyenCong.Application.Common;
using KhuyenCong.Domain.Attachments;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Application.Documents;

/// <summary>
/// Uploading the signed scan of a generated document (a use case, ADR 0013): not found for an unknown document;
/// invalid on <c>file</c> unless the content is a PDF, JPEG or PNG by the dossier attachments' own rules
/// (<see cref="OfficeDocumentInspection.InspectFile"/>, the gate that also decides macros and OLE); else stored next to
/// the document as "{its file name}-da-ky.pdf|.jpg|.png", replacing an earlier scan. The entry point reads at most
/// <see cref="DocumentsOptions.MaxScanBytes"/>.
/// </summary>
public sealed class SignedScanUpload(IGeneratedDocumentStore store, TimeProvider time)
{
    public static Bilingual NotAScan { get; } = new("Bản quét có chữ ký phải là tệp PDF, JPEG hoặc PNG.", "The signed scan must be a PDF, JPEG or PNG file.");

    public async Task<Decision<GeneratedDocument>> UploadAsync(string proposalId, string documentId, ReadOnlyMemory<byte> content, string by, CancellationToken cancellationToken)
    {
        var document = await store.GetAsync(proposalId, documentId, cancellationToken);
        if (document is null)
        {
            return Decision<GeneratedDocument>.NotFound(ProposalDocuments.NoSuchDocument);
        }

        var inspection = OfficeDocumentInspection.InspectFile(content);
        if (!inspection.IsAccepted || inspection.Kind is not (AttachmentKind.Pdf or AttachmentKind.Jpeg or AttachmentKind.Png))
        {
            return Decision<GeneratedDocument>.Invalid(new BilingualErrors().Add("file", NotAScan));
        }

        var kind = inspection.Kind.Value;
        var scan = new SignedScan(Path.GetFileNameWithoutExtension(document.FileName) + "-da-ky" + AttachmentRules.Extension(kind), AttachmentRules.ContentType(kind),
            content.Length, Convert.ToHexStringLower(SHA256.HashData(content.Span)), by, time.GetUtcNow());
        return Decision<GeneratedDocument>.Done(await store.SaveSignedAsync(document, scan, content, cancellationToken));
    }
}
