using System.Globalization;
using KhuyenCong.Domain.Budgets;
using KhuyenCong.Domain.Programmes;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using KhuyenCong.Domain.Activities;

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
        var errors = new List<FieldError>();
        var budget = Budget(form.Budget, language, errors);
        var programmeId = ProgrammeId(form.ProgrammeId, language, errors);
        var items = Items(form.Items, language, errors);
        var notes = Notes(form.Notes, language, errors);
        return errors.Count > 0 ? (null, errors) : (new AnnualPlan(key, programmeId, budget, items, notes), errors);
    }

    /// <summary>The budget in VND, required, from 0 to <see cref="MaxAmount"/>.</summary>
    private static long Budget(long? entered, Language language, List<FieldError> errors)
    {
        if (entered is not { } budget)
        {
            errors.Add(new("budget", FieldErrorCodes.Required, new Bilingual("Vui lòng nhập kinh phí của kế hoạch (đồng).", "Enter the plan's budget in VND.").In(language)));
            return 0;
        }

        if (budget < 0 || budget > MaxAmount)
        {
            errors.Add(new("budget", FieldErrorCodes.OutOfRange, BudgetRules.AllocationNegative().Message(language)));
        }

        return budget;
    }

    /// <summary>The programme's id when one is given (letters and digits, at most 64).</summary>
    private static string? ProgrammeId(string? entered, Language language, List<FieldError> errors)
    {
        var programmeId = string.IsNullOrWhiteSpace(entered) ? null : entered.Trim();
        if (programmeId is not null && (programmeId.Length > 64 || !programmeId.All(char.IsAsciiLetterOrDigit)))
        {
            errors.Add(new("programmeId", FieldErrorCodes.InvalidFormat, new Bilingual("Không có chương trình này.", "Unknown programme.").In(language)));
        }

        return programmeId;
    }

    /// <summary>The items valid alone (at most <see cref="MaxItems"/>); each problem is reported under <c>items[i].field</c>.</summary>
    private static List<PlanItem> Items(IReadOnlyList<PlanItemForm?>? entered, Language language, List<FieldError> errors)
    {
        var list = entered ?? [];
        if (list.Count > MaxItems)
        {
            errors.Add(new("items", FieldErrorCodes.OutOfRange, new Bilingual($"Tối đa {MaxItems} mục.", $"At most {MaxItems} items.").In(language)));
            return [];
        }

        var items = new List<PlanItem>();
        for (var i = 0; i < list.Count; i++)
        {
            if (Item(list[i], $"items[{i.ToString(CultureInfo.InvariantCulture)}]", language, errors) is { } item)
            {
                items.Add(item);
            }
        }

        return items;
    }

    /// <summary>One item: a title, a kind from the list, an expected amount from 0 to <see cref="MaxAmount"/>; null when in error.</summary>
    private static PlanItem? Item(PlanItemForm? item, string field, Language language, List<FieldError> errors)
    {
        if (item is null)
        {
            errors.Add(new(field, FieldErrorCodes.Required, new Bilingual("Mục để trống.", "The item is empty.").In(language)));
            return null;
        }

        var before = errors.Count;
        var title = ProgrammeRules.Text(item.Title, field + ".title", MaxTitleLength, required: true, new Bilingual("tên nội dung", "the item's title").In(language), language, errors);
        if (!ProposalKinds.TryParse(item.Kind, out var kind))
        {
            errors.Add(new(field + ".kind", item.Kind is null ? FieldErrorCodes.Required : FieldErrorCodes.UnknownChoice, new Bilingual(
                "Vui lòng chọn nội dung khuyến công trong danh sách.",
                "Choose the item's kind from the list.").In(language)));
        }

        if (item.ExpectedAmount is not { } amount || amount < 0 || amount > MaxAmount)
        {
            errors.Add(new(field + ".expectedAmount", FieldErrorCodes.OutOfRange, new Bilingual(
                "Kinh phí dự kiến phải là số tiền nguyên tính bằng đồng, từ 0 trở lên.",
                "The expected amount must be a whole amount in VND, 0 or more.").In(language)));
        }

        return errors.Count == before ? new PlanItem(title, kind, item.ExpectedAmount!.Value) : null;
    }

    /// <summary>The notes, normalised, without forbidden characters, at most <see cref="MaxNotesLength"/>.</summary>
    private static string Notes(string? entered, Language language, List<FieldError> errors)
    {
        if (VietnameseText.HasForbiddenCharacters(entered))
        {
            errors.Add(new("notes", FieldErrorCodes.InvalidCharacters, new Bilingual("Ghi chú chứa ký tự không được phép.", "The notes contain characters that are not allowed.").In(language)));
            return string.Empty;
        }

        var notes = VietnameseText.Normalize(entered, TextMode.MultiLine);
        if (notes.Length > MaxNotesLength)
        {
            errors.Add(new("notes", FieldErrorCodes.TooLong, new Bilingual($"Ghi chú không được quá {MaxNotesLength} ký tự.", $"The notes must be at most {MaxNotesLength} characters.").In(language)));
        }

        return notes;
    }
}
