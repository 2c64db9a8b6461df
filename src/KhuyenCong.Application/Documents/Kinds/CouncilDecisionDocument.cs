using KhuyenCong.Application.Appraisal;
using KhuyenCong.Application.Calls;
using KhuyenCong.Application.Councils;
using KhuyenCong.Domain.Documents;

namespace KhuyenCong.Application.Documents.Kinds;

/// <summary>
/// The decision establishing the appraisal council (quyết định thành lập hội đồng thẩm định), Decree 30/2020 model
/// 1.1/1.2 "Quyết định (cá biệt)" of Appendix III (docs/legal/document-format.md §3), from the council's record: its
/// number and date are the recorded decision's; its articles name the calls appraised, the members with their roles
/// (chair, secretary, members), and the quorum the decision states. Its facts exist once the council is recorded.
/// </summary>
public sealed class CouncilDecisionDocument(ICouncilStore councils, ICallStore calls, IReviewerRoster roster) : IDocumentKind
{
    public const string Code = "council-decision";

    public DocumentKindInfo Info { get; } = new(Code, "QĐ", "Quyết định thành lập hội đồng thẩm định", "Decision establishing the appraisal council",
        "quyet-dinh-thanh-lap-hoi-dong", IssuerRole.Department, DocumentSubject.Council);

    public PlaceholderSet Placeholders { get; } = new(
        CycleFacts.Council("council.calls", "council.quorum", "council.chairName", "council.secretaryName"),
        [CycleFacts.Members(required: true)]);

    public async Task<DocumentFacts> GatherAsync(string subjectId, CancellationToken cancellationToken)
    {
        if (await councils.GetAsync(subjectId, cancellationToken) is not { } council)
        {
            return DocumentRefusal.UnknownCouncil;
        }

        var members = await CycleFacts.MembersAsync(council, roster, cancellationToken);
        return new DocumentContent(council.DecisionDate, council.DecisionNumber, await CycleFacts.CouncilValuesAsync(council, members, calls, cancellationToken));
    }
}
