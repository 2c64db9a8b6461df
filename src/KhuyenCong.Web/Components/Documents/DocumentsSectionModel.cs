using KhuyenCong.Application.Documents;

namespace KhuyenCong.Web.Components.Documents;

/// <summary>
/// What a page's "Văn bản" section shows (<see cref="DocumentsSection"/>): the subject's stored documents, the kinds an
/// officer may generate there, and where their routes are.
/// </summary>
/// <param name="ApiBase">The subject's API path, without the language or key: "/api/calls/{id}", "/api/councils/{id}".
/// The section posts to <c>{ApiBase}/documents/{kind}</c> and <c>{ApiBase}/documents/{documentId}/signed</c>, and links
/// <c>…/file</c> and <c>…/signed</c>.</param>
/// <param name="Documents">The subject's documents, newest first (<see cref="CycleDocuments.ListAsync"/>).</param>
/// <param name="Kinds">The kinds generated from this page (those whose <see cref="DocumentKindInfo.Subject"/> is the page's).</param>
/// <param name="Token">The CSRF token the forms carry (ADR 0011).</param>
public sealed record DocumentsSectionModel(string ApiBase, IReadOnlyList<GeneratedDocument> Documents, IReadOnlyList<DocumentKindInfo> Kinds, string Token)
{
    /// <summary>The section's id: the pages' forms send the officer back to <c>#van-ban</c>.</summary>
    public const string SectionId = "van-ban";

    /// <summary>The section of <paramref name="subject"/> <paramref name="id"/>: its stored documents and the kinds made from its page.</summary>
    public static DocumentsSectionModel For(DocumentCatalog catalog, DocumentSubject subject, string id, IReadOnlyList<GeneratedDocument>? stored, string token) =>
        new(DocumentSubjects.Route(DocumentSubjects.Key(subject, id)), stored ?? [], KindsFor(catalog, subject), token);

    /// <summary>The kinds of <paramref name="catalog"/> made from <paramref name="subject"/>'s page.</summary>
    public static IReadOnlyList<DocumentKindInfo> KindsFor(DocumentCatalog catalog, DocumentSubject subject)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return catalog.All.Select(k => k.Info).Where(k => k.Subject == subject).ToList();
    }
}
