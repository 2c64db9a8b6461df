using System.Globalization;
using KhuyenCong.Application.Exchange;
using KhuyenCong.Domain.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KhuyenCong.LocalHost.Hosting;

/// <summary>What <c>--seed-demo</c> did: how many demo đề án it stored and how many were there already.</summary>
public sealed record DemoSeedResult(int Imported, int AlreadyImported);

/// <summary>
/// Loads <c>data/demo/proposals-hung-yen-2014-2020.csv</c> through the import route's own code (<see cref="ProposalImport"/>):
/// the same checks, the same records and index rows. Idempotent: the file's đề án already stored are reported and
/// left alone.
/// </summary>
public static partial class DemoData
{
    /// <summary>The demo file, relative to the repository root.</summary>
    public static readonly string RelativePath = Path.Combine("data", "demo", "proposals-hung-yen-2014-2020.csv");

    /// <summary>Who the history of the demo đề án names.</summary>
    public const string ImportedBy = "Dữ liệu mẫu (--seed-demo)";

    public static async Task<DemoSeedResult> SeedAsync(IServiceProvider services, string repositoryRoot, bool printToConsole, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var path = Path.Combine(repositoryRoot, RelativePath);
        if (!File.Exists(path))
        {
            throw new LocalHostException($"--seed-demo: the demo file {path} was not found.");
        }

        var content = await File.ReadAllBytesAsync(path, cancellationToken);
        var import = services.GetRequiredService<ProposalImport>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("KhuyenCong.LocalHost.DemoData");
        var outcome = await import.ImportAsync(content, ImportedBy, Language.Vietnamese, cancellationToken);
        switch (outcome)
        {
            case ImportCompleted done:
                var result = new DemoSeedResult(done.Imported.Count, done.AlreadyImported.Count);
                LogSeeded(logger, result.Imported, result.AlreadyImported);
                if (printToConsole)
                {
                    Console.Out.WriteLine(result.Imported > 0
                        ? string.Create(CultureInfo.InvariantCulture, $"Dữ liệu mẫu · Demo data: đã nhập {result.Imported} đề án · {result.Imported} proposals imported ({result.AlreadyImported} already there).")
                        : string.Create(CultureInfo.InvariantCulture, $"Dữ liệu mẫu · Demo data: đã có sẵn, không nhập thêm · already loaded, nothing new ({result.AlreadyImported} proposals)."));
                    Console.Out.Flush();
                }

                return result;
            case ImportRejected rejected:
                throw new LocalHostException("--seed-demo: the demo file has errors: " + string.Join("; ",
                    rejected.Errors.Take(5).Select(e => string.Create(CultureInfo.InvariantCulture, $"row {e.Row}, {e.Column}: {e.Message}"))));
            default:
                throw new LocalHostException($"--seed-demo: the demo file could not be imported ({outcome.GetType().Name}).");
        }
    }

    [LoggerMessage(EventId = 20, Level = LogLevel.Information, Message = "Demo data: {Imported} proposals imported, {AlreadyImported} already there")]
    private static partial void LogSeeded(ILogger logger, int imported, int alreadyImported);
}
