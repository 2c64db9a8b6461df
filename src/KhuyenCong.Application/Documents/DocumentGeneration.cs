using System.Security.Cryptography;
using KhuyenCong.Application.Common;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Application.Documents;

/// <summary>
/// What an officer sent with a request for a document, as read from a JSON body or the staff page's form (ADR 0019:
/// fields arrive raw): the number and the date. <see cref="DocumentGeneration"/> applies the rules, so every entry point
/// obeys the same ones.
/// </summary>
public sealed record DocumentOrder(FieldInput Number, FieldInput Date)
{
    /// <summary>Nothing set: the facts' number or the next one, the facts' date.</summary>
    public static DocumentOrder Defaults { get; } = new(FieldInput.Absent, FieldInput.Absent);
}

/// <summary>The number and date an officer set, once checked (null: the facts' or the next number, the facts' date).</summary>
public sealed record DocumentOverrides(string? Number, DateOnly? Date);

/// <summary>
/// Generating one of a proposal's official documents (a use case, ADR 0013): the officer's number and date checked
/// (invalid, naming <c>number</c> and <c>date</c>), the kind's facts gathered (not found for an unknown proposal, a
/// conflict naming why while its facts do not exist yet), the number given (the officer's, the facts' own, or the next
/// of the kind's symbol and year), the current template filled in memory, then the file and its record stored: nothing
/// half-made is ever kept.
/// </summary>
public sealed class DocumentGeneration(
    DocumentTemplates templates,
    IDocxTemplates docx,
    IDocumentNumbers numbers,
    IGeneratedDocumentStore store,
    IOptions<DocumentsOptions> options,
    TimeProvider time)
{
    /// <summary>Longest number an officer may set.</summary>
    public const int MaxNumber = 50;

    private static readonly Bilingual NumberRule = new(
        "Số văn bản tối đa 50 ký tự, ví dụ 07/BB-TTKC.", "The number is text of at most 50 characters, for example 07/BB-TTKC.");

    private static readonly Bilingual DateRule = new(
        "Vui lòng nhập ngày văn bản theo dạng yyyy-MM-dd, không quá một năm sau hôm nay.",
        "Enter the document's date as yyyy-MM-dd, at most a year ahead.");

    /// <summary>Generates and stores a document of <paramref name="kind"/> for the proposal, by <paramref name="by"/> (the staff member's actor).</summary>
    public Task<Decision<GeneratedDocument>> GenerateAsync(IDocumentKind kind, string proposalId, DocumentOrder order, string by, CancellationToken cancellationToken) =>
        GenerateAsync(kind, DocumentSubject.Proposal, proposalId, order, by, cancellationToken);

    /// <summary>
    /// Generates and stores a document of <paramref name="kind"/> for a subject (a proposal, a call, a council): a kind
    /// asked for on another subject than its own is a conflict naming the page it is made from.
    /// </summary>
    public async Task<Decision<GeneratedDocument>> GenerateAsync(IDocumentKind kind, DocumentSubject subject, string subjectId, DocumentOrder order, string by,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(order);
        var (overrides, errors) = Check(order);
        if (!errors.IsEmpty)
        {
            return Decision<GeneratedDocument>.Invalid(errors);
        }

        var facts = kind.Info.Subject == subject ? await kind.GatherAsync(subjectId, cancellationToken) : DocumentSubjects.WrongSubject(kind.Info, subject);
        if (facts is DocumentRefusal refusal)
        {
            return refusal.NotFound ? Decision<GeneratedDocument>.NotFound(refusal.Reason) : Decision<GeneratedDocument>.Conflict(refusal.Reason);
        }

        var content = (DocumentContent)facts;
        var settings = options.Value;
        var date = overrides.Date ?? content.Date;
        var number = overrides.Number ?? content.Number ?? await NextNumberAsync(kind.Info, settings, date.Year, cancellationToken);
        var values = CommonPlaceholders.Values(kind.Info, settings, number, date).Merge(content.Values);
        var template = await templates.CurrentAsync(kind, cancellationToken);
        var bytes = docx.Render(template.Content, values);
        var document = new GeneratedDocument(
            Guid.NewGuid().ToString("N"), DocumentSubjects.Key(subject, subjectId), kind.Info.Code, number, date, ProposalDocuments.FileName(kind.Info.FileStem, number, date, ".docx"),
            bytes.Length, Convert.ToHexStringLower(SHA256.HashData(bytes)), by, time.GetUtcNow(), template.Source);
        await store.SaveAsync(document, bytes, cancellationToken);
        return Decision<GeneratedDocument>.Done(document);
    }

    private async Task<string> NextNumberAsync(DocumentKindInfo info, DocumentsOptions settings, int year, CancellationToken cancellationToken)
    {
        var symbol = CommonPlaceholders.Symbol(info, settings);
        return OfficialFormat.NumberAndSymbol(await numbers.NextAsync(symbol, year, cancellationToken), symbol);
    }

    /// <summary>
    /// The number (normalised text of at most <see cref="MaxNumber"/> characters, with a letter or a digit: not only
    /// invisible characters) and the date (year 2000 to a year ahead).
    /// </summary>
    private (DocumentOverrides Overrides, BilingualErrors Errors) Check(DocumentOrder order)
    {
        var errors = new BilingualErrors();
        if (!order.Number.TryText(TextMode.SingleLine, MaxNumber, required: false, out var number) || (number is not null && !number.Any(char.IsLetterOrDigit)))
        {
            errors.Add("number", NumberRule);
        }

        DateOnly? date = null;
        if (!order.Date.IsAbsent)
        {
            if (order.Date.TryDate(out var parsed) && parsed.Year >= 2000 && parsed <= VietnamTime.Today(time).AddYears(1))
            {
                date = parsed;
            }
            else
            {
                errors.Add("date", DateRule);
            }
        }

        return (new DocumentOverrides(number, date), errors);
    }
}
