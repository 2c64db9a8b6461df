using KhuyenCong.Infrastructure.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace KhuyenCong.LocalHost.Storage;

/// <summary>The durable engine's own storage requests (its queues, history and instance tables, leases), counted apart from the app's.</summary>
public sealed record EngineStorageOperations(StorageOperationCounter Counter);

/// <summary>
/// <c>GET /dev/storage-ops</c>: how many requests the app's own storage clients have sent since start-up, by service
/// and HTTP method (each retry counted), and, apart, the durable engine's. Development only: LocalHost serves it,
/// the Functions app does not.
/// </summary>
public static class StorageOperationEndpoints
{
    public const string Route = "/dev/storage-ops";

    public static void MapStorageOperations(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(Route, (StorageOperationCounter app, EngineStorageOperations engine) => Results.Json(new
        {
            app = app.Snapshot(),
            appTotal = app.Total,
            engine = engine.Counter.Snapshot(),
            engineTotal = engine.Counter.Total,
        }));
}
