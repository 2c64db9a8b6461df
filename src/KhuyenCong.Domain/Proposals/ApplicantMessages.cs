using System.Globalization;
using KhuyenCong.Domain.Activities;
using KhuyenCong.Domain.Applicants;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Domain.Proposals;

/// <summary>Messages of the applicant rules (entity type, activity, beneficiaries, rounds), Vietnamese and English.</summary>
internal static class ApplicantMessages
{
    public static FieldError IdentifierMismatch(string field, EntityType type, TaxCodeFormat format, Language l)
    {
        var fits = string.Join(l == Language.English ? " or " : " hoặc ", type.Identifiers.Select(f => Describe(f, l)));
        return new(field, FieldErrorCodes.IdentifierMismatch, l == Language.English
            ? $"A {Describe(format, l)} does not identify a {type.En.ToLowerInvariant()}: it is identified by a {fits} (Decree 45/2012 art. 1 cl. 2 as amended; tax-code formats of Circular 105/2020 and 86/2024). Check the type of applicant or the number."
            : $"{Capital(Describe(format, l))} không dùng cho loại hình \"{type.Vi}\": loại hình này dùng {fits} (Nghị định 45/2012 Điều 1 khoản 2 đã sửa đổi; mã số thuế theo Thông tư 105/2020, 86/2024). Vui lòng kiểm tra loại hình cơ sở hoặc mã số.");
    }

    public static FieldError ActivityNotOfKind(Activity activity, ProposalKind kind, Language l) =>
        new(ProposalFields.Activity, FieldErrorCodes.ActivityMismatch, l == Language.English
            ? $"The activity \"{activity.En}\" belongs to \"{activity.Kind.DisplayName(l)}\", not to \"{kind.DisplayName(l)}\": choose matching values or leave the type of proposal empty."
            : $"Nội dung \"{activity.Vi}\" thuộc loại \"{activity.Kind.DisplayName(l)}\", không thuộc loại \"{kind.DisplayName(l)}\": vui lòng chọn cho khớp hoặc bỏ trống loại đề án.");

    public static FieldError CarriedOutByCentre(string field, Activity activity, Language l) =>
        new(field, FieldErrorCodes.NotForApplicant, activity.ImplementedBy == Implementation.Authority
            ? (l == Language.English
                ? "Typical-product voting is organised in rounds by the People's Committee or the Ministry (Circular 26/2014/TT-BCT as amended), not proposed by an establishment: register the product when the round opens."
                : "Bình chọn sản phẩm công nghiệp nông thôn tiêu biểu do Ủy ban nhân dân hoặc Bộ Công Thương tổ chức theo từng đợt (Thông tư 26/2014/TT-BCT đã sửa đổi), cơ sở không nộp đề án riêng: vui lòng đăng ký sản phẩm khi đợt bình chọn mở.")
            : (l == Language.English
                ? $"\"{activity.En}\" is carried out by the Industrial Promotion Centre for the establishments it lists; an establishment does not propose it for itself."
                : $"Nội dung \"{activity.Vi}\" do Trung tâm Khuyến công thực hiện cho các cơ sở thụ hưởng; cơ sở không tự đề xuất nội dung này."));

    public static FieldError CarriedOutByEstablishment(string field, Activity activity, Language l) =>
        new(field, FieldErrorCodes.NotForApplicant, l == Language.English
            ? $"\"{activity.En}\" is proposed by the establishment that benefits from it, not by an implementing unit."
            : $"Nội dung \"{activity.Vi}\" do chính cơ sở thụ hưởng đề xuất, không do đơn vị thực hiện đề xuất thay.");

    public static FieldError BeneficiariesOnlyForImplementers(Language l) =>
        new(ProposalFields.Beneficiaries, FieldErrorCodes.NotForApplicant, l == Language.English
            ? "Only an implementing unit (such as the Centre) lists beneficiary establishments; an establishment's own proposal benefits the establishment itself."
            : "Chỉ đơn vị thực hiện (như Trung tâm Khuyến công) mới kê khai cơ sở thụ hưởng; đề án của cơ sở thì cơ sở là đơn vị thụ hưởng.");

