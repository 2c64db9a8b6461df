using System.Globalization;
using System.Text.RegularExpressions;
using KhuyenCong.Domain.Activities;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Domain.Appraisal;

/// <summary>
/// A member of the appraisal council roster (thành viên hội đồng thẩm định). Reviewers are never deleted, only made
/// inactive: reviews and verdicts refer to them. Name, email and phone are personal data: never logged.
/// </summary>
/// <param name="Id">Stable id (a time-ordered GUID, 32 hex digits).</param>
/// <param name="Name">Full name.</param>
/// <param name="Email">Email (domain in lower case).</param>
/// <param name="Phone">Vietnamese phone number in national form ("0912345678"), if given.</param>
/// <param name="Organization">Where the reviewer works.</param>
/// <param name="Kinds">The proposal kinds the reviewer may appraise (at least one).</param>
/// <param name="Sectors">Sectors of expertise, free text ("chế biến nông sản"); matched ignoring case and diacritics.</param>
/// <param name="DeclaredTaxCodes">Tax codes of establishments the reviewer declared a conflict of interest with.</param>
/// <param name="DeclaredOrganizations">Names of organisations the reviewer declared a conflict of interest with.</param>
/// <param name="Active">False once deactivated: kept for history, never chosen.</param>
public sealed record Reviewer(
    string Id,
    string Name,
    string Email,
    string? Phone,
    string Organization,
    IReadOnlyList<ProposalKind> Kinds,
    IReadOnlyList<string> Sectors,
    IReadOnlyList<string> DeclaredTaxCodes,
    IReadOnlyList<string> DeclaredOrganizations,
    bool Active);

/// <summary>A reviewer with the number of reviews currently open for them (their workload).</summary>
public sealed record RosterEntry(Reviewer Reviewer, int OpenReviews);

/// <summary>What a staff member typed for a reviewer, before validation.</summary>
public sealed record ReviewerForm(
    string? Name,
    string? Email,
    string? Phone,
    string? Organization,
    IReadOnlyList<string?>? Kinds,
    IReadOnlyList<string?>? Sectors,
    IReadOnlyList<string?>? DeclaredTaxCodes,
    IReadOnlyList<string?>? DeclaredOrganizations);

/// <summary>Turns a <see cref="ReviewerForm"/> into a normalised <see cref="Reviewer"/> or errors by field.</summary>
public static partial class ReviewerValidator
{
    public const int NameMaxLength = 200;
    public const int OrganizationMaxLength = 300;
    public const int SectorMaxLength = 100;
    public const int MaxSectors = 20;
    public const int MaxDeclarations = 50;

