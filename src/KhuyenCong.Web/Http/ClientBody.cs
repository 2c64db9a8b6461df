using KhuyenCong.Domain.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace KhuyenCong.Web.Http;

/// <summary>
/// A request body that failed on the client's side: cut off, sent too slowly, dropped. It is a bad request (400, nothing
/// stored), not a storage outage, even when the failure surfaces inside a storage call that was reading the body (an
/// upload streaming a file part wraps it in its own exceptions).
/// </summary>
public static class ClientBody
{
    /// <summary>True when <paramref name="exception"/>, or any exception inside it, is a failure of the request body.</summary>
    public static bool IsFailure(Exception? exception) => exception switch
    {
        null => false,
        BadHttpRequestException or ClientBodyException or Microsoft.AspNetCore.Connections.ConnectionResetException => true,
        AggregateException all => all.InnerExceptions.Any(IsFailure),
        _ => IsFailure(exception.InnerException),
    };

    /// <summary>The 400 answer, in the request's language.</summary>
    public static IActionResult Answer(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var language = RequestLanguage.From(request);
        return Problems.Field(StatusCodes.Status400BadRequest, "body", language == Language.English
            ? "The request's content arrived incomplete or malformed: nothing was stored. Send it again."
            : "Nội dung yêu cầu đến không đầy đủ hoặc sai định dạng: chưa có gì được lưu. Vui lòng gửi lại.", language);
    }
}

/// <summary>Reading the request body failed (the client cut it off or sent it malformed); thrown by the streams that wrap it.</summary>
public sealed class ClientBodyException : IOException
{
    public ClientBodyException()
    {
    }

    public ClientBodyException(string message)
        : base(message)
    {
    }

    public ClientBodyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
