using KhuyenCong.Application.Common;
using KhuyenCong.Domain.Activities;
using KhuyenCong.Domain.Budgets;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Application.Calls;

/// <summary>A call's content once its rules hold (<see cref="CallRules.Validate"/>).</summary>
public sealed record CallContent(
    int PlanYear,
    FundingSource FundingSource,
    string Title,
    DateOnly OpensOn,
    DateOnly ClosesOn,
    IReadOnlyList<string> Kinds,
    IReadOnlyDictionary<string, IReadOnlyList<string>> RequiredDocuments,
    string? Description);

/// <summary>
/// The rules of a call (đợt đăng ký): a title; a plan year not in the past (a call registers proposals for this year or a
/// later one); a funding source; the days it receives proposals, closing on or after it opens and before its plan year
/// ends; the kinds it accepts (known kind codes; none: every kind); the documents it requires per kind (only for kinds it
/// accepts); a description. No law sets a call's dates (docs/legal/cycle-reports-documents.md F2.3: "not found"): they
/// are the officer's. Every message names its field, in both languages.
/// </summary>
public static class CallRules
{
    public const int MaxTitle = 300;
    public const int MaxDescription = 4000;
    public const int MaxDocument = 200;
    public const int MaxDocumentsPerKind = 30;

    /// <param name="keptPlanYear">On an edit, the plan year stored: it may stay even once past (the call is history), never move into the past.</param>
    public static CallContent? Validate(CallForm form, DateOnly today, int? keptPlanYear, BilingualErrors errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(errors);
        if (!form.Title.TryText(TextMode.SingleLine, MaxTitle, required: true, out var title))
        {
            errors.Add("title", $"Vui lòng nhập tên đợt đăng ký (tối đa {MaxTitle} ký tự, không có ký tự điều khiển).",
                $"Enter the call's title (at most {MaxTitle} characters, no control characters).");
        }

        var planYear = PlanYear(form.PlanYear, today, keptPlanYear, errors);
        var source = Source(form.FundingSource, errors);
        var (opensOn, closesOn) = Dates(form, planYear, errors);
        var kinds = Kinds(form.Kinds, errors);
        var documents = Documents(form.RequiredDocuments, kinds, errors);
        if (!form.Description.TryText(TextMode.MultiLine, MaxDescription, required: false, out var description))
        {
            errors.Add("description", $"Phần mô tả dài tối đa {MaxDescription} ký tự, không có ký tự điều khiển.",
                $"The description has at most {MaxDescription} characters, without control characters.");
        }

        return errors.IsEmpty
            ? new CallContent(planYear!.Value, source!.Value, title!, opensOn!.Value, closesOn!.Value, kinds!, documents!, description)
            : null;
    }

    private static int? PlanYear(FieldInput input, DateOnly today, int? keptPlanYear, BilingualErrors errors)
    {
        if (!input.TryWholeNumber(out var year) || !BudgetKey.IsValidYear((int)Math.Clamp(year, int.MinValue, int.MaxValue)))
        {
            errors.Add("planYear", $"Năm kế hoạch phải là một năm từ {BudgetKey.MinYear} đến {BudgetKey.MaxYear}, ví dụ {today.Year + 1}.",
                $"The plan year must be a year from {BudgetKey.MinYear} to {BudgetKey.MaxYear}, such as {today.Year + 1}.");
            return null;
        }

        if (year < today.Year && year != keptPlanYear)
        {
            errors.Add("planYear", $"Năm kế hoạch {year} đã qua: đợt đăng ký chỉ mở cho năm {today.Year} trở về sau.",
                $"Plan year {year} is in the past: a call is for {today.Year} or a later year.");
            return null;
        }

        return (int)year;
    }

    private static FundingSource? Source(FieldInput input, BilingualErrors errors)
    {
        if (!input.WrongType && FundingSources.TryParse(input.Text, out var source))
        {
            return source;
        }

        errors.Add("fundingSource", "Vui lòng chọn nguồn kinh phí: national (khuyến công quốc gia) hoặc local (khuyến công địa phương).",
            "Choose the funding source: national (national industrial promotion) or local (local industrial promotion).");
        return null;
    }

