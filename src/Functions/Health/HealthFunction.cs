using KhuyenCong.Application.Health;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace KhuyenCong.Functions.Health;

public sealed class HealthFunction(IHealthProbe probe)
{
    /// <summary><c>GET /api/health</c>: 200 when every dependency answers, 503 when one does not.</summary>
    [Function(nameof(Health))]
    public async Task<IActionResult> Health(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/health")] HttpRequest request,
        [DurableClient] DurableTaskClient durableClient,
        CancellationToken cancellationToken)
    {
        var report = await probe.CheckAsync(new DurableTaskHub(durableClient), cancellationToken);
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        return new ObjectResult(report)
        {
            StatusCode = report.IsHealthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable,
        };
    }
}
