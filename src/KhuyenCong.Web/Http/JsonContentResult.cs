using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace KhuyenCong.Web.Http;

/// <summary>A JSON body already serialized, with its status and an optional Location header.</summary>
internal sealed class JsonContentResult(int status, string body, string? location) : IActionResult
{
    public int Status => status;

    public string Body => body;

    public async Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.HttpContext.Response;
        response.StatusCode = status;
        response.ContentType = "application/json; charset=utf-8";
        if (location is not null)
        {
            response.Headers.Location = location;
        }

        await response.WriteAsync(body, context.HttpContext.RequestAborted);
    }
}
