using System.Net.Sockets;
using KhuyenCong.Domain.Text;
using KhuyenCong.Web.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace KhuyenCong.Functions.Http;

/// <summary>
/// Storage (or the durable engine behind it) unreachable: every HTTP function answers 503 with <c>Retry-After</c>
/// and a problem in the request's language, never 500. A request body the client cut off is not an outage: 400
/// (<see cref="ClientBody"/>). The Functions worker applies <see cref="AnswerFor"/> with
/// <see cref="StorageOutageMiddleware"/>, LocalHost in its own failure handler.
/// </summary>
public static class StorageOutage
{
    /// <summary>Seconds a client should wait before trying again.</summary>
    public const int RetryAfterSeconds = IOutageClassifier.RetryAfterSeconds;

    /// <summary>
    /// The answer to a function that failed with <paramref name="exception"/>: 400 for a request body that failed on the
    /// client's side, 503 for storage or the durable engine unreachable, null for anything else (a 500).
    /// </summary>
    public static IActionResult? AnswerFor(HttpRequest request, Exception exception) =>
        ClientBody.IsFailure(exception) ? ClientBody.Answer(request) : IsOutage(exception) ? Answer(request) : null;

    /// <summary>True when the failure means storage could not be reached or answered with a server error (never a client's body).</summary>
    public static bool IsOutage(Exception? exception) => !ClientBody.IsFailure(exception) && IsServerSide(exception);

    private static bool IsServerSide(Exception? exception) => exception switch
    {
        null => false,
        Azure.RequestFailedException r => r.Status is 0 or 408 or 429 or >= 500 || IsServerSide(r.InnerException),
        HttpRequestException or SocketException or TimeoutException or IOException => true,
        Grpc.Core.RpcException rpc => rpc.StatusCode is Grpc.Core.StatusCode.Unavailable or Grpc.Core.StatusCode.DeadlineExceeded
            or Grpc.Core.StatusCode.Unknown or Grpc.Core.StatusCode.Internal or Grpc.Core.StatusCode.ResourceExhausted,
        AggregateException a => a.InnerExceptions.Count > 0 && a.InnerExceptions.All(IsServerSide),
        TaskCanceledException t => t.InnerException is TimeoutException,
        _ => false,
    };

    /// <summary>The 503 answer; sets <c>Retry-After</c> on the response.</summary>
    public static IActionResult Answer(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.HttpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var language = RequestLanguage.From(request);
        return Problems.Status(StatusCodes.Status503ServiceUnavailable, language == Language.English
            ? "Storage is briefly unavailable: nothing was changed, please try again in a moment."
            : "Hệ thống lưu trữ tạm thời không truy cập được: chưa có gì thay đổi, vui lòng thử lại sau ít phút.", language);
    }
}

/// <summary>The Web edge's view of <see cref="StorageOutage"/> (its submissions clean up and answer 503 on an outage).</summary>
internal sealed class StorageOutageClassifier : IOutageClassifier
{
    public bool IsOutage(Exception? exception) => StorageOutage.IsOutage(exception);

    public string Describe(Exception exception) => exception is Azure.RequestFailedException r ? $"{r.Status} {r.ErrorCode}" : exception.GetType().Name;
}

/// <summary>In the Functions worker: an HTTP function that fails because storage is unreachable answers 503 (a client's cut-off body 400).</summary>
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
        catch (Exception ex) when (context.GetHttpContext() is { Response.HasStarted: false } http && StorageOutage.AnswerFor(http.Request, ex) is { } answer)
        {
            context.GetInvocationResult().Value = answer;
        }
    }
}
