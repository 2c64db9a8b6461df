using KhuyenCong.LocalHost.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace KhuyenCong.Testing;

/// <summary>
/// One Azurite and one LocalHost shared by the tests of a collection. Derive and override
/// <see cref="ConfigureServices"/> to add test stand-ins after the app's own registrations.
/// </summary>
public class LocalHostFixture : IAsyncLifetime
{
    private readonly AzuriteFixture azurite = new();

    public LocalHostApplication Host { get; private set; } = null!;

    public string StorageConnectionString => azurite.ConnectionString;

    public async Task InitializeAsync()
    {
        await azurite.InitializeAsync();
        Host = await LocalHostFactory.StartAsync(azurite.ConnectionString, Settings, ConfigureServices);
        await OnStartedAsync();
    }

    /// <summary>Settings of this fixture's LocalHost over <see cref="LocalHostFactory"/>'s; none by default.</summary>
    protected virtual IDictionary<string, string?>? Settings => null;

    /// <summary>Runs once LocalHost is up (for a fixture that prepares data); nothing by default.</summary>
    protected virtual Task OnStartedAsync() => Task.CompletedTask;

    /// <summary>Runs after the app's own registrations; nothing by default.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    public HttpClient CreateClient(bool withFunctionKey = false) => Host.CreateClient(withFunctionKey);

    public async Task DisposeAsync()
    {
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }

        await azurite.DisposeAsync();
    }
}
