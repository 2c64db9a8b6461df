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
        var en = language == Language.English;
        var errors = new List<FieldError>();
        void Add(string field, string code, string vi, string english) => errors.Add(new FieldError(field, code, en ? english : vi));

        if (string.IsNullOrWhiteSpace(rubric.Id) || rubric.Id.Length > CodeMaxLength || !CodeRegex().IsMatch(rubric.Id))
        {
            Add("id", FieldErrorCodes.InvalidFormat, "Mã thang điểm chỉ gồm chữ thường không dấu, số và dấu gạch ngang.",
                "The rubric id may hold only lower-case letters, digits and dashes.");
        }

        var criteria = rubric.Criteria ?? [];
        if (criteria.Count == 0)
        {
            Add("criteria", FieldErrorCodes.Required, "Thang điểm cần ít nhất một tiêu chí.", "A rubric needs at least one criterion.");
        }
        else if (criteria.Count > MaxCriteria)
        {
            Add("criteria", FieldErrorCodes.OutOfRange, $"Thang điểm có tối đa {Number(MaxCriteria)} tiêu chí.", $"A rubric has at most {Number(MaxCriteria)} criteria.");
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < criteria.Count; i++)
        {
            var c = criteria[i];
            var at = $"criteria[{Number(i)}]";
            if (c is null)
            {
                Add(at, FieldErrorCodes.Required, "Tiêu chí trống.", "The criterion is empty.");
                continue;
            }

            if (string.IsNullOrWhiteSpace(c.Code) || c.Code.Length > CodeMaxLength || !CodeRegex().IsMatch(c.Code))
            {
                Add($"{at}.code", FieldErrorCodes.InvalidFormat,
                    $"Mã tiêu chí chỉ gồm chữ thường không dấu, số và dấu gạch ngang (tối đa {Number(CodeMaxLength)} ký tự).",
                    $"A criterion code may hold only lower-case letters, digits and dashes (at most {Number(CodeMaxLength)} characters).");
            }
            else if (!seen.Add(c.Code))
            {
                Add($"{at}.code", "duplicate", $"Mã tiêu chí \"{c.Code}\" bị trùng.", $"The criterion code \"{c.Code}\" is used twice.");
            }

            CheckText(c.NameVi, $"{at}.nameVi", NameMaxLength, required: true, "Tên tiêu chí (tiếng Việt)", "The criterion's Vietnamese name");
            CheckText(c.NameEn, $"{at}.nameEn", NameMaxLength, required: true, "Tên tiêu chí (tiếng Anh)", "The criterion's English name");
            CheckText(c.DescriptionVi, $"{at}.descriptionVi", DescriptionMaxLength, required: false, "Mô tả (tiếng Việt)", "The Vietnamese description");
            CheckText(c.DescriptionEn, $"{at}.descriptionEn", DescriptionMaxLength, required: false, "Mô tả (tiếng Anh)", "The English description");

            if (c.MaxPoints is <= 0 or > MaxPointsPerCriterion)
            {
                Add($"{at}.maxPoints", FieldErrorCodes.OutOfRange,
                    $"Điểm tối đa của tiêu chí phải là số nguyên dương, không quá {Number(MaxPointsPerCriterion)}.",
                    $"A criterion's maximum points must be a positive whole number, at most {Number(MaxPointsPerCriterion)}.");
            }
        }

        var pointsValid = criteria.Count > 0 && criteria.All(c => c is { MaxPoints: > 0 and <= MaxPointsPerCriterion });
        var total = pointsValid ? criteria.Sum(c => c.MaxPoints) : 0;
        if (pointsValid && declaredTotal is { } declared && declared != total)
        {
            Add("totalPoints", "total-mismatch", $"Tổng điểm phải bằng tổng điểm tối đa của các tiêu chí ({Number(total)}).",
                $"The total must equal the sum of the criteria's maximum points ({Number(total)}).");
        }

        if (rubric.PassMark <= 0 || (pointsValid && rubric.PassMark > total))
        {
            Add("passMark", FieldErrorCodes.OutOfRange,
                pointsValid ? $"Điểm đạt phải lớn hơn 0 và không quá tổng điểm {Number(total)}." : "Điểm đạt phải lớn hơn 0.",
                pointsValid ? $"The pass mark must be above 0 and at most the total of {Number(total)}." : "The pass mark must be above 0.");
        }

        return errors;

        void CheckText(string? value, string field, int max, bool required, string vi, string english)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                if (required)
                {
                    Add(field, FieldErrorCodes.Required, $"{vi} không được để trống.", $"{english} is required.");
                }
            }
            else if (VietnameseText.HasForbiddenCharacters(value))
            {
                Add(field, FieldErrorCodes.InvalidCharacters, $"{vi} chứa ký tự không được phép.", $"{english} contains characters that are not allowed.");
            }
            else if (VietnameseText.Normalize(value, TextMode.MultiLine).Length > max)
            {
                Add(field, FieldErrorCodes.TooLong, $"{vi} không được dài quá {Number(max)} ký tự.", $"{english} must be at most {Number(max)} characters long.");
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
