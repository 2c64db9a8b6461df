using System.Reflection;
using KhuyenCong.Functions;
using KhuyenCong.LocalHost.Durable;
using KhuyenCong.LocalHost.Functions;
using KhuyenCong.LocalHost.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
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
        // Azurite (unless storage is configured), then everything else on it; a failure stops what was started, in reverse.
        var storage = await StorageBootstrap.ResolveAsync(configuration, root, bootstrapLogger, cancellationToken);
        var started = new StartedParts(storage.StartedAzurite);
        try
        {
            return await StartOnStorageAsync(options, configuration, baseAddress, storage, functions, started, seedDemo, root, cancellationToken);
        }
        catch
        {
            await started.StopAsync();
            throw;
        }
    }

    /// <summary>
    /// The start on storage, in order: the durable engine, the web host with every function, then the banner and the
    /// demo data. Each part started is recorded in <paramref name="started"/> at once, so a failure stops it.
    /// </summary>
    private static async Task<LocalHostApplication> StartOnStorageAsync(LocalHostOptions options, IConfiguration configuration, Uri baseAddress,
        StorageChoice storage, IReadOnlyList<FunctionDescriptor> functions, StartedParts started, bool seedDemo, string root, CancellationToken cancellationToken)
    {
        var keys = new FunctionKeys(
            NonEmpty(configuration["LocalHost:FunctionKey"]) ?? FunctionKeys.NewKey(),
            NonEmpty(configuration["LocalHost:AdminKey"]) ?? FunctionKeys.NewKey());
        var builder = CreateWebBuilder(configuration, options, baseAddress, storage.ConnectionString);
        ValidateSettings(builder.Configuration);
        var engineOperations = new EngineStorageOperations(new Infrastructure.Storage.StorageOperationCounter());
        var engine = started.Engine = await StartDurableEngineAsync(builder.Configuration, storage.ConnectionString, options, engineOperations, cancellationToken);

        // The app's own registrations, exactly as the Functions worker makes them, plus LocalHost's own front door.
        AddFunctionServices(builder, options, storage.ConnectionString, engineOperations);
        IServiceProvider? rootServices = null;
        var durableTasks = AddDurableTasks(builder, engine.Channel, functions, () => rootServices!);
        var timers = AddTimers(builder, functions);

        var app = started.App = builder.Build();
        rootServices = app.Services;
        await StartWebHostAsync(app, keys, functions, timers, baseAddress, cancellationToken);
        var host = new LocalHostApplication(app, engine, storage.StartedAzurite, baseAddress, keys, functions, timers, (IReadOnlyCollection<string>)durableTasks.Keys, storage.Description,
            app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("KhuyenCong.LocalHost"));
        if (options.PrintBanner)
        {
            host.PrintBanner();
        }

        if (seedDemo)
        {
            // A failure here stops everything started so far (the catch in StartAsync), like any other start-up failure.
            host.DemoSeed = await DemoData.SeedAsync(app.Services, root, options.PrintBanner, cancellationToken);
        }

        return host;
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
