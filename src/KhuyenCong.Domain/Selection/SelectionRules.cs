using System.Globalization;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Domain.Selection;

/// <summary>The officer's choice for one ranked proposal: included with an amount (null: the default, its most), or left out as <paramref name="IfLeftOut"/> says, and why.</summary>
public sealed record SelectionChoice(string ProposalId, bool Included, long? Amount, LeftOut IfLeftOut, string? Reason);

/// <summary>
/// The officer's selection from a call's ranking (issue 13 line 3), pure. A proposal not chosen explicitly keeps the
/// ranking's default: included at its most (the request within the cap) when above the cut, otherwise not selected.
/// Refused, by field (<c>lines[i].…</c> for the i-th choice sent, <c>lines</c> for the whole): a proposal not in the
/// ranking or chosen twice; an amount not above 0, above the request or above the cap; a deviation from the default
/// without a reason; a total above the money available.
/// </summary>
public static class SelectionRules
{
    public const int MaxReasonLength = 1000;

    public static readonly Bilingual NotRanked = new("Đề án này không có trong danh sách xếp thứ tự của đợt.", "This proposal is not in the call's ranking.");

    public static readonly Bilingual ChosenTwice = new("Đề án này được chọn hai lần.", "This proposal is chosen twice.");

    public static readonly Bilingual ReasonRequired = new(
        "Vui lòng nêu lý do khi lựa chọn khác với danh sách xếp thứ tự (đưa vào đề án dưới ngưỡng kinh phí, bỏ đề án trên ngưỡng, hoặc đổi số tiền).",
        "Give a reason for a choice other than the ranking's (a proposal below the cut included, one above it left out, or another amount).");

    public static readonly Bilingual ReasonTooLong = new($"Lý do tối đa {MaxReasonLength} ký tự.", $"The reason is at most {MaxReasonLength} characters.");

    /// <summary>The selection, or null and the errors.</summary>
    public static IReadOnlyList<SelectionLine>? Build(RankedList ranking, IReadOnlyList<SelectionChoice> choices, BilingualErrors errors)
    {
        ArgumentNullException.ThrowIfNull(ranking);
        ArgumentNullException.ThrowIfNull(choices);
        ArgumentNullException.ThrowIfNull(errors);
        var byId = ranking.Entries.ToDictionary(e => e.Candidate.ProposalId, StringComparer.Ordinal);
        var chosen = new Dictionary<string, SelectionLine>(StringComparer.Ordinal);
        for (var i = 0; i < choices.Count; i++)
        {
            var field = "lines[" + i.ToString(CultureInfo.InvariantCulture) + "]";
            var choice = choices[i];
            if (!byId.TryGetValue(choice.ProposalId ?? string.Empty, out var entry))
            {
                errors.Add(field + ".proposalId", NotRanked);
                continue;
            }

            if (chosen.ContainsKey(entry.Candidate.ProposalId))
            {
                errors.Add(field + ".proposalId", ChosenTwice);
                continue;
            }

            if (Line(entry, choice, field, errors) is { } line)
            {
                chosen.Add(entry.Candidate.ProposalId, line);
            }
        }

        var lines = ranking.Entries.Select(e => chosen.GetValueOrDefault(e.Candidate.ProposalId) ?? Default(e)).ToList();
        var total = lines.Where(l => l.Included).Sum(l => l.Amount);
        if (ranking.Available is { } available && total > available)
        {
            errors.Add("lines", AboveMoney(total, available));
        }

        return errors.IsEmpty ? lines : null;
    }

    /// <summary>The ranking's default line: above the cut included at its most, else not selected.</summary>
    public static SelectionLine Default(RankedEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var c = entry.Candidate;
        return new(c.ProposalId, entry.Rank, c.Average, c.Requested, c.MaxAmount, entry.AboveCut, entry.AboveCut, entry.AboveCut ? c.MaxAmount : 0, LeftOut.NotSelected, null);
    }

    public static Bilingual AboveMoney(long total, long available) => new(
        $"Tổng kinh phí các đề án được chọn ({DisplayFormat.Amount(total, Language.Vietnamese)} đồng) vượt số kinh phí còn lại của năm kế hoạch ({DisplayFormat.Amount(available, Language.Vietnamese)} đồng).",
        $"The chosen proposals total {DisplayFormat.Amount(total, Language.English)} VND, above the {DisplayFormat.Amount(available, Language.English)} VND left for the plan year.");

    public static Bilingual AmountOutOfRange(long most) => new(
        $"Số tiền phải lớn hơn 0 và không vượt quá {DisplayFormat.Amount(most, Language.Vietnamese)} đồng (số đề nghị hỗ trợ, trong mức trần).",
        $"The amount must be above 0 and at most {DisplayFormat.Amount(most, Language.English)} VND (the support requested, within the cap).");

    private static SelectionLine? Line(RankedEntry entry, SelectionChoice choice, string field, BilingualErrors errors)
    {
        var c = entry.Candidate;
        var amount = choice.Included ? choice.Amount ?? c.MaxAmount : 0;
        if (choice.Included && (amount <= 0 || amount > c.MaxAmount))
        {
            errors.Add(field + ".amount", AmountOutOfRange(c.MaxAmount));
            return null;
        }

        var reason = string.IsNullOrWhiteSpace(choice.Reason) ? null : choice.Reason.Trim();
        var line = new SelectionLine(c.ProposalId, entry.Rank, c.Average, c.Requested, c.MaxAmount, entry.AboveCut, choice.Included, amount, choice.IfLeftOut, reason);
        if (line.IsDeviation && reason is null)
        {
            errors.Add(field + ".reason", ReasonRequired);
            return null;
        }

        if (reason is { Length: > MaxReasonLength })
        {
            errors.Add(field + ".reason", ReasonTooLong);
            return null;
        }

        return line;
    }
}