    /// <summary>
    /// Validates a form. Errors are keyed by camelCase field, list items by index ("declaredTaxCodes[1]"). Duplicate
    /// list items (compared folded) are dropped silently.
    /// </summary>
    public static (Reviewer? Reviewer, IReadOnlyList<FieldError> Errors) Validate(ReviewerForm form, string id, bool active, Language language = Language.Vietnamese)
    {
        ArgumentNullException.ThrowIfNull(form);
        var en = language == Language.English;
        var errors = new List<FieldError>();
        void Add(string field, string code, string vi, string english) => errors.Add(new FieldError(field, code, en ? english : vi));

        var name = Text(form.Name, "name", NameMaxLength, "Họ và tên", "The name", required: true);
        var organization = Text(form.Organization, "organization", OrganizationMaxLength, "Cơ quan công tác", "The organisation", required: true);

        string? email = null;
        var rawEmail = VietnameseText.Normalize(form.Email);
        if (rawEmail.Length == 0)
        {
            Add("email", FieldErrorCodes.Required, "Vui lòng nhập email.", "Please enter the email address.");
        }
        else if (rawEmail.Length > 254 || !EmailRegex().IsMatch(rawEmail) || rawEmail.LastIndexOf('@') > 64)
        {
            Add("email", FieldErrorCodes.InvalidFormat, "Địa chỉ email không hợp lệ (ví dụ ten@congty.vn).", "Enter a valid email address (for example name@company.vn).");
        }
        else
        {
            var at = rawEmail.LastIndexOf('@');
            email = string.Concat(rawEmail.AsSpan(0, at + 1), rawEmail[(at + 1)..].ToLowerInvariant());
        }

        string? phone = null;
        if (!string.IsNullOrWhiteSpace(form.Phone) && !ProposalValidator.TryNormalizePhone(form.Phone, out phone))
        {
            Add("phone", FieldErrorCodes.InvalidFormat,
                "Số điện thoại không hợp lệ: nhập số di động 10 chữ số bắt đầu bằng 03, 05, 07, 08, 09 hoặc số cố định bắt đầu bằng 02 (có thể có mã +84).",
                "Enter a Vietnamese phone number: a 10-digit mobile number starting with 03, 05, 07, 08 or 09, or a landline number starting with 02 (+84 is accepted).");
        }

        var kinds = new List<ProposalKind>();
        var kindCodes = form.Kinds ?? [];
        if (kindCodes.Count == 0)
        {
            Add("kinds", FieldErrorCodes.Required, "Vui lòng chọn ít nhất một nội dung khuyến công mà thành viên thẩm định.",
                "Select at least one proposal kind the reviewer appraises.");
        }

        for (var i = 0; i < kindCodes.Count; i++)
        {
            if (!ProposalKinds.TryParse(kindCodes[i], out var kind))
            {
                Add($"kinds[{Index(i)}]", FieldErrorCodes.UnknownChoice,
                    $"Nội dung khuyến công \"{kindCodes[i]}\" không hợp lệ; vui lòng chọn trong danh sách.",
                    $"\"{kindCodes[i]}\" is not a known proposal kind; choose one from the list.");
            }
            else if (!kinds.Contains(kind))
            {
                kinds.Add(kind);
            }
        }

        var sectors = TextList(form.Sectors, "sectors", MaxSectors, SectorMaxLength, "Lĩnh vực", "A sector");
        var organizations = TextList(form.DeclaredOrganizations, "declaredOrganizations", MaxDeclarations, OrganizationMaxLength,
            "Tên tổ chức kê khai xung đột lợi ích", "A declared organisation");

        var taxCodes = new List<string>();
        var rawTaxCodes = form.DeclaredTaxCodes ?? [];
        if (rawTaxCodes.Count > MaxDeclarations)
        {
            Add("declaredTaxCodes", FieldErrorCodes.OutOfRange, $"Kê khai tối đa {Index(MaxDeclarations)} mã số thuế.", $"Declare at most {Index(MaxDeclarations)} tax codes.");
        }
        else
        {
            for (var i = 0; i < rawTaxCodes.Count; i++)
            {
                var code = VietnameseText.Normalize(rawTaxCodes[i]);
                if (!TaxCodeRegex().IsMatch(code))
                {
                    Add($"declaredTaxCodes[{Index(i)}]", FieldErrorCodes.InvalidFormat,
                        "Mã số thuế gồm 10 chữ số, hoặc 10 chữ số, dấu gạch ngang và 3 chữ số (ví dụ 0101234567-001).",
                        "The tax code has 10 digits, or 10 digits, a dash and 3 digits (for example 0101234567-001).");
                }
                else if (!taxCodes.Contains(code, StringComparer.Ordinal))
                {
                    taxCodes.Add(code);
                }
            }
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        return (new Reviewer(id, name!, email!, phone, organization!, kinds, sectors, taxCodes, organizations, active), []);

        string? Text(string? value, string field, int max, string vi, string english, bool required)
        {
            if (VietnameseText.HasForbiddenCharacters(value))
            {
                Add(field, FieldErrorCodes.InvalidCharacters, $"{vi} chứa ký tự không được phép.", $"{english} contains characters that are not allowed.");
                return null;
            }

            var text = VietnameseText.Normalize(value);
            if (text.Length == 0)
            {
                if (required)
                {
                    Add(field, FieldErrorCodes.Required, $"{vi} không được để trống.", $"{english} is required.");
                }

                return null;
            }

            if (text.Length > max)
            {
                Add(field, FieldErrorCodes.TooLong, $"{vi} không được dài quá {Index(max)} ký tự.", $"{english} must be at most {Index(max)} characters long.");
                return null;
            }

            return text;
        }

        List<string> TextList(IReadOnlyList<string?>? values, string field, int maxItems, int maxLength, string vi, string english)
        {
            var result = new List<string>();
            values ??= [];
            if (values.Count > maxItems)
            {
                Add(field, FieldErrorCodes.OutOfRange, $"Danh sách có tối đa {Index(maxItems)} mục.", $"The list has at most {Index(maxItems)} items.");
                return result;
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < values.Count; i++)
            {
                if (Text(values[i], $"{field}[{Index(i)}]", maxLength, vi, english, required: true) is { } text && seen.Add(MatchKey(text)))
                {
                    result.Add(text);
                }
            }

            return result;
        }
    }

    /// <summary>
    /// The key names are compared by: folded (no case, no diacritics, đ = d) with punctuation as spaces, so
    /// "Công ty TNHH Mây tre đan Phú Vinh" and "cong ty tnhh may-tre dan phu vinh" are the same.
    /// </summary>
    public static string MatchKey(string? text)
    {
        var folded = VietnameseText.Fold(text);
        var chars = folded.Select(c => char.IsLetterOrDigit(c) ? c : ' ').ToArray();
        return VietnameseText.Fold(new string(chars));
    }

    private static string Index(int value) => value.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(ProposalFieldRules.EmailPattern, RegexOptions.CultureInvariant)]
    private static partial Regex EmailRegex();

    [GeneratedRegex(ProposalFieldRules.TaxCodePattern, RegexOptions.CultureInvariant)]
    private static partial Regex TaxCodeRegex();
}
