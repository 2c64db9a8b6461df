using System.Globalization;
using System.Text.RegularExpressions;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using KhuyenCong.Domain.Activities;

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
        var r = new FieldReader(language);
        var name = r.Text(form.Name, "name", NameMaxLength, new Bilingual("Họ và tên", "The name"), required: true);
        var organization = r.Text(form.Organization, "organization", OrganizationMaxLength, new Bilingual("Cơ quan công tác", "The organisation"), required: true);
        var email = r.Email(form.Email);
        var phone = r.Phone(form.Phone);
        var kinds = r.Kinds(form.Kinds);
        var sectors = r.TextList(form.Sectors, "sectors", MaxSectors, SectorMaxLength, new Bilingual("Lĩnh vực", "A sector"));
        var organizations = r.TextList(form.DeclaredOrganizations, "declaredOrganizations", MaxDeclarations, OrganizationMaxLength,
            new Bilingual("Tên tổ chức kê khai xung đột lợi ích", "A declared organisation"));
        var taxCodes = r.TaxCodes(form.DeclaredTaxCodes);
        if (r.Errors.Count > 0)
        {
            return (null, r.Errors);
        }

        return (new Reviewer(id, name!, email!, phone, organization!, kinds, sectors, taxCodes, organizations, active), []);
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
