using KhuyenCong.Application.Calls;
using KhuyenCong.Application.Common;
using KhuyenCong.Application.Councils;

namespace KhuyenCong.Application.Documents;

/// <summary>
/// The documents of a call (its tờ trình, its draft plan decision) and of a council (its establishing decision, its
/// session's minutes) as stored: listed for the call's and the council's pages (not found for an unknown call or
/// council). Files and signed scans are opened by <see cref="ProposalDocuments.OpenAsync"/> with the subject's key,
/// uploaded by <see cref="SignedScanUpload"/>; generating is <see cref="DocumentGeneration"/>.
/// </summary>
public sealed class CycleDocuments(IGeneratedDocumentStore store, ICallStore calls, ICouncilStore councils)
{
    /// <summary>The subject's documents, newest first.</summary>
    public async Task<Decision<IReadOnlyList<GeneratedDocument>>> ListAsync(DocumentSubject subject, string id, CancellationToken cancellationToken)
    {
        if (await UnknownAsync(subject, id, cancellationToken) is { } unknown)
        {
            return Decision<IReadOnlyList<GeneratedDocument>>.NotFound(unknown.Reason);
        }

        return Decision<IReadOnlyList<GeneratedDocument>>.Done(await store.ListAsync(DocumentSubjects.Key(subject, id), cancellationToken));
    }

    /// <summary>Null when the call or council exists; else the refusal naming which does not.</summary>
    public async Task<DocumentRefusal?> UnknownAsync(DocumentSubject subject, string id, CancellationToken cancellationToken) => subject switch
    {
        DocumentSubject.Call => await calls.GetAsync(id, cancellationToken) is null ? DocumentRefusal.UnknownCall : null,
        DocumentSubject.Council => await councils.GetAsync(id, cancellationToken) is null ? DocumentRefusal.UnknownCouncil : null,
        _ => throw new ArgumentOutOfRangeException(nameof(subject), subject, "Only calls and councils are listed here."),
    };
}
