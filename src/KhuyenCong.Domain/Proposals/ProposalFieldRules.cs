using System.Globalization;
using KhuyenCong.Domain.Activities;
using KhuyenCong.Domain.Applicants;
using KhuyenCong.Domain.Geography;
using KhuyenCong.Domain.Sectors;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Domain.Proposals;

/// <summary>What a field holds, so a web form can choose its input (text, textarea, select, date...).</summary>
public enum FieldValueKind
{
    Text,
    MultilineText,
    Email,
    Phone,
    TaxCode,

    /// <summary>VND, typed with or without thousands separators ("1.200.000.000").</summary>
    Amount,

    /// <summary>yyyy-MM-dd, as sent by an HTML date input.</summary>
    Date,
    Integer,

    /// <summary>One of <see cref="ProposalFieldRule.Choices"/>.</summary>
    Choice,
}

/// <summary>
/// The rules of one proposal field, for the server (<see cref="ProposalValidator"/>) and for a browser.
/// </summary>
/// <param name="Name">camelCase field name (<see cref="ProposalFields"/>).</param>
/// <param name="Kind">What the field holds.</param>
/// <param name="Required">Whether a value must be given.</param>
/// <param name="MaxLength">Maximum length in UTF-16 code units after trimming and NFC (the HTML maxlength).</param>
/// <param name="Pattern">A JavaScript regular expression source (anchored with ^ and $, valid with the u and v flags
/// used by the HTML pattern attribute) that a valid typed value matches; null when the field has none. The server also
/// applies it, after normalising the value, and checks more (ranges, sums, dates).</param>
/// <param name="Min">Smallest value, in the wire format ("1", "2000-01-01"), for amounts, integers and dates; else null.</param>
/// <param name="Max">Largest value, in the wire format, for amounts, integers and dates; else null.</param>
/// <param name="Choices">The accepted codes of a <see cref="FieldValueKind.Choice"/> field, in display order; else null.</param>
/// <param name="VietnameseLabel">Label in Vietnamese.</param>
/// <param name="EnglishLabel">Label in English.</param>
public sealed record ProposalFieldRule(
    string Name,
    FieldValueKind Kind,
    bool Required,
    int MaxLength,
    string? Pattern,
    string? Min,
    string? Max,
    IReadOnlyList<string>? Choices,
    string VietnameseLabel,
    string EnglishLabel)
{
    /// <summary>The label in a language.</summary>
    public string Label(Language language) => language == Language.English ? EnglishLabel : VietnameseLabel;

    /// <summary>How messages name the field inside a sentence ("mã số thuế", "the tax code").</summary>
    internal string VietnameseNoun { get; init; } = VietnameseLabel;

    /// <summary>How English messages name the field inside a sentence.</summary>
    internal string EnglishNoun { get; init; } = EnglishLabel;

    internal string Noun(Language language) => language == Language.English ? EnglishNoun : VietnameseNoun;
}

/// <summary>The rules of every proposal field, in form order: the one description shared by server and web form.</summary>
public static class ProposalFieldRules
{
    /// <summary>Email: ASCII local part without leading, trailing or double dots; a domain with a dot and a letter TLD.</summary>
    public const string EmailPattern =
        @"^[A-Za-z0-9!#$%&'*+\/=?^_`\{\|\}~\-]+(?:\.[A-Za-z0-9!#$%&'*+\/=?^_`\{\|\}~\-]+)*"
        + @"@(?:[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$";

    /// <summary>
    /// Vietnamese phone: prefix 0, 84 or +84, then a mobile number (3, 5, 7, 8 or 9 and 8 digits) or a landline
    /// (2 and 8 or 9 digits); spaces, dots, dashes and parentheses may separate the digits.
    /// </summary>
    public const string PhonePattern =
        @"^\(?(?:\+84|84|0)(?:[ .\(\)\-]*[35789](?:[ .\(\)\-]*[0-9]){8}|[ .\(\)\-]*2(?:[ .\(\)\-]*[0-9]){8,9})$";

    /// <summary>
    /// Tax code (mã số thuế): 10 digits, 10 digits a dash and 3 digits (a dependent unit), or 12 digits (the personal
    /// identification number household businesses and individuals use from 1/7/2025); which fits depends on the entity type.
    /// </summary>
    public const string TaxCodePattern = TaxCodes.Pattern;

    /// <summary>
    /// Amount in VND: digits, either ungrouped or grouped by three with one kind of separator ('.', ',' or space),
    /// optionally followed by "đ", "₫" or "VND"/"VNĐ".
    /// </summary>
    public const string AmountPattern =
        @"^(?:[0-9]+|[0-9]{1,3}(?:\.[0-9]{3})+|[0-9]{1,3}(?:,[0-9]{3})+|[0-9]{1,3}(?: [0-9]{3})+)(?: ?(?:đ|₫|[Vv][Nn][DdĐđ]))?$";

