using System.Globalization;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Domain.Proposals;

/// <summary>The messages of field errors, in Vietnamese (with diacritics) and English.</summary>
internal static class Messages
{
    public static FieldError Required(ProposalFieldRule rule, Language l)
    {
        var choose = rule.Kind == FieldValueKind.Choice;
        var text = l == Language.English
            ? $"Please {(choose ? "select" : "enter")} {rule.Noun(l)}."
            : $"Vui lòng {(choose ? "chọn" : "nhập")} {rule.Noun(l)}.";
        return new FieldError(rule.Name, FieldErrorCodes.Required, text);
    }

    public static FieldError TooLong(ProposalFieldRule rule, Language l) => new(rule.Name, FieldErrorCodes.TooLong, l == Language.English
        ? $"{rule.Label(l)} must be at most {rule.MaxLength.ToString(CultureInfo.InvariantCulture)} characters long."
        : $"{rule.Label(l)} không được dài quá {rule.MaxLength.ToString(CultureInfo.InvariantCulture)} ký tự.");

    public static FieldError InvalidCharacters(ProposalFieldRule rule, Language l) => new(rule.Name, FieldErrorCodes.InvalidCharacters, l == Language.English
        ? $"{rule.Label(l)} contains characters that are not allowed (control characters)."
        : $"{rule.Label(l)} chứa ký tự không được phép (ký tự điều khiển).");

    public static FieldError InvalidFormat(ProposalFieldRule rule, Language l) => new(rule.Name, FieldErrorCodes.InvalidFormat, (rule.Kind, l) switch
    {
        (FieldValueKind.Email, Language.English) => "Enter a valid email address (for example name@company.vn).",
        (FieldValueKind.Email, _) => "Địa chỉ email không hợp lệ (ví dụ ten@congty.vn).",
        (FieldValueKind.Phone, Language.English) =>
            "Enter a Vietnamese phone number: a 10-digit mobile number starting with 03, 05, 07, 08 or 09, or a landline number starting with 02 (+84 is accepted).",
        (FieldValueKind.Phone, _) =>
            "Số điện thoại không hợp lệ: nhập số di động 10 chữ số bắt đầu bằng 03, 05, 07, 08, 09 hoặc số cố định bắt đầu bằng 02 (có thể có mã +84).",
        (FieldValueKind.TaxCode, Language.English) =>
            "The tax code has 10 digits, or 10 digits, a dash and 3 digits (for example 0101234567-001); a household business uses the representative's 12-digit personal identification number.",
        (FieldValueKind.TaxCode, _) =>
            "Mã số thuế gồm 10 chữ số, hoặc 10 chữ số, dấu gạch ngang và 3 chữ số (ví dụ 0101234567-001); hộ kinh doanh dùng số định danh cá nhân 12 chữ số của người đại diện.",
        (FieldValueKind.Amount, Language.English) => $"{rule.Label(l)} must be a whole amount in VND, for example 1,200,000,000.",
        (FieldValueKind.Amount, _) => $"{rule.Label(l)} phải là số tiền nguyên tính bằng đồng, ví dụ 1.200.000.000.",
        (FieldValueKind.Date, Language.English) => $"{rule.Label(l)} must be a real date written day/month/year, for example 31/03/2026.",
        (FieldValueKind.Date, _) => $"{rule.Label(l)} không hợp lệ: nhập ngày có thật theo dạng ngày/tháng/năm, ví dụ 31/03/2026.",
        (FieldValueKind.Integer, Language.English) => $"{rule.Label(l)} must be a whole number, 0 or more, for example 25.",
        (FieldValueKind.Integer, _) => $"{rule.Label(l)} phải là số nguyên không âm, ví dụ 25.",
        (_, Language.English) => $"{rule.Label(l)} is not valid.",
        _ => $"{rule.Label(l)} không hợp lệ.",
    });

    public static FieldError UnknownChoice(ProposalFieldRule rule, Language l) => new(rule.Name, FieldErrorCodes.UnknownChoice, (rule.Name, l) switch
    {
        (ProposalFields.Province, Language.English) => "This province or city was not found; choose one of the 34 provinces and cities.",
        (ProposalFields.Province, _) => "Không tìm thấy tỉnh, thành phố này; vui lòng chọn một trong 34 tỉnh, thành phố.",
        (_, Language.English) => $"{rule.Label(l)} is not valid; choose one from the list.",
        _ => $"{rule.Label(l)} không hợp lệ; vui lòng chọn trong danh sách.",
    });

    public static FieldError AmountTooSmall(ProposalFieldRule rule, Language l) => new(rule.Name, FieldErrorCodes.OutOfRange, l == Language.English
        ? $"{rule.Label(l)} must be greater than 0."
        : $"{rule.Label(l)} phải lớn hơn 0.");

    public static FieldError AmountTooLarge(ProposalFieldRule rule, long max, Language l) => new(rule.Name, FieldErrorCodes.OutOfRange, l == Language.English
        ? $"{rule.Label(l)} cannot exceed {DisplayFormat.Amount(max, l)} VND."
        : $"{rule.Label(l)} không được vượt quá {DisplayFormat.Amount(max, l)} đồng.");

    public static FieldError CountTooLarge(ProposalFieldRule rule, int max, Language l) => new(rule.Name, FieldErrorCodes.OutOfRange, l == Language.English
        ? $"{rule.Label(l)} cannot exceed {DisplayFormat.Amount(max, l)}."
        : $"{rule.Label(l)} không được vượt quá {DisplayFormat.Amount(max, l)}.");

    public static FieldError DateOutOfRange(ProposalFieldRule rule, DateOnly min, DateOnly max, Language l) => new(rule.Name, FieldErrorCodes.OutOfRange, l == Language.English
        ? $"{rule.Label(l)} must be between {DisplayFormat.Date(min, l)} and {DisplayFormat.Date(max, l)}."
        : $"{rule.Label(l)} phải trong khoảng từ {DisplayFormat.Date(min, l)} đến {DisplayFormat.Date(max, l)}.");

    public static FieldError RequestedExceedsTotal(Language l) => new(ProposalFields.RequestedSupport, FieldErrorCodes.RequestedExceedsTotal, l == Language.English
        ? "The requested support cannot exceed the total cost."
        : "Kinh phí đề nghị hỗ trợ không được lớn hơn tổng kinh phí.");

    public static FieldError ContributionMismatch(long expected, Language l) => new(ProposalFields.OwnContribution, FieldErrorCodes.ContributionMismatch, l == Language.English
        ? $"The total cost must equal the requested support plus the own contribution: the own contribution should be {DisplayFormat.Amount(expected, l)} VND."
        : $"Tổng kinh phí phải bằng kinh phí đề nghị hỗ trợ cộng vốn đối ứng: vốn đối ứng cần là {DisplayFormat.Amount(expected, l)} đồng.");

    public static FieldError EndBeforeStart(Language l) => new(ProposalFields.EndDate, FieldErrorCodes.EndBeforeStart, l == Language.English
        ? "The end date cannot be before the start date."
        : "Ngày kết thúc không được trước ngày bắt đầu.");
}
