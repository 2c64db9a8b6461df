using System.Globalization;
using System.Net;
using System.Reflection;
using Azure.Storage.Blobs;
using KhuyenCong.Functions;
using KhuyenCong.LocalHost.Durable;
using KhuyenCong.LocalHost.Functions;
using KhuyenCong.LocalHost.Outbox;
using KhuyenCong.LocalHost.Storage;
using KhuyenCong.Web.Http;
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

/// <summary>What starting LocalHost relies on: configuration, logging, the address and its port, settings read as durations, the answer to a function that fails, and the banner printed once it runs.</summary>
public sealed partial class LocalHostApplication
{
    private static IConfiguration BuildConfiguration(string[] args, LocalHostOptions options, string root) =>
        new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, $"appsettings.{EnvironmentName()}.json"), optional: true)
            .AddLocalSettingsFile(Path.Combine(root, "src", "Functions", "local.settings.json"))
            .AddEnvironmentVariables()
            .AddCommandLine(args)
            .AddInMemoryCollection(options.Settings)
            .Build();

    private static string EnvironmentName() =>
        Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? Environments.Development;

    private static void ConfigureLogging(ILoggingBuilder logging, LocalHostOptions options)
    {
        logging.SetMinimumLevel(LogLevel.Information);
        logging.AddFilter("Microsoft", LogLevel.Warning);
        logging.AddFilter("System", LogLevel.Warning);
        logging.AddFilter("DurableTask", LogLevel.Warning);
        logging.AddFilter("Grpc", LogLevel.Warning);
        options.ConfigureLogging?.Invoke(logging);
        if (options.ConsoleLogging)
        {
            logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = "HH:mm:ss ";
            });
        }
    }

    private static Uri ResolveBaseAddress(string urls)
    {
        var first = urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? LocalHostOptions.DefaultUrl;
        if (!Uri.TryCreate(first, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp)
        {
            throw new LocalHostException($"--urls '{urls}' is not an http URL such as {LocalHostOptions.DefaultUrl}.");
        }

        if (uri.Port == 0)
        {
            uri = new UriBuilder(uri) { Port = PortProbe.FreePort() }.Uri;
        }

        return uri;
    }

    private static void EnsurePortFree(Uri address)
    {
        if (PortProbe.IsListening(address.Port))
        {
            throw PortInUse(address, null);
        }
    }

    private static LocalHostException PortInUse(Uri address, Exception? inner)
    {
        var other = address.Port == 7071 ? 7072 : address.Port + 1;
        var message = string.Create(CultureInfo.InvariantCulture,
            $"Port {address.Port} is already in use, so LocalHost cannot listen on {address.GetLeftPart(UriPartial.Authority)}. " +
            $"Stop the program using it, or choose another port: dotnet run --project src/LocalHost -- --urls http://localhost:{other}");
        return inner is null ? new LocalHostException(message) : new LocalHostException(message, inner);
    }

    // Azure Functions cannot give a function an empty route: the site root is served by a route whose every segment
    // is one optional parameter, such as "{ignored:maxlength(0)?}".
    private static bool ServesSiteRoot(string route) =>
        route.Length == 0
        || Microsoft.AspNetCore.Routing.Patterns.RoutePatternFactory.Parse(route).PathSegments
            .All(s => s.IsSimple && s.Parts[0] is Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart { IsOptional: true });

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static TimeSpan Duration(IConfiguration configuration, string key, TimeSpan fallback)
    {
        var text = NonEmpty(configuration[key]);
        if (text is null)
        {
            return fallback;
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value) && value > TimeSpan.Zero
            ? value
            : throw new LocalHostException($"Setting '{key}' must be a positive duration such as 00:00:10, not '{text}'.");
    }

    // As the Functions host: an unhandled exception in a function is logged and answered with an empty 500.
    private static async Task HandleFunctionFailures(HttpContext context, RequestDelegate next, ILogger logger)
    {
        try
        {
            await next(context);
        }
        catch (Exception ex) when (!context.RequestAborted.IsCancellationRequested && !context.Response.HasStarted
            && (KhuyenCong.Functions.Http.StorageOutage.IsOutage(ex) || KhuyenCong.Web.Http.ClientBody.IsFailure(ex)))
        {
            // As the Functions worker's StorageOutageMiddleware: storage unreachable is a 503 with Retry-After, a
            // request body the client cut off a 400.
            if (KhuyenCong.Functions.Http.StorageOutage.IsOutage(ex))
            {
                LogStorageOutage(logger, context.Request.Path, ex.GetType().Name);
            }

            context.Response.Clear();
            var answer = KhuyenCong.Functions.Http.StorageOutage.AnswerFor(context.Request, ex)!;
            await answer.ExecuteResultAsync(new Microsoft.AspNetCore.Mvc.ActionContext(
                context, context.GetRouteData(), new Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor()));
        }
        catch (Exception ex) when (!context.RequestAborted.IsCancellationRequested && !context.Response.HasStarted)
        {
            LogFunctionFailed(logger, ex, context.Request.Path);
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        }
    }

    private void PrintBanner()
    {
        var origin = BaseAddress.GetLeftPart(UriPartial.Authority);
        bool Has(string route) => Functions.Any(f => f.Http?.Route.Equals(route, StringComparison.OrdinalIgnoreCase) == true);
        var lines = new List<string>
        {
            string.Empty,
            "KhuyenCong LocalHost đang chạy · is running",
        };
        if (Functions.Any(f => f.Http is { } http && ServesSiteRoot(http.Route)))
        {
            lines.Add($"  Biểu mẫu đề án · Proposal form   {origin}/");
        }

        if (Has("dashboard"))
        {
            lines.Add($"  Thống kê · Dashboard             {origin}/dashboard");
        }

        if (Has("staff/programmes"))
        {
            lines.Add($"  Chương trình · Programmes        {origin}/staff/programmes?code={Keys.FunctionKey}");
        }

        if (Has("staff/proposals"))
        {
            lines.Add($"  Trang cán bộ · Staff pages       {origin}/staff/proposals?code={Keys.FunctionKey}");
        }

        lines.Add($"  Hộp thư thử · Dev outbox         {origin}/dev/outbox");
        lines.Add($"  Sức khỏe · Health                {origin}/api/health");
        lines.Add($"  Khóa chức năng · Function key    {Keys.FunctionKey}   (header {FunctionKeys.HeaderName} or ?code=)");
        lines.Add($"  Khóa quản trị · Admin key        {Keys.AdminKey}   (POST {origin}/admin/functions/{{name}})");
        lines.Add($"  Lưu trữ · Storage                {StorageDescription}");
        lines.Add($"  Chức năng · Functions            {Functions.Count} ({string.Join(", ", Functions.GroupBy(f => f.Kind).Select(g => $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}"))})");
        lines.Add("Nhấn Ctrl+C để dừng · Press Ctrl+C to stop.");
        lines.Add(string.Empty);
        Console.Out.WriteLine(string.Join(Environment.NewLine, lines));
        Console.Out.Flush();
    }
}
