using System.ComponentModel.DataAnnotations;

namespace KhuyenCong.Application.Options;

/// <summary>Settings of section <c>KhuyenCong</c> (environment: <c>KhuyenCong__PublicBaseUrl</c>, ...).</summary>
public sealed class KhuyenCongOptions
{
    public const string SectionName = "KhuyenCong";

    /// <summary>The durable task hub (also named in host.json as <c>%KhuyenCong__TaskHubName%</c>).</summary>
    [Required(ErrorMessage = "Setting 'KhuyenCong:TaskHubName' is required.")]
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{2,44}$", ErrorMessage = "Setting 'KhuyenCong:TaskHubName' must be 3-45 letters and digits, starting with a letter.")]
    public string TaskHubName { get; set; } = "KhuyenCong";

    /// <summary>The public address of the app, used in links in emails (https://... in Azure).</summary>
    [Required(ErrorMessage = "Setting 'KhuyenCong:PublicBaseUrl' is required.")]
    [Url(ErrorMessage = "Setting 'KhuyenCong:PublicBaseUrl' must be an absolute URL.")]
    public string PublicBaseUrl { get; set; } = string.Empty;
}

/// <summary>Settings of section <c>Intake</c>: limits on submissions.</summary>
public sealed class IntakeOptions
{
    public const string SectionName = "Intake";

    [Range(1024, 1024L * 1024 * 1024, ErrorMessage = "Setting 'Intake:MaxFileBytes' must be between 1 KB and 1 GB.")]
    public long MaxFileBytes { get; set; } = 20L * 1024 * 1024;

    [Range(1024, 4L * 1024 * 1024 * 1024, ErrorMessage = "Setting 'Intake:MaxProposalBytes' must be between 1 KB and 4 GB.")]
    public long MaxProposalBytes { get; set; } = 100L * 1024 * 1024;

    [Range(1, 100, ErrorMessage = "Setting 'Intake:MaxFiles' must be between 1 and 100.")]
    public int MaxFiles { get; set; } = 10;

    /// <summary>Most parts (fields and files, unknown ones too) a multipart submission may have.</summary>
    [Range(10, 10_000, ErrorMessage = "Setting 'Intake:MaxFormParts' must be between 10 and 10000.")]
    public int MaxFormParts { get; set; } = 100;

    /// <summary>Most bytes of all non-file fields of a submission together (unknown fields too).</summary>
    [Range(16 * 1024, 16 * 1024 * 1024, ErrorMessage = "Setting 'Intake:MaxFormFieldBytes' must be between 16 KB and 16 MB.")]
    public int MaxFormFieldBytes { get; set; } = 256 * 1024;

    /// <summary>
    /// Submissions (<c>POST /api/proposals</c>, by anyone but a signed-in officer) one client address may make per
    /// <see cref="AddressWindow"/>. Generous: households in a commune may share one mobile network address.
    /// </summary>
    [Range(1, 1_000_000, ErrorMessage = "Setting 'Intake:MaxSubmissionsPerAddress' must be between 1 and 1000000.")]
    public int MaxSubmissionsPerAddress { get; set; } = 30;

    [TimeSpanRange("00:01:00", "7.00:00:00", ErrorMessage = "Setting 'Intake:AddressWindow' must be between 1 minute and 7 days.")]
    public TimeSpan AddressWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Submissions one email address may make per <see cref="EmailWindow"/> (each one emails that address).</summary>
    [Range(1, 1_000_000, ErrorMessage = "Setting 'Intake:MaxSubmissionsPerEmail' must be between 1 and 1000000.")]
    public int MaxSubmissionsPerEmail { get; set; } = 5;

    [TimeSpanRange("00:01:00", "30.00:00:00", ErrorMessage = "Setting 'Intake:EmailWindow' must be between 1 minute and 30 days.")]
    public TimeSpan EmailWindow { get; set; } = TimeSpan.FromDays(1);
}

/// <summary>Settings of section <c>Exchange</c>: limits on imports of proposal files.</summary>
public sealed class ExchangeOptions
{
    public const string SectionName = "Exchange";

    [Range(1024, 100L * 1024 * 1024, ErrorMessage = "Setting 'Exchange:MaxImportBytes' must be between 1 KB and 100 MB.")]
    public long MaxImportBytes { get; set; } = 5L * 1024 * 1024;

    [Range(1, 50_000, ErrorMessage = "Setting 'Exchange:MaxImportRows' must be between 1 and 50000.")]
    public int MaxImportRows { get; set; } = 2000;
}
