using System.Globalization;
using System.Text.RegularExpressions;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Domain.Appraisal;

/// <summary>One scored criterion (tiêu chí) of a rubric.</summary>
/// <param name="Code">Stable lower-case code ("necessity"), the key of the points in a <see cref="ReviewScore"/>.</param>
/// <param name="NameVi">Name in Vietnamese, with diacritics.</param>
/// <param name="NameEn">Name in English.</param>
/// <param name="DescriptionVi">What the reviewer looks at, in Vietnamese.</param>
/// <param name="DescriptionEn">What the reviewer looks at, in English.</param>
/// <param name="MaxPoints">The most points a reviewer can give (positive).</param>
public sealed record RubricCriterion(string Code, string NameVi, string NameEn, string? DescriptionVi, string? DescriptionEn, int MaxPoints)
{
    public string Name(Language language) => language == Language.English ? NameEn : NameVi;
}

/// <summary>
/// The scoring rubric (thang điểm thẩm định) of the appraisal council: data, not code. A saved rubric is a new
/// <see cref="Version"/> of the same <see cref="Id"/>; reviews keep the id and version they were scored against.
/// </summary>
/// <param name="Id">Stable id of the rubric ("khuyen-cong").</param>
/// <param name="Version">1 for the first version, then one more for each save.</param>
/// <param name="Criteria">The criteria, in the order the score sheet lists them.</param>
/// <param name="PassMark">The least average total that passes (at most <see cref="TotalPoints"/>).</param>
public sealed record Rubric(string Id, int Version, IReadOnlyList<RubricCriterion> Criteria, int PassMark)
{
    /// <summary>The most points a reviewer can give in all: the sum of the criteria's maximum points.</summary>
    public int TotalPoints => Criteria.Sum(c => c.MaxPoints);

    /// <summary>The criterion with a code (codes compare ignoring case), or null.</summary>
    public RubricCriterion? Find(string? code) =>
        Criteria.FirstOrDefault(c => string.Equals(c.Code, code?.Trim(), StringComparison.OrdinalIgnoreCase));
}

/// <summary>The rules a rubric must follow, with errors by field ("criteria[2].maxPoints") in Vietnamese or English.</summary>
public static partial class RubricRules
{
    public const int MaxCriteria = 20;
    public const int CodeMaxLength = 40;
    public const int NameMaxLength = 150;
    public const int DescriptionMaxLength = 500;
    public const int MaxPointsPerCriterion = 1000;
    public const string CodePattern = "^[a-z0-9]+(?:-[a-z0-9]+)*$";

    /// <summary>
    /// Every problem of a rubric: an id in code form; 1 to <see cref="MaxCriteria"/> criteria with unique codes (ignoring
    /// case), names in both languages, descriptions of bounded length and positive maximum points; a pass mark above 0 and
    /// not above the total. When <paramref name="declaredTotal"/> is given (a client's own sum), it must equal the sum of
    /// the criteria's maximum points.
    /// </summary>
    public static IReadOnlyList<FieldError> Validate(Rubric rubric, int? declaredTotal = null, Language language = Language.Vietnamese)
    {
        ArgumentNullException.ThrowIfNull(rubric);
        var problems = new Problems(language);
        CheckId(rubric.Id, problems);
        var criteria = rubric.Criteria ?? [];
        CheckCriteriaCount(criteria.Count, problems);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < criteria.Count; i++)
        {
            CheckCriterion(criteria[i], $"criteria[{Number(i)}]", seen, problems);
        }

