using System.Globalization;
using System.Net;
using System.Reflection;
using Azure.Storage.Blobs;
using KhuyenCong.Functions;
using KhuyenCong.LocalHost.Durable;
using KhuyenCong.LocalHost.Functions;
using KhuyenCong.LocalHost.Outbox;
using KhuyenCong.LocalHost.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KhuyenCong.LocalHost.Hosting;

/// <summary>
/// The whole system on one machine: storage (Azurite), the durable engine, and every function of src/Functions at
/// its route, on its schedule or in the durable worker, plus the development outbox. Start it with
/// <see cref="StartAsync"/>; dispose it to stop everything it started, in reverse order.
/// </summary>
public sealed partial class LocalHostApplication : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly DurableEngine engine;
    private readonly AzuriteProcess? azurite;
    private readonly ILogger logger;
    private int disposed;

    private LocalHostApplication(WebApplication app, DurableEngine engine, AzuriteProcess? azurite, Uri baseAddress, FunctionKeys keys,
        IReadOnlyList<FunctionDescriptor> functions, IReadOnlyList<ScheduledFunction> timers, IReadOnlyCollection<string> durableTasks,
        string storageDescription, ILogger logger)
    {
        Timers = timers;
        DurableTasks = durableTasks;
        this.app = app;
        this.engine = engine;
        this.azurite = azurite;
        this.logger = logger;
        BaseAddress = baseAddress;
        Keys = keys;
        Functions = functions;
        StorageDescription = storageDescription;
    }

    public Uri BaseAddress { get; }

    public FunctionKeys Keys { get; }

    public IReadOnlyList<FunctionDescriptor> Functions { get; }

    public string StorageDescription { get; }

    /// <summary>The timer functions LocalHost fires, with their resolved schedules.</summary>
    public IReadOnlyList<ScheduledFunction> Timers { get; }

    /// <summary>The orchestrators and activities registered in the durable worker, as "orchestration:Name" / "activity:Name".</summary>
    public IReadOnlyCollection<string> DurableTasks { get; }

    public IServiceProvider Services => app.Services;

    /// <summary>What loading the demo data gave (with <see cref="LocalHostOptions.SeedDemo"/>), or null when it was not asked for.</summary>
    public DemoSeedResult? DemoSeed { get; private set; }

    /// <summary>The assembly whose functions LocalHost runs.</summary>
    public static Assembly FunctionsAssembly => typeof(KhuyenCong.Functions.DependencyInjection).Assembly;

    public static async Task<LocalHostApplication> StartAsync(LocalHostOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var root = options.RepositoryRoot ?? RepositoryLayout.FindRoot();
        // --seed-demo is a switch without a value: taken out before the command line becomes configuration.
        var seedDemo = options.SeedDemo || options.Args.Contains(LocalHostOptions.SeedDemoSwitch, StringComparer.OrdinalIgnoreCase);
        var configuration = BuildConfiguration(options.Args.Where(a => !a.Equals(LocalHostOptions.SeedDemoSwitch, StringComparison.OrdinalIgnoreCase)).ToArray(), options, root);
        var baseAddress = ResolveBaseAddress(configuration["urls"] ?? configuration["LocalHost:Urls"] ?? LocalHostOptions.DefaultUrl);

        using var bootstrapLoggerFactory = LoggerFactory.Create(b => ConfigureLogging(b, options));
        var bootstrapLogger = bootstrapLoggerFactory.CreateLogger("KhuyenCong.LocalHost");
        EnsurePortFree(baseAddress);

        var functions = FunctionCatalog.Discover(FunctionsAssembly);
        var storage = await StorageBootstrap.ResolveAsync(configuration, root, bootstrapLogger, cancellationToken);
        DurableEngine? engine = null;
        WebApplication? app = null;
        try
        {
            var keys = new FunctionKeys(
                NonEmpty(configuration["LocalHost:FunctionKey"]) ?? FunctionKeys.NewKey(),
                NonEmpty(configuration["LocalHost:AdminKey"]) ?? FunctionKeys.NewKey());
            var origin = baseAddress.GetLeftPart(UriPartial.Authority);

            var builder = WebApplication.CreateBuilder(new WebApplicationOptions
            {
                ApplicationName = typeof(LocalHostApplication).Assembly.GetName().Name,
                ContentRootPath = AppContext.BaseDirectory,
                EnvironmentName = configuration["DOTNET_ENVIRONMENT"] ?? configuration["ASPNETCORE_ENVIRONMENT"] ?? Environments.Development,
            });
            builder.Configuration.Sources.Clear();
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                // Defaults for one machine; any setting from the files, the environment or the command line wins.
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
            });
            builder.Configuration.AddConfiguration(configuration);
            builder.Configuration[Infrastructure.Storage.StorageAccount.SettingName] = storage.ConnectionString;
            builder.Logging.ClearProviders();
            ConfigureLogging(builder.Logging, options);
            // Stopped by LocalHost in order (ShutdownSequence), not by the terminal's Ctrl+C on its own.
            builder.Services.AddSingleton<IHostLifetime, NoSignalLifetime>();
            builder.WebHost.UseUrls(origin);
            builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = null);

            ValidateSettings(builder.Configuration);
            var pollInterval = Duration(builder.Configuration, "LocalHost:QueuePollingInterval", TimeSpan.FromSeconds(1));
            var loggerFactory = LoggerFactory.Create(b => ConfigureLogging(b, options));
            // Each process its own worker id (two LocalHosts on one task hub share its partitions, as two Functions
            // instances do); the process id keeps a restarted process from posing as the dead one.
            var workerId = NonEmpty(builder.Configuration["LocalHost:WorkerId"])
                ?? string.Create(CultureInfo.InvariantCulture, $"{Environment.MachineName}-localhost-{Environment.ProcessId}");
            var engineOperations = new EngineStorageOperations(new Infrastructure.Storage.StorageOperationCounter());
            engine = await DurableEngine.StartAsync(
                storage.ConnectionString,
                new DurableEngineSettings(builder.Configuration["KhuyenCong:TaskHubName"]!, pollInterval, 4, workerId)
                {
                    QueueVisibilityTimeout = Duration(builder.Configuration, "LocalHost:QueueVisibilityTimeout", DurableEngineSettings.DefaultQueueVisibilityTimeout),
                    PartitionLeaseInterval = Duration(builder.Configuration, "LocalHost:PartitionLeaseInterval", DurableEngineSettings.DefaultPartitionLeaseInterval),
                },
                loggerFactory,
                cancellationToken,
                engineOperations.Counter);
            var benchmarkFloor = string.Equals(builder.Configuration[BenchmarkFloor.SettingName], "true", StringComparison.OrdinalIgnoreCase);

            // The app's own registrations, exactly as the Functions worker makes them, plus LocalHost's own front door.
            builder.Services.AddKhuyenCongFunctions(builder.Configuration);
            LocalHostFrontDoor.Register(builder.Services);
            options.ConfigureServices?.Invoke(builder.Services);
            builder.Services.AddMvcCore();
            builder.Services.AddSingleton(new OutboxStore(new BlobServiceClient(storage.ConnectionString)));
            builder.Services.AddSingleton<OutboxFaults>();
            builder.Services.AddSingleton(engineOperations);
            var grpcChannel = engine.Channel;
            builder.Services.AddDurableTaskClient(b =>
            {
                b.UseGrpc(grpcChannel);
                b.RegisterDirectly();
            });
            IServiceProvider? rootServices = null;
            var durableTasks = new System.Collections.Concurrent.ConcurrentDictionary<string, byte>();
            builder.Services.AddDurableTaskWorker(b =>
            {
                b.UseGrpc(grpcChannel);
                b.AddTasks(registry =>
                {
                    foreach (var function in functions)
                    {
                        switch (function.Kind)
                        {
                            case TriggerKind.Orchestration:
                                var orchestrator = new FunctionInvoker(function);
                                registry.AddOrchestrator(function.Name, () => new FunctionOrchestrator(orchestrator, () => rootServices!));
                                durableTasks.TryAdd("orchestration:" + function.Name, 0);
                                break;
                            case TriggerKind.Activity:
                                var activity = new FunctionInvoker(function);
                                registry.AddActivity(function.Name, sp => new FunctionActivity(activity, sp));
                                durableTasks.TryAdd("activity:" + function.Name, 0);
                                break;
                        }
                    }

                    if (benchmarkFloor)
                    {
                        BenchmarkFloor.Register(registry);
                    }
                });
            });

            var timers = functions.Where(f => f.Kind == TriggerKind.Timer)
                .Select(f => ScheduledFunction.Create(f, builder.Configuration)).ToList();
            builder.Services.AddHostedService(sp => new TimerTriggerService(
                timers, sp, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<TimerTriggerService>>()));

            app = builder.Build();
            rootServices = app.Services;
            var frontDoor = new LocalHostFrontDoor(keys,
                NonEmpty(builder.Configuration["LocalHost:StaffName"]) ?? LocalHostFrontDoor.DefaultStaffName,
                NonEmpty(builder.Configuration["LocalHost:StaffObjectId"]) ?? LocalHostFrontDoor.DefaultStaffObjectId);
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

            var host = new LocalHostApplication(app, engine, storage.StartedAzurite, baseAddress, keys, functions, timers, (IReadOnlyCollection<string>)durableTasks.Keys, storage.Description,
                app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("KhuyenCong.LocalHost"));
            if (options.PrintBanner)
            {
                host.PrintBanner();
            }

            if (seedDemo)
            {
                // A failure here stops everything started so far (the catch below), like any other start-up failure.
                host.DemoSeed = await DemoData.SeedAsync(app.Services, root, options.PrintBanner, cancellationToken);
            }

            return host;
        }
        catch
        {
            if (app is not null)
            {
                await app.DisposeAsync();
            }

            if (engine is not null)
            {
                await engine.DisposeAsync();
            }

            if (storage.StartedAzurite is not null)
            {
                await storage.StartedAzurite.DisposeAsync();
            }

            throw;
        }
    }

    /// <summary>
    /// Runs the app's start-up validation (every <c>ValidateOnStart</c> options class, as the Functions worker does in
    /// Azure) before anything else starts, so a missing or malformed setting stops LocalHost with the setting's name.
    /// </summary>
    private static void ValidateSettings(IConfiguration configuration)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(configuration);
        services.AddKhuyenCongFunctions(configuration);
        LocalHostFrontDoor.Register(services);
        using var provider = services.BuildServiceProvider();
        try
        {
            provider.GetService<Microsoft.Extensions.Options.IStartupValidator>()?.Validate();
        }
        catch (Microsoft.Extensions.Options.OptionsValidationException ex)
        {
            throw new LocalHostException("Invalid settings: " + string.Join(" ", ex.Failures), ex);
        }
        catch (InvalidOperationException ex) when (ex.Message.Contains("configuration value", StringComparison.OrdinalIgnoreCase))
        {
            throw new LocalHostException("Invalid settings: " + ex.Message, ex);
        }
    }

    /// <summary>
    /// Waits until <paramref name="cancellationToken"/> is cancelled (the entry point cancels it on Ctrl+C or SIGTERM,
    /// see <see cref="StopSignals"/>) or the app asks to stop. Dispose the host to stop it.
    /// </summary>
    public async Task WaitForShutdownAsync(CancellationToken cancellationToken = default)
    {
        var lifetime = app.Services.GetRequiredService<IHostApplicationLifetime>();
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
        var asked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = either.Token.Register(() => asked.TrySetResult());
        await asked.Task;
    }

    /// <summary>Stops everything LocalHost started, in order and within a time limit (<see cref="ShutdownSequence"/>).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        await ShutdownSequence.RunAsync(app, engine, azurite, logger);
    }

    [LoggerMessage(EventId = 12, Level = LogLevel.Warning, Message = "Storage unreachable for {Path} ({Problem}): answered 503")]
    private static partial void LogStorageOutage(ILogger logger, PathString path, string problem);

    [LoggerMessage(EventId = 11, Level = LogLevel.Error, Message = "Function failed for {Path}")]
    private static partial void LogFunctionFailed(ILogger logger, Exception exception, PathString path);
}
