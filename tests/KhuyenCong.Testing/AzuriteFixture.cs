using KhuyenCong.LocalHost.Hosting;
using KhuyenCong.LocalHost.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace KhuyenCong.Testing;

/// <summary>
/// A private Azurite for one test class or collection: free ports and a temporary data folder, started with the same
/// launcher LocalHost uses, so tests never touch a developer's data and test projects can run in parallel.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteProcess? process;

    public string ConnectionString => process?.ConnectionString ?? throw new InvalidOperationException("Azurite has not started.");

    public AzuriteSettings Settings => process?.Settings ?? throw new InvalidOperationException("Azurite has not started.");

    public async Task InitializeAsync()
    {
        process = await AzuriteLauncher.StartAsync(AzuriteSettings.Isolated(RepositoryLayout.FindRoot()), NullLogger.Instance, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (process is null)
        {
            return;
        }

        var data = process.Settings.DataDirectory;
        await process.DisposeAsync();
        try
        {
            Directory.Delete(data, recursive: true);
        }
        catch (IOException)
        {
            // best effort: a temporary folder
        }
    }
}
