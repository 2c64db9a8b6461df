using System.Globalization;
using System.Security.Cryptography;
using KhuyenCong.Domain.Documents;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Application.Documents;

/// <summary>The kinds of document the application knows, by code.</summary>
public sealed class DocumentCatalog(IEnumerable<IDocumentKind> kinds)
{
    private readonly IReadOnlyList<IDocumentKind> all = kinds.ToList();

    public IReadOnlyList<IDocumentKind> All => all;

    public IDocumentKind? Find(string? code) => all.FirstOrDefault(k => string.Equals(k.Info.Code, code, StringComparison.Ordinal));

    /// <summary>Every placeholder a template of <paramref name="kind"/> may hold: the common ones and the kind's.</summary>
    public static PlaceholderSet PlaceholdersOf(IDocumentKind kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        return CommonPlaceholders.Set.With(kind.Placeholders);
    }
}

/// <summary>The template a kind's documents are made from now: the one an admin uploaded, else the shipped one.</summary>
public sealed record CurrentTemplate(byte[] Content, bool IsUploaded, string Sha256, string? UploadedBy, DateTimeOffset? UploadedAt)
{
    /// <summary>"shipped", or "uploaded:" and the first 12 hex digits of the uploaded file's SHA-256.</summary>
    public string Source => IsUploaded ? "uploaded:" + Sha256[..12] : "shipped";
}

/// <summary>
/// Templates: the current one of a kind, an admin's upload (checked first: a Word document without active content,
/// every placeholder known and in place, every required one present, and a trial fill that succeeds), and the way
/// back to the shipped template.
/// </summary>
public sealed class DocumentTemplates(ITemplateStore store, IShippedTemplates shipped, TemplateValidation validation, TimeProvider time)
{
    public async Task<CurrentTemplate> CurrentAsync(IDocumentKind kind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kind);
        var uploaded = await store.GetAsync(kind.Info.Code, cancellationToken);
        if (uploaded is not null)
        {
            return new CurrentTemplate(uploaded.Content, true, uploaded.Sha256, uploaded.UploadedBy, uploaded.UploadedAt);
        }

        var content = shipped.Get(kind.Info.Code)
            ?? throw new InvalidOperationException($"No template ships for document kind '{kind.Info.Code}'.");
        return new CurrentTemplate(content, false, Convert.ToHexStringLower(SHA256.HashData(content)), null, null);
    }

    /// <summary>Checks and stores an admin's template; the problems (nothing stored) when it is refused.</summary>
    public async Task<IReadOnlyList<TemplateProblem>> UploadAsync(IDocumentKind kind, byte[] content, string by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(content);
        var problems = validation.Check(kind, content);
        if (problems.Count == 0)
        {
            await store.SaveAsync(kind.Info.Code, new StoredTemplate(content, Convert.ToHexStringLower(SHA256.HashData(content)), by, time.GetUtcNow()), cancellationToken);
        }

        return problems;
    }

    /// <summary>The kind's shipped template applies again.</summary>
    public Task ResetAsync(IDocumentKind kind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kind);
        return store.DeleteAsync(kind.Info.Code, cancellationToken);
    }
}

/// <summary>
/// Whether a file can be a kind's template: within the size limit, a Word document without macros, ActiveX or OLE by
/// the attachments' own rules (<see cref="TemplateCheck.Container"/>, the first gate), then of the plain document type
/// without external links, every placeholder known and in place, every required one present, and a trial fill with the
/// placeholders' examples that succeeds.
/// </summary>
public sealed class TemplateValidation(IDocxTemplates docx, IOptions<DocumentsOptions> options)
{
    /// <summary>What is wrong with <paramref name="content"/> as a template of <paramref name="kind"/> (empty when nothing).</summary>
    public IReadOnlyList<TemplateProblem> Check(IDocumentKind kind, ReadOnlyMemory<byte> content)
    {
        ArgumentNullException.ThrowIfNull(kind);
        var max = options.Value.MaxTemplateBytes;
        if (content.Length > max)
        {
            return [new TemplateProblem(TemplateProblemKind.TooLarge, (max / 1024 / 1024).ToString(CultureInfo.InvariantCulture) + " MB")];
        }

        if (TemplateCheck.Container(content) is { } refused)
        {
            return [refused];
        }

        var reading = docx.Read(content);
        if (reading.Problems.Count > 0)
        {
            return reading.Problems;
        }

        var placeholders = DocumentCatalog.PlaceholdersOf(kind);
        var problems = TemplateCheck.Check(reading.Tags, reading.Malformed, placeholders);
        if (problems.Count > 0)
        {
            return problems;
        }

        try
        {
            docx.Render(content, placeholders.Sample());
            return [];
        }
        catch (InvalidDataException)
        {
            return [new TemplateProblem(TemplateProblemKind.NotDocx, string.Empty)];
        }
    }
}
