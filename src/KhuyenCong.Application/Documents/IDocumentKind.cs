using KhuyenCong.Domain.Documents;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Application.Documents;

/// <summary>What a kind of document is called and numbered.</summary>
/// <param name="Code">Stable code in routes and records: "receipt", "acceptance-minutes".</param>
/// <param name="TypeSymbol">The document type's abbreviation in its number (Decree 30/2020 Appendix III): "BB", "HĐ".</param>
/// <param name="Vietnamese">Its name: "Biên bản nghiệm thu".</param>
/// <param name="English">Its name in English.</param>
/// <param name="FileStem">The start of its file names, ASCII: "bien-ban-nghiem-thu".</param>
/// <param name="Issuer">Which body issues it (its header, symbol and signer).</param>
/// <param name="Subject">What it is made from and stored with: a proposal (the default), a call, a council, or nothing (a report).</param>
public sealed record DocumentKindInfo(string Code, string TypeSymbol, string Vietnamese, string English, string FileStem, IssuerRole Issuer,
    DocumentSubject Subject = DocumentSubject.Proposal);

/// <summary>What a document is made from and stored with (its page and its route).</summary>
public enum DocumentSubject
{
    /// <summary>One proposal (receipt, contract, minutes of acceptance, liquidation): the proposal's page.</summary>
    Proposal,

    /// <summary>A call for proposals and its selection (tờ trình, draft plan decision): the call's page.</summary>
    Call,

    /// <summary>An appraisal council (its establishing decision, its session's minutes): the council's page.</summary>
    Council,

    /// <summary>No subject: made for a period from the Reports page and never stored (the periodic report).</summary>
    Period,
}

/// <summary>What a kind found when asked for a document: the content, or why there is none yet.</summary>
public abstract record DocumentFacts;

/// <summary>
/// The document's own values, its natural date (the day its facts happened: receipt, contract, acceptance, settlement)
/// and its number when the facts carry one (the recorded contract's number); otherwise the next number of the year is
/// given. The values may also set common placeholders (a receipt's own signer), which then replace the settings'.
/// </summary>
public sealed record DocumentContent(DateOnly Date, string? Number, DocumentValues Values) : DocumentFacts;

/// <summary>No document: the subject does not exist (404) or its facts do not exist yet (409), with why in both languages.</summary>
public sealed record DocumentRefusal(bool NotFound, Bilingual Reason) : DocumentFacts
{
    public static DocumentRefusal UnknownProposal { get; } = new(true, new Bilingual("Không có đề án này.", "No such proposal."));

    public static DocumentRefusal UnknownCall { get; } = new(true, new Bilingual("Không tìm thấy đợt đăng ký này.", "No such call for proposals."));

    public static DocumentRefusal UnknownCouncil { get; } = new(true, new Bilingual("Không tìm thấy hội đồng thẩm định này.", "No such appraisal council."));

    public static DocumentRefusal Stage(string vietnamese, string english) => new(false, new Bilingual(vietnamese, english));
}

/// <summary>
/// One kind of official document. Adding a kind is this class (its placeholders, its data from the stores, the stage
/// at which its facts exist) plus its shipped template; register both (docs/documents.md, "Thêm một loại văn bản").
/// The common placeholders (<see cref="CommonPlaceholders"/>) are added to every kind.
/// </summary>
public interface IDocumentKind
{
    DocumentKindInfo Info { get; }

    /// <summary>The kind's own placeholders (the common ones are added by the engine).</summary>
    PlaceholderSet Placeholders { get; }

    /// <summary>The document's values for subject <paramref name="subjectId"/> (a proposal, call or council id, as <see cref="DocumentKindInfo.Subject"/> says), or why it cannot be made now.</summary>
    Task<DocumentFacts> GatherAsync(string subjectId, CancellationToken cancellationToken);
}
