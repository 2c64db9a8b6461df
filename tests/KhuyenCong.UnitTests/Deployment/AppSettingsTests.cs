using System.Text.Json;
using KhuyenCong.Infrastructure.Storage;

namespace KhuyenCong.UnitTests.Deployment;

/// <summary>
/// The app settings the Bicep gives the Function App, infra/app-settings.json and the settings the app reads must
/// agree: a setting the app needs but Azure lacks fails at start (or worse, at the first email); a setting Azure
/// sets but nothing reads is a typo or a leftover.
/// </summary>
public class AppSettingsTests
{
    /// <summary>Settings the Bicep sets for the Functions host and the platform, not for the app: kept out of infra/app-settings.json.</summary>
    private static readonly string[] HostAndPlatformSettings =
    [
        "AzureWebJobsDisableHomepage",              // host: the proposal form is served at "/"
        "APPLICATIONINSIGHTS_CONNECTION_STRING",    // host and app: where telemetry goes
        "APPLICATIONINSIGHTS_AUTHENTICATION_STRING", // host: telemetry with an Entra ID token of the identity
        "OVERRIDE_USE_MI_FIC_ASSERTION_CLIENTID",   // App Service Authentication: identity as federated credential
        "WEBSITE_AUTH_AAD_ALLOWED_TENANTS",          // App Service Authentication: accepted tenants
    ];

    /// <summary>
    /// Prefixes of settings the app reads directly from configuration rather than through an options class:
    /// AzureWebJobsStorage__* by <see cref="StorageAccount.FromConfiguration"/> (and the Functions host, the durable
    /// task hub included); KhuyenCong__* by the app's own code and by host.json (task hub name).
    /// </summary>
    private static readonly string[] ReadDirectlyPrefixes = [StorageAccount.SettingName + "__", "KhuyenCong__"];

    /// <summary>
    /// Settings the Bicep sets ahead of the app code that will read them (none now: the Reminders settings are read by
    /// RemindersOptions and the reminder timers' schedules). Remove each name once its reader is merged: the test
    /// <see cref="AheadOfAppSettings_EachOne_IsNotYetReadByTheApp"/> fails as soon as the app reads one, so this list
    /// cannot go stale.
    /// </summary>
    private static readonly string[] AheadOfAppSettings = [];

    /// <summary>Options properties for local development only (SendGrid's Host points the client at LocalHost's outbox): never set in Azure.</summary>
    private static readonly string[] LocalOnlySettings = ["SendGrid__Host"];

    private static IReadOnlyList<string> AppSettingsFile()
    {
        using var stream = File.OpenRead(Path.Combine(BuildPaths.Infra, "app-settings.json"));
        return JsonSerializer.Deserialize<string[]>(stream) ?? [];
    }

    private static bool IsReadByTheApp(string setting) =>
        AppSettingReaders.OptionsSettings().Any(o => o.Binds(setting))
        || AppSettingReaders.BindingExpressionNames().Contains(setting)
        || ReadDirectlyPrefixes.Any(p => setting.StartsWith(p, StringComparison.Ordinal));

