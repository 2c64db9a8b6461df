using KhuyenCong.Application.Identity;
using KhuyenCong.Functions.Http;
using KhuyenCong.LocalHost.Hosting;
using KhuyenCong.Web.Http;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCong.Testing;

/// <summary>Starts LocalHost in-process on a test's own Azurite, with known keys and fast durable polling.</summary>
public static class LocalHostFactory
{
    public const string FunctionKey = "test-function-key";
    public const string AdminKey = "test-admin-key";

    /// <summary>The staff name LocalHost records for requests made with the function key (set explicitly, so tests know it).</summary>
    public const string StaffName = "Cán bộ LocalHost";

    /// <summary>The setting that starts new proposals on the workflow's version 2, the yearly cycle (as in production).</summary>
    public static readonly KeyValuePair<string, string?> CycleWorkflow = new("Workflow:StartVersion", "2");

    public static Task<LocalHostApplication> StartAsync(
        string storageConnectionString,
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configureServices = null,
        bool seedDemo = false)
    {
        var all = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["AzureWebJobsStorage"] = storageConnectionString,
            ["urls"] = "http://127.0.0.1:0",
            ["LocalHost:FunctionKey"] = FunctionKey,
            ["LocalHost:AdminKey"] = AdminKey,
            ["LocalHost:QueuePollingInterval"] = "00:00:00.500",
            ["LocalHost:StaffName"] = StaffName,
            // Every test client submits from 127.0.0.1, often with one email address: the public form's limits are
            // set low only where they are tested.
            ["Intake:MaxSubmissionsPerAddress"] = "1000000",
            ["Intake:MaxSubmissionsPerEmail"] = "1000000",
            // The suites written before the yearly cycle drive the version-1 workflow (the director's approval), which
            // instances started before the cycle still run; the cycle's suites start version 2 (CycleWorkflow).
            ["Workflow:StartVersion"] = "1",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        return LocalHostApplication.StartAsync(new LocalHostOptions
        {
            Settings = all,
            PrintBanner = false,
            ConsoleLogging = Environment.GetEnvironmentVariable("KHUYENCONG_TEST_LOGS") == "1",
            ConfigureServices = configureServices,
            SeedDemo = seedDemo,
        });
    }

    public static HttpClient CreateClient(this LocalHostApplication host, bool withFunctionKey = false)
    {
        ArgumentNullException.ThrowIfNull(host);
        var client = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(100) };
        if (withFunctionKey)
        {
            client.DefaultRequestHeaders.Add("x-functions-key", host.Keys.FunctionKey);
        }

        return client;
    }

    /// <summary>
    /// A CSRF token for HTML form posts made with the function key (the staff pages render the same in their forms):
    /// issued for the principal LocalHost gives those requests, a staff member with every role.
    /// </summary>
    public static string StaffFormToken(this LocalHostApplication host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var staff = StaffPrincipal.Parse(StaffPrincipal.EncodeFor(StaffName, LocalHostFrontDoor.DefaultStaffObjectId, StaffRoles.Officer, StaffRoles.Director, StaffRoles.Finance, StaffRoles.Admin))!;
        return host.Services.GetRequiredService<StaffFormTokens>().Issue(staff);
    }
}
