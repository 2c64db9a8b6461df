using KhuyenCong.Domain.Documents;

namespace KhuyenCong.Application.Documents;

/// <summary>A signed scan uploaded back next to a generated document.</summary>
public sealed record SignedScan(string FileName, string ContentType, long Size, string Sha256, string UploadedBy, DateTimeOffset UploadedAt);

/// <summary>
/// The record of one generated document: what it is, its number and date, its file, who generated it and when, from
/// which template, and its signed scan once uploaded. <paramref name="SubjectKey"/> is where it is stored
/// (<see cref="DocumentSubjects.Key"/>: the proposal's id, or <c>call-{id}</c>, <c>council-{id}</c>).
/// </summary>
public sealed record GeneratedDocument(
    string Id,
    string SubjectKey,
    string Kind,
    string Number,
    DateOnly Date,
    string FileName,
    long Size,
    string Sha256,
    string GeneratedBy,
    DateTimeOffset GeneratedAt,
    string TemplateSource,
    SignedScan? Signed = null);

/// <summary>Generated documents, stored with their subject (a proposal, a call, a council): the file in Blob Storage, the record in Table Storage.</summary>
public interface IGeneratedDocumentStore
{
    /// <summary>Stores the file, then the record: a listed record always has its file.</summary>
    Task SaveAsync(GeneratedDocument document, ReadOnlyMemory<byte> content, CancellationToken cancellationToken);

    /// <summary>The subject's documents (<paramref name="subjectKey"/>: <see cref="DocumentSubjects.Key"/>), newest first.</summary>
    Task<IReadOnlyList<GeneratedDocument>> ListAsync(string subjectKey, CancellationToken cancellationToken);

    Task<GeneratedDocument?> GetAsync(string subjectKey, string documentId, CancellationToken cancellationToken);

    Task<Stream> OpenAsync(GeneratedDocument document, CancellationToken cancellationToken);

    /// <summary>Stores (or replaces) the signed scan's file, then records it on the document; returns the updated record.</summary>
    Task<GeneratedDocument> SaveSignedAsync(GeneratedDocument document, SignedScan scan, ReadOnlyMemory<byte> content, CancellationToken cancellationToken);

    Task<Stream> OpenSignedAsync(GeneratedDocument document, CancellationToken cancellationToken);
}

/// <summary>A template an admin uploaded (the shipped one applies while there is none).</summary>
public sealed record StoredTemplate(byte[] Content, string Sha256, string UploadedBy, DateTimeOffset UploadedAt);

/// <summary>Templates uploaded by admins, one current per kind, in Blob Storage.</summary>
public interface ITemplateStore
{
    Task<StoredTemplate?> GetAsync(string kind, CancellationToken cancellationToken);

    Task SaveAsync(string kind, StoredTemplate template, CancellationToken cancellationToken);

    /// <summary>Removes the kind's uploaded template (the shipped one applies again).</summary>
    Task DeleteAsync(string kind, CancellationToken cancellationToken);
}

/// <summary>The templates that ship with the application (docs/documents.md), by kind code.</summary>
public interface IShippedTemplates
{
    /// <summary>The shipped template of <paramref name="kind"/>, or null when none ships.</summary>
    byte[]? Get(string kind);
}

/// <summary>What a template's reader found: its tags and the repeating block each sits in, and its own problems.</summary>
public sealed record TemplateReading(IReadOnlyList<LocatedTag> Tags, IReadOnlyList<string> Malformed, IReadOnlyList<TemplateProblem> Problems);

/// <summary>The template engine (DOCX): reads a template's placeholders and fills a template with values, in memory.</summary>
public interface IDocxTemplates
{
    /// <summary>Reads a template: a Word document without macros or embedded objects, its tags and blocks.</summary>
    TemplateReading Read(ReadOnlyMemory<byte> template);

    /// <summary>The filled document. Throws <see cref="InvalidDataException"/> when the template cannot be read.</summary>
    byte[] Render(ReadOnlyMemory<byte> template, DocumentValues values);
}

/// <summary>The numbers of documents: one sequence per kind and year, never the same number twice.</summary>
public interface IDocumentNumbers
{
    Task<int> NextAsync(string kind, int year, CancellationToken cancellationToken);
}

/// <summary>The applicant's receipt as a PDF, from the receipt's values.</summary>
public interface IReceiptPdf
{
    byte[] Render(DocumentValues values);
}
