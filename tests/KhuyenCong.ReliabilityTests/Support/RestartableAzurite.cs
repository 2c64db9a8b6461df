using KhuyenCong.LocalHost.Hosting;
using KhuyenCong.LocalHost.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace KhuyenCong.ReliabilityTests.Support;

/// <summary>A test's own Azurite that can be stopped and started again on the same ports and data folder.</summary>
public sealed class RestartableAzurite : IAsyncDisposable
{
    private readonly AzuriteSettings settings = AzuriteSettings.Isolated(RepositoryLayout.FindRoot());
    private AzuriteProcess? process;

    public string ConnectionString => settings.ConnectionString;

    public async Task StartAsync() =>
        process = await AzuriteLauncher.StartAsync(settings, NullLogger.Instance, CancellationToken.None);

    /// <summary>Stops it cleanly (its data is saved): storage is unreachable until <see cref="StartAsync"/>.</summary>
    public async Task StopAsync()
    {
        if (process is not null)
        {
            await process.DisposeAsync();
            process = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(settings.DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // temporary folder
        }
    }
}
