using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using KhuyenCong.Domain.Attachments;
using KhuyenCong.Domain.Text;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Application.Documents;

/// <summary>What an officer may set when asking for a document: its number and date (else the facts' or the next number).</summary>
public sealed record DocumentOverrides(string? Number, DateOnly? Date)
{
    public static DocumentOverrides None { get; } = new(null, null);
}

/// <summary>The generated document, or why there is none (<see cref="DocumentRefusal"/>: 404 or 409).</summary>
public sealed record GenerateResult(GeneratedDocument? Document, DocumentRefusal? Refusal);

/// <summary>Why a signed scan is refused, if it is.</summary>
public enum ScanProblem
{
    None,
    TooLarge,

    /// <summary>Not a PDF, JPEG or PNG file (by its first bytes).</summary>
    NotAScan,
}

/// <summary>
/// A proposal's official documents: generated from the current template of their kind with the facts the kind
/// gathers (fully in memory, then stored: nothing half-made is ever kept), listed, downloaded, and their signed scans.
/// </summary>
public sealed class ProposalDocuments(
    DocumentTemplates templates,
    IDocxTemplates docx,
    IDocumentNumbers numbers,
    IGeneratedDocumentStore store,
    IOptions<DocumentsOptions> options,
    TimeProvider time)
{
    public const string DocxContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public async Task<GenerateResult> GenerateAsync(IDocumentKind kind, string proposalId, DocumentOverrides overrides, string by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(overrides);
        var facts = await kind.GatherAsync(proposalId, cancellationToken);
        if (facts is DocumentRefusal refusal)
        {
            return new GenerateResult(null, refusal);
        }

        var content = (DocumentContent)facts;
        var settings = options.Value;
        var date = overrides.Date ?? content.Date;
        var number = overrides.Number ?? content.Number;
        if (number is null)
        {
            var symbol = CommonPlaceholders.Symbol(kind.Info, settings);
            number = OfficialFormat.NumberAndSymbol(await numbers.NextAsync(symbol, date.Year, cancellationToken), symbol);
        }

        var values = CommonPlaceholders.Values(kind.Info, settings, number, date).Merge(content.Values);
        var template = await templates.CurrentAsync(kind, cancellationToken);
        var bytes = docx.Render(template.Content, values);
        var document = new GeneratedDocument(
            Guid.NewGuid().ToString("N"), proposalId, kind.Info.Code, number, date, FileName(kind.Info.FileStem, number, date, ".docx"),
            bytes.Length, Convert.ToHexStringLower(SHA256.HashData(bytes)), by, time.GetUtcNow(), template.Source);
        await store.SaveAsync(document, bytes, cancellationToken);
        return new GenerateResult(document, null);
    }

    public Task<IReadOnlyList<GeneratedDocument>> ListAsync(string proposalId, CancellationToken cancellationToken) =>
        store.ListAsync(proposalId, cancellationToken);

    public Task<GeneratedDocument?> GetAsync(string proposalId, string documentId, CancellationToken cancellationToken) =>
        store.GetAsync(proposalId, documentId, cancellationToken);

    public Task<Stream> OpenAsync(GeneratedDocument document, CancellationToken cancellationToken) => store.OpenAsync(document, cancellationToken);

    public Task<Stream> OpenSignedAsync(GeneratedDocument document, CancellationToken cancellationToken) => store.OpenSignedAsync(document, cancellationToken);

    /// <summary>Stores the signed scan of <paramref name="document"/> (replacing an earlier one) when it is a PDF, JPEG or PNG within the limit.</summary>
    public async Task<(GeneratedDocument? Document, ScanProblem Problem)> UploadSignedAsync(GeneratedDocument document, byte[] content, string by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(content);
        if (content.Length > options.Value.MaxScanBytes)
        {
            return (null, ScanProblem.TooLarge);
        }

        var kind = AttachmentRules.Detect(content.AsSpan(0, Math.Min(content.Length, AttachmentRules.SignatureLength)));
        if (kind is not (AttachmentKind.Pdf or AttachmentKind.Jpeg or AttachmentKind.Png))
        {
            return (null, ScanProblem.NotAScan);
        }

        var extension = kind switch
        {
            AttachmentKind.Pdf => ".pdf",
            AttachmentKind.Png => ".png",
            _ => ".jpg",
        };
        var stem = Path.GetFileNameWithoutExtension(document.FileName);
        var scan = new SignedScan(stem + "-da-ky" + extension, AttachmentRules.ContentType(kind.Value), content.Length,
            Convert.ToHexStringLower(SHA256.HashData(content)), by, time.GetUtcNow());
        return (await store.SaveSignedAsync(document, scan, content, cancellationToken), ScanProblem.None);
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
