using System.Text;
using KhuyenCong.Domain.Activities;
using KhuyenCong.Domain.Applicants;
using KhuyenCong.Domain.Calls;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Domain.Documents;

/// <summary>
/// The documents a proposal's dossier must hold: the call's list for the proposal's kind when its call sets one (a call
/// requires documents per kind, issue 14 line 5), else the activity's (data/reference/documents.json). A call writes its
/// documents as text: one that names a document of the catalogue (its code or its Vietnamese or English name, without
/// regard to case or diacritics) is that document; any other is a document of the call, coded <c>call-</c> + its folded
/// name, which a file is marked as by that code or by the text itself.
/// </summary>
public static class CallDocuments
{
    /// <summary>The prefix of the code of a document a call asks for that the catalogue does not have.</summary>
    public const string CodePrefix = "call-";

    /// <summary>What an applicant of <paramref name="role"/> attaches for <paramref name="activity"/> under <paramref name="call"/> (null: no call).</summary>
    public static IReadOnlyList<DocumentType> Required(Activity activity, EntityRole role, Call? call)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return call is not null && call.RequiredDocuments.TryGetValue(activity.Kind.ToCode(), out var texts) && texts.Count > 0
            ? texts.Select(t => Resolve(t, call)).DistinctBy(d => d.Code, StringComparer.Ordinal).ToList()
            : DossierDocuments.Required(activity, role);
    }

    /// <summary>What the proposal's dossier must hold (its activity, its applicant's role, its call).</summary>
    public static IReadOnlyList<DocumentType> Required(ProposalSubmission submission, Call? call)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var role = EntityTypes.TryParse(submission.EntityType, out var type) ? type.Role : EntityRole.Establishment;
        return Required(ProposalActivity.Of(submission), role, call);
    }

    /// <summary>
    /// The code a file's mark stands for: a catalogue code as it is, or a document <paramref name="required"/> names
    /// (by code or by its text); null when the mark is neither.
    /// </summary>
    public static string? CodeOf(string mark, IReadOnlyList<DocumentType> required)
    {
        ArgumentNullException.ThrowIfNull(required);
        var trimmed = mark.Trim();
        if (DossierDocuments.TryParse(trimmed, out var known))
        {
            return known.Code;
        }

        var folded = VietnameseText.Fold(trimmed);
        return required.FirstOrDefault(d => string.Equals(d.Code, trimmed, StringComparison.OrdinalIgnoreCase)
            || string.Equals(VietnameseText.Fold(d.Vi), folded, StringComparison.Ordinal))?.Code;
    }

    /// <summary>The catalogue's document a call's text names, or a document of the call.</summary>
    public static DocumentType Resolve(string text, Call call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var folded = VietnameseText.Fold(text);
        var known = DossierDocuments.Types.FirstOrDefault(t => string.Equals(t.Code, text.Trim(), StringComparison.OrdinalIgnoreCase)
            || VietnameseText.Fold(t.Vi) == folded || VietnameseText.Fold(t.En) == folded);
        return known ?? new DocumentType(CodePrefix + Slug(folded), text.Trim(), text.Trim(),
            "Đợt đăng ký \"" + call.Title + "\" yêu cầu / Required by the call", "call", null, string.Empty);
    }

    /// <summary>A folded name as a code: letters and digits, runs of anything else as one hyphen.</summary>
    private static string Slug(string folded)
    {
        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        return builder.ToString().TrimEnd('-');
    }
}
