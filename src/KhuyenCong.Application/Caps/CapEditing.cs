using System.Globalization;
using KhuyenCong.Application.Common;
using KhuyenCong.Domain.Activities;
using KhuyenCong.Domain.Caps;
using KhuyenCong.Domain.Geography;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Application.Caps;

/// <summary>
/// A support cap as an officer sends it (codes as in the API; dates <c>yyyy-MM-dd</c>; no province: the whole country).
/// <see cref="Activity"/> names the activity (<c>GET /api/reference/activities</c>); without it, <see cref="Kind"/> stands
/// for its default activity. <see cref="Territory"/> is a former province merged into <see cref="Province"/>;
/// <see cref="Unit"/> what the amount is counted per (per-proposal when absent).
/// </summary>
public sealed record CapForm(string? FundingSource, string? Province, string? Kind, string? EffectiveFrom, string? EffectiveTo, decimal? MaxPercent, long? MaxAmount, string? Basis)
{
    public string? Activity { get; init; }

    public string? Territory { get; init; }

    public string? Unit { get; init; }
}

/// <summary>
/// Adding or replacing a support cap (<c>PUT /api/caps</c>, officers): a local cap from the province's People's Council
/// resolution (its number and date in the basis), possibly for a former province's territory, or a national figure
/// found in a text (replacing "not found" or an example cap, naming the article): the cap for one funding source,
/// province (or the whole country), territory and activity from its effective date, with the share, the amount or both
/// that the text states and its legal basis. A cap with the same keys and effective date is replaced.
/// </summary>
public sealed class CapEditing(ICapStore caps)
{
    public const int MaxBasis = 500;

    /// <summary>The title of the answer to an invalid cap.</summary>
    public static readonly Bilingual InvalidCap = new("Mức trần hỗ trợ chưa hợp lệ.", "The cap has errors.");

    public static readonly Bilingual FundingSourceInvalid = new("Nguồn kinh phí không hợp lệ (national hoặc local).", "Unknown funding source (national or local).");

    public static readonly Bilingual KindInvalid = new("Nội dung hỗ trợ không hợp lệ.", "Unknown kind.");

    public static readonly Bilingual ActivityInvalid = new("Nội dung hoạt động không có trong danh mục.", "Unknown activity.");

    public static readonly Bilingual TerritoryInvalid = new(
        "Địa bàn phải là một tỉnh cũ đã hợp nhất vào tỉnh đã chọn (ví dụ thai-binh trong hung-yen).",
        "The territory must be a former province merged into the chosen province (for example thai-binh in hung-yen).");

    public static readonly Bilingual UnitInvalid = new(
        "Đơn vị tính không hợp lệ (per-proposal, per-model, per-establishment, per-enterprise, per-event, per-person).",
        "Unknown unit (per-proposal, per-model, per-establishment, per-enterprise, per-event, per-person).");

    public static readonly Bilingual AmountOrPercentRequired = new(
        "Vui lòng nhập mức hỗ trợ tối đa (số tiền, tỷ lệ hoặc cả hai) theo văn bản.", "Give the cap's amount, percentage or both, as the text states them.");

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
        Check(FundingSources.TryParse(form.FundingSource, out var source), "fundingSource", FundingSourceInvalid, errors);
        var activity = ActivityOf(form, errors);
        Province? province = null;
        Check(string.IsNullOrWhiteSpace(form.Province) || ProvinceCatalog.TryParse(form.Province, out province), "province", ProvinceInvalid, errors);
        var territory = TerritoryOf(form.Territory, province, errors);
        var unit = CapUnit.PerProposal;
        Check(string.IsNullOrWhiteSpace(form.Unit) || CapUnits.TryParse(form.Unit, out unit), "unit", UnitInvalid, errors);
        Check(TryDate(form.EffectiveFrom, out var from), "effectiveFrom", EffectiveFromInvalid, errors);
        DateOnly? to = null;
        if (!string.IsNullOrEmpty(form.EffectiveTo))
        {
            Check(TryDate(form.EffectiveTo, out var end) && end > from, "effectiveTo", EffectiveToInvalid, errors);
            to = end;
        }

        Check(form.MaxPercent is null or (> 0 and <= 100), "maxPercent", MaxPercentInvalid, errors);
        Check(form.MaxAmount is null or > 0, "maxAmount", MaxAmountInvalid, errors);
        Check(form.MaxPercent is not null || form.MaxAmount is not null, "maxAmount", AmountOrPercentRequired, errors);
        var basis = VietnameseText.Normalize(form.Basis);
        Check(basis.Length is > 0 and <= MaxBasis, "basis", BasisInvalid, errors);
        return errors.IsEmpty
            ? (new SupportCap(source, province?.Code, activity!.Code, from, to, form.MaxPercent, form.MaxAmount, basis) { Unit = unit, Territory = territory }, errors)
            : (null, errors);
    }

    /// <summary>The activity named, or the kind's default activity when none is named.</summary>
    private static Activity? ActivityOf(CapForm form, BilingualErrors errors)
    {
        if (!string.IsNullOrWhiteSpace(form.Activity))
        {
            Check(ActivityCatalog.TryParse(form.Activity, out var activity), "activity", ActivityInvalid, errors);
            return activity;
        }

        Check(ProposalKinds.TryParse(form.Kind, out var kind), "kind", KindInvalid, errors);
        return errors.Contains("kind") ? null : ActivityCatalog.DefaultFor(kind);
    }

    /// <summary>
    /// The former province whose territory the cap covers, or null for the whole province. A former province's
    /// resolution keeps applying on its former territory until replaced (Law 64/2025/QH15 art. 54 cl. 2 as amended).
    /// </summary>
    private static string? TerritoryOf(string? text, Province? province, BilingualErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var valid = province is not null && ProvinceCatalog.TryParse(text, out var former)
            && ProvinceCatalog.FindCurrent(province.CurrentCode) is { } current
            && ProvinceCatalog.FormerPartsOf(current).Any(f => f.Code == former.Code);
        Check(valid, "territory", TerritoryInvalid, errors);
        return valid && ProvinceCatalog.TryParse(text, out var found) ? found.Code : null;
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
