using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using KhuyenCong.Domain.Activities;

namespace KhuyenCong.Domain.Appraisal;

/// <summary>The field checks of <see cref="ReviewerValidator.Validate"/>, one per field of <see cref="ReviewerForm"/>.</summary>
public static partial class ReviewerValidator
{
    /// <summary>Reads the fields one by one, collecting each problem in the user's language.</summary>
    private sealed class FieldReader(Language language)
    {
        public List<FieldError> Errors { get; } = [];

        /// <summary>The email with its domain in lower case; null when absent or invalid.</summary>
        public string? Email(string? value)
        {
            var raw = VietnameseText.Normalize(value);
            if (raw.Length == 0)
            {
                Add("email", FieldErrorCodes.Required, new Bilingual("Vui lòng nhập email.", "Please enter the email address."));
                return null;
            }

            if (raw.Length > 254 || !EmailRegex().IsMatch(raw) || raw.LastIndexOf('@') > 64)
            {
                Add("email", FieldErrorCodes.InvalidFormat, new Bilingual("Địa chỉ email không hợp lệ (ví dụ ten@congty.vn).", "Enter a valid email address (for example name@company.vn)."));
                return null;
            }

            var at = raw.LastIndexOf('@');
            return string.Concat(raw.AsSpan(0, at + 1), raw[(at + 1)..].ToLowerInvariant());
        }

        /// <summary>The phone in national form when given; null when absent or invalid.</summary>
        public string? Phone(string? value)
        {
            string? phone = null;
            if (!string.IsNullOrWhiteSpace(value) && !ProposalValidator.TryNormalizePhone(value, out phone))
            {
                Add("phone", FieldErrorCodes.InvalidFormat, new Bilingual(
                    "Số điện thoại không hợp lệ: nhập số di động 10 chữ số bắt đầu bằng 03, 05, 07, 08, 09 hoặc số cố định bắt đầu bằng 02 (có thể có mã +84).",
                    "Enter a Vietnamese phone number: a 10-digit mobile number starting with 03, 05, 07, 08 or 09, or a landline number starting with 02 (+84 is accepted)."));
            }

            return phone;
        }

        /// <summary>The kinds the reviewer appraises: at least one, each known, each once.</summary>
        public List<ProposalKind> Kinds(IReadOnlyList<string?>? codes)
        {
            var kinds = new List<ProposalKind>();
            codes ??= [];
            if (codes.Count == 0)
            {
                Add("kinds", FieldErrorCodes.Required, new Bilingual(
                    "Vui lòng chọn ít nhất một nội dung khuyến công mà thành viên thẩm định.",
                    "Select at least one proposal kind the reviewer appraises."));
            }

            for (var i = 0; i < codes.Count; i++)
            {
                if (!ProposalKinds.TryParse(codes[i], out var kind))
                {
                    Add($"kinds[{Index(i)}]", FieldErrorCodes.UnknownChoice, new Bilingual(
                        $"Nội dung khuyến công \"{codes[i]}\" không hợp lệ; vui lòng chọn trong danh sách.",
                        $"\"{codes[i]}\" is not a known proposal kind; choose one from the list."));
                }
                else if (!kinds.Contains(kind))
                {
                    kinds.Add(kind);
                }
            }

            return kinds;
        }

        /// <summary>The declared tax codes (at most <see cref="MaxDeclarations"/>), each valid, each once.</summary>
        public List<string> TaxCodes(IReadOnlyList<string?>? values)
        {
            var taxCodes = new List<string>();
            values ??= [];
            if (values.Count > MaxDeclarations)
            {
                Add("declaredTaxCodes", FieldErrorCodes.OutOfRange, new Bilingual($"Kê khai tối đa {Index(MaxDeclarations)} mã số thuế.", $"Declare at most {Index(MaxDeclarations)} tax codes."));
                return taxCodes;
            }

            for (var i = 0; i < values.Count; i++)
            {
                var code = VietnameseText.Normalize(values[i]);
                if (!TaxCodeRegex().IsMatch(code))
                {
                    Add($"declaredTaxCodes[{Index(i)}]", FieldErrorCodes.InvalidFormat, new Bilingual(
                        "Mã số thuế gồm 10 chữ số, hoặc 10 chữ số, dấu gạch ngang và 3 chữ số (ví dụ 0101234567-001).",
                        "The tax code has 10 digits, or 10 digits, a dash and 3 digits (for example 0101234567-001)."));
                }
                else if (!taxCodes.Contains(code, StringComparer.Ordinal))
                {
                    taxCodes.Add(code);
                }
            }

            return taxCodes;
        }

        /// <summary>Normalised text without forbidden characters, at most <paramref name="max"/>; null when absent or invalid.</summary>
        public string? Text(string? value, string field, int max, Bilingual what, bool required)
        {
            if (VietnameseText.HasForbiddenCharacters(value))
            {
                Add(field, FieldErrorCodes.InvalidCharacters, new Bilingual($"{what.Vietnamese} chứa ký tự không được phép.", $"{what.English} contains characters that are not allowed."));
                return null;
            }

            var text = VietnameseText.Normalize(value);
            if (text.Length == 0)
            {
                if (required)
                {
                    Add(field, FieldErrorCodes.Required, new Bilingual($"{what.Vietnamese} không được để trống.", $"{what.English} is required."));
                }

                return null;
            }

            if (text.Length > max)
            {
                Add(field, FieldErrorCodes.TooLong, new Bilingual($"{what.Vietnamese} không được dài quá {Index(max)} ký tự.", $"{what.English} must be at most {Index(max)} characters long."));
                return null;
            }

            return text;
        }

        /// <summary>A list of texts (at most <paramref name="maxItems"/>); items equal by <see cref="MatchKey"/> are kept once.</summary>
        public List<string> TextList(IReadOnlyList<string?>? values, string field, int maxItems, int maxLength, Bilingual what)
        {
            var result = new List<string>();
            values ??= [];
            if (values.Count > maxItems)
            {
                Add(field, FieldErrorCodes.OutOfRange, new Bilingual($"Danh sách có tối đa {Index(maxItems)} mục.", $"The list has at most {Index(maxItems)} items."));
                return result;
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < values.Count; i++)
            {
                if (Text(values[i], $"{field}[{Index(i)}]", maxLength, what, required: true) is { } text && seen.Add(MatchKey(text)))
                {
                    result.Add(text);
                }
            }

            return result;
        }

        private void Add(string field, string code, Bilingual message) => Errors.Add(new FieldError(field, code, message.In(language)));
    }
}
