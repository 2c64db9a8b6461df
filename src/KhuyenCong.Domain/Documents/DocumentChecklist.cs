using KhuyenCong.Domain.Calls;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Domain.Documents;

/// <summary>
/// The dossier of a proposal against the documents its activity asks for: what is there (a file marked as that
/// document), what is missing, and how many files were sent without saying which document they are (files of older
/// proposals, or of a client that does not mark them): those may be the missing ones, an officer looks.
/// </summary>
public sealed record DocumentChecklist(IReadOnlyList<DocumentType> Required, IReadOnlyList<DocumentType> Present, IReadOnlyList<DocumentType> Missing, int Unmarked)
{
    /// <summary>True when every required document is marked as present.</summary>
    public bool IsComplete => Missing.Count == 0;

    /// <summary>True when files without a document mark could still cover what is missing (so the gap is not certain).</summary>
    public bool MayBeCoveredByUnmarkedFiles => Missing.Count > 0 && Unmarked >= Missing.Count;

    /// <summary>
    /// The checklist of a proposal's dossier (files without a purpose) against what its call requires for its kind, or,
    /// without a call (or when the call sets nothing for the kind), what its activity asks for (<see cref="CallDocuments"/>).
    /// </summary>
    public static DocumentChecklist For(Proposal proposal, Call? call = null)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        var required = CallDocuments.Required(proposal.Submission, call);
        var dossier = proposal.Attachments.Where(a => a.IsDossier).ToList();
        var marked = dossier.Where(a => a.Document is not null).Select(a => a.Document!).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return new DocumentChecklist(
            required,
            required.Where(d => marked.Contains(d.Code)).ToList(),
            required.Where(d => !marked.Contains(d.Code)).ToList(),
            dossier.Count(a => a.Document is null));
    }

    /// <summary>The names of some documents, joined for a sentence ("Đề án; Dự toán").</summary>
    public static string Names(IEnumerable<DocumentType> documents, Language language) =>
        string.Join("; ", documents.Select(d => d.Name(language)));
}
