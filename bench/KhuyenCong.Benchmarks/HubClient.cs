using System.Text.Json;
using DurableTask.AzureStorage;
using DurableTask.AzureStorage.Tracking;
using DurableTask.Core;
using DurableTask.Core.Serializing;
using Microsoft.Extensions.Logging.Abstractions;

namespace KhuyenCong.Benchmarks;

/// <summary>
/// A client of LocalHost's task hub straight on storage (the Azure Storage provider's client side: it never takes a
/// partition lease, so it runs nothing): starts the floor orchestrations, raises events as the app's
/// <c>DurableTaskClient</c> does, and reads instances' status. Payloads are JSON as the Microsoft.DurableTask worker
/// reads them (System.Text.Json defaults).
/// </summary>
internal sealed class HubClient
{
    private readonly AzureStorageOrchestrationService service;
    private readonly TaskHubClient client;

    public HubClient(string connectionString, string taskHub)
    {
        service = new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
        {
            StorageAccountClientProvider = new StorageAccountClientProvider(connectionString),
            TaskHubName = taskHub,
            PartitionCount = 4, // as LocalHost's engine: events are routed to a control queue by instance id and partition count
            LoggerFactory = NullLoggerFactory.Instance,
        });
        client = new TaskHubClient(service, new SystemTextJsonConverter(), NullLoggerFactory.Instance);
    }

    public Task StartAsync(string orchestration, string instanceId, object input) =>
        client.CreateOrchestrationInstanceAsync(orchestration, string.Empty, instanceId, input);

    public Task RaiseAsync(string instanceId, string eventName, object payload) =>
        client.RaiseEventAsync(new OrchestrationInstance { InstanceId = instanceId }, eventName, payload);

    public async Task<OrchestrationState?> GetAsync(string instanceId) =>
        (await service.GetOrchestrationStateAsync(instanceId, allExecutions: false, fetchInput: false)).FirstOrDefault();

    /// <summary>Every instance created since <paramref name="from"/> (optionally whose id starts with a prefix), one query a page.</summary>
    public async Task<List<OrchestrationState>> ListAsync(DateTime from, string? prefix = null)
    {
        var all = new List<OrchestrationState>();
        string? token = null;
        do
        {
            var page = await service.GetOrchestrationStateAsync(
                new OrchestrationInstanceStatusQueryCondition { CreatedTimeFrom = from, InstanceIdPrefix = prefix, FetchInput = false },
                1000, token);
            all.AddRange(page.OrchestrationState);
            token = page.ContinuationToken;
        }
        while (!string.IsNullOrEmpty(token));
        return all;
    }

    /// <summary>The proposal workflow's status code from its custom status (<c>{"Status":"in-review",...}</c>), or null.</summary>
    public static string? WorkflowStatus(OrchestrationState? state)
    {
        if (state?.Status is not { Length: > 0 } json)
        {
            return null;
        }

        using var document = JsonDocument.Parse(json);
        return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("Status", out var status)
            ? status.GetString()
            : document.RootElement.ValueKind == JsonValueKind.String ? document.RootElement.GetString() : null;
    }

    private sealed class SystemTextJsonConverter : DataConverter
    {
        public override string Serialize(object value) => JsonSerializer.Serialize(value);

        public override string Serialize(object value, bool formatted) => JsonSerializer.Serialize(value);

        public override object Deserialize(string data, Type objectType) => JsonSerializer.Deserialize(data, objectType)!;
    }
}
