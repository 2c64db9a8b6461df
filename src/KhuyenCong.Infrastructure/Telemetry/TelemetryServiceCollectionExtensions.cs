using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using KhuyenCong.Application.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace KhuyenCong.Infrastructure.Telemetry;

public static class TelemetryServiceCollectionExtensions
{
    public const string AppInsightsSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";
    public const string AppInsightsAuthSetting = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";
    public const string ConsoleExporterSetting = "Telemetry:ConsoleExporter";

    /// <summary>
    /// OpenTelemetry logs (with scopes: proposal and instance ids), traces and metrics, exported to Application
    /// Insights when <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set (Azure; Entra ID authentication with the
    /// app's managed identity when <c>APPLICATIONINSIGHTS_AUTHENTICATION_STRING</c> names it), and to the console
    /// when <c>Telemetry:ConsoleExporter</c> is true (LocalHost). Link tokens are redacted from every span and log record
    /// before any exporter sees them (<see cref="LinkTokenRedaction"/>: its processors are registered first).
    /// </summary>
    public static OpenTelemetryBuilder AddKhuyenCongTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddLogging(logging => logging.AddOpenTelemetry(o =>
        {
            o.IncludeScopes = true;
            o.IncludeFormattedMessage = true;
        }));
        var builder = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(KhuyenCongTelemetry.Name))
            // Only the app's own spans: HTTP-client spans would trace every poll of the durable provider (cost, noise).
            // Processors run in the order added, exporters after them: the redaction comes first.
            .WithTracing(t => t.AddProcessor(new LinkTokenRedaction.ActivityProcessor()).AddSource(KhuyenCongTelemetry.Name))
            .WithLogging(l => l.AddProcessor(new LinkTokenRedaction.LogProcessor()))
            .WithMetrics(m => m.AddMeter(KhuyenCongTelemetry.Name));

        if (!string.IsNullOrWhiteSpace(configuration[AppInsightsSetting]))
        {
            builder.UseAzureMonitorExporter(o =>
            {
                o.ConnectionString = configuration[AppInsightsSetting];
                if (ClientIdFrom(configuration[AppInsightsAuthSetting]) is { } clientId)
                {
                    o.Credential = new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
                }
            });
        }

        if (string.Equals(configuration[ConsoleExporterSetting], "true", StringComparison.OrdinalIgnoreCase))
        {
            builder.WithTracing(t => t.AddConsoleExporter()).WithMetrics(m => m.AddConsoleExporter());
        }

        return builder;
    }

    /// <summary>The client id in "Authorization=AAD;ClientId=...", or null.</summary>
    private static string? ClientIdFrom(string? authentication) =>
        authentication?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2))
            .Where(kv => kv.Length == 2 && kv[0].Equals("ClientId", StringComparison.OrdinalIgnoreCase))
            .Select(kv => kv[1])
            .FirstOrDefault();
}
