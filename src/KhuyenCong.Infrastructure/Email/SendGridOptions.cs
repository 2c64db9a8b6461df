using System.ComponentModel.DataAnnotations;
using KhuyenCong.Application.Options;

namespace KhuyenCong.Infrastructure.Email;

/// <summary>Settings of section <c>SendGrid</c> (environment: <c>SendGrid__ApiKey</c>, ...).</summary>
public sealed class SendGridOptions
{
    public const string SectionName = "SendGrid";

    /// <summary>The API key (Key Vault reference in Azure). Never logged.</summary>
    [Required(ErrorMessage = "Setting 'SendGrid:ApiKey' is required.")]
    public string ApiKey { get; set; } = string.Empty;

    /// <summary>Optional base address of a SendGrid-compatible API (LocalHost's outbox in development).</summary>
    [Url(ErrorMessage = "Setting 'SendGrid:Host' must be an absolute URL.")]
    public string? Host { get; set; }

    [Required(ErrorMessage = "Setting 'SendGrid:FromEmail' is required.")]
    [EmailAddress(ErrorMessage = "Setting 'SendGrid:FromEmail' must be an email address.")]
    public string FromEmail { get; set; } = "khuyencong@example.gov.vn";

    /// <summary>How long one send may take before it counts as failed (below <c>Email:ClaimLease</c>).</summary>
    [TimeSpanRange("00:00:01", "00:10:00", ErrorMessage = "Setting 'SendGrid:Timeout' must be between 1 second and 10 minutes.")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    [Required(ErrorMessage = "Setting 'SendGrid:FromName' is required.")]
    public string FromName { get; set; } = "Trung tâm Khuyến công";
}
