using Microsoft.Extensions.Options;

namespace KhuyenCong.Application.Identity;

/// <summary>
/// Where the app runs, as far as trusting identities goes: what App Service tells it in its read-only environment
/// variables, and whether LocalHost runs it (set in code by LocalHost, never from a setting, so no configuration file
/// or environment variable can claim it).
/// </summary>
public sealed class HostPlatformOptions
{
    /// <summary>"Read-only. App name." Present in every App Service / Functions app in Azure (App Service docs,
    /// "Environment variables and app settings in Azure App Service", App environment).</summary>
    public const string SiteNameSetting = "WEBSITE_SITE_NAME";

    /// <summary>"Read-only. Injected into a Windows or Linux app to indicate whether App Service authentication is
    /// enabled" (same page, Authentication and authorization); "True" when it is.</summary>
    public const string AuthEnabledSetting = "WEBSITE_AUTH_ENABLED";

    /// <summary>
    /// The provider App Service Authentication uses by default ("AzureActiveDirectory" for Entra ID). Listed by the
    /// platform but not documented on that page (it is set when a default provider is configured), so it is checked
    /// only when present; the principal's own <c>auth_typ</c> ("aad") is always checked.
    /// </summary>
    public const string AuthDefaultProviderSetting = "WEBSITE_AUTH_DEFAULT_PROVIDER";

    public const string EntraProvider = "AzureActiveDirectory";

    public string? SiteName { get; set; }

    public string? AuthEnabled { get; set; }

    public string? AuthDefaultProvider { get; set; }

    /// <summary>True only when LocalHost runs the app (LocalHost sets it in code).</summary>
    public bool IsLocalHost { get; set; }

    /// <summary>True in Azure App Service / Functions (the platform sets <see cref="SiteNameSetting"/>).</summary>
    public bool InAzure => !string.IsNullOrWhiteSpace(SiteName);

    /// <summary>App Service Authentication is on, with Entra ID (or no other provider named) as its provider.</summary>
    public bool PlatformAuthenticationOn =>
        string.Equals(AuthEnabled?.Trim(), "True", StringComparison.OrdinalIgnoreCase)
        && (string.IsNullOrWhiteSpace(AuthDefaultProvider) || string.Equals(AuthDefaultProvider.Trim(), EntraProvider, StringComparison.OrdinalIgnoreCase));
}

/// <summary>
/// Refuses to start where staff identities could be forged or a public key could sign links: in Azure without App
/// Service Authentication (every route is anonymous at the Functions level, so without the platform in front a client
/// could send its own <c>X-MS-CLIENT-PRINCIPAL</c>), and LocalHost's marker in Azure.
/// </summary>
internal sealed class HostPlatformValidation : IValidateOptions<HostPlatformOptions>
{
    public ValidateOptionsResult Validate(string? name, HostPlatformOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.InAzure && options.IsLocalHost)
        {
            return ValidateOptionsResult.Fail("LocalHost cannot run in Azure (WEBSITE_SITE_NAME is set).");
        }

        if (options.InAzure && !options.PlatformAuthenticationOn)
        {
            return ValidateOptionsResult.Fail(
                $"App Service Authentication with Microsoft Entra ID must be on in Azure ({HostPlatformOptions.AuthEnabledSetting}='{options.AuthEnabled}', "
                + $"{HostPlatformOptions.AuthDefaultProviderSetting}='{options.AuthDefaultProvider}'): without it any caller could claim a staff identity. "
                + "Deploy infra/ (authsettingsV2 in infra/modules/functionapp.bicep) or turn it on in the portal (Authentication, Microsoft provider), then restart.");
        }

        return ValidateOptionsResult.Success;
    }
}

/// <summary>
/// Reads the signed-in staff member from <c>X-MS-CLIENT-PRINCIPAL</c>, only where something trustworthy set it: App
/// Service Authentication with Entra ID in Azure (which removes the header from clients' requests and sets it for a
/// signed-in user), or LocalHost (which removes it and sets it only for requests with its function key). Anywhere else
/// (Core Tools, a misconfigured site) the header is ignored: no staff route opens.
/// </summary>
public sealed class StaffIdentity(IOptions<HostPlatformOptions> platform)
{
    /// <summary>The identity provider App Service names in a principal signed in with Entra ID (<c>auth_typ</c>).</summary>
    public const string EntraAuthType = "aad";

    public bool TrustsPrincipalHeader => platform.Value.IsLocalHost || platform.Value.PlatformAuthenticationOn;

    public bool IsLocalHost => platform.Value.IsLocalHost;

    /// <summary>The principal of the header, or null when there is none, it is malformed, or it cannot be trusted here.</summary>
    public StaffPrincipal? Read(string? header)
    {
        if (!TrustsPrincipalHeader || StaffPrincipal.Parse(header) is not { } principal)
        {
            return null;
        }

        return platform.Value.IsLocalHost || string.Equals(principal.IdentityProvider, EntraAuthType, StringComparison.OrdinalIgnoreCase)
            ? principal
            : null;
    }
}
