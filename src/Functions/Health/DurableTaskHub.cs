using KhuyenCong.Application.Health;
using Microsoft.DurableTask.Client;

namespace KhuyenCong.Functions.Health;

/// <summary><see cref="ITaskHub"/> over the durable client a function is bound to (<c>[DurableClient]</c>).</summary>
public sealed class DurableTaskHub(DurableTaskClient client) : ITaskHub
{
    /// <summary>Reads an instance that never exists: a round trip to the task hub, nothing more.</summary>
    public Task PingAsync(CancellationToken cancellationToken) => client.GetInstanceAsync("health-probe", cancellationToken);
}
