using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;

namespace KhuyenCong.Infrastructure.Storage;

/// <summary>
/// The storage account the app uses for its records, attachments and the durable task hub: the same account the
/// Functions host uses (<c>AzureWebJobsStorage</c>). Either a connection string (Azurite, development) or, in Azure,
/// identity-based settings (<c>AzureWebJobsStorage__accountName</c>, optional per-service URIs and
/// <c>__credential</c> / <c>__clientId</c>), so no account key is ever needed.
/// </summary>
public sealed class StorageAccount
{
    public const string SettingName = "AzureWebJobsStorage";

    private StorageAccount(string? connectionString, Uri? blobUri, Uri? tableUri, Uri? queueUri, TokenCredential? credential)
    {
        ConnectionString = connectionString;
        BlobServiceUri = blobUri;
        TableServiceUri = tableUri;
        QueueServiceUri = queueUri;
        Credential = credential;
    }

    /// <summary>The connection string, when the account is reached by one (Azurite, development).</summary>
    public string? ConnectionString { get; }

    public Uri? BlobServiceUri { get; }

    public Uri? TableServiceUri { get; }

    public Uri? QueueServiceUri { get; }

    /// <summary>The Entra ID credential, when the account is reached by managed identity.</summary>
    public TokenCredential? Credential { get; }

    public bool UsesIdentity => Credential is not null;

    /// <summary>Reads the account from configuration and fails with a message naming the setting when it is absent or malformed.</summary>
    public static StorageAccount FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var connectionString = configuration[SettingName];
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return FromConnectionString(connectionString);
        }

        var section = configuration.GetSection(SettingName);
        var accountName = section["accountName"];
        var blob = ParseUri(section, "blobServiceUri");
        var table = ParseUri(section, "tableServiceUri");
        var queue = ParseUri(section, "queueServiceUri");
        if (string.IsNullOrWhiteSpace(accountName) && (blob is null || table is null))
        {
            throw new InvalidOperationException(
                $"Setting '{SettingName}' is missing: set a storage connection string, or '{SettingName}__accountName' " +
                "(with managed identity) for an Azure storage account.");
        }

        blob ??= new Uri($"https://{accountName}.blob.core.windows.net");
        table ??= new Uri($"https://{accountName}.table.core.windows.net");
        queue ??= new Uri($"https://{accountName}.queue.core.windows.net");
        var clientId = section["clientId"];
        TokenCredential credential = string.Equals(section["credential"], "managedidentity", StringComparison.OrdinalIgnoreCase)
            ? new ManagedIdentityCredential(string.IsNullOrWhiteSpace(clientId)
                ? ManagedIdentityId.SystemAssigned
                : ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = clientId });
        return new StorageAccount(null, blob, table, queue, credential);
    }

    /// <summary>Parses a storage connection string, including <c>UseDevelopmentStorage=true</c>.</summary>
    public static StorageAccount FromConnectionString(string connectionString)
    {
        try
        {
            var blob = new BlobServiceClient(connectionString);
            var table = new TableServiceClient(connectionString);
            return new StorageAccount(connectionString, blob.Uri, table.Uri, null, null);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidOperationException)
        {
            throw new InvalidOperationException(
                $"Setting '{SettingName}' is not a valid storage connection string ({ex.GetType().Name}). " +
                "Use 'UseDevelopmentStorage=true' for Azurite or the connection string of a storage account.", ex);
        }
    }

    /// <summary>The Table client; with <paramref name="counter"/>, every request it sends (each retry too) is counted.</summary>
    public TableServiceClient CreateTableServiceClient(TableClientOptions? options = null, StorageOperationCounter? counter = null)
    {
        if (counter is not null)
        {
            options = counter.Instrument(options ?? new TableClientOptions(), StorageOperationCounter.Table);
        }

        return ConnectionString is not null
            ? new TableServiceClient(ConnectionString, options)
            : new TableServiceClient(TableServiceUri!, Credential!, options);
    }

    /// <summary>The Blob client; with <paramref name="counter"/>, every request it sends (each retry too) is counted.</summary>
    public BlobServiceClient CreateBlobServiceClient(BlobClientOptions? options = null, StorageOperationCounter? counter = null)
    {
        if (counter is not null)
        {
            options = counter.Instrument(options ?? new BlobClientOptions(), StorageOperationCounter.Blob);
        }

        return ConnectionString is not null
            ? new BlobServiceClient(ConnectionString, options)
            : new BlobServiceClient(BlobServiceUri!, Credential!, options);
    }

    private static Uri? ParseUri(IConfigurationSection section, string key)
    {
        var value = section[key];
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return Uri.TryCreate(value, UriKind.Absolute, out var uri)
            ? uri
            : throw new InvalidOperationException($"Setting '{SettingName}__{key}' is not an absolute URI.");
    }
}
