using KhuyenCong.Domain.Applicants;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Domain.Proposals;

/// <summary>The checks of one beneficiary as sent: a name, a tax code that fits its entity type, an establishment's entity type, a commune.</summary>
internal static class BeneficiaryRules
{
    public const int MaxNameLength = 200;
    public const int MaxCommuneLength = 100;

    /// <summary>The first problem of the beneficiary at <paramref name="index"/>, or null.</summary>
    public static FieldError? Check(ProposalValidator.BeneficiaryInput? item, int index, Language l)
    {
        if (item is null)
        {
            return ApplicantMessages.Beneficiary(index, "thiếu thông tin.", "missing.", l);
        }

        var texts = new[] { item.Name, item.TaxCode, item.EntityType, item.Commune };
        if (texts.Any(t => t is not null && VietnameseText.HasForbiddenCharacters(t)))
        {
            return ApplicantMessages.Beneficiary(index, "chứa ký tự không được phép.", "contains characters that are not allowed.", l);
        }

        var name = VietnameseText.Normalize(item.Name);
        if (name.Length is 0 or > MaxNameLength)
        {
            return ApplicantMessages.Beneficiary(index, $"vui lòng nhập tên cơ sở (tối đa {MaxNameLength} ký tự).", $"enter the establishment's name (at most {MaxNameLength} characters).", l);
        }

        if (!EntityTypes.TryParse(item.EntityType, out var type) || type.LegacyOnly || type.Role != EntityRole.Establishment)
        {
            return ApplicantMessages.Beneficiary(index, "vui lòng chọn loại hình cơ sở thụ hưởng trong danh sách.", "choose the beneficiary's type from the list.", l);
        }

        if (TaxCodes.Detect(item.TaxCode) is not { } format)
        {
            return ApplicantMessages.Beneficiary(index, "mã số thuế gồm 10 chữ số, 10 chữ số - 3 chữ số, hoặc số định danh cá nhân 12 chữ số.",
                "the tax code has 10 digits, 10-3 digits, or is a 12-digit personal identification number.", l);
        }

        if (!EntityTypes.Fits(type, format))
        {
            return ApplicantMessages.Beneficiary(index, $"{ApplicantMessages.Describe(format, l)} không dùng cho loại hình \"{type.Vi}\".",
                $"a {ApplicantMessages.Describe(format, l)} does not identify a {type.En.ToLowerInvariant()}.", l);
        }

        var commune = VietnameseText.Normalize(item.Commune);
        return commune.Length is 0 or > MaxCommuneLength
            ? ApplicantMessages.Beneficiary(index, "vui lòng nhập xã, phường, đặc khu của cơ sở.", "enter the establishment's commune, ward or special zone.", l)
            : null;
    }
}
