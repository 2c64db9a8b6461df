using System.Diagnostics;
using KhuyenCong.Application.Telemetry;
using KhuyenCong.Infrastructure.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Trace;

namespace KhuyenCong.UnitTests.Infrastructure;

/// <summary>
/// Issue 11, finding 7: link tokens never reach telemetry. The app's own telemetry set-up
/// (<see cref="TelemetryServiceCollectionExtensions.AddKhuyenCongTelemetry"/>) is built with an exporter added after it,
/// as Application Insights' is, and every exported span and log record is searched for the token.
/// </summary>
public partial class LinkTokenRedactionTests
{
    private const string Token = "k1.eyJsIjoiYWJjIiwiYSI6InJldmlldyJ9.c2lnbmF0dXJlLW9mLXRoZS1saW5r";

    [Theory]
    [InlineData("/links/" + Token, "/links/{token}")]
    [InlineData("https://kc.example.gov.vn/links/" + Token + "?lang=en", "https://kc.example.gov.vn/links/{token}?lang=en")]
    [InlineData("/links/" + Token + "/files/0192", "/links/{token}/files/0192")]
    [InlineData("POST /LINKS/" + Token, "POST /LINKS/{token}")]
    [InlineData("/api/proposals/abc", "/api/proposals/abc")]
    public void Redact_ReplacesTheTokenOnly(string text, string expected) => Assert.Equal(expected, LinkTokenRedaction.Redact(text));

    [Fact]
    public void Export_SpanAndLogOfALinkRequest_CarryNoToken()
    {
        var spans = new List<Activity>();
        var logs = new List<(string? Message, string Attributes)>();
        var services = new ServiceCollection();
        services.AddKhuyenCongTelemetry(new ConfigurationBuilder().Build());
        services.ConfigureOpenTelemetryTracerProvider(t => t.AddProcessor(new SimpleActivityExportProcessor(new Capture<Activity>(spans.Add))));
        services.ConfigureOpenTelemetryLoggerProvider(l => l.AddProcessor(new SimpleLogRecordExportProcessor(new Capture<LogRecord>(
            r => logs.Add((r.FormattedMessage, string.Join(";", r.Attributes ?? [])))))));
        using (var provider = services.BuildServiceProvider())
        {
            _ = provider.GetRequiredService<TracerProvider>();
            using (var span = KhuyenCongTelemetry.Source.StartActivity("GET /links/" + Token))
            {
                span!.SetTag("url.path", "/links/" + Token + "/files/0192");
                span.SetTag("url.full", "https://kc.example.gov.vn/links/" + Token);
                span.SetTag("http.route", "links/{token}");
            }

            LogRequestFailed(provider.GetRequiredService<ILoggerFactory>().CreateLogger("KhuyenCong.Test"), "/links/" + Token);
        }

        var exported = Assert.Single(spans);
        Assert.Equal("GET /links/{token}", exported.DisplayName);
        Assert.Equal("/links/{token}/files/0192", exported.GetTagItem("url.path"));
        Assert.DoesNotContain(exported.TagObjects, t => t.Value is string s && s.Contains(Token, StringComparison.Ordinal));
        var log = Assert.Single(logs);
        Assert.Equal("Request for /links/{token} failed", log.Message);
        Assert.DoesNotContain(Token, log.Attributes, StringComparison.Ordinal);
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Request for {Path} failed")]
    private static partial void LogRequestFailed(ILogger logger, string path);

    private sealed class Capture<T>(Action<T> add) : BaseExporter<T>
        where T : class
    {
        public override ExportResult Export(in Batch<T> batch)
        {
            foreach (var item in batch)
            {
                add(item);
            }

            return ExportResult.Success;
        }
    }
}
