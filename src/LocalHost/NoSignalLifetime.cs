using Microsoft.Extensions.Hosting;

namespace KhuyenCong.LocalHost;

/// <summary>
/// The lifetime of LocalHost's two web hosts (the app and the durable engine's gRPC server). The default
/// <c>ConsoleLifetime</c> makes every host stop by itself on Ctrl+C or SIGTERM: both would stop at once, in no order,
/// and the engine's server could go while the worker still needed it. With this lifetime the hosts ignore signals;
/// the entry point (<see cref="Hosting.StopSignals"/>) takes them and <see cref="Hosting.LocalHostApplication"/> stops the parts in
/// order.
/// </summary>
internal sealed class NoSignalLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
