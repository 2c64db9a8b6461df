using KhuyenCong.LocalHost.Hosting;
using Xunit;

namespace KhuyenCong.Testing;

/// <summary>One Azurite and one LocalHost shared by the tests of a collection.</summary>
public sealed class LocalHostFixture : IAsyncLifetime
{
    private readonly AzuriteFixture azurite = new();

    public LocalHostApplication Host { get; private set; } = null!;

    public string StorageConnectionString => azurite.ConnectionString;

    public async Task InitializeAsync()
    {
        await azurite.InitializeAsync();
        Host = await LocalHostFactory.StartAsync(azurite.ConnectionString);
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
