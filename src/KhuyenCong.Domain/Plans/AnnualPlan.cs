using System.Globalization;
using KhuyenCong.Domain.Activities;
using KhuyenCong.Domain.Budgets;
using KhuyenCong.Domain.Programmes;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Domain.Plans;

/// <summary>
/// The annual khuyến công plan (kế hoạch khuyến công năm) of one year and funding source: its budget (which is the
/// budget ledger's allocation for <see cref="Key"/>), the planned items and notes, optionally under a programme.
/// </summary>
public sealed record AnnualPlan(BudgetKey Key, string? ProgrammeId, long Budget, IReadOnlyList<PlanItem> Items, string Notes)
{
    /// <summary>The sum of the items' expected amounts.</summary>
    public long PlannedTotal => Items.Sum(i => i.ExpectedAmount);
}

/// <summary>A planned item: what, of which kind, for about how much (VND).</summary>
public sealed record PlanItem(string Title, ProposalKind Kind, long ExpectedAmount);

/// <summary>A stored plan with its version and who changed it last.</summary>
public sealed record AnnualPlanRecord(AnnualPlan Plan, int Version, string ChangedBy, DateTimeOffset ChangedAt);

/// <summary>A plan as entered (JSON): everything optional and unchecked.</summary>
public sealed record AnnualPlanForm(string? ProgrammeId, long? Budget, IReadOnlyList<PlanItemForm?>? Items, string? Notes);

public sealed record PlanItemForm(string? Title, string? Kind, long? ExpectedAmount);

/// <summary>Checks a plan as entered and builds it, with every problem by field in the user's language.</summary>
public static class AnnualPlanRules
{
    public const int MaxItems = 60;
    public const int MaxTitleLength = 200;
    public const int MaxNotesLength = 4000;
    public const long MaxAmount = 1_000_000_000_000_000;

    public static (AnnualPlan? Plan, IReadOnlyList<FieldError> Errors) Validate(BudgetKey key, AnnualPlanForm form, Language language)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(form);
        var en = language == Language.English;
        var errors = new List<FieldError>();
        if (form.Budget is not { } budget)
        {
            errors.Add(new("budget", FieldErrorCodes.Required, en ? "Enter the plan's budget in VND." : "Vui lòng nhập kinh phí của kế hoạch (đồng)."));
            budget = 0;
        }
        else if (budget < 0 || budget > MaxAmount)
        {
            errors.Add(new("budget", FieldErrorCodes.OutOfRange, BudgetRules.AllocationNegative().Message(language)));
        }

        var programmeId = string.IsNullOrWhiteSpace(form.ProgrammeId) ? null : form.ProgrammeId.Trim();
        if (programmeId is not null && (programmeId.Length > 64 || !programmeId.All(char.IsAsciiLetterOrDigit)))
        {
            errors.Add(new("programmeId", FieldErrorCodes.InvalidFormat, en ? "Unknown programme." : "Không có chương trình này."));
        }

        var items = new List<PlanItem>();
        var list = form.Items ?? [];
        if (list.Count > MaxItems)
        {
            errors.Add(new("items", FieldErrorCodes.OutOfRange, en ? $"At most {MaxItems} items." : $"Tối đa {MaxItems} mục."));
            list = [];
        }

        for (var i = 0; i < list.Count; i++)
        {
            var field = $"items[{i.ToString(CultureInfo.InvariantCulture)}]";
            var item = list[i];
            if (item is null)
            {
                errors.Add(new(field, FieldErrorCodes.Required, en ? "The item is empty." : "Mục để trống."));
                continue;
            }

            var before = errors.Count;
            var title = ProgrammeRules.Text(item.Title, field + ".title", MaxTitleLength, required: true, en ? "the item's title" : "tên nội dung", language, errors);
            if (!ProposalKinds.TryParse(item.Kind, out var kind))
            {
                errors.Add(new(field + ".kind", item.Kind is null ? FieldErrorCodes.Required : FieldErrorCodes.UnknownChoice, en
                    ? "Choose the item's kind from the list."
                    : "Vui lòng chọn nội dung khuyến công trong danh sách."));
            }

            if (item.ExpectedAmount is not { } amount || amount < 0 || amount > MaxAmount)
            {
                errors.Add(new(field + ".expectedAmount", FieldErrorCodes.OutOfRange, en
                    ? "The expected amount must be a whole amount in VND, 0 or more."
                    : "Kinh phí dự kiến phải là số tiền nguyên tính bằng đồng, từ 0 trở lên."));
            }

            if (errors.Count == before)
            {
                items.Add(new PlanItem(title, kind, item.ExpectedAmount!.Value));
            }
        }

        string notes = string.Empty;
        if (VietnameseText.HasForbiddenCharacters(form.Notes))
        {
            errors.Add(new("notes", FieldErrorCodes.InvalidCharacters, en ? "The notes contain characters that are not allowed." : "Ghi chú chứa ký tự không được phép."));
        }
        else
        {
            notes = VietnameseText.Normalize(form.Notes, TextMode.MultiLine);
            if (notes.Length > MaxNotesLength)
            {
                errors.Add(new("notes", FieldErrorCodes.TooLong, en ? $"The notes must be at most {MaxNotesLength} characters." : $"Ghi chú không được quá {MaxNotesLength} ký tự."));
            }
        }

        return errors.Count > 0 ? (null, errors) : (new AnnualPlan(key, programmeId, budget, items, notes), errors);
    }
}
