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
        var en = language == Language.English;
        var errors = new List<FieldError>();
        var name = Text(form.Name, "name", MaxNameLength, required: true, en ? "the programme's name" : "tên chương trình", language, errors);

        var fromYear = Year(form.FromYear, "fromYear", language, errors);
        var toYear = Year(form.ToYear, "toYear", language, errors);
        if (fromYear is not null && toYear is not null)
        {
            if (toYear < fromYear)
            {
                errors.Add(new("toYear", FieldErrorCodes.OutOfRange, en ? "The last year cannot be before the first year." : "Năm kết thúc không được trước năm bắt đầu."));
            }
            else if (toYear - fromYear + 1 > MaxPeriodYears)
            {
                errors.Add(new("toYear", FieldErrorCodes.OutOfRange, en
                    ? $"A programme lasts at most {MaxPeriodYears} years."
                    : $"Chương trình kéo dài tối đa {MaxPeriodYears} năm."));
            }
        }

        FundingSource source = default;
        if (string.IsNullOrWhiteSpace(form.FundingSource))
        {
            errors.Add(new("fundingSource", FieldErrorCodes.Required, en ? "Choose the funding source (national or local)." : "Vui lòng chọn nguồn kinh phí (national hoặc local)."));
        }
        else if (!FundingSources.TryParse(form.FundingSource, out source))
        {
            errors.Add(new("fundingSource", FieldErrorCodes.UnknownChoice, en ? "Unknown funding source (national or local)." : "Nguồn kinh phí không hợp lệ (national hoặc local)."));
        }

        var decision = Text(form.DecisionNumber, "decisionNumber", MaxDecisionNumberLength, required: true, en ? "the decision number" : "số quyết định", language, errors);

        var targets = new List<ProgrammeTarget>();
        var list = form.Targets ?? [];
        if (list.Count > MaxTargets)
        {
            errors.Add(new("targets", FieldErrorCodes.OutOfRange, en ? $"At most {MaxTargets} targets." : $"Tối đa {MaxTargets} chỉ tiêu."));
        }
        else
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < list.Count; i++)
            {
                var target = Target(list[i], $"targets[{i.ToString(CultureInfo.InvariantCulture)}]", seen, language, errors);
                if (target is not null)
                {
                    targets.Add(target);
                }
            }
        }

        return errors.Count > 0
            ? (null, errors)
            : (new Programme(id, name, fromYear!.Value, toYear!.Value, source, decision, targets), errors);
    }

    private static ProgrammeTarget? Target(ProgrammeTargetForm? form, string field, HashSet<string> seen, Language language, List<FieldError> errors)
    {
        var en = language == Language.English;
        if (form is null)
        {
            errors.Add(new(field, FieldErrorCodes.Required, en ? "The target is empty." : "Chỉ tiêu để trống."));
            return null;
        }

        var before = errors.Count;
        var code = form.Code?.Trim().ToLowerInvariant() ?? string.Empty;
        var measure = ProgrammeMeasures.Find(code);
        if (code.Length == 0)
        {
            errors.Add(new(field + ".code", FieldErrorCodes.Required, en
                ? $"Choose what the target counts ({ProgrammeMeasures.CodeList})."
                : $"Vui lòng chọn cách tính chỉ tiêu ({ProgrammeMeasures.CodeList})."));
        }
        else if (measure is null)
        {
            errors.Add(new(field + ".code", FieldErrorCodes.UnknownChoice, en
                ? $"Unknown target \"{Short(code)}\": choose one of {ProgrammeMeasures.CodeList}."
                : $"Chỉ tiêu \"{Short(code)}\" không hợp lệ; vui lòng chọn một trong: {ProgrammeMeasures.CodeList}."));
        }
        else if (!seen.Add(code))
        {
            errors.Add(new(field + ".code", FieldErrorCodes.InvalidFormat, en ? $"The target \"{code}\" is listed twice." : $"Chỉ tiêu \"{code}\" bị trùng."));
        }

        var nameVi = Text(form.NameVi, field + ".nameVi", MaxTargetNameLength, required: false, en ? "the Vietnamese name" : "tên tiếng Việt", language, errors);
        var nameEn = Text(form.NameEn, field + ".nameEn", MaxTargetNameLength, required: false, en ? "the English name" : "tên tiếng Anh", language, errors);
        var unit = Text(form.Unit, field + ".unit", MaxUnitLength, required: false, en ? "the unit" : "đơn vị tính", language, errors);
        if (form.Target is not { } value || value <= 0 || value > MaxTargetValue)
        {
            errors.Add(new(field + ".target", form.Target is null ? FieldErrorCodes.Required : FieldErrorCodes.OutOfRange, en
                ? "The target value must be a whole number above 0."
                : "Giá trị chỉ tiêu phải là số nguyên lớn hơn 0."));
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

    /// <summary>Normalised single-line text, checked for presence, length and forbidden characters.</summary>
    internal static string Text(string? input, string field, int maxLength, bool required, string what, Language language, List<FieldError> errors)
    {
        var en = language == Language.English;
        if (VietnameseText.HasForbiddenCharacters(input))
        {
            errors.Add(new(field, FieldErrorCodes.InvalidCharacters, en ? $"{Capital(what)} contains characters that are not allowed." : $"{Capital(what)} chứa ký tự không được phép."));
            return string.Empty;
        }

        var text = VietnameseText.Normalize(input);
        if (text.Length == 0 && required)
        {
            errors.Add(new(field, FieldErrorCodes.Required, en ? $"Enter {what}." : $"Vui lòng nhập {what}."));
        }
        else if (text.Length > maxLength)
        {
            errors.Add(new(field, FieldErrorCodes.TooLong, en
                ? $"{Capital(what)} must be at most {maxLength} characters."
                : $"{Capital(what)} không được quá {maxLength} ký tự."));
        }

        return text;
    }

    internal static int? Year(int? year, string field, Language language, List<FieldError> errors)
    {
        if (year is { } y && BudgetKey.IsValidYear(y))
        {
            return y;
        }

        errors.Add(new(field, year is null ? FieldErrorCodes.Required : FieldErrorCodes.OutOfRange, language == Language.English
            ? $"The year must be a number from {BudgetKey.MinYear} to {BudgetKey.MaxYear}."
            : $"Năm phải là số từ {BudgetKey.MinYear} đến {BudgetKey.MaxYear}."));
        return null;
    }

    private static string Short(string text) => text.Length > 40 ? text[..40] + "…" : text;

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpper(text[0], CultureInfo.InvariantCulture) + text[1..];
}
