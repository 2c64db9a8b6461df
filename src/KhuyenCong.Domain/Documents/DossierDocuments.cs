using System.Diagnostics.CodeAnalysis;
using KhuyenCong.Domain.Activities;
using KhuyenCong.Domain.Applicants;
using KhuyenCong.Domain.Reference;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Domain.Documents;

/// <summary>
/// One document of a dossier (thành phần hồ sơ), with its basis and confidence, and its template: null when no
/// official form was found (then <see cref="TemplateNote"/> says so).
/// </summary>
public sealed record DocumentType(string Code, string Vi, string En, string Basis, string Confidence, string? Template, string TemplateNote)
{
    public string Name(Language language) => new Bilingual(Vi, En).In(language);
}

/// <summary>The documents of <c>data/reference/documents.json</c> and the ones each activity asks for.</summary>
public static class DossierDocuments
{
    /// <summary>
    /// The multipart field that says which document each file is: one value per file part named <c>attachments</c>, in
    /// the same order (an empty value for a file that is none of them).
    /// </summary>
    public const string AttachmentField = "attachmentDocuments";

    private static readonly Lazy<Catalogue> Data = new(Load);

    public static IReadOnlyList<DocumentType> Types => Data.Value.Types;

    public static bool TryParse(string? code, [NotNullWhen(true)] out DocumentType? type)
    {
        var trimmed = code?.Trim();
        type = Data.Value.Types.FirstOrDefault(t => string.Equals(t.Code, trimmed, StringComparison.OrdinalIgnoreCase));
        return type is not null;
    }

    /// <summary>What an applicant of <paramref name="role"/> attaches for <paramref name="activity"/>, in the data's order.</summary>
    public static IReadOnlyList<DocumentType> Required(Activity activity, EntityRole role)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return Data.Value.ByActivity.TryGetValue(activity.Code, out var lists)
            ? (role == EntityRole.Implementer ? lists.Implementer : lists.Establishment)
            : [];
    }

    private static Catalogue Load()
    {
        var file = ReferenceResources.Load<DocumentsFile>("documents.json");
        var types = file.DocumentTypes.Select(t => new DocumentType(t.Code, t.Vi, t.En, t.Basis, t.Confidence, t.Template, t.TemplateNote)).ToList();
        var byCode = types.ToDictionary(t => t.Code, StringComparer.Ordinal);
        DocumentType Find(string code, string activity) =>
            byCode.TryGetValue(code, out var type) ? type : throw new InvalidOperationException($"documents.json: unknown document '{code}' for {activity}.");
        var byActivity = file.ByActivity.ToDictionary(
            a => ActivityCatalog.Get(a.Key).Code,
            a => new Lists(a.Value.Establishment.Select(c => Find(c, a.Key)).ToList(), a.Value.Implementer.Select(c => Find(c, a.Key)).ToList()),
            StringComparer.Ordinal);
        return new Catalogue(types, byActivity);
    }

    private sealed record Lists(IReadOnlyList<DocumentType> Establishment, IReadOnlyList<DocumentType> Implementer);

    private sealed record Catalogue(IReadOnlyList<DocumentType> Types, IReadOnlyDictionary<string, Lists> ByActivity);

    private sealed record DocumentsFile(IReadOnlyList<DocumentRow> DocumentTypes, Dictionary<string, ListsRow> ByActivity);

    private sealed record DocumentRow(string Code, string Vi, string En, string Basis, string Confidence, string? Template, string TemplateNote);

    private sealed record ListsRow(IReadOnlyList<string> Establishment, IReadOnlyList<string> Implementer);
}
