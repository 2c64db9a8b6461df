using System.Globalization;
using System.Text.RegularExpressions;
using KhuyenCong.Domain.Documents;
using KhuyenCong.Domain.Text;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Application.Documents;

/// <summary>
/// One issuing body of documents (Decree 30/2020/NĐ-CP header and signature block, docs/legal/document-format.md §2.1
/// and §2.5): the superior body's line, its own name, the symbol in document numbers, and who signs.
/// </summary>
public sealed class IssuerOptions
{
    /// <summary>The directly superior body, capitals: "UBND TỈNH HƯNG YÊN" (for the Sở), "SỞ CÔNG THƯƠNG HƯNG YÊN" (for the Centre).</summary>
    public string Superior { get; set; } = string.Empty;

    /// <summary>The issuing body, capitals: "SỞ CÔNG THƯƠNG", "TRUNG TÂM KHUYẾN CÔNG".</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>Its abbreviation in document numbers: "SCT" in "07/QĐ-SCT".</summary>
    public string Symbol { get; set; } = string.Empty;

    /// <summary>Its address, as contracts state it (may be empty: the document then leaves a line to fill in).</summary>
    public string Address { get; set; } = string.Empty;

    /// <summary>Its telephone number (may be empty).</summary>
    public string Phone { get; set; } = string.Empty;

    /// <summary>The authority line above the signer's title: "KT. GIÁM ĐỐC", "TM. ỦY BAN NHÂN DÂN"; empty when the head signs.</summary>
    public string SignerAuthority { get; set; } = string.Empty;

    /// <summary>The signer's title, capitals: "GIÁM ĐỐC", "PHÓ GIÁM ĐỐC".</summary>
    public string SignerTitle { get; set; } = "GIÁM ĐỐC";

    /// <summary>The signer's name (may be empty: written by hand under the signature).</summary>
    public string SignerName { get; set; } = string.Empty;
}

/// <summary>
/// Settings of section <c>Documents</c>: the issuing bodies printed on generated documents, the place name of the date
/// line, the receipt's answer period and the upload limits. The defaults describe Hưng Yên's Sở Công Thương; the
/// Centre's official name was not found (docs/legal/cycle-reports-documents.md §7), so it defaults to the generic
/// "TRUNG TÂM KHUYẾN CÔNG": set it for a real deployment (docs/documents.md).
/// </summary>
public sealed class DocumentsOptions
{
    public const string SectionName = "Documents";

    /// <summary>The place in the date line, the official name of the administrative unit where the issuer sits, without "tỉnh".</summary>
    public string Place { get; set; } = "Hưng Yên";

    /// <summary>The Department (Sở Công Thương): decisions, submissions, reports.</summary>
    public IssuerOptions Department { get; set; } = new() { Superior = "UBND TỈNH HƯNG YÊN", Name = "SỞ CÔNG THƯƠNG", Symbol = "SCT" };

    /// <summary>The Industrial Promotion Centre: receipts, contracts, acceptance minutes, liquidations.</summary>
    public IssuerOptions Centre { get; set; } = new() { Superior = "SỞ CÔNG THƯƠNG HƯNG YÊN", Name = "TRUNG TÂM KHUYẾN CÔNG", Symbol = "TTKC" };

    /// <summary>The title under which the receipt is signed.</summary>
    public string ReceiptSignerTitle { get; set; } = "CÁN BỘ TIẾP NHẬN HỒ SƠ";

    /// <summary>
    /// How many days after receipt the Centre answers (printed on the receipt). A setting with no legal basis: no rule
    /// fixing this period for khuyến công dossiers was found (docs/documents.md). Default 15.
    /// </summary>
    public int ReceiptAnswerDays { get; set; } = 15;

    /// <summary>Whether <see cref="ReceiptAnswerDays"/> counts working days (default) or calendar days.</summary>
    public DayCount ReceiptDayCount { get; set; } = DayCount.Working;

    /// <summary>Public holidays and compensatory days off (yyyy-MM-dd), announced each year: not working days.</summary>
    public IList<string> Holidays { get; set; } = [];

