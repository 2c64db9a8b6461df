using KhuyenCong.Application.Plans;
using KhuyenCong.Application.Selection;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Web.Http;
using KhuyenCong.Web.Pages.Cycle;
using Microsoft.AspNetCore.Http;

namespace KhuyenCong.Web.Requests;

/// <summary>
/// The ranking's and the plan's staff forms read into the inputs the JSON API takes (<see cref="CycleFormFields"/>:
/// the same names): one line per <c>lines[i].proposalId</c> sent, in order; a line is included when its checkbox
/// <c>lines[i].included</c> was sent; an amount is read as typed ("1.234.567"), empty meaning the default, and one that
/// is not an amount is passed as 0, which the use case refuses at that field with the range it takes.
/// </summary>
internal static class CycleForms
{
    public static SelectionInput Selection(IFormCollection form) => new(Lines(form).Select(i => new SelectionChoiceInput(
        Text(form, CycleFormFields.Line(i, CycleFormFields.ProposalId)),
        Included(form, i),
        Amount(form, i),
        Text(form, CycleFormFields.Line(i, CycleFormFields.IfLeftOut)),
        Text(form, CycleFormFields.Line(i, CycleFormFields.Reason)))).ToList());

    public static PlanSubmissionInput Submission(IFormCollection form) => new(Text(form, CycleFormFields.Number), Text(form, CycleFormFields.Date));

    public static PlanDecisionInput Decision(IFormCollection form) => new(Text(form, CycleFormFields.Number), Text(form, CycleFormFields.Date),
        Lines(form).Select(i => new PlanDecisionLineInput(
            Text(form, CycleFormFields.Line(i, CycleFormFields.ProposalId)),
            Included(form, i),
            Amount(form, i),
            Text(form, CycleFormFields.Line(i, CycleFormFields.IfNotIncluded)))).ToList());

    /// <summary>The form's values by name (the first of each), to show the form again.</summary>
    public static IReadOnlyDictionary<string, string> Values(IFormCollection form) =>
        form.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);

    private static IEnumerable<int> Lines(IFormCollection form)
    {
        for (var i = 0; form.ContainsKey(CycleFormFields.Line(i, CycleFormFields.ProposalId)); i++)
        {
            yield return i;
        }
    }

    private static bool Included(IFormCollection form, int i) => form[CycleFormFields.Line(i, CycleFormFields.Included)].ToString() == CycleFormFields.Yes;

    private static long? Amount(IFormCollection form, int i)
    {
        var typed = Text(form, CycleFormFields.Line(i, CycleFormFields.Amount));
        return typed is null ? null : ProposalValidator.TryParseAmount(typed, out var amount) ? amount : 0;
    }

    private static string? Text(IFormCollection form, string name) => string.IsNullOrWhiteSpace(form[name].ToString()) ? null : form[name].ToString();
}
