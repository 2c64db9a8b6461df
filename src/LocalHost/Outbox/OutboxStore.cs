using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace KhuyenCong.LocalHost.Outbox;

/// <summary>One email received by the development outbox.</summary>
public sealed record OutboxMessage(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("receivedAt")] DateTimeOffset ReceivedAt,
    [property: JsonPropertyName("from")] string From,
    [property: JsonPropertyName("to")] IReadOnlyList<string> To,
    [property: JsonPropertyName("subject")] string Subject,
    [property: JsonPropertyName("html")] string? Html,
    [property: JsonPropertyName("text")] string? Text,
    [property: JsonPropertyName("sendId")] string? SendId);

/// <summary>
/// Keeps outbox messages as blobs in the development storage account, so they survive a restart. Blob names start
/// with reversed ticks, so a plain listing returns the newest first.
/// </summary>
public sealed class OutboxStore(BlobServiceClient blobs)
{
    public const string ContainerName = "dev-outbox";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly BlobContainerClient container = blobs.GetBlobContainerClient(ContainerName);

    public async Task AddAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        var order = (DateTime.MaxValue.Ticks - message.ReceivedAt.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);
        await container.GetBlobClient($"{order}-{message.Id}.json")
            .UploadAsync(BinaryData.FromObjectAsJson(message, Json), new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = "application/json; charset=utf-8" },
            }, cancellationToken);
    }

    public async Task<IReadOnlyList<OutboxMessage>> ListAsync(int max, CancellationToken cancellationToken)
    {
        var messages = new List<OutboxMessage>();
        if (!await container.ExistsAsync(cancellationToken))
        {
            return messages;
        }

        await foreach (var item in container.GetBlobsAsync(cancellationToken: cancellationToken))
        {
            var content = await container.GetBlobClient(item.Name).DownloadContentAsync(cancellationToken);
            if (content.Value.Content.ToObjectFromJson<OutboxMessage>(Json) is { } message)
            {
                messages.Add(message);
            }

            if (messages.Count >= max)
            {
                break;
            }
        }

        return messages;
    }
}
