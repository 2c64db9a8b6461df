using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;

namespace KhuyenCong.LocalHost.Functions;

/// <summary>
/// <c>POST /admin/functions/{name}</c>: runs a non-HTTP function now, as the Functions host's admin API does
/// (admin key required). LocalHost answers 202 once the run has finished, so scripts and tests can rely on its effects.
/// </summary>
public static class AdminEndpoints
{
    public static void MapAdminFunctions(this IEndpointRouteBuilder endpoints, IReadOnlyList<ScheduledFunction> timers, IEnumerable<FunctionDescriptor> functions, FunctionKeys keys)
    {
        var byName = functions.ToDictionary(f => f.Name, StringComparer.OrdinalIgnoreCase);
        var timersByName = timers.ToDictionary(t => t.Name, StringComparer.OrdinalIgnoreCase);
        endpoints.MapPost("/admin/functions/{name}", async (string name, HttpContext context, TimeProvider time) =>
        {
            if (!keys.Authorizes(context.Request, AuthorizationLevel.Admin))
            {
                return Results.Unauthorized();
            }

            if (!byName.TryGetValue(name, out var function))
            {
                return Results.NotFound();
            }

            if (!timersByName.TryGetValue(name, out var timer))
            {
                return Results.BadRequest(new { error = $"Function '{function.Name}' has a {function.Kind} trigger: only timer functions can be run through the admin API." });
            }

            await timer.RunAsync(context.RequestServices, null, time.GetUtcNow().UtcDateTime, pastDue: false, context.RequestAborted);
            return Results.Accepted();
        });
    }
}