        CheckTotals(rubric, criteria, declaredTotal, problems);
        return problems.Errors;
    }

    private static void CheckId(string? id, Problems problems)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > CodeMaxLength || !CodeRegex().IsMatch(id))
        {
            problems.Add("id", FieldErrorCodes.InvalidFormat, new Bilingual(
                "Mã thang điểm chỉ gồm chữ thường không dấu, số và dấu gạch ngang.",
                "The rubric id may hold only lower-case letters, digits and dashes."));
        }
    }

    private static void CheckCriteriaCount(int count, Problems problems)
    {
        if (count == 0)
        {
            problems.Add("criteria", FieldErrorCodes.Required, new Bilingual("Thang điểm cần ít nhất một tiêu chí.", "A rubric needs at least one criterion."));
        }
        else if (count > MaxCriteria)
        {
            problems.Add("criteria", FieldErrorCodes.OutOfRange, new Bilingual(
                $"Thang điểm có tối đa {Number(MaxCriteria)} tiêu chí.",
                $"A rubric has at most {Number(MaxCriteria)} criteria."));
        }
    }

    /// <summary>One criterion (reported under <paramref name="at"/>): a unique code, names, descriptions, maximum points.</summary>
    private static void CheckCriterion(RubricCriterion? c, string at, HashSet<string> seen, Problems problems)
    {
        if (c is null)
        {
            problems.Add(at, FieldErrorCodes.Required, new Bilingual("Tiêu chí trống.", "The criterion is empty."));
            return;
        }

        CheckCriterionCode(c.Code, $"{at}.code", seen, problems);
        problems.CheckText(c.NameVi, $"{at}.nameVi", NameMaxLength, required: true, new Bilingual("Tên tiêu chí (tiếng Việt)", "The criterion's Vietnamese name"));
        problems.CheckText(c.NameEn, $"{at}.nameEn", NameMaxLength, required: true, new Bilingual("Tên tiêu chí (tiếng Anh)", "The criterion's English name"));
        problems.CheckText(c.DescriptionVi, $"{at}.descriptionVi", DescriptionMaxLength, required: false, new Bilingual("Mô tả (tiếng Việt)", "The Vietnamese description"));
        problems.CheckText(c.DescriptionEn, $"{at}.descriptionEn", DescriptionMaxLength, required: false, new Bilingual("Mô tả (tiếng Anh)", "The English description"));
        if (c.MaxPoints is <= 0 or > MaxPointsPerCriterion)
        {
            problems.Add($"{at}.maxPoints", FieldErrorCodes.OutOfRange, new Bilingual(
                $"Điểm tối đa của tiêu chí phải là số nguyên dương, không quá {Number(MaxPointsPerCriterion)}.",
                $"A criterion's maximum points must be a positive whole number, at most {Number(MaxPointsPerCriterion)}."));
        }
    }

    private static void CheckCriterionCode(string? code, string field, HashSet<string> seen, Problems problems)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Length > CodeMaxLength || !CodeRegex().IsMatch(code))
        {
            problems.Add(field, FieldErrorCodes.InvalidFormat, new Bilingual(
                $"Mã tiêu chí chỉ gồm chữ thường không dấu, số và dấu gạch ngang (tối đa {Number(CodeMaxLength)} ký tự).",
                $"A criterion code may hold only lower-case letters, digits and dashes (at most {Number(CodeMaxLength)} characters)."));
        }
        else if (!seen.Add(code))
        {
            problems.Add(field, "duplicate", new Bilingual($"Mã tiêu chí \"{code}\" bị trùng.", $"The criterion code \"{code}\" is used twice."));
        }
    }

    /// <summary>The declared total (when given) equals the criteria's sum; the pass mark is above 0 and at most that sum.</summary>
    private static void CheckTotals(Rubric rubric, IReadOnlyList<RubricCriterion> criteria, int? declaredTotal, Problems problems)
    {
        var pointsValid = criteria.Count > 0 && criteria.All(c => c is { MaxPoints: > 0 and <= MaxPointsPerCriterion });
        var total = pointsValid ? criteria.Sum(c => c.MaxPoints) : 0;
        if (pointsValid && declaredTotal is { } declared && declared != total)
        {
            problems.Add("totalPoints", "total-mismatch", new Bilingual(
                $"Tổng điểm phải bằng tổng điểm tối đa của các tiêu chí ({Number(total)}).",
                $"The total must equal the sum of the criteria's maximum points ({Number(total)})."));
        }

        if (rubric.PassMark <= 0 || (pointsValid && rubric.PassMark > total))
        {
            problems.Add("passMark", FieldErrorCodes.OutOfRange, pointsValid
                ? new Bilingual($"Điểm đạt phải lớn hơn 0 và không quá tổng điểm {Number(total)}.", $"The pass mark must be above 0 and at most the total of {Number(total)}.")
                : new Bilingual("Điểm đạt phải lớn hơn 0.", "The pass mark must be above 0."));
        }
    }

    /// <summary>The problems found so far, each in the user's language.</summary>
    private sealed class Problems(Language language)
    {
        public List<FieldError> Errors { get; } = [];

        public void Add(string field, string code, Bilingual message) => Errors.Add(new FieldError(field, code, message.In(language)));

        public void CheckText(string? value, string field, int max, bool required, Bilingual what)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                if (required)
                {
                    Add(field, FieldErrorCodes.Required, new Bilingual($"{what.Vietnamese} không được để trống.", $"{what.English} is required."));
                }
            }
            else if (VietnameseText.HasForbiddenCharacters(value))
            {
                Add(field, FieldErrorCodes.InvalidCharacters, new Bilingual($"{what.Vietnamese} chứa ký tự không được phép.", $"{what.English} contains characters that are not allowed."));
            }
            else if (VietnameseText.Normalize(value, TextMode.MultiLine).Length > max)
            {
                Add(field, FieldErrorCodes.TooLong, new Bilingual($"{what.Vietnamese} không được dài quá {Number(max)} ký tự.", $"{what.English} must be at most {Number(max)} characters long."));
            }
        }
    }

    /// <summary>The rubric with its texts normalised (NFC, spaces collapsed, empty descriptions as null) and codes in lower case.</summary>
    public static Rubric Normalize(Rubric rubric)
    {
        ArgumentNullException.ThrowIfNull(rubric);
        return rubric with
        {
            Id = rubric.Id.Trim().ToLowerInvariant(),
            Criteria = rubric.Criteria.Select(c => new RubricCriterion(
                c.Code.Trim().ToLowerInvariant(),
                VietnameseText.Normalize(c.NameVi),
                VietnameseText.Normalize(c.NameEn),
                Optional(c.DescriptionVi),
                Optional(c.DescriptionEn),
                c.MaxPoints)).ToList(),
        };

        static string? Optional(string? text) => VietnameseText.Normalize(text, TextMode.MultiLine) is { Length: > 0 } t ? t : null;
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(CodePattern, RegexOptions.CultureInvariant)]
    private static partial Regex CodeRegex();
}
