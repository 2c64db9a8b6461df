using System.Globalization;
using KhuyenCong.Application.Common;
using KhuyenCong.Domain.Caps;
using KhuyenCong.Domain.Geography;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Application.Caps;

/// <summary>A support cap as an officer sends it (codes as in the API; dates <c>yyyy-MM-dd</c>; no province: the whole country).</summary>
public sealed record CapForm(string? FundingSource, string? Province, string? Kind, string? EffectiveFrom, string? EffectiveTo, decimal? MaxPercent, long? MaxAmount, string? Basis);

/// <summary>
/// Adding or replacing a support cap (<c>PUT /api/caps</c>, officers): the cap for one funding source, province (or the
/// whole country) and kind from its effective date, with the share and amount it allows and its legal basis. A cap with
/// the same funding source, province, kind and effective date is replaced.
/// </summary>
public sealed class CapEditing(ICapStore caps)
{
    public const int MaxBasis = 500;

    /// <summary>The title of the answer to an invalid cap.</summary>
    public static readonly Bilingual InvalidCap = new("Mức trần hỗ trợ chưa hợp lệ.", "The cap has errors.");

    public static readonly Bilingual FundingSourceInvalid = new("Nguồn kinh phí không hợp lệ (national hoặc local).", "Unknown funding source (national or local).");

    public static readonly Bilingual KindInvalid = new("Nội dung hỗ trợ không hợp lệ.", "Unknown kind.");

    public static readonly Bilingual ProvinceInvalid = new("Tỉnh, thành phố không hợp lệ.", "Unknown province.");

    public static readonly Bilingual EffectiveFromInvalid = new("Ngày hiệu lực phải có dạng yyyy-MM-dd.", "effectiveFrom must be yyyy-MM-dd.");

    public static readonly Bilingual EffectiveToInvalid = new(
        "Ngày hết hiệu lực phải có dạng yyyy-MM-dd và sau ngày hiệu lực.", "effectiveTo must be yyyy-MM-dd and after effectiveFrom.");

    public static readonly Bilingual MaxPercentInvalid = new("Tỷ lệ hỗ trợ tối đa phải lớn hơn 0 và không quá 100.", "maxPercent must be above 0 and at most 100.");

    public static readonly Bilingual MaxAmountInvalid = new("Mức hỗ trợ tối đa phải là số tiền dương.", "maxAmount must be a positive amount.");

    public static readonly Bilingual BasisInvalid = new("Vui lòng nêu căn cứ pháp lý (tối đa 500 ký tự).", "Give the legal basis (at most 500 characters).");

    /// <summary>Done: the cap as stored.</summary>
    public async Task<Decision<SupportCap>> SaveAsync(CapForm form, string by, CancellationToken cancellationToken)
    {
        var (cap, errors) = Validate(form);
        if (cap is null)
        {
            return Decision<SupportCap>.Invalid(errors);
        }

        await caps.SaveAsync(cap, by, cancellationToken);
        return Decision<SupportCap>.Done(cap);
    }

    private static (SupportCap? Cap, BilingualErrors Errors) Validate(CapForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = new BilingualErrors();
        Check(ProposalCatalog.TryParseFundingSource(form.FundingSource, out var source), "fundingSource", FundingSourceInvalid, errors);
        Check(ProposalCatalog.TryParseKind(form.Kind, out var kind), "kind", KindInvalid, errors);
        Province? province = null;
        Check(string.IsNullOrWhiteSpace(form.Province) || ProvinceCatalog.TryParse(form.Province, out province), "province", ProvinceInvalid, errors);
        Check(TryDate(form.EffectiveFrom, out var from), "effectiveFrom", EffectiveFromInvalid, errors);
        DateOnly? to = null;
        if (!string.IsNullOrEmpty(form.EffectiveTo))
        {
            Check(TryDate(form.EffectiveTo, out var end) && end > from, "effectiveTo", EffectiveToInvalid, errors);
            to = end;
        }

        Check(form.MaxPercent is > 0 and <= 100, "maxPercent", MaxPercentInvalid, errors);
        Check(form.MaxAmount is > 0, "maxAmount", MaxAmountInvalid, errors);
        var basis = VietnameseText.Normalize(form.Basis);
        Check(basis.Length is > 0 and <= MaxBasis, "basis", BasisInvalid, errors);
        return errors.IsEmpty
            ? (new SupportCap(source, province?.Code, kind, from, to, form.MaxPercent!.Value, form.MaxAmount!.Value, basis), errors)
            : (null, errors);
    }

    private static void Check(bool valid, string field, Bilingual message, BilingualErrors errors)
    {
        if (!valid)
        {
            errors.Add(field, message);
        }
    }

    private static bool TryDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
