namespace KhuyenCong.LocalHost.Hosting;

/// <summary>How to start LocalHost: the command line's arguments, plus overrides for tests and tools.</summary>
public sealed class LocalHostOptions
{
    public const string DefaultUrl = "http://localhost:7071";

    /// <summary>Command-line arguments (<c>--urls</c>, <c>--Setting=value</c>).</summary>
    public IReadOnlyList<string> Args { get; init; } = [];

    /// <summary>Settings that win over every other source (tests use this to point at their own Azurite).</summary>
    public IDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The command-line switch that loads the demo data (<see cref="SeedDemo"/>).</summary>
    public const string SeedDemoSwitch = "--seed-demo";

    /// <summary>
    /// Load the demo đề án of data/demo (through the import's own code) once LocalHost has started, then keep running.
    /// Also set by <see cref="SeedDemoSwitch"/> among <see cref="Args"/>. Idempotent: a second run adds nothing.
    /// </summary>
    public bool SeedDemo { get; init; }

    /// <summary>The repository root; found from the current folder when null.</summary>
    public string? RepositoryRoot { get; init; }

    /// <summary>Print the start banner (URLs and keys) to the console.</summary>
    public bool PrintBanner { get; init; } = true;

    /// <summary>Write logs to the console.</summary>
    public bool ConsoleLogging { get; init; } = true;

    /// <summary>More logging configuration (tests add a capturing provider here).</summary>
    public Action<Microsoft.Extensions.Logging.ILoggingBuilder>? ConfigureLogging { get; init; }

    /// <summary>
    /// Runs after the app's own registrations (<c>AddKhuyenCongFunctions</c>): tests use it to supply a stand-in for a
    /// service the app does not register yet (with <c>TryAdd</c>, so the app's own registration still wins).
    /// </summary>
    public Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? ConfigureServices { get; init; }
}
