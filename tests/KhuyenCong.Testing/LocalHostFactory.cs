using KhuyenCong.LocalHost.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCong.Testing;

/// <summary>Starts LocalHost in-process on a test's own Azurite, with known keys and fast durable polling.</summary>
public static class LocalHostFactory
{
    public const string FunctionKey = "test-function-key";
    public const string AdminKey = "test-admin-key";

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
}
