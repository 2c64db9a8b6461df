using System.Globalization;
using System.Text.RegularExpressions;
using KhuyenCong.Application.Plans;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Web.Pages.Cycle;
using Microsoft.AspNetCore.Http;

namespace KhuyenCong.Web.Answers;

/// <summary>
/// The plan changes page's forms read into the inputs the JSON API takes (<see cref="PlanChangeFields"/>: the same
/// names). The adjustment's lines are read for each <c>lines[i].proposalId</c> sent, in order; a line with no
/// proposal, no action and no amount is an empty line of the form and is left out (<see cref="AtFormLines"/> puts the
/// use case's errors back at the form's lines). An amount is read as typed ("1.234.567"); one that is not an amount is passed
/// as 0, which the use case refuses at that field.
/// </summary>
internal static partial class PlanChangeForms
{
    public static AdjustmentInput Adjustment(IFormCollection form)
    {
        var lines = Filled(form).Select(i => Line(form, i)).ToList();
        return new AdjustmentInput(Text(form, PlanChangeFields.Number), Text(form, PlanChangeFields.Date), Text(form, PlanChangeFields.Reason),
            lines.Count == 0 ? null : lines);
    }

    /// <summary>
    /// The use case's errors keyed by the form's controls: its <c>lines[k]</c> is the k-th filled line, which is the
    /// form's <c>lines[i]</c> once the empty lines before it are counted back in.
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> AtFormLines(IFormCollection form, IReadOnlyDictionary<string, IReadOnlyList<string>> errors)
    {
        var filled = Filled(form).ToList();
        var moved = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (field, messages) in errors)
        {
            moved[LinePattern().Match(field) is { Success: true } m && int.TryParse(m.Groups[1].Value, CultureInfo.InvariantCulture, out var k) && k < filled.Count
                ? CycleFormFields.Line(filled[k], m.Groups[2].Value)
                : field] = messages;
        }

        return moved;
    }

    public static CarryOverInput CarryOver(IFormCollection form) => new(Text(form, PlanChangeFields.Number), Text(form, PlanChangeFields.Date), null);

    /// <summary>The indexes of the form's lines that have a proposal, an action or an amount.</summary>
    private static IEnumerable<int> Filled(IFormCollection form)
    {
        for (var i = 0; form.ContainsKey(CycleFormFields.Line(i, PlanChangeFields.ProposalId)); i++)
        {
            if (new[] { PlanChangeFields.ProposalId, PlanChangeFields.Action, PlanChangeFields.Amount }.Any(f => Text(form, CycleFormFields.Line(i, f)) is not null))
            {
                yield return i;
            }
        }
    }

    private static AdjustmentLineInput Line(IFormCollection form, int i)
    {
        var typed = Text(form, CycleFormFields.Line(i, PlanChangeFields.Amount));
        long? amount = typed is null ? null : ProposalValidator.TryParseAmount(typed, out var parsed) ? parsed : 0;
        return new AdjustmentLineInput(Text(form, CycleFormFields.Line(i, PlanChangeFields.ProposalId)), Text(form, CycleFormFields.Line(i, PlanChangeFields.Action)), amount);
    }

    private static string? Text(IFormCollection form, string name) => string.IsNullOrWhiteSpace(form[name].ToString()) ? null : form[name].ToString();

    [GeneratedRegex(@"^lines\[(\d+)\]\.(\w+)$", RegexOptions.CultureInvariant)]
    private static partial Regex LinePattern();
}
