using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using KhuyenCong.Application.Links;
using KhuyenCong.Testing;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace KhuyenCong.IntegrationTests.Telemetry;

/// <summary>
/// A LocalHost whose request spans (ASP.NET Core instrumentation: <c>url.path</c>, <c>url.query</c>, …) are exported,
/// after the app's own telemetry set-up, to memory.
/// </summary>
public sealed class RequestTracingFixture : LocalHostFixture
{
    public ConcurrentQueue<Activity> Exported { get; } = new();

    protected override void ConfigureServices(IServiceCollection services) =>
        services.ConfigureOpenTelemetryTracerProvider(t => t
            .AddAspNetCoreInstrumentation()
            .AddProcessor(new SimpleActivityExportProcessor(new QueueExporter(Exported))));

    private sealed class QueueExporter(ConcurrentQueue<Activity> queue) : BaseExporter<Activity>
    {
        public override ExportResult Export(in Batch<Activity> batch)
        {
            foreach (var activity in batch)
            {
                queue.Enqueue(activity);
            }

            return ExportResult.Success;
        }
    }
}

/// <summary>
/// Issue 11, finding 7: a request on an emailed link is traced (here by the ASP.NET Core instrumentation, exported after
/// the app's own telemetry as Application Insights' exporter is), and nothing exported carries the link's token.
/// </summary>
public sealed class LinkTokenTelemetryTests(RequestTracingFixture fixture) : IClassFixture<RequestTracingFixture>
{
    [Fact]
    public async Task LinkRequest_ExportedSpan_CarriesNoToken()
    {
        var url = fixture.Host.Services.GetRequiredService<LinkService>().CreateUrl(LinkActions.Withdraw, "no-such-proposal", "applicant");
        var token = url[(url.LastIndexOf('/') + 1)..];
        using var client = fixture.CreateClient();

        using var page = await client.GetAsync(new Uri("/links/" + token + "?lang=en", UriKind.Relative));
        using var file = await client.GetAsync(new Uri("/links/" + token + "/files/0192", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        var spans = await Eventually.GetAsync(
            () => Task.FromResult<List<Activity>?>(fixture.Exported.Where(a => a.OperationName.Contains("HttpRequestIn", StringComparison.Ordinal)).ToList()),
            list => list!.Count >= 2,
            what: "the two request spans");
        Assert.Contains(spans, s => s.TagObjects.Any(t => t.Value is string v && v.Contains("/links/{token}", StringComparison.Ordinal)));
        foreach (var span in fixture.Exported)
        {
            Assert.DoesNotContain(token, span.DisplayName, StringComparison.Ordinal);
            Assert.DoesNotContain(span.TagObjects, t => t.Value is string v && v.Contains(token, StringComparison.Ordinal));
        }
    }
}
