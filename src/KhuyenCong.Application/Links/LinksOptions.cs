using System.ComponentModel.DataAnnotations;
using KhuyenCong.Application.Options;
using KhuyenCong.Domain.Links;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Application.Links;

/// <summary>Settings of section <c>Links</c>: the keys that sign emailed links, and how long links live.</summary>
public sealed class LinksOptions
{
    public const string SectionName = "Links";

    /// <summary>JSON <c>{"current":"k1","keys":{"k1":"base64 (32+ bytes)"}}</c>; a Key Vault reference in Azure. Never logged.</summary>
    [Required(ErrorMessage = "Setting 'Links:SigningKeys' is required.")]
    public string SigningKeys { get; set; } = string.Empty;

    /// <summary>How long an emailed link works (default 30 days).</summary>
    [TimeSpanRange("00:01:00", "365.00:00:00", ErrorMessage = "Setting 'Links:Lifetime' must be between 1 minute and 365 days.")]
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// How long the director's approval link works (default 7 days): it leads to a budget decision, so it lives shorter
    /// than the others (the workflow sends a fresh one with each reminder, every <c>Workflow:ApprovalReminderInterval</c>).
    /// </summary>
    [TimeSpanRange("00:01:00", "30.00:00:00", ErrorMessage = "Setting 'Links:ApprovalLifetime' must be between 1 minute and 30 days.")]
    public TimeSpan ApprovalLifetime { get; set; } = TimeSpan.FromDays(7);
}

/// <summary>
/// Checks that <see cref="LinksOptions.SigningKeys"/> parses, naming the setting (never the key) when it does not, and
/// that LocalHost's public development key (<see cref="LinkSigningKeys.DevelopmentKeyId"/>) is used under LocalHost only.
/// </summary>
internal sealed class LinksOptionsValidation(IOptions<KhuyenCong.Application.Identity.HostPlatformOptions> platform) : IValidateOptions<LinksOptions>
{
    public ValidateOptionsResult Validate(string? name, LinksOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.SigningKeys))
        {
            return ValidateOptionsResult.Skip;
        }

        try
        {
            var keys = LinkSigningKeys.Parse(options.SigningKeys);
            return keys.HasDevelopmentKey && !platform.Value.IsLocalHost
                ? ValidateOptionsResult.Fail($"Setting 'Links:SigningKeys' has the key id '{LinkSigningKeys.DevelopmentKeyId}': that key is LocalHost's development key "
                    + "(public in the repository) and only LocalHost may use it. Generate a key of your own (docs/deploy.md, signing keys) with another id.")
                : ValidateOptionsResult.Success;
        }
        catch (FormatException ex)
        {
            return ValidateOptionsResult.Fail($"Setting 'Links:SigningKeys' {ex.Message}.");
        }
    }
}
