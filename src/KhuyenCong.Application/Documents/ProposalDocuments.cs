using System.Globalization;
using System.Text;
using KhuyenCong.Application.Common;
using KhuyenCong.Application.Proposals;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Application.Documents;

/// <summary>A stored file to serve: its name, its content type and its content.</summary>
public sealed record DocumentFile(string FileName, string ContentType, Stream Content);

/// <summary>
/// A proposal's official documents as stored: listed, their files and signed scans opened; and how their files are
/// named. Generating one is <see cref="DocumentGeneration"/>, a signed scan <see cref="SignedScanUpload"/>.
/// </summary>
public sealed class ProposalDocuments(IGeneratedDocumentStore store, IProposalRepository proposals)
{
    public const string DocxContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static Bilingual NoSuchDocument { get; } = new("Không có văn bản này.", "No such document.");

    public static Bilingual NoSignedScan { get; } = new("Văn bản này chưa có bản quét có chữ ký.", "This document has no signed scan.");

    /// <summary>The proposal's documents, newest first; not found for an unknown proposal.</summary>
    public async Task<Decision<IReadOnlyList<GeneratedDocument>>> ListAsync(string proposalId, CancellationToken cancellationToken) =>
        await proposals.GetAsync(proposalId, cancellationToken) is null
            ? Decision<IReadOnlyList<GeneratedDocument>>.NotFound(DocumentRefusal.UnknownProposal.Reason)
            : Decision<IReadOnlyList<GeneratedDocument>>.Done(await store.ListAsync(proposalId, cancellationToken));

    /// <summary>The generated document's file, or its signed scan's (<paramref name="signed"/>); not found when there is none.</summary>
    public async Task<Decision<DocumentFile>> OpenAsync(string proposalId, string documentId, bool signed, CancellationToken cancellationToken)
    {
        var document = await store.GetAsync(proposalId, documentId, cancellationToken);
        if (document is null)
        {
            return Decision<DocumentFile>.NotFound(NoSuchDocument);
        }

        if (!signed)
        {
            return Decision<DocumentFile>.Done(new DocumentFile(document.FileName, DocxContentType, await store.OpenAsync(document, cancellationToken)));
        }

        return document.Signed is { } scan
            ? Decision<DocumentFile>.Done(new DocumentFile(scan.FileName, scan.ContentType, await store.OpenSignedAsync(document, cancellationToken)))
            : Decision<DocumentFile>.NotFound(NoSignedScan);
    }

    /// <summary>
    /// A document's file name from its kind, number and date, in ASCII so every system keeps it:
    /// "bien-ban-nghiem-thu-07-BB-TTKC-2026-03-05.docx".
    /// </summary>
    public static string FileName(string stem, string number, DateOnly date, string extension)
    {
        ArgumentNullException.ThrowIfNull(number);
        var slug = new StringBuilder();
        foreach (var c in VietnameseText.RemoveDiacritics(number))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var numberPart = slug.ToString().Trim('-');
        if (numberPart.Length > 60)
        {
            numberPart = numberPart[..60].TrimEnd('-');
        }

        return string.Join('-', new[] { stem, numberPart, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }.Where(p => p.Length > 0)) + extension;
    }
}