    /// <summary>Largest template an admin may upload (default 5 MB).</summary>
    public long MaxTemplateBytes { get; set; } = 5L * 1024 * 1024;

    /// <summary>Largest signed scan (default 20 MB).</summary>
    public long MaxScanBytes { get; set; } = 20L * 1024 * 1024;

    /// <summary>The issuer of a kind's documents.</summary>
    public IssuerOptions Issuer(IssuerRole role) => role == IssuerRole.Department ? Department : Centre;

    /// <summary>The holidays as dates (the validation has checked each one parses).</summary>
    public IReadOnlySet<DateOnly> HolidayDates() =>
        Holidays.Select(h => DateOnly.ParseExact(h.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture)).ToHashSet();
}

/// <summary>Which body issues a kind of document.</summary>
public enum IssuerRole
{
    Centre,
    Department,
}

/// <summary>Checks every setting of <see cref="DocumentsOptions"/> at start, naming the setting.</summary>
internal sealed partial class DocumentsOptionsValidation : IValidateOptions<DocumentsOptions>
{
    private const int MaxText = 200;

    public ValidateOptionsResult Validate(string? name, DocumentsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        Text(failures, "Place", options.Place, required: true);
        Issuer(failures, "Department", options.Department);
        Issuer(failures, "Centre", options.Centre);
        Text(failures, "ReceiptSignerTitle", options.ReceiptSignerTitle, required: true);
        if (options.ReceiptAnswerDays is < 1 or > 365)
        {
            failures.Add("Setting 'Documents:ReceiptAnswerDays' must be between 1 and 365.");
        }

        if (!Enum.IsDefined(options.ReceiptDayCount))
        {
            failures.Add("Setting 'Documents:ReceiptDayCount' must be 'Working' or 'Calendar'.");
        }

        foreach (var holiday in options.Holidays)
        {
            if (!DateOnly.TryParseExact(holiday?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                failures.Add($"Setting 'Documents:Holidays' holds '{holiday}', which is not a date yyyy-MM-dd.");
            }
        }

        if (options.MaxTemplateBytes is < 1024 or > 50L * 1024 * 1024)
        {
            failures.Add("Setting 'Documents:MaxTemplateBytes' must be between 1 KB and 50 MB.");
        }

        if (options.MaxScanBytes is < 1024 or > 100L * 1024 * 1024)
        {
            failures.Add("Setting 'Documents:MaxScanBytes' must be between 1 KB and 100 MB.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Issuer(List<string> failures, string section, IssuerOptions? issuer)
    {
        if (issuer is null)
        {
            failures.Add($"Setting 'Documents:{section}' is required.");
            return;
        }

        Text(failures, section + ":Superior", issuer.Superior, required: true);
        Text(failures, section + ":Name", issuer.Name, required: true);
        Text(failures, section + ":Address", issuer.Address, required: false);
        Text(failures, section + ":Phone", issuer.Phone, required: false);
        Text(failures, section + ":SignerAuthority", issuer.SignerAuthority, required: false);
        Text(failures, section + ":SignerTitle", issuer.SignerTitle, required: true);
        Text(failures, section + ":SignerName", issuer.SignerName, required: false);
        if (!SymbolPattern().IsMatch(issuer.Symbol ?? string.Empty))
        {
            failures.Add($"Setting 'Documents:{section}:Symbol' must be capital letters and digits, groups joined by '-' (for example 'SCT' or 'TTKC').");
        }
    }

    private static void Text(List<string> failures, string setting, string? value, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                failures.Add($"Setting 'Documents:{setting}' is required.");
            }

            return;
        }

        if (value.Length > MaxText || VietnameseText.HasForbiddenCharacters(value) || value.Any(char.IsControl))
        {
            failures.Add($"Setting 'Documents:{setting}' must be at most {MaxText} characters of text, without control characters.");
        }
    }

    [GeneratedRegex("^[A-ZĐ0-9]{1,10}(-[A-ZĐ0-9]{1,10}){0,3}$")]
    private static partial Regex SymbolPattern();
}
