using System.Globalization;
using KhuyenCong.Application.Common;
using KhuyenCong.Domain.Plans;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Application.Plans;

/// <summary>One proposal of an adjustment as sent: <c>action</c> add | remove | change, <c>amount</c> for add and change.</summary>
public sealed record AdjustmentLineInput(string? ProposalId, string? Action, long? Amount);

/// <summary>An adjustment decision as sent: number, date, an optional reason, its lines.</summary>
public sealed record AdjustmentInput(string? Number, string? Date, string? Reason, IReadOnlyList<AdjustmentLineInput?>? Lines);

/// <summary>A checked line of the input, before it is checked against the proposal and the ledger.</summary>
internal sealed record RequestedLine(int Index, string ProposalId, AdjustmentAction Action, long Amount)
{
    public string Field(string name) => "lines[" + Index.ToString(CultureInfo.InvariantCulture) + "]." + name;
}

/// <summary>The checks of an adjustment's lines as sent (their shape, before the proposals are read).</summary>
internal static class AdjustmentForms
{
    public const int MaxLines = 200;
    public const int MaxReason = 1000;

    public static readonly Bilingual LinesRequired = new(
        $"Vui lòng nêu ít nhất một đề án được điều chỉnh (tối đa {MaxLines}).", $"List at least one proposal the decision adjusts (at most {MaxLines}).");

    public static readonly Bilingual ProposalRequired = new("Vui lòng nêu mã đề án.", "Give the proposal's id.");

    public static readonly Bilingual ActionInvalid = new(
        "Việc điều chỉnh phải là add (bổ sung), remove (đưa ra khỏi kế hoạch) hoặc change (thay đổi kinh phí).",
        "The action must be add, remove or change.");

    public static readonly Bilingual AmountRequired = new("Vui lòng nhập số tiền lớn hơn 0 (đồng).", "Enter an amount above 0 (VND).");

    public static readonly Bilingual ReasonTooLong = new($"Lý do tối đa {MaxReason} ký tự.", $"The reason is at most {MaxReason} characters.");

    public static IReadOnlyList<RequestedLine> Lines(IReadOnlyList<AdjustmentLineInput?>? input, BilingualErrors errors)
    {
        if (input is null || input.Count == 0 || input.Count > MaxLines)
        {
            errors.Add("lines", LinesRequired);
            return [];
        }

        var lines = new List<RequestedLine>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < input.Count; i++)
        {
            var line = input[i] ?? new AdjustmentLineInput(null, null, null);
            var field = "lines[" + i.ToString(CultureInfo.InvariantCulture) + "].";
            var id = line.ProposalId?.Trim();
            if (string.IsNullOrEmpty(id) || id.Length > 200)
            {
                errors.Add(field + "proposalId", ProposalRequired);
            }
            else if (!seen.Add(id))
            {
                errors.Add(field + "proposalId", PlanForms.ChosenTwice);
            }

            if (!AdjustmentCodes.TryParse(line.Action, out var action))
            {
                errors.Add(field + "action", ActionInvalid);
            }
            else if (action != AdjustmentAction.Remove && line.Amount is not > 0)
            {
                errors.Add(field + "amount", AmountRequired);
            }
            else if (!string.IsNullOrEmpty(id))
            {
                lines.Add(new RequestedLine(i, id, action, action == AdjustmentAction.Remove ? 0 : line.Amount!.Value));
            }
        }

        return lines;
    }

    public static string? Reason(string? reason, BilingualErrors errors)
    {
        if (!FieldInput.Of(reason).TryText(TextMode.MultiLine, MaxReason, required: false, out var text))
        {
            errors.Add("reason", ReasonTooLong);
        }

        return text;
    }

    /// <summary>True when <paramref name="stored"/> records what <paramref name="lines"/> ask (a resend of the same decision).</summary>
    public static bool SameAs(PlanAdjustment stored, DateOnly date, IReadOnlyList<RequestedLine> lines) =>
        stored.Date == date && stored.Lines.Count == lines.Count
        && lines.All(l => stored.Lines.Any(s => s.ProposalId == l.ProposalId && s.Action == l.Action && s.Amount == l.Amount));
}
