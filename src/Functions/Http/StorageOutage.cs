using System.Net.Sockets;
using KhuyenCong.Domain.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace KhuyenCong.Functions.Http;

/// <summary>
/// Storage (or the durable engine behind it) unreachable: every HTTP function answers 503 with <c>Retry-After</c>
/// and a problem in the request's language, never 500. The Functions worker applies it with
/// <see cref="StorageOutageMiddleware"/>, LocalHost in its own failure handler.
/// </summary>
public static class StorageOutage
{
    /// <summary>Seconds a client should wait before trying again.</summary>
    public const int RetryAfterSeconds = 10;

    /// <summary>True when the failure means storage could not be reached or answered with a server error.</summary>
    public static bool IsOutage(Exception? exception) => exception switch
    {
        null => false,
        Azure.RequestFailedException r => r.Status is 0 or 408 or 429 or >= 500 || IsOutage(r.InnerException),
        HttpRequestException or SocketException or TimeoutException or IOException => true,
        Grpc.Core.RpcException rpc => rpc.StatusCode is Grpc.Core.StatusCode.Unavailable or Grpc.Core.StatusCode.DeadlineExceeded
            or Grpc.Core.StatusCode.Unknown or Grpc.Core.StatusCode.Internal or Grpc.Core.StatusCode.ResourceExhausted,
        AggregateException a => a.InnerExceptions.Count > 0 && a.InnerExceptions.All(IsOutage),
        TaskCanceledException t => t.InnerException is TimeoutException,
        _ => false,
    };

    /// <summary>The 503 answer; sets <c>Retry-After</c> on the response.</summary>
    public static IActionResult Answer(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.HttpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var language = Web.RequestLanguage.From(request);
        return Problems.Status(StatusCodes.Status503ServiceUnavailable, language == Language.English
            ? "Storage is briefly unavailable: nothing was changed, please try again in a moment."
            : "Hệ thống lưu trữ tạm thời không truy cập được: chưa có gì thay đổi, vui lòng thử lại sau ít phút.", language);
    }
}

/// <summary>In the Functions worker: an HTTP function that fails because storage is unreachable answers 503.</summary>
public sealed class StorageOutageMiddleware : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            await next(context);
        }
        catch (Exception ex) when (StorageOutage.IsOutage(ex) && context.GetHttpContext() is { } http && !http.Response.HasStarted)
        {
            context.GetInvocationResult().Value = StorageOutage.Answer(http.Request);
        }
    }
}
