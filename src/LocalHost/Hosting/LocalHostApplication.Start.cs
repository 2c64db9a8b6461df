using System.Collections.Concurrent;
using System.Globalization;
using Azure.Storage.Blobs;
using Grpc.Net.Client;
using KhuyenCong.Functions;
using KhuyenCong.LocalHost.Durable;
using KhuyenCong.LocalHost.Functions;
using KhuyenCong.LocalHost.Outbox;
using KhuyenCong.LocalHost.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KhuyenCong.LocalHost.Hosting;

/// <summary>The steps of <see cref="StartAsync"/>: the web host's builder and settings, the durable engine, the app's services and durable tasks, the timers, and the web host started with every function mapped.</summary>
public sealed partial class LocalHostApplication
{
    /// <summary>The web host's builder: LocalHost's defaults for one machine under the given configuration, the storage, logging and the address.</summary>
    private static WebApplicationBuilder CreateWebBuilder(IConfiguration configuration, LocalHostOptions options, Uri baseAddress, string storageConnectionString)
    {
        var origin = baseAddress.GetLeftPart(UriPartial.Authority);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(LocalHostApplication).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = configuration["DOTNET_ENVIRONMENT"] ?? configuration["ASPNETCORE_ENVIRONMENT"] ?? Environments.Development,
        });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(LocalDefaults(origin));
        builder.Configuration.AddConfiguration(configuration);
        builder.Configuration[Infrastructure.Storage.StorageAccount.SettingName] = storageConnectionString;
        builder.Logging.ClearProviders();
        ConfigureLogging(builder.Logging, options);
        // Stopped by LocalHost in order (ShutdownSequence), not by the terminal's Ctrl+C on its own.
        builder.Services.AddSingleton<IHostLifetime, NoSignalLifetime>();
        builder.WebHost.UseUrls(origin);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = null);
        return builder;
    }

    /// <summary>Defaults for one machine; any setting from the files, the environment or the command line wins.</summary>
    private static Dictionary<string, string?> LocalDefaults(string origin) => new()
    {
        ["KhuyenCong:TaskHubName"] = "KhuyenCong",
        ["Statistics:RecomputeSchedule"] = "0 0 19 * * *",
        ["KhuyenCong:PublicBaseUrl"] = origin,
        ["SendGrid:ApiKey"] = "SG.localhost-outbox",
        ["SendGrid:Host"] = origin,
        // A fixed key so links in the outbox keep working across restarts; for development only.
        ["Links:SigningKeys"] = """{"current":"dev","keys":{"dev":"a2h1eWVuY29uZy1sb2NhbGhvc3QtZGV2ZWxvcG1lbnQtb25seS1rZXk="}}""",
        // Local mail goes to the outbox at /dev/outbox: these addresses only label the messages there.
        ["Workflow:OfficerEmails"] = "can-bo@khuyencong.local",
        ["Workflow:DirectorEmail"] = "giam-doc@khuyencong.local",
        // The reminder timers' schedules (as the Bicep sets them): 08:00 Vietnam time daily, and Mondays.
        ["Reminders:DigestSchedule"] = "0 0 1 * * *",
        ["Reminders:OverdueReportSchedule"] = "0 0 1 * * 1",
        // Traces and a metrics dump every few seconds would drown the log: on with Telemetry:ConsoleExporter=true.
        ["Telemetry:ConsoleExporter"] = "false",
        // The Centre's address and hotline in the public pages' header and footer (and on receipts): demo values,
        // marked as such; a deployment sets Documents:Centre:Address and Documents:Centre:Phone.
        ["Documents:Centre:Address"] = "Số 1 đường Ví Dụ, phường Hiến Nam, tỉnh Hưng Yên (địa chỉ minh hoạ, demo)",
        ["Documents:Centre:Phone"] = "0221 000 0000 (demo)",
    };

    /// <summary>The durable engine on the storage, with this process's worker id and the configured polling, visibility and lease times.</summary>
    private static Task<DurableEngine> StartDurableEngineAsync(IConfiguration settings, string storageConnectionString, LocalHostOptions options,
        EngineStorageOperations engineOperations, CancellationToken cancellationToken)
    {
        var pollInterval = Duration(settings, "LocalHost:QueuePollingInterval", TimeSpan.FromSeconds(1));
        var loggerFactory = LoggerFactory.Create(b => ConfigureLogging(b, options));
        // Each process its own worker id (two LocalHosts on one task hub share its partitions, as two Functions
        // instances do); the process id keeps a restarted process from posing as the dead one.
        var workerId = NonEmpty(settings["LocalHost:WorkerId"])
            ?? string.Create(CultureInfo.InvariantCulture, $"{Environment.MachineName}-localhost-{Environment.ProcessId}");
        return DurableEngine.StartAsync(
            storageConnectionString,
            new DurableEngineSettings(settings["KhuyenCong:TaskHubName"]!, pollInterval, 4, workerId)
            {
                QueueVisibilityTimeout = Duration(settings, "LocalHost:QueueVisibilityTimeout", DurableEngineSettings.DefaultQueueVisibilityTimeout),
                PartitionLeaseInterval = Duration(settings, "LocalHost:PartitionLeaseInterval", DurableEngineSettings.DefaultPartitionLeaseInterval),
            },
            loggerFactory,
            cancellationToken,
            engineOperations.Counter);
    }

    /// <summary>The Functions app's registrations, LocalHost's front door, the caller's own, and the outbox.</summary>
    private static void AddFunctionServices(WebApplicationBuilder builder, LocalHostOptions options, string storageConnectionString, EngineStorageOperations engineOperations)
    {
        builder.Services.AddKhuyenCongFunctions(builder.Configuration);
        LocalHostFrontDoor.Register(builder.Services);
        options.ConfigureServices?.Invoke(builder.Services);
        builder.Services.AddMvcCore();
        builder.Services.AddSingleton(new OutboxStore(new BlobServiceClient(storageConnectionString)));
        builder.Services.AddSingleton<OutboxFaults>();
        builder.Services.AddSingleton(engineOperations);
    }

    /// <summary>
    /// The durable client and worker on the engine's channel, the worker running the app's orchestrators and activities
    /// (with the root services once built). Returns the names registered, filled when the worker starts.
    /// </summary>
    private static ConcurrentDictionary<string, byte> AddDurableTasks(WebApplicationBuilder builder, GrpcChannel grpcChannel, IReadOnlyList<FunctionDescriptor> functions,
        Func<IServiceProvider> rootServices)
    {
        var benchmarkFloor = string.Equals(builder.Configuration[BenchmarkFloor.SettingName], "true", StringComparison.OrdinalIgnoreCase);
        builder.Services.AddDurableTaskClient(b =>
        {
            b.UseGrpc(grpcChannel);
            b.RegisterDirectly();
        });
        var durableTasks = new ConcurrentDictionary<string, byte>();
        builder.Services.AddDurableTaskWorker(b =>
        {
            b.UseGrpc(grpcChannel);
            b.AddTasks(registry =>
            {
                RegisterFunctionTasks(registry, functions, durableTasks, rootServices);
                if (benchmarkFloor)
                {
                    BenchmarkFloor.Register(registry);
                }
            });
        });
        return durableTasks;
    }

    /// <summary>Each orchestration and activity function as a durable task, its name noted in <paramref name="durableTasks"/>.</summary>
    private static void RegisterFunctionTasks(DurableTaskRegistry registry, IReadOnlyList<FunctionDescriptor> functions, ConcurrentDictionary<string, byte> durableTasks,
        Func<IServiceProvider> rootServices)
    {
        foreach (var function in functions)
        {
            switch (function.Kind)
            {
                case TriggerKind.Orchestration:
                    var orchestrator = new FunctionInvoker(function);
                    registry.AddOrchestrator(function.Name, () => new FunctionOrchestrator(orchestrator, rootServices));
                    durableTasks.TryAdd("orchestration:" + function.Name, 0);
                    break;
                case TriggerKind.Activity:
                    var activity = new FunctionInvoker(function);
                    registry.AddActivity(function.Name, sp => new FunctionActivity(activity, sp));
                    durableTasks.TryAdd("activity:" + function.Name, 0);
                    break;
            }
        }
    }

    /// <summary>The timer functions with their resolved schedules, fired by a hosted service.</summary>
    private static List<ScheduledFunction> AddTimers(WebApplicationBuilder builder, IReadOnlyList<FunctionDescriptor> functions)
    {
        var timers = functions.Where(f => f.Kind == TriggerKind.Timer)
            .Select(f => ScheduledFunction.Create(f, builder.Configuration)).ToList();
        builder.Services.AddHostedService(sp => new TimerTriggerService(
            timers, sp, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<TimerTriggerService>>()));
        return timers;
    }

    /// <summary>The web host: the front door, the answer to failing functions, every route, then listening (a taken port is a clear error).</summary>
    private static async Task StartWebHostAsync(WebApplication app, FunctionKeys keys, IReadOnlyList<FunctionDescriptor> functions, List<ScheduledFunction> timers,
        Uri baseAddress, CancellationToken cancellationToken)
    {
        var frontDoor = new LocalHostFrontDoor(keys,
            NonEmpty(app.Configuration["LocalHost:StaffName"]) ?? LocalHostFrontDoor.DefaultStaffName,
            NonEmpty(app.Configuration["LocalHost:StaffObjectId"]) ?? LocalHostFrontDoor.DefaultStaffObjectId);
        app.Use(frontDoor.InvokeAsync);
        var failureLogger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("KhuyenCong.LocalHost.Functions");
        app.Use((context, next) => HandleFunctionFailures(context, next, failureLogger));
        app.MapHttpFunctions(functions, keys);
        app.MapAdminFunctions(timers, functions, keys);
        app.MapSendGridOutbox();
        app.MapStorageOperations();

        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException ex) when (ex.InnerException is AddressInUseException)
        {
            throw PortInUse(baseAddress, ex);
        }
    }

    /// <summary>What a start has started so far (Azurite, the durable engine, the web host), to stop it, in reverse, when a later step fails.</summary>
    private sealed class StartedParts(AzuriteProcess? azurite)
    {
        public DurableEngine? Engine { get; set; }

        public WebApplication? App { get; set; }

        public async Task StopAsync()
        {
            if (App is not null)
            {
                await App.DisposeAsync();
            }

            if (Engine is not null)
            {
                await Engine.DisposeAsync();
            }

            if (azurite is not null)
            {
                await azurite.DisposeAsync();
            }
        }
    }
}
