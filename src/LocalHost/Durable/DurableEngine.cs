using System.Net;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Grpc.Net.Client;
using KhuyenCong.Infrastructure.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
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
    /// <summary>How long the storage provider may take to stop (release its leases) before it is left to expire them.</summary>
    public static readonly TimeSpan ProviderStopTimeout = TimeSpan.FromSeconds(2);

    private readonly WebApplication sidecar;
    private readonly GracefulOrchestrationService service;
    private readonly ILogger logger;
    private readonly TimeSpan pollingInterval;
    private int stopped;

    private DurableEngine(WebApplication sidecar, GracefulOrchestrationService service, Uri address, TimeSpan pollingInterval, ILogger logger)
    {
        this.sidecar = sidecar;
        this.service = service;
        this.logger = logger;
        this.pollingInterval = pollingInterval;
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
        var storageService = CreateStorageService(storageConnectionString, settings, loggerFactory, counter);
        await CreateTaskHubAsync(storageService, settings.TaskHubName, cancellationToken);
        var service = new GracefulOrchestrationService(storageService, ProviderStopTimeout, logger);
        var app = await StartSidecarAsync(service, storageService, settings, loggerFactory, cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var engine = new DurableEngine(app, service, new Uri(address), settings.MaxQueuePollingInterval, logger);
        LogStarted(logger, settings.TaskHubName, address);
        return engine;
    }

    /// <summary>The Azure Storage provider on the app's storage account (its operations counted when <paramref name="counter"/> is given).</summary>
    private static AzureStorageOrchestrationService CreateStorageService(string storageConnectionString, DurableEngineSettings settings,
        ILoggerFactory loggerFactory, StorageOperationCounter? counter)
    {
        return new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
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
    }

    /// <summary>Creates the task hub's queues, tables and containers if they are not there; unreachable storage is a <see cref="LocalHostException"/>.</summary>
    private static async Task CreateTaskHubAsync(AzureStorageOrchestrationService storageService, string taskHubName, CancellationToken cancellationToken)
    {
        try
        {
            await storageService.CreateIfNotExistsAsync().WaitAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new LocalHostException(
                $"Could not create the durable task hub '{taskHubName}' in storage ({ex.GetType().Name}: {ex.Message}). " +
                "Check that the storage account or Azurite in AzureWebJobsStorage is reachable.", ex);
        }
    }

    /// <summary>The gRPC server (the durable task sidecar) on a private loopback port, started.</summary>
    private static async Task<WebApplication> StartSidecarAsync(GracefulOrchestrationService service, AzureStorageOrchestrationService storageService,
        DurableEngineSettings settings, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggerFactory);
        // LocalHost stops the server itself, in order (see ShutdownSequence): not on the terminal's Ctrl+C.
        builder.Services.AddSingleton<IHostLifetime, NoSignalLifetime>();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, o => o.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc(o => o.MaxReceiveMessageSize = 16 * 1024 * 1024);
        builder.Services.AddSingleton<IOrchestrationService>(service);
        builder.Services.AddSingleton<IOrchestrationServiceClient>(storageService);
        builder.Services.AddSingleton(settings.HealthPingInterval);
        builder.Services.AddSingleton<LocalTaskHubServer>();
        var app = builder.Build();
        app.MapGrpcService<LocalTaskHubServer>();
        await app.StartAsync(cancellationToken);
        return app;
    }

    /// <summary>
    /// Waits, at most <paramref name="timeout"/>, for a quiet moment: no workflow step running in the worker, and none
    /// started for a queue-polling interval (the next step of a chain is fetched within one). Stopping the worker then
    /// cuts no step in the middle; a step cut anyway is not lost: storage hands it out again after its visibility
    /// timeout. (The package's server cannot stop fetching while the worker is connected: its dispatchers spin until
    /// the worker leaves.)
    /// </summary>
    public async Task WaitForQuietAsync(TimeSpan timeout)
    {
        var settle = pollingInterval + TimeSpan.FromMilliseconds(250);
        if (!await sidecar.Services.GetRequiredService<LocalTaskHubServer>().WaitForQuietAsync(settle, timeout))
        {
            LogNotQuiet(logger, timeout.TotalSeconds);
        }
    }

    public ValueTask DisposeAsync() => new(StopAsync(TimeSpan.FromSeconds(5)));

    /// <summary>Stops the gRPC server (connections still open after <paramref name="timeout"/> are cut) and the provider.</summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        if (Interlocked.Exchange(ref stopped, 1) == 1)
        {
            return;
        }

        if (!await sidecar.StopWithinAsync(timeout))
        {
            LogServerStopTimedOut(logger, timeout.TotalSeconds);
        }

        Channel.Dispose();
        // Releases the partition leases now, so a restart (or another instance) takes over at once; or gives up after
        // ProviderStopTimeout, and the leases expire by themselves.
        await service.StopAsync(isForced: false);
    }

    [LoggerMessage(EventId = 200, Level = LogLevel.Information, Message = "Durable task hub {TaskHub} served at {Address}")]
    private static partial void LogStarted(ILogger logger, string taskHub, string address);

    [LoggerMessage(EventId = 203, Level = LogLevel.Information, Message = "Workflow steps still running after {Seconds} s: stopping anyway; storage hands them out again after the restart, once their visibility timeout passes")]
    private static partial void LogNotQuiet(ILogger logger, double seconds);

    [LoggerMessage(EventId = 204, Level = LogLevel.Warning, Message = "The durable task hub's gRPC server did not stop within {Seconds} s: its connections were cut")]
    private static partial void LogServerStopTimedOut(ILogger logger, double seconds);

}

/// <param name="QueueVisibilityTimeout">Visibility timeout of dequeued work-item and control-queue messages.</param>
/// <param name="PartitionLeaseInterval">Lease on a control-queue partition; renewed and acquired every third of it.</param>
public sealed record DurableEngineSettings(string TaskHubName, TimeSpan MaxQueuePollingInterval, int PartitionCount, string WorkerId)
{
    public static readonly TimeSpan DefaultQueueVisibilityTimeout = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan DefaultPartitionLeaseInterval = TimeSpan.FromSeconds(30);

    public TimeSpan QueueVisibilityTimeout { get; init; } = DefaultQueueVisibilityTimeout;

    public TimeSpan PartitionLeaseInterval { get; init; } = DefaultPartitionLeaseInterval;

    /// <summary>How often the server pings an idle worker stream (<see cref="Timeout.InfiniteTimeSpan"/>: never).</summary>
    public HealthPingInterval HealthPingInterval { get; init; } = HealthPingInterval.Default;
}
