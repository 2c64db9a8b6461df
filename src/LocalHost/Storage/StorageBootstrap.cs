using KhuyenCong.Infrastructure.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace KhuyenCong.LocalHost.Storage;

/// <summary>The storage LocalHost runs on, and the Azurite it started (if any), which it stops on exit.</summary>
public sealed record StorageChoice(string ConnectionString, string Description, AzuriteProcess? StartedAzurite);

/// <summary>
/// Chooses the storage account: the connection string in <c>AzureWebJobsStorage</c> when set; otherwise an Azurite
/// already listening on its ports (10000-10002 unless <c>LocalHost:Azurite:*Port</c> say otherwise); otherwise an Azurite LocalHost starts itself from the repository's node_modules.
/// </summary>
public static class StorageBootstrap
{
    public static async Task<StorageChoice> ResolveAsync(IConfiguration configuration, string repositoryRoot, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration[StorageAccount.SettingName];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            try
            {
                StorageAccount.FromConnectionString(configured);
            }
            catch (InvalidOperationException ex)
            {
                throw new LocalHostException(ex.Message, ex);
            }

            var expanded = configured.Trim().Equals("UseDevelopmentStorage=true", StringComparison.OrdinalIgnoreCase)
                ? AzuriteLauncher.ConnectionStringFor(AzuriteLauncher.DefaultBlobPort, AzuriteLauncher.DefaultQueuePort, AzuriteLauncher.DefaultTablePort)
                : configured;
            return new StorageChoice(expanded, "the account in setting AzureWebJobsStorage", null);
        }

        var defaults = AzuriteSettings.FromConfiguration(configuration, repositoryRoot);
        var listening = new[] { defaults.BlobPort, defaults.QueuePort, defaults.TablePort }.Where(PortProbe.IsListening).ToList();
        if (listening.Count == 3)
        {
            return new StorageChoice(defaults.ConnectionString, $"Azurite already running on ports {defaults.BlobPort}-{defaults.TablePort}", null);
        }

        if (listening.Count > 0)
        {
            throw new LocalHostException(
                $"Port(s) {string.Join(", ", listening)} are in use, but not all of {defaults.BlobPort}, {defaults.QueuePort}, {defaults.TablePort} answer as Azurite would. " +
                "Stop the program using them, or set AzureWebJobsStorage to the connection string of a running storage emulator.");
        }

        var azurite = await AzuriteLauncher.StartAsync(defaults, logger, cancellationToken);
        return new StorageChoice(azurite.ConnectionString, $"Azurite started by LocalHost, data in {defaults.DataDirectory}", azurite);
    }
}
