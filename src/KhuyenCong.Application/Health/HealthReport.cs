using System.Text.Json.Serialization;

namespace KhuyenCong.Application.Health;

public static class DependencyNames
{
    public const string Tables = "tables";
    public const string Blobs = "blobs";
    public const string DurableTaskHub = "durableTaskHub";
}

[JsonConverter(typeof(JsonStringEnumConverter<DependencyState>))]
public enum DependencyState
{
    [JsonStringEnumMemberName("up")] Up,
    [JsonStringEnumMemberName("down")] Down,
}

public sealed record DependencyHealth(string Name, DependencyState State, long DurationMs, string? Error);

public sealed record HealthReport(string Status, DateTimeOffset CheckedAt, IReadOnlyList<DependencyHealth> Dependencies)
{
    [JsonIgnore]
    public bool IsHealthy => Dependencies.All(d => d.State == DependencyState.Up);
}

/// <summary>Checks the dependencies the app cannot work without.</summary>
public interface IHealthProbe
{
    /// <summary>Checks storage and <paramref name="taskHub"/>, each within a time limit.</summary>
    Task<HealthReport> CheckAsync(ITaskHub taskHub, CancellationToken cancellationToken);
}

/// <summary>
/// The durable task hub as the host reaches it (in the Functions app, through the function's bound durable client):
/// the Application layer knows no durable SDK.
/// </summary>
public interface ITaskHub
{
    /// <summary>Completes when the task hub answers a read; throws when it cannot be reached.</summary>
    Task PingAsync(CancellationToken cancellationToken);
}