    /// <summary>A date as dd/MM/yyyy (one-digit day and month too) or yyyy-MM-dd.</summary>
    public const string DatePattern = @"^(?:[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{1,2}/[0-9]{1,2}/[0-9]{4})$";

    /// <summary>The formats a date is accepted in: day/month/year as people write it (issue 16 item 4), and ISO for API clients.</summary>
    public static readonly string[] DateFormats = ["yyyy-MM-dd", "d/M/yyyy"];

    /// <summary>Whole number 0 or more, digits only.</summary>
    public const string IntegerPattern = @"^[0-9]{1,6}$";

    /// <summary>Largest amount accepted, in VND (15 digits).</summary>
    public const long MaxAmount = 999_999_999_999_999;

    /// <summary>Largest count accepted for expected jobs and trainees.</summary>
    public const int MaxCount = 100_000;

    /// <summary>Earliest start or end date accepted.</summary>
    public static readonly DateOnly MinDate = new(2000, 1, 1);

    /// <summary>Latest start or end date accepted.</summary>
    public static readonly DateOnly MaxDate = new(2100, 12, 31);

    private const int AmountMaxLength = 30;

    /// <summary>The longest beneficiary list accepted, in characters of its JSON.</summary>
    public const int MaxBeneficiariesLength = 40_000;

    /// <summary>The most beneficiaries one đề án lists.</summary>
    public const int MaxBeneficiaries = 100;

    /// <summary>
    /// The levels of typical-product rounds (TT 26/2014/TT-BCT art. 14 as amended by TT 14/2018 and TT 38/2025: district
    /// until 30/6/2025, commune from 1/7/2025, province, region, national; secondary).
    /// </summary>
    public static IReadOnlyList<string> RoundLevels { get; } = ["commune", "district", "province", "region", "national"];