    [Fact]
    public void AppSettingsFile_ComparedWithBicep_ListsExactlyTheAppSettingsTheFunctionAppGets()
    {
        var fromBicep = MainTemplate.FunctionAppSettings().Keys.Except(HostAndPlatformSettings, StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var listed = AppSettingsFile();

        Assert.Equal(listed.Count, listed.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(fromBicep, listed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AppSettingsFile_EverySetting_IsReadByTheApp()
    {
        var unread = AppSettingsFile()
            .Except(AheadOfAppSettings, StringComparer.Ordinal)
            .Where(s => !IsReadByTheApp(s))
            .ToList();

        Assert.True(unread.Count == 0, "Set by the Bicep but read by no options class, binding expression or direct reader: " + string.Join(", ", unread));
    }

    [Fact]
    public void AheadOfAppSettings_EachOne_IsNotYetReadByTheApp()
    {
        var listed = AppSettingsFile();
        Assert.All(AheadOfAppSettings, s => Assert.Contains(s, listed));

        var nowRead = AheadOfAppSettings.Where(IsReadByTheApp).ToList();
        Assert.True(nowRead.Count == 0,
            "The app reads these now: remove them from AheadOfAppSettings in this test: " + string.Join(", ", nowRead));
    }

    [Fact]
    public void OptionsClasses_RequiredProperties_AreSetByBicep()
    {
        var set = MainTemplate.FunctionAppSettings();
        var missing = AppSettingReaders.OptionsSettings()
            .Where(o => o.IsRequired && !LocalOnlySettings.Contains(o.Name, StringComparer.OrdinalIgnoreCase))
            .Where(o => !set.Keys.Any(o.Binds))
            .Select(o => $"{o.Name} ({o.OptionsType.Name})")
            .ToList();

        Assert.True(missing.Count == 0, "Required by the app but not set by the Bicep: " + string.Join(", ", missing));
    }

    [Fact]
    public void OptionsClasses_LocalOnlyProperties_AreNotSetByBicep()
    {
        var options = AppSettingReaders.OptionsSettings();
        Assert.All(LocalOnlySettings, s => Assert.Contains(options, o => o.Name == s));

        var set = MainTemplate.FunctionAppSettings();
        Assert.All(LocalOnlySettings, s => Assert.DoesNotContain(set.Keys, k => string.Equals(k, s, StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public void OptionsSettings_OfTheAppAssemblies_IncludeSendGridWithItsRequiredKeys()
    {
        var sendGrid = AppSettingReaders.OptionsSettings().Where(o => o.Name.StartsWith("SendGrid__", StringComparison.Ordinal)).ToList();

        Assert.Contains(sendGrid, o => o is { Name: "SendGrid__ApiKey", IsRequired: true, IsLeaf: true });
        Assert.Contains(sendGrid, o => o is { Name: "SendGrid__FromEmail", IsRequired: true });
        Assert.Contains(sendGrid, o => o is { Name: "SendGrid__Host", IsRequired: false });
    }

    [Fact]
    public void FunctionAppSettings_FlexConsumption_HaveNoRuntimeSettingsAndNoKeys()
    {
        var set = MainTemplate.FunctionAppSettings();

        // Flex Consumption takes the runtime from functionAppConfig and rejects these as app settings.
        Assert.DoesNotContain("FUNCTIONS_WORKER_RUNTIME", set.Keys);
        Assert.DoesNotContain("FUNCTIONS_EXTENSION_VERSION", set.Keys);
        Assert.DoesNotContain("WEBSITE_RUN_FROM_PACKAGE", set.Keys);
        // Identity only: no connection string, no account key, no instrumentation key.
        Assert.DoesNotContain(StorageAccount.SettingName, set.Keys);
        Assert.DoesNotContain("APPINSIGHTS_INSTRUMENTATIONKEY", set.Keys);
        Assert.All(set.Values, v => Assert.DoesNotContain("AccountKey", v, StringComparison.OrdinalIgnoreCase));
        Assert.Equal("managedidentity", set["AzureWebJobsStorage__credential"]);
        Assert.Contains("Authorization=AAD", set["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SendGrid__ApiKey", "SendGridApiKey")]
    [InlineData("Links__SigningKeys", "LinkSigningKeys")]
    public void FunctionAppSettings_Secret_IsAKeyVaultReference(string setting, string secretName)
    {
        var value = MainTemplate.FunctionAppSettings()[setting];

        Assert.Contains("@Microsoft.KeyVault(SecretUri=", value, StringComparison.Ordinal);
        Assert.Contains($"secrets/{secretName})", value, StringComparison.Ordinal);
    }

    [Fact]
    public void HostJsonAndTriggers_BindingExpressions_AreSetByBicep()
    {
        var names = AppSettingReaders.BindingExpressionNames();
        Assert.Contains("KhuyenCong__TaskHubName", names);

        var set = MainTemplate.FunctionAppSettings();
        Assert.All(names, n => Assert.Contains(set.Keys, k => string.Equals(k, n, StringComparison.OrdinalIgnoreCase)));
    }
}
