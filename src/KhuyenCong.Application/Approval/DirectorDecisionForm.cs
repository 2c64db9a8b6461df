using System.Globalization;
using KhuyenCong.Application.Common;
using KhuyenCong.Application.Links;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Application.Approval;

/// <summary>The director's decision as posted: every value as typed.</summary>
/// <param name="Decision">"approve", "revise" or "reject".</param>
/// <param name="Amount">The approved amount, with or without separators ("200.000.000").</param>
/// <param name="DecisionNumber">The decision's number ("125/QĐ-SCT").</param>
/// <param name="DecisionDate">The decision's date as a date input sends it (yyyy-MM-dd).</param>
/// <param name="Comment">The comment or reason (required to revise or reject; the applicant receives it).</param>
public sealed record DirectorDecisionForm(string? Decision, string? Amount, string? DecisionNumber, string? DecisionDate, string? Comment)
{
    public const string DecisionField = "decision";
    public const string AmountField = "amount";
    public const string DecisionNumberField = "decisionNumber";
    public const string DecisionDateField = "decisionDate";
    public const string CommentField = "comment";
    public const int MaxDecisionNumberLength = 50;

    /// <summary>
    /// The form checked: the decision chosen; to approve, an amount from 1 to the support requested and within the cap
    /// (<paramref name="maxAmount"/>), a decision number and a date; to revise or reject, a comment. Errors by field.
    /// </summary>
    public ValidDirectorDecision? Validate(long requested, long maxAmount, string? capBasis, BilingualErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var comment = LinkRefusals.Text(Comment);
        var parsed = DirectorOutcomes.TryParse(Decision, out var outcome);
        long? amount = null;
        string? number = null;
        DateOnly? date = null;
        if (!parsed)
        {
            errors.Add(DecisionField, "Vui lòng chọn quyết định: phê duyệt, yêu cầu chỉnh sửa hoặc không phê duyệt.", "Choose a decision: approve, revise or reject.");
        }
        else if (outcome == DirectorOutcome.Approve)
        {
            amount = ValidAmount(requested, maxAmount, capBasis, errors);
            number = ValidNumber(errors);
            date = ValidDate(errors);
        }
        else if (comment.Length == 0)
        {
            errors.Add(CommentField, outcome == DirectorOutcome.Reject
                ? new Bilingual("Vui lòng nêu lý do không phê duyệt (cơ sở sẽ nhận được nội dung này).", "Give the reason for rejecting (the applicant receives it).")
                : new Bilingual("Vui lòng nêu nội dung cần chỉnh sửa, bổ sung (cơ sở sẽ nhận được nội dung này).", "Say what must be revised (the applicant receives it)."));
        }

        if (comment.Length > LinkRefusals.MaxTextLength)
        {
            errors.Add(CommentField, LinkRefusals.TooLong());
        }

        return errors.IsEmpty ? new(outcome, amount, number, date, comment.Length == 0 ? null : comment) : null;
    }

    private long? ValidAmount(long requested, long maxAmount, string? capBasis, BilingualErrors errors)
    {
        var digits = (Amount ?? string.Empty).Replace(".", string.Empty, StringComparison.Ordinal)
            .Replace(",", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal);
        if (digits.Length == 0)
        {
            errors.Add(AmountField, "Vui lòng nhập số tiền phê duyệt.", "Enter the approved amount.");
        }
        else if (!long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1 || value > requested)
        {
            errors.Add(AmountField,
                $"Số tiền phê duyệt phải từ 1 đến {Money(requested).Vietnamese} (số đề nghị hỗ trợ).",
                $"The approved amount must be from 1 to {Money(requested).English} (the support requested).");
        }
        else if (value > maxAmount)
        {
            errors.Add(AmountField,
                $"Số tiền phê duyệt vượt mức trần hỗ trợ {Money(maxAmount).Vietnamese} ({capBasis}).",
                $"The approved amount is above the cap of {Money(maxAmount).English} ({capBasis}).");
        }
        else
        {
            return value;
        }

        return null;
    }

    private string? ValidNumber(BilingualErrors errors)
    {
        var number = LinkRefusals.Text(DecisionNumber, TextMode.SingleLine);
        if (number.Length == 0)
        {
            errors.Add(DecisionNumberField, "Vui lòng nhập số quyết định.", "Enter the decision number.");
        }
        else if (number.Length > MaxDecisionNumberLength)
        {
            errors.Add(DecisionNumberField,
                $"Số quyết định không được dài quá {MaxDecisionNumberLength} ký tự.", $"The decision number is at most {MaxDecisionNumberLength} characters.");
        }

        return number;
    }

    private DateOnly? ValidDate(BilingualErrors errors)
    {
        if (DateOnly.TryParseExact(DecisionDate?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            && date.Year is >= 2000 and <= 2100)
        {
            return date;
        }

        errors.Add(DecisionDateField, "Vui lòng nhập ngày quyết định (ngày/tháng/năm).", "Enter the decision date.");
        return null;
    }

    /// <summary>"250.000.000 đồng" / "250,000,000 VND".</summary>
    private static Bilingual Money(long amount) =>
        new(DisplayFormat.Amount(amount, Language.Vietnamese) + " đồng", DisplayFormat.Amount(amount, Language.English) + " VND");
}

/// <summary>A director's decision that passed <see cref="DirectorDecisionForm.Validate"/>: amount, number and date set to approve.</summary>
public sealed record ValidDirectorDecision(DirectorOutcome Outcome, long? Amount, string? DecisionNumber, DateOnly? DecisionDate, string? Comment);