    public static FieldError BeneficiariesRequired(Activity activity, Language l) =>
        new(ProposalFields.Beneficiaries, FieldErrorCodes.Required, l == Language.English
            ? $"List at least one beneficiary establishment of \"{activity.En}\"."
            : $"Vui lòng kê khai ít nhất một cơ sở thụ hưởng của nội dung \"{activity.Vi}\".");

    public static FieldError BeneficiariesFormat(Language l) =>
        new(ProposalFields.Beneficiaries, FieldErrorCodes.InvalidFormat, l == Language.English
            ? "The beneficiaries must be a list, each with name, taxCode, entityType and commune."
            : "Danh sách cơ sở thụ hưởng không đúng định dạng: mỗi cơ sở cần có tên (name), mã số thuế (taxCode), loại hình (entityType) và xã, phường (commune).");

    public static FieldError TooManyBeneficiaries(Language l) =>
        new(ProposalFields.Beneficiaries, FieldErrorCodes.OutOfRange, l == Language.English
            ? $"A đề án lists at most {ProposalFieldRules.MaxBeneficiaries.ToString(CultureInfo.InvariantCulture)} beneficiaries."
            : $"Một đề án kê khai tối đa {ProposalFieldRules.MaxBeneficiaries.ToString(CultureInfo.InvariantCulture)} cơ sở thụ hưởng.");

    public static FieldError DuplicateBeneficiary(string taxCode, Language l) =>
        new(ProposalFields.Beneficiaries, FieldErrorCodes.Duplicate, l == Language.English
            ? $"The beneficiary with tax code {taxCode} is listed more than once: each establishment is listed once."
            : $"Cơ sở thụ hưởng có mã số thuế {taxCode} được kê khai nhiều lần: mỗi cơ sở chỉ kê khai một lần.");

    public static FieldError Beneficiary(int index, string vi, string en, Language l) =>
        new(ProposalFields.Beneficiaries, FieldErrorCodes.InvalidFormat, l == Language.English
            ? $"Beneficiary {(index + 1).ToString(CultureInfo.InvariantCulture)}: {en}"
            : $"Cơ sở thụ hưởng thứ {(index + 1).ToString(CultureInfo.InvariantCulture)}: {vi}");

    public static FieldError RoundLevelOnlyForRounds(Language l) =>
        new(ProposalFields.RoundLevel, FieldErrorCodes.NotForApplicant, l == Language.English
            ? "A round level is given only for a typical-product round."
            : "Cấp bình chọn chỉ ghi cho đợt bình chọn sản phẩm công nghiệp nông thôn tiêu biểu.");

    public static FieldError RoundLevelFunding(string level, FundingSource source, Language l) =>
        new(ProposalFields.RoundLevel, FieldErrorCodes.RoundLevelFunding, l == Language.English
            ? $"A {level} round is paid from {(level is "region" or "national" ? "national" : "local")} money, not from {source.DisplayName(l)} (Circular 26/2014/TT-BCT art. 19)."
            : $"Bình chọn cấp {LevelVi(level)} dùng kinh phí {(level is "region" or "national" ? "khuyến công quốc gia" : "khuyến công địa phương")}, không dùng {source.DisplayName(l)} (Thông tư 26/2014/TT-BCT Điều 19).");

    public static string Describe(TaxCodeFormat format, Language l) => (format, l) switch
    {
        (TaxCodeFormat.TenDigits, Language.English) => "10-digit tax code",
        (TaxCodeFormat.TenDigits, _) => "mã số thuế 10 chữ số",
        (TaxCodeFormat.Branch, Language.English) => "13-digit branch tax code (10-3)",
        (TaxCodeFormat.Branch, _) => "mã số thuế đơn vị phụ thuộc (10 chữ số, dấu gạch ngang, 3 chữ số)",
        (_, Language.English) => "12-digit personal identification number",
        _ => "số định danh cá nhân 12 chữ số",
    };

    private static string LevelVi(string level) => level switch
    {
        "commune" => "xã",
        "district" => "huyện",
        "province" => "tỉnh",
        "region" => "khu vực",
        _ => "quốc gia",
    };

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
