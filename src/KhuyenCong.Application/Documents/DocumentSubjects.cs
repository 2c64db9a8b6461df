using KhuyenCong.Domain.Text;

namespace KhuyenCong.Application.Documents;

/// <summary>
/// Where a subject's documents are stored and served: the partition of table <c>ProposalDocuments</c> and the folder
/// of container <c>documents</c> (a proposal's id as before; <c>call-{id}</c>, <c>council-{id}</c> for the cycle's
/// documents), its route (<c>/api/proposals/{id}</c>, <c>/api/calls/{id}</c>, <c>/api/councils/{id}</c>) and its page's name.
/// </summary>
public static class DocumentSubjects
{
    private const string CallPrefix = "call-";
    private const string CouncilPrefix = "council-";

    /// <summary>The storage key of a subject's documents.</summary>
    public static string Key(DocumentSubject subject, string id) => subject switch
    {
        DocumentSubject.Call => CallPrefix + id,
        DocumentSubject.Council => CouncilPrefix + id,
        _ => id,
    };

    /// <summary>The API path of the subject a storage key names: "/api/calls/{id}".</summary>
    public static string Route(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.StartsWith(CallPrefix, StringComparison.Ordinal) ? "/api/calls/" + Uri.EscapeDataString(key[CallPrefix.Length..])
            : key.StartsWith(CouncilPrefix, StringComparison.Ordinal) ? "/api/councils/" + Uri.EscapeDataString(key[CouncilPrefix.Length..])
            : "/api/proposals/" + Uri.EscapeDataString(key);
    }

    /// <summary>Where a document of this subject is made, for a refusal: "trang của hội đồng thẩm định".</summary>
    public static Bilingual Page(DocumentSubject subject) => subject switch
    {
        DocumentSubject.Call => new("trang của đợt đăng ký (danh sách lựa chọn, kế hoạch)", "the call's page (selection, plan)"),
        DocumentSubject.Council => new("trang của hội đồng thẩm định", "the council's page"),
        DocumentSubject.Period => new("trang Báo cáo theo kỳ báo cáo", "the Reports page for a period"),
        _ => new("trang của đề án", "the proposal's page"),
    };

    /// <summary>
    /// The refusal (409) of a kind asked for on another subject than its own: a periodic report or a council's
    /// minutes on a proposal, a contract on a call.
    /// </summary>
    public static DocumentRefusal WrongSubject(DocumentKindInfo kind, DocumentSubject asked)
    {
        ArgumentNullException.ThrowIfNull(kind);
        var made = Page(kind.Subject);
        var on = Page(asked);
        return DocumentRefusal.Stage(
            $"{kind.Vietnamese} được lập từ {made.Vietnamese}, không lập trên {on.Vietnamese}.",
            $"This document ({kind.English}) is made from {made.English}, not from {on.English}.");
    }
}
