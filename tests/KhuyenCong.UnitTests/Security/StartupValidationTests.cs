using KhuyenCong.Application.Identity;
using KhuyenCong.Functions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KhuyenCong.UnitTests.Security;

/// <summary>
/// The Functions app's start-up validation (what the worker runs before serving, and LocalHost before starting):
/// in Azure without App Service Authentication it refuses to start (issue 11, finding 6), and LocalHost's public
/// development link key is refused anywhere but LocalHost (finding 10).
/// </summary>
public class StartupValidationTests
{
    private const string OwnKeys = """{"current":"k1","keys":{"k1":"MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMTIzNDU2Nzg5MDE="}}""";
    private const string DevKeys = """{"current":"dev","keys":{"dev":"a2h1eWVuY29uZy1sb2NhbGhvc3QtZGV2ZWxvcG1lbnQtb25seS1rZXk="}}""";

    /// <summary>Every failure start-up validation reports for these settings (empty: the app starts).</summary>
    private static IReadOnlyList<string> Failures(Dictionary<string, string?> overrides, bool localHost = false)
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
            ["KhuyenCong:TaskHubName"] = "KhuyenCong",
            ["KhuyenCong:PublicBaseUrl"] = "https://kc.example.gov.vn",
            ["SendGrid:ApiKey"] = "SG.test",
            ["SendGrid:FromEmail"] = "khuyencong@example.gov.vn",
            ["Links:SigningKeys"] = OwnKeys,
            ["Workflow:OfficerEmails"] = "can-bo@example.gov.vn",
            ["Workflow:DirectorEmail"] = "giam-doc@example.gov.vn",
            ["Reminders:DigestSchedule"] = "0 0 1 * * *",
            ["Reminders:OverdueReportSchedule"] = "0 0 1 * * 1",
            ["Statistics:RecomputeSchedule"] = "0 0 19 * * *",
        };
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);
        services.AddKhuyenCongFunctions(configuration);
        if (localHost)
        {
            services.Configure<HostPlatformOptions>(o => o.IsLocalHost = true);
        }

        using var provider = services.BuildServiceProvider();
        try
        {
            provider.GetRequiredService<IStartupValidator>().Validate();
            return [];
        }
        catch (OptionsValidationException ex)
        {
            return ex.Failures.ToList();
        }
    }

    [Fact]
    public void Start_OutsideAzureWithOwnKeys_Succeeds() => Assert.Empty(Failures([]));

    [Fact]
    public void Start_InAzureWithoutAppServiceAuthentication_FailsNamingIt()
    {
        var failures = Failures(new() { [HostPlatformOptions.SiteNameSetting] = "kc-prod" });

        var failure = Assert.Single(failures);
        Assert.Contains("App Service Authentication with Microsoft Entra ID must be on", failure, StringComparison.Ordinal);
        Assert.Contains("WEBSITE_AUTH_ENABLED", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_InAzureWithAuthenticationOfAnotherProvider_Fails() =>
        Assert.Single(Failures(new()
        {
            [HostPlatformOptions.SiteNameSetting] = "kc-prod",
            [HostPlatformOptions.AuthEnabledSetting] = "True",
            [HostPlatformOptions.AuthDefaultProviderSetting] = "Facebook",
        }));

    [Theory]
    [InlineData(null)]
    [InlineData("AzureActiveDirectory")]
    public void Start_InAzureWithAppServiceAuthentication_Succeeds(string? provider) =>
        Assert.Empty(Failures(new()
        {
            [HostPlatformOptions.SiteNameSetting] = "kc-prod",
            [HostPlatformOptions.AuthEnabledSetting] = "True",
            [HostPlatformOptions.AuthDefaultProviderSetting] = provider,
        }));

    [Fact]
    public void Start_WithTheDevelopmentKeyOutsideLocalHost_FailsNamingTheSettingNotTheKey()
    {
        var failure = Assert.Single(Failures(new() { ["Links:SigningKeys"] = DevKeys }));

        Assert.Contains("Links:SigningKeys", failure, StringComparison.Ordinal);
        Assert.Contains("'dev'", failure, StringComparison.Ordinal);
        Assert.DoesNotContain("a2h1eWVu", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_WithTheDevelopmentKeyAmongOthersOutsideLocalHost_Fails() =>
        Assert.Single(Failures(new() { ["Links:SigningKeys"] = """{"current":"k1","keys":{"k1":"MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMTIzNDU2Nzg5MDE=","dev":"a2h1eWVuY29uZy1sb2NhbGhvc3QtZGV2ZWxvcG1lbnQtb25seS1rZXk="}}""" }));

    [Fact]
    public void Start_WithTheDevelopmentKeyUnderLocalHost_Succeeds() =>
        Assert.Empty(Failures(new() { ["Links:SigningKeys"] = DevKeys }, localHost: true));

    [Fact]
    public void Start_LocalHostInAzure_Fails() =>
        Assert.Contains(Failures(new() { [HostPlatformOptions.SiteNameSetting] = "kc-prod", [HostPlatformOptions.AuthEnabledSetting] = "True" }, localHost: true),
            f => f.Contains("LocalHost cannot run in Azure", StringComparison.Ordinal));
}
