using System.Text.RegularExpressions;

namespace KhuyenCong.Domain.Applicants;

/// <summary>The shapes of an identifier used as a tax code (data/reference/entity-types.json, <c>identifierFormats</c>).</summary>
public enum TaxCodeFormat
{
    /// <summary>10 digits: enterprises, cooperatives, organisations, and household businesses before 1/7/2025 (Luật Quản lý thuế 38/2019/QH14 art. 3 cl. 5; TT 105/2020/TT-BTC art. 5).</summary>
    TenDigits,

    /// <summary>10 digits, a dash and 3 digits: a dependent unit (branch, business location) (TT 105/2020/TT-BTC art. 5 cl. 3).</summary>
    Branch,

    /// <summary>12 digits: the personal identification number used as tax code from 1/7/2025 by individuals and household businesses (TT 86/2024/TT-BTC; secondary).</summary>
    PersonalId,
}

/// <summary>Recognises the format of a tax code.</summary>
public static partial class TaxCodes
{
    /// <summary>Any accepted tax code: 10 digits, 10-3, or 12 digits (the JavaScript-compatible pattern of the form field).</summary>
    public const string Pattern = @"^(?:[0-9]{10}(?:-[0-9]{3})?|[0-9]{12})$";

    /// <summary>The format of a tax code, or null when it has none of the accepted shapes.</summary>
    public static TaxCodeFormat? Detect(string? taxCode)
    {
        var value = taxCode?.Trim() ?? string.Empty;
        return value switch
        {
            _ when TenDigitsRegex().IsMatch(value) => TaxCodeFormat.TenDigits,
            _ when BranchRegex().IsMatch(value) => TaxCodeFormat.Branch,
            _ when PersonalIdRegex().IsMatch(value) => TaxCodeFormat.PersonalId,
            _ => null,
        };
    }

    /// <summary>The data's name of a format ("10", "10-3", "12").</summary>
    public static string Name(TaxCodeFormat format) => format switch
    {
        TaxCodeFormat.TenDigits => "10",
        TaxCodeFormat.Branch => "10-3",
        _ => "12",
    };

    internal static TaxCodeFormat ParseFormat(string name) => name switch
    {
        "10" => TaxCodeFormat.TenDigits,
        "10-3" => TaxCodeFormat.Branch,
        "12" => TaxCodeFormat.PersonalId,
        _ => throw new InvalidOperationException($"data/reference/entity-types.json: unknown identifier format '{name}'."),
    };

    [GeneratedRegex("^[0-9]{10}$", RegexOptions.CultureInvariant)]
    private static partial Regex TenDigitsRegex();

    [GeneratedRegex("^[0-9]{10}-[0-9]{3}$", RegexOptions.CultureInvariant)]
    private static partial Regex BranchRegex();

    [GeneratedRegex("^[0-9]{12}$", RegexOptions.CultureInvariant)]
    private static partial Regex PersonalIdRegex();
}
