using System.Text.Json.Serialization;
using Microsoft.DurableTask.Client;

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
    Task<HealthReport> CheckAsync(DurableTaskClient durableClient, CancellationToken cancellationToken);
}