    private static (DateOnly? OpensOn, DateOnly? ClosesOn) Dates(CallForm form, int? planYear, BilingualErrors errors)
    {
        DateOnly? opensOn = form.OpensOn.TryDate(out var opens) ? opens : null;
        DateOnly? closesOn = form.ClosesOn.TryDate(out var closes) ? closes : null;
        if (opensOn is null)
        {
            errors.Add("opensOn", "Vui lòng nhập ngày bắt đầu nhận hồ sơ (dạng yyyy-MM-dd).", "Enter the day the call opens (yyyy-MM-dd).");
        }

        if (closesOn is null)
        {
            errors.Add("closesOn", "Vui lòng nhập ngày kết thúc nhận hồ sơ (dạng yyyy-MM-dd).", "Enter the day the call closes (yyyy-MM-dd).");
        }
        else if (opensOn is { } o && closesOn < o)
        {
            errors.Add("closesOn", $"Ngày kết thúc nhận hồ sơ ({Vi(closesOn.Value)}) không được trước ngày bắt đầu ({Vi(o)}).",
                $"The closing day ({En(closesOn.Value)}) cannot be before the opening day ({En(o)}).");
            closesOn = null;
        }
        else if (planYear is { } year && closesOn.Value.Year > year)
        {
            errors.Add("closesOn", $"Đợt đăng ký cho năm kế hoạch {year} phải kết thúc nhận hồ sơ muộn nhất ngày 31/12/{year}.",
                $"A call for plan year {year} must close by {year}-12-31 at the latest.");
            closesOn = null;
        }

        return (opensOn, closesOn);
    }

    private static IReadOnlyList<string>? Kinds(ListInput input, BilingualErrors errors)
    {
        var unknown = input.Items.Where(k => !ProposalKinds.TryParse(k, out _)).ToList();
        if (input.WrongType || unknown.Count > 0)
        {
            var codes = string.Join(", ", ProposalKinds.All.Select(k => k.Code));
            errors.Add("kinds", $"Nội dung không có trong danh mục: {string.Join(", ", unknown)}. Các mã hợp lệ: {codes}.",
                $"Not a kind of the catalogue: {string.Join(", ", unknown)}. Valid codes: {codes}.");
            return null;
        }

        return input.Items.Select(k => { ProposalKinds.TryParse(k, out var kind); return kind.ToCode(); }).Distinct(StringComparer.Ordinal).ToList();
    }

    private static IReadOnlyDictionary<string, IReadOnlyList<string>>? Documents(DocumentsInput input, IReadOnlyList<string>? kinds, BilingualErrors errors)
    {
        if (input.WrongType || input.MalformedLine is not null)
        {
            errors.Add("requiredDocuments", "Giấy tờ yêu cầu ghi theo từng nội dung: mỗi dòng “mã nội dung: giấy tờ 1; giấy tờ 2” (hoặc một đối tượng JSON mã nội dung → danh sách giấy tờ).",
                "Give the required documents per kind: one line \"kind code: document 1; document 2\" each (or a JSON object of kind code → list of documents).");
            return null;
        }

        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (code, documents) in input.ByKind)
        {
            if (!ProposalKinds.TryParse(code, out var kind) || (kinds is { Count: > 0 } && !kinds.Contains(kind.ToCode(), StringComparer.Ordinal)))
            {
                errors.Add("requiredDocuments", $"Đợt đăng ký không nhận nội dung “{code}”: không thể yêu cầu giấy tờ cho nội dung đó.",
                    $"The call does not accept the kind \"{code}\": it cannot require documents for it.");
                return null;
            }

            var texts = documents.Select(d => FieldInput.Of(d).TryText(TextMode.SingleLine, MaxDocument, required: true, out var text) ? text : null).ToList();
            if (texts.Count is 0 or > MaxDocumentsPerKind || texts.Any(t => t is null))
            {
                errors.Add("requiredDocuments", $"Mỗi nội dung có từ 1 đến {MaxDocumentsPerKind} giấy tờ, mỗi giấy tờ tối đa {MaxDocument} ký tự.",
                    $"Each kind has 1 to {MaxDocumentsPerKind} documents of at most {MaxDocument} characters each.");
                return null;
            }

            result[kind.ToCode()] = texts.Distinct(StringComparer.Ordinal).ToList()!;
        }

        return result;
    }

    private static string Vi(DateOnly date) => DisplayFormat.Date(date, Language.Vietnamese);

    private static string En(DateOnly date) => DisplayFormat.Date(date, Language.English);
}