    /// <summary>Every field rule, in form order (the order of <see cref="ProposalFields.All"/>).</summary>
    public static IReadOnlyList<ProposalFieldRule> All { get; } =
    [
        Text(ProposalFields.OrganizationName, 200, "Tên tổ chức, cơ sở", "Organization name", "tên tổ chức, cơ sở", "the name of the organization"),
        new(ProposalFields.TaxCode, FieldValueKind.TaxCode, true, 14, TaxCodePattern, null, null, null, "Mã số thuế", "Tax code")
        {
            VietnameseNoun = "mã số thuế", EnglishNoun = "the tax code",
        },
        Text(ProposalFields.Representative, 100, "Người đại diện", "Representative", "họ tên người đại diện", "the representative's name"),
        new(ProposalFields.Email, FieldValueKind.Email, true, 254, EmailPattern, null, null, null, "Email", "Email")
        {
            VietnameseNoun = "email", EnglishNoun = "an email address",
        },
        new(ProposalFields.Phone, FieldValueKind.Phone, true, 20, PhonePattern, null, null, null, "Số điện thoại", "Phone number")
        {
            VietnameseNoun = "số điện thoại", EnglishNoun = "a phone number",
        },
        Text(ProposalFields.Address, 300, "Địa chỉ", "Address", "địa chỉ", "the address"),
        Text(ProposalFields.Commune, 100, "Xã, phường, đặc khu", "Commune, ward or special zone", "xã, phường hoặc đặc khu", "the commune, ward or special zone"),
        new(ProposalFields.Province, FieldValueKind.Choice, true, 100, null, null, null,
            ProvinceCatalog.Current.Select(p => p.Code).ToList(), "Tỉnh, thành phố", "Province or city")
        {
            VietnameseNoun = "tỉnh, thành phố", EnglishNoun = "the province or city",
        },
        new(ProposalFields.Kind, FieldValueKind.Choice, true, 40, null, null, null,
            ProposalKinds.All.Select(k => k.Code).ToList(), "Loại đề án", "Proposal type")
        {
            VietnameseNoun = "loại đề án", EnglishNoun = "the type of proposal",
        },
        Text(ProposalFields.Sector, 100, "Ngành nghề, lĩnh vực", "Sector", "ngành nghề, lĩnh vực", "the sector"),
        new(ProposalFields.FundingSource, FieldValueKind.Choice, true, 20, null, null, null,
            FundingSources.All.Select(k => k.Code).ToList(), "Nguồn kinh phí", "Funding source")
        {
            VietnameseNoun = "nguồn kinh phí", EnglishNoun = "the funding source",
        },
        Text(ProposalFields.Title, 300, "Tên đề án", "Proposal title", "tên đề án", "the title of the proposal"),
        new(ProposalFields.Summary, FieldValueKind.MultilineText, true, 4000, null, null, null, null, "Tóm tắt đề án", "Summary")
        {
            VietnameseNoun = "tóm tắt đề án", EnglishNoun = "a summary",
        },
        Amount(ProposalFields.TotalCost, 1, "Tổng kinh phí", "Total cost", "tổng kinh phí", "the total cost"),
        Amount(ProposalFields.RequestedSupport, 1, "Kinh phí đề nghị hỗ trợ", "Requested support", "kinh phí đề nghị hỗ trợ", "the requested support"),
        Amount(ProposalFields.OwnContribution, 0, "Vốn đối ứng", "Own contribution", "vốn đối ứng của cơ sở", "the own contribution"),
        Date(ProposalFields.StartDate, "Ngày bắt đầu", "Start date", "ngày bắt đầu", "the start date"),
        Date(ProposalFields.EndDate, "Ngày kết thúc", "End date", "ngày kết thúc", "the end date"),
        Count(ProposalFields.ExpectedJobs, "Số việc làm dự kiến", "Expected jobs"),
        Count(ProposalFields.ExpectedTrainees, "Số người dự kiến được đào tạo", "Expected trainees"),
        new(ProposalFields.EntityType, FieldValueKind.Choice, true, 60, null, null, null,
            EntityTypes.Selectable.Select(t => t.Code).ToList(), "Loại hình cơ sở", "Type of applicant")
        {
            VietnameseNoun = "loại hình cơ sở", EnglishNoun = "the type of applicant",
        },
        new(ProposalFields.Activity, FieldValueKind.Choice, false, 60, null, null, null,
            ActivityCatalog.All.Select(a => a.Code).ToList(), "Nội dung hoạt động khuyến công", "Activity")
        {
            VietnameseNoun = "nội dung hoạt động khuyến công", EnglishNoun = "the activity",
        },
        new(ProposalFields.SectorCode, FieldValueKind.Choice, false, 60, null, null, null,
            SectorCatalog.All.Select(x => x.Code).ToList(), "Nhóm ngành nghề", "Sector group")
        {
            VietnameseNoun = "nhóm ngành nghề", EnglishNoun = "the sector group",
        },
        new(ProposalFields.Priorities, FieldValueKind.Text, false, 500, null, null, null, null, "Đối tượng ưu tiên", "Priorities")
        {
            VietnameseNoun = "đối tượng ưu tiên", EnglishNoun = "the priorities",
        },
        new(ProposalFields.Beneficiaries, FieldValueKind.MultilineText, false, MaxBeneficiariesLength, null, null, null, null, "Cơ sở thụ hưởng", "Beneficiary establishments")
        {
            VietnameseNoun = "danh sách cơ sở thụ hưởng", EnglishNoun = "the list of beneficiaries",
        },
        new(ProposalFields.RoundLevel, FieldValueKind.Choice, false, 20, null, null, null,
            RoundLevels, "Cấp bình chọn", "Round level")
        {
            VietnameseNoun = "cấp bình chọn", EnglishNoun = "the round level",
        },
    ];

    private static readonly Dictionary<string, ProposalFieldRule> ByName = All.ToDictionary(r => r.Name, StringComparer.Ordinal);

    /// <summary>The rule of a field by camelCase name; unknown names throw.</summary>
    public static ProposalFieldRule Get(string name) =>
        ByName.TryGetValue(name, out var rule) ? rule : throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown proposal field.");

    private static ProposalFieldRule Text(string name, int maxLength, string vi, string en, string viNoun, string enNoun) =>
        new(name, FieldValueKind.Text, true, maxLength, null, null, null, null, vi, en) { VietnameseNoun = viNoun, EnglishNoun = enNoun };

    private static ProposalFieldRule Amount(string name, long min, string vi, string en, string viNoun, string enNoun) =>
        new(name, FieldValueKind.Amount, true, AmountMaxLength, AmountPattern,
            min.ToString(CultureInfo.InvariantCulture), MaxAmount.ToString(CultureInfo.InvariantCulture), null, vi, en)
        {
            VietnameseNoun = viNoun, EnglishNoun = enNoun,
        };

    private static ProposalFieldRule Date(string name, string vi, string en, string viNoun, string enNoun) =>
        new(name, FieldValueKind.Date, true, 10, DatePattern,
            MinDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), MaxDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null, vi, en)
        {
            VietnameseNoun = viNoun, EnglishNoun = enNoun,
        };

    private static ProposalFieldRule Count(string name, string vi, string en) =>
        new(name, FieldValueKind.Integer, false, 6, IntegerPattern, "0", MaxCount.ToString(CultureInfo.InvariantCulture), null, vi, en)
        {
            VietnameseNoun = vi.ToLowerInvariant(), EnglishNoun = en.ToLowerInvariant(),
        };
}
