using System.Net;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using KhuyenCong.Infrastructure.Storage;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Grpc.Net.Client;
using KhuyenCong.LocalHost.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KhuyenCong.LocalHost.Durable;

/// <summary>
/// The durable task engine of LocalHost: the Azure Storage provider (the one Durable Functions uses by default in
/// Azure) on the app's storage account, served over gRPC by <see cref="TaskHubGrpcServer"/> on a private loopback
/// port. The app's orchestrators and activities run in a Microsoft.DurableTask worker connected to it, and the
/// <c>[DurableClient]</c> bindings get a client connected to it; orchestration state lives in storage, so in-flight
/// workflows survive a restart.
/// </summary>
public sealed partial class DurableEngine : IAsyncDisposable
{
    private readonly WebApplication sidecar;
    private readonly GracefulOrchestrationService service;
    private readonly ILogger logger;
    private int stopped;

    private DurableEngine(WebApplication sidecar, GracefulOrchestrationService service, Uri address, ILogger logger)
    {
        this.sidecar = sidecar;
        this.service = service;
        this.logger = logger;
        Address = address;
        Channel = GrpcChannel.ForAddress(address);
    }

    public Uri Address { get; }

    /// <summary>The gRPC channel the worker and the client share.</summary>
    public GrpcChannel Channel { get; }

    public static async Task<DurableEngine> StartAsync(
        string storageConnectionString,
        DurableEngineSettings settings,
        ILoggerFactory loggerFactory,
        CancellationToken cancellationToken,
        StorageOperationCounter? counter = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var logger = loggerFactory.CreateLogger<DurableEngine>();
        var storageService = new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
        {
            StorageAccountClientProvider = counter is null
                ? new StorageAccountClientProvider(storageConnectionString)
                : new StorageAccountClientProvider(
                    StorageServiceClientProvider.ForBlob(storageConnectionString, counter.Instrument(new BlobClientOptions(), StorageOperationCounter.Blob)),
                    StorageServiceClientProvider.ForQueue(storageConnectionString, counter.Instrument(new QueueClientOptions(), StorageOperationCounter.Queue)),
                    StorageServiceClientProvider.ForTable(storageConnectionString, counter.Instrument(new TableClientOptions(), StorageOperationCounter.Table))),
            TaskHubName = settings.TaskHubName,
            MaxQueuePollingInterval = settings.MaxQueuePollingInterval,
            PartitionCount = settings.PartitionCount,
            WorkerId = settings.WorkerId,
            UseAppLease = false,
            // How long a dequeued message stays invisible: work in flight in a process that dies is redelivered after
            // this (5 minutes by default; LocalHost:QueueVisibilityTimeout shortens it for tests).
            WorkItemQueueVisibilityTimeout = settings.QueueVisibilityTimeout,
            ControlQueueVisibilityTimeout = settings.QueueVisibilityTimeout,
            // How long a dead process keeps its partitions (30 s by default; LocalHost:PartitionLeaseInterval).
            LeaseInterval = settings.PartitionLeaseInterval,
            LeaseRenewInterval = settings.PartitionLeaseInterval / 3,
            LeaseAcquireInterval = settings.PartitionLeaseInterval / 3,
            LoggerFactory = loggerFactory,
        });
        try
        {
            await storageService.CreateIfNotExistsAsync().WaitAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new LocalHostException(
                $"Could not create the durable task hub '{settings.TaskHubName}' in storage ({ex.GetType().Name}: {ex.Message}). " +
                "Check that the storage account or Azurite in AzureWebJobsStorage is reachable.", ex);
        }

        var service = new GracefulOrchestrationService(storageService, TimeSpan.FromSeconds(15), logger);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggerFactory);
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, o => o.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc(o => o.MaxReceiveMessageSize = 16 * 1024 * 1024);
        builder.Services.AddSingleton<IOrchestrationService>(service);
        builder.Services.AddSingleton<IOrchestrationServiceClient>(storageService);
        builder.Services.AddSingleton<TaskHubGrpcServer>();
        var app = builder.Build();
        app.MapGrpcService<TaskHubGrpcServer>();
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var engine = new DurableEngine(app, service, new Uri(address), logger);
        LogStarted(logger, settings.TaskHubName, address);
        return engine;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref stopped, 1) == 1)
        {
            return;
        }

        await sidecar.StopAsync();
        await sidecar.DisposeAsync();
        Channel.Dispose();
        // Releases the partition leases now, so a restart (or another instance) takes over at once.
        await service.StopAsync(isForced: false);
    }

    [LoggerMessage(EventId = 200, Level = LogLevel.Information, Message = "Durable task hub {TaskHub} served at {Address}")]
    private static partial void LogStarted(ILogger logger, string taskHub, string address);

}

/// <param name="QueueVisibilityTimeout">Visibility timeout of dequeued work-item and control-queue messages.</param>
/// <param name="PartitionLeaseInterval">Lease on a control-queue partition; renewed and acquired every third of it.</param>
public sealed record DurableEngineSettings(string TaskHubName, TimeSpan MaxQueuePollingInterval, int PartitionCount, string WorkerId)
{
    public static readonly TimeSpan DefaultQueueVisibilityTimeout = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan DefaultPartitionLeaseInterval = TimeSpan.FromSeconds(30);

    public TimeSpan QueueVisibilityTimeout { get; init; } = DefaultQueueVisibilityTimeout;

    public TimeSpan PartitionLeaseInterval { get; init; } = DefaultPartitionLeaseInterval;
}
