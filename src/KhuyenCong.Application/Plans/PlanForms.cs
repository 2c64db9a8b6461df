using System.Globalization;
using KhuyenCong.Application.Common;
using KhuyenCong.Domain.Selection;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Application.Plans;

/// <summary>The tờ trình (local) or the dispatch to the Ministry (national): its number and date.</summary>
public sealed record PlanSubmissionInput(string? Number, string? Date);

/// <summary>One proposal in a plan decision as sent: <c>included</c> (default true) with <c>amount</c> (default: the amount selected), else <c>ifNotIncluded</c>.</summary>
public sealed record PlanDecisionLineInput(string? ProposalId, bool? Included, long? Amount, string? IfNotIncluded);

/// <summary>The plan decision as sent: number, date, and the lines that differ from the submitted selection.</summary>
public sealed record PlanDecisionInput(string? Number, string? Date, IReadOnlyList<PlanDecisionLineInput>? Lines);

/// <summary>The checks of a plan's number and date, and of a decision's lines against what was submitted.</summary>
internal static class PlanForms
{
    public const int MaxNumberLength = 50;

    public static readonly Bilingual NumberRequired = new($"Vui lòng nhập số văn bản (tối đa {MaxNumberLength} ký tự), ví dụ 125/TTr-SCT.",
        $"Enter the document's number (at most {MaxNumberLength} characters), for example 125/TTr-SCT.");

    public static readonly Bilingual DateInvalid = new("Vui lòng nhập ngày văn bản (yyyy-MM-dd), không sau hôm nay.", "Enter the document's date (yyyy-MM-dd), not after today.");

    public static readonly Bilingual NotSubmitted = new("Đề án này không có trong danh sách đã trình.", "This proposal is not in the submitted list.");

    public static readonly Bilingual ChosenTwice = new("Đề án này được nêu hai lần.", "This proposal is listed twice.");

    public static readonly Bilingual IfNotIncludedInvalid = new("Đề án không được duyệt phải là not-selected hoặc reserve.", "A proposal not included must be not-selected or reserve.");

    public static (string? Number, DateOnly? Date) Reference(string? number, string? date, DateOnly today, BilingualErrors errors,
        string numberField = "number", string dateField = "date")
    {
        if (!FieldInput.Of(number).TryText(TextMode.SingleLine, MaxNumberLength, required: true, out var text))
        {
            errors.Add(numberField, NumberRequired);
        }

        if (!FieldInput.Of(date).TryDate(out var parsed) || parsed > today)
        {
            errors.Add(dateField, DateInvalid);
            return (text, null);
        }

        return (text, parsed);
    }

    /// <summary>
    /// The decision's line for every proposal of the selection: a submitted (included) line keeps its selected amount
    /// unless the input changes it (above 0, at most the most it may get: the request within the cap); a line left out
    /// of the selection keeps what the officer chose for it. A line naming a proposal not submitted is refused.
    /// </summary>
    public static IReadOnlyList<PlanDecisionLine>? Lines(CallSelection selection, IReadOnlyList<PlanDecisionLineInput> input, BilingualErrors errors)
    {
        var submitted = selection.Lines.Where(l => l.Included).ToDictionary(l => l.ProposalId, StringComparer.Ordinal);
        var decided = new Dictionary<string, PlanDecisionLine>(StringComparer.Ordinal);
        for (var i = 0; i < input.Count; i++)
        {
            var field = "lines[" + i.ToString(CultureInfo.InvariantCulture) + "]";
            var line = input[i] ?? new PlanDecisionLineInput(null, null, null, null);
            if (!submitted.TryGetValue(line.ProposalId?.Trim() ?? string.Empty, out var selected))
            {
                errors.Add(field + ".proposalId", NotSubmitted);
            }
            else if (decided.ContainsKey(selected.ProposalId))
            {
                errors.Add(field + ".proposalId", ChosenTwice);
            }
            else if (Line(selected, line, field, errors) is { } ok)
            {
                decided.Add(ok.ProposalId, ok);
            }
        }

        return errors.IsEmpty
            ? selection.Lines.Select(l => decided.GetValueOrDefault(l.ProposalId) ?? new PlanDecisionLine(l.ProposalId, l.Included, l.Amount, l.IfLeftOut)).ToList()
            : null;
    }

    private static PlanDecisionLine? Line(SelectionLine selected, PlanDecisionLineInput line, string field, BilingualErrors errors)
    {
        if (!SelectionCodes.TryParseLeftOut(line.IfNotIncluded, out var leftOut))
        {
            errors.Add(field + ".ifNotIncluded", IfNotIncludedInvalid);
            return null;
        }

        var included = line.Included ?? true;
        var amount = included ? line.Amount ?? selected.Amount : 0;
        if (included && (amount <= 0 || amount > selected.MaxAmount))
        {
            errors.Add(field + ".amount", SelectionRules.AmountOutOfRange(selected.MaxAmount));
            return null;
        }

        return new PlanDecisionLine(selected.ProposalId, included, amount, leftOut);
    }
}
