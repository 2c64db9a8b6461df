using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;

namespace KhuyenCong.LocalHost.Functions;

/// <summary>The keys LocalHost checks, as the Functions host checks its function and master (admin) keys.</summary>
public sealed record FunctionKeys(string FunctionKey, string AdminKey)
{
    public const string HeaderName = "x-functions-key";

    /// <summary>True when the request carries a key good for the level: any key for Function, the admin key for Admin/System.</summary>
    public bool Authorizes(HttpRequest request, AuthorizationLevel level)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (level == AuthorizationLevel.Anonymous)
        {
            return true;
        }

        string? presented = request.Headers[HeaderName];
        if (string.IsNullOrEmpty(presented))
        {
            presented = request.Query["code"];
        }

        if (string.IsNullOrEmpty(presented))
        {
            return false;
        }

        return level switch
        {
            AuthorizationLevel.Function => Same(presented, FunctionKey) || Same(presented, AdminKey),
            AuthorizationLevel.Admin or AuthorizationLevel.System => Same(presented, AdminKey),
            _ => false,
        };
    }

    private static bool Same(string presented, string expected) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(expected));

    public static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>Maps each HTTP-triggered function at its route and methods, with its auth level enforced.</summary>
public static class HttpFunctionEndpoints
{
    public static void MapHttpFunctions(this IEndpointRouteBuilder endpoints, IEnumerable<FunctionDescriptor> functions, FunctionKeys keys)
    {
        ArgumentNullException.ThrowIfNull(functions);
        foreach (var function in functions.Where(f => f.Kind == TriggerKind.Http))
        {
            var invoker = new FunctionInvoker(function);
            var http = function.Http!;
            endpoints.MapMethods("/" + http.Route, http.Methods.Select(m => m.ToUpperInvariant()), async context =>
                {
                    if (!keys.Authorizes(context.Request, http.AuthLevel))
                    {
                        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                        return;
                    }

                    var result = await invoker.InvokeAsync(new InvocationContext(context.RequestServices, null, context, context.RequestAborted));
                    await WriteResultAsync(context, result);
                })
                .WithName(function.Name)
                .WithMetadata(function);
        }
    }

    private static async Task WriteResultAsync(HttpContext context, object? result)
    {
        switch (result)
        {
            case IActionResult actionResult:
                await actionResult.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor()));
                break;
            case IResult minimalResult:
                await minimalResult.ExecuteAsync(context);
                break;
            case null:
                if (!context.Response.HasStarted && context.Response.StatusCode == StatusCodes.Status200OK)
                {
                    context.Response.StatusCode = StatusCodes.Status204NoContent;
                }

                break;
            default:
                await context.Response.WriteAsJsonAsync(result, result.GetType(), context.RequestAborted);
                break;
        }
    }
}
