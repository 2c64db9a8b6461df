using KhuyenCong.Domain.Attachments;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Web.Problems;

namespace KhuyenCong.Web.Pages.NewProposal;

/// <summary>
/// The proposal form as the applicant sent it, shown again when it was not accepted (the post without JavaScript):
/// the values as typed, each message of a field of the form beside that field, and the messages about the request as a
/// whole (too many submissions, the service busy) at the top. Files are never kept: a page cannot give a browser its
/// files back, so the form asks for them again.
/// </summary>
public sealed class PostedProposalForm
{
    private readonly IReadOnlyDictionary<string, string?> values;

    private PostedProposalForm(IReadOnlyDictionary<string, string?> values, IReadOnlyDictionary<string, IReadOnlyList<string>> errors,
        IReadOnlyList<string> messages)
    {
        this.values = values;
        Errors = errors;
        Messages = messages;
    }

    /// <summary>
    /// The names of the form's fields: every proposal field and the files. The call chosen (<c>callId</c>) is not one: its
    /// choices exist only while a call is open, so its messages go to the top of the form.
    /// </summary>
    public static IReadOnlyList<string> FieldNames { get; } = [.. ProposalFieldRules.All.Select(r => r.Name), AttachmentRules.FieldName];

    /// <summary>The messages of the form's fields, by field name, in the page's language.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Errors { get; }

    /// <summary>The messages that belong to no field of the form.</summary>
    public IReadOnlyList<string> Messages { get; }

    /// <summary>
    /// The form <paramref name="form"/> (null when the request could not be read) with the answer's
    /// <paramref name="problem"/>: its messages by field, the others (or, when there is none, its detail) at the top.
    /// </summary>
    public static PostedProposalForm From(ProposalForm? form, ProblemView problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var values = ProposalFieldRules.All.ToDictionary(r => r.Name, r => form?.Get(r.Name), StringComparer.Ordinal);
        values[ProposalFields.CallId] = form?.CallId;
        var errors = problem.Errors.Where(e => FieldNames.Contains(e.Key)).ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
        var messages = problem.Errors.Where(e => !FieldNames.Contains(e.Key)).SelectMany(e => e.Value).ToList();
        if (errors.Count == 0 && messages.Count == 0)
        {
            messages.Add(string.IsNullOrEmpty(problem.Detail) ? problem.Title : problem.Detail);
        }

        return new PostedProposalForm(values, errors, messages);
    }

    /// <summary>What the applicant typed in <paramref name="field"/>, or null.</summary>
    public string? Value(string field) => values.GetValueOrDefault(field);

    /// <summary>The messages of <paramref name="field"/>, or null when it has none.</summary>
    public IReadOnlyList<string>? ErrorsOf(string field) => Errors.GetValueOrDefault(field);
}
