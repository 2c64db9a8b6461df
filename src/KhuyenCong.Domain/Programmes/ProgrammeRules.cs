using System.Globalization;
using KhuyenCong.Domain.Budgets;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Domain.Programmes;

/// <summary>A programme as entered (JSON or form): everything optional and unchecked.</summary>
public sealed record ProgrammeForm(
    string? Name,
    int? FromYear,
    int? ToYear,
    string? FundingSource,
    string? DecisionNumber,
    IReadOnlyList<ProgrammeTargetForm?>? Targets);

/// <summary>One target as entered; names and unit default to the measure's.</summary>
public sealed record ProgrammeTargetForm(string? Code, string? NameVi, string? NameEn, string? Unit, long? Target);

/// <summary>Checks a programme as entered and builds it, with every problem by field in the user's language.</summary>
public static class ProgrammeRules
{
    public const int MaxNameLength = 200;
    public const int MaxDecisionNumberLength = 50;
    public const int MaxTargets = 20;
    public const int MaxTargetNameLength = 150;
    public const int MaxUnitLength = 30;
    public const int MaxPeriodYears = 10;
    public const long MaxTargetValue = 1_000_000_000_000_000;

    /// <summary>The programme when valid (with <paramref name="id"/>), otherwise null and the errors.</summary>
    public static (Programme? Programme, IReadOnlyList<FieldError> Errors) Validate(ProgrammeForm form, string id, Language language)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = new List<FieldError>();
        var name = Text(form.Name, "name", MaxNameLength, required: true, new Bilingual("tên chương trình", "the programme's name").In(language), language, errors);
        var (fromYear, toYear) = Period(form.FromYear, form.ToYear, language, errors);
        var source = FundingSourceOf(form.FundingSource, language, errors);
        var decision = Text(form.DecisionNumber, "decisionNumber", MaxDecisionNumberLength, required: true, new Bilingual("số quyết định", "the decision number").In(language), language, errors);
        var targets = Targets(form.Targets, language, errors);
        return errors.Count > 0
            ? (null, errors)
            : (new Programme(id, name, fromYear!.Value, toYear!.Value, source, decision, targets), errors);
    }

    /// <summary>The first and last years, each valid, the last not before the first, at most <see cref="MaxPeriodYears"/> apart.</summary>
    private static (int? From, int? To) Period(int? from, int? to, Language language, List<FieldError> errors)
    {
        var fromYear = Year(from, "fromYear", language, errors);
        var toYear = Year(to, "toYear", language, errors);
        if (fromYear is null || toYear is null)
        {
            return (fromYear, toYear);
        }

        if (toYear < fromYear)
        {
            errors.Add(new("toYear", FieldErrorCodes.OutOfRange, new Bilingual("Năm kết thúc không được trước năm bắt đầu.", "The last year cannot be before the first year.").In(language)));
        }
        else if (toYear - fromYear + 1 > MaxPeriodYears)
        {
            errors.Add(new("toYear", FieldErrorCodes.OutOfRange, new Bilingual(
                $"Chương trình kéo dài tối đa {MaxPeriodYears} năm.",
                $"A programme lasts at most {MaxPeriodYears} years.").In(language)));
        }

        return (fromYear, toYear);
    }

    private static FundingSource FundingSourceOf(string? entered, Language language, List<FieldError> errors)
    {
        FundingSource source = default;
        if (string.IsNullOrWhiteSpace(entered))
        {
            errors.Add(new("fundingSource", FieldErrorCodes.Required, new Bilingual("Vui lòng chọn nguồn kinh phí (national hoặc local).", "Choose the funding source (national or local).").In(language)));
        }
        else if (!FundingSources.TryParse(entered, out source))
        {
            errors.Add(new("fundingSource", FieldErrorCodes.UnknownChoice, new Bilingual("Nguồn kinh phí không hợp lệ (national hoặc local).", "Unknown funding source (national or local).").In(language)));
        }

        return source;
    }

    /// <summary>The targets valid alone (at most <see cref="MaxTargets"/>, each measure once).</summary>
    private static List<ProgrammeTarget> Targets(IReadOnlyList<ProgrammeTargetForm?>? entered, Language language, List<FieldError> errors)
    {
        var list = entered ?? [];
        if (list.Count > MaxTargets)
        {
            errors.Add(new("targets", FieldErrorCodes.OutOfRange, new Bilingual($"Tối đa {MaxTargets} chỉ tiêu.", $"At most {MaxTargets} targets.").In(language)));
            return [];
        }

        var targets = new List<ProgrammeTarget>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < list.Count; i++)
        {
            if (Target(list[i], $"targets[{i.ToString(CultureInfo.InvariantCulture)}]", seen, language, errors) is { } target)
            {
                targets.Add(target);
            }
        }

        return targets;
    }

    private static ProgrammeTarget? Target(ProgrammeTargetForm? form, string field, HashSet<string> seen, Language language, List<FieldError> errors)
    {
        if (form is null)
        {
            errors.Add(new(field, FieldErrorCodes.Required, new Bilingual("Chỉ tiêu để trống.", "The target is empty.").In(language)));
            return null;
        }

        var before = errors.Count;
        var (code, measure) = TargetMeasure(form.Code, field + ".code", seen, language, errors);
        var nameVi = Text(form.NameVi, field + ".nameVi", MaxTargetNameLength, required: false, new Bilingual("tên tiếng Việt", "the Vietnamese name").In(language), language, errors);
        var nameEn = Text(form.NameEn, field + ".nameEn", MaxTargetNameLength, required: false, new Bilingual("tên tiếng Anh", "the English name").In(language), language, errors);
        var unit = Text(form.Unit, field + ".unit", MaxUnitLength, required: false, new Bilingual("đơn vị tính", "the unit").In(language), language, errors);
        if (form.Target is not { } value || value <= 0 || value > MaxTargetValue)
        {
            errors.Add(new(field + ".target", form.Target is null ? FieldErrorCodes.Required : FieldErrorCodes.OutOfRange, new Bilingual(
                "Giá trị chỉ tiêu phải là số nguyên lớn hơn 0.",
                "The target value must be a whole number above 0.").In(language)));
        }

        if (errors.Count > before || measure is null)
        {
            return null;
        }

        return new ProgrammeTarget(code,
            nameVi.Length > 0 ? nameVi : measure.NameVi,
            nameEn.Length > 0 ? nameEn : measure.NameEn,
            unit.Length > 0 ? unit : measure.UnitVi,
            form.Target!.Value);
    }

    /// <summary>The target's code (lower case) and its measure: required, known, and not listed twice.</summary>
    private static (string Code, ProgrammeMeasure? Measure) TargetMeasure(string? entered, string field, HashSet<string> seen, Language language, List<FieldError> errors)
    {
        var code = entered?.Trim().ToLowerInvariant() ?? string.Empty;
        var measure = ProgrammeMeasures.Find(code);
        if (code.Length == 0)
        {
            errors.Add(new(field, FieldErrorCodes.Required, new Bilingual(
                $"Vui lòng chọn cách tính chỉ tiêu ({ProgrammeMeasures.CodeList}).",
                $"Choose what the target counts ({ProgrammeMeasures.CodeList}).").In(language)));
        }
        else if (measure is null)
        {
            errors.Add(new(field, FieldErrorCodes.UnknownChoice, new Bilingual(
                $"Chỉ tiêu \"{Short(code)}\" không hợp lệ; vui lòng chọn một trong: {ProgrammeMeasures.CodeList}.",
                $"Unknown target \"{Short(code)}\": choose one of {ProgrammeMeasures.CodeList}.").In(language)));
        }
        else if (!seen.Add(code))
        {
            errors.Add(new(field, FieldErrorCodes.InvalidFormat, new Bilingual($"Chỉ tiêu \"{code}\" bị trùng.", $"The target \"{code}\" is listed twice.").In(language)));
        }

        return (code, measure);
    }

    /// <summary>Normalised single-line text, checked for presence, length and forbidden characters.</summary>
    internal static string Text(string? input, string field, int maxLength, bool required, string what, Language language, List<FieldError> errors)
    {
        if (VietnameseText.HasForbiddenCharacters(input))
        {
            errors.Add(new(field, FieldErrorCodes.InvalidCharacters, new Bilingual($"{Capital(what)} chứa ký tự không được phép.", $"{Capital(what)} contains characters that are not allowed.").In(language)));
            return string.Empty;
        }

        var text = VietnameseText.Normalize(input);
        if (text.Length == 0 && required)
        {
            errors.Add(new(field, FieldErrorCodes.Required, new Bilingual($"Vui lòng nhập {what}.", $"Enter {what}.").In(language)));
        }
        else if (text.Length > maxLength)
        {
            errors.Add(new(field, FieldErrorCodes.TooLong, new Bilingual(
                $"{Capital(what)} không được quá {maxLength} ký tự.",
                $"{Capital(what)} must be at most {maxLength} characters.").In(language)));
        }

        return text;
    }

    internal static int? Year(int? year, string field, Language language, List<FieldError> errors)
    {
        if (year is { } y && BudgetKey.IsValidYear(y))
        {
            return y;
        }

        errors.Add(new(field, year is null ? FieldErrorCodes.Required : FieldErrorCodes.OutOfRange, new Bilingual(
            $"Năm phải là số từ {BudgetKey.MinYear} đến {BudgetKey.MaxYear}.",
            $"The year must be a number from {BudgetKey.MinYear} to {BudgetKey.MaxYear}.").In(language)));
        return null;
    }

    private static string Short(string text) => text.Length > 40 ? text[..40] + "…" : text;

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpper(text[0], CultureInfo.InvariantCulture) + text[1..];
}
