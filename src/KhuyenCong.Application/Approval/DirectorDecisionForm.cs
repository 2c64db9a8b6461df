using System.Globalization;
using KhuyenCong.Application.Common;
using KhuyenCong.Application.Links;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Application.Approval;

/// <summary>The director's decision as posted: every value as typed.</summary>
/// <param name="Decision">"approve", "revise" or "reject".</param>
/// <param name="Amount">The approved amount, with or without separators ("200.000.000").</param>
/// <param name="DecisionNumber">The decision's number ("125/QĐ-SCT"); may be left empty, for an officer to record once the văn thư gives it.</param>
/// <param name="DecisionDate">The decision's date as a date input sends it (yyyy-MM-dd) or as typed (dd/MM/yyyy); may be left empty.</param>
/// <param name="Comment">The comment or reason (required to revise or reject; the applicant receives it).</param>
public sealed record DirectorDecisionForm(string? Decision, string? Amount, string? DecisionNumber, string? DecisionDate, string? Comment)
{
    /// <summary>The confirm step's field: an approval commits money only when it is posted with <see cref="ConfirmedValue"/>.</summary>
    public const string ConfirmField = "confirm";
    public const string ConfirmedValue = "yes";

    public const string DecisionField = "decision";
    public const string AmountField = "amount";
    public const string DecisionNumberField = "decisionNumber";
    public const string DecisionDateField = "decisionDate";
    public const string CommentField = "comment";
    public const int MaxDecisionNumberLength = 50;

    /// <summary>The director confirmed the amount on the confirm step (<see cref="ConfirmField"/> = <see cref="ConfirmedValue"/>).</summary>
    public bool Confirmed { get; init; }

    /// <summary>
    /// The form checked: the decision chosen; to approve, an amount from 1 to the support requested and within the cap
    /// (<paramref name="maxAmount"/>), and the decision's number and date when given (both may be left empty and
    /// recorded later by an officer, <see cref="DecisionNumberRecording"/>); to revise or reject, a comment. Errors by field.
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
        if (number.Length > MaxDecisionNumberLength)
        {
            errors.Add(DecisionNumberField,
                $"Số quyết định không được dài quá {MaxDecisionNumberLength} ký tự.", $"The decision number is at most {MaxDecisionNumberLength} characters.");
        }

        return number.Length == 0 ? null : number;
    }

    private DateOnly? ValidDate(BilingualErrors errors)
    {
        if (string.IsNullOrWhiteSpace(DecisionDate))
        {
            return null;
        }

        if (DecisionDates.TryParse(DecisionDate, out var date))
        {
            return date;
        }

        errors.Add(DecisionDateField, DecisionDates.Invalid);
        return null;
    }

    /// <summary>"250.000.000 đồng" / "250,000,000 VND".</summary>
    private static Bilingual Money(long amount) =>
        new(DisplayFormat.Amount(amount, Language.Vietnamese) + " đồng", DisplayFormat.Amount(amount, Language.English) + " VND");
}

/// <summary>A director's decision that passed <see cref="DirectorDecisionForm.Validate"/>: an amount to approve; the number and date when given.</summary>
public sealed record ValidDirectorDecision(DirectorOutcome Outcome, long? Amount, string? DecisionNumber, DateOnly? DecisionDate, string? Comment);

/// <summary>A decision's date as a date input sends it (yyyy-MM-dd) or as typed (dd/MM/yyyy), between 2000 and 2100.</summary>
public static class DecisionDates
{
    private static readonly string[] Formats = ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"];

    public static Bilingual Invalid { get; } = new("Ngày quyết định không hợp lệ: nhập theo dạng ngày/tháng/năm, ví dụ 15/03/2026.",
        "The decision date is not valid: enter it as day/month/year, for example 15/03/2026.");

    public static bool TryParse(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date) && date.Year is >= 2000 and <= 2100;
}
