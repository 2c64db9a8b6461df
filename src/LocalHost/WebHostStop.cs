using Microsoft.AspNetCore.Builder;

namespace KhuyenCong.LocalHost;

/// <summary>Stopping one of LocalHost's web hosts (the app, the durable engine's gRPC server) within a limit.</summary>
internal static class WebHostStop
{
    /// <summary>
    /// Stops and disposes <paramref name="host"/>: when <paramref name="limit"/> passes, the token tells Kestrel to cut
    /// its connections and the hosted services to give up, and the wait ends for those that do not listen.
    /// False when the limit passed.
    /// </summary>
    public static async Task<bool> StopWithinAsync(this WebApplication host, TimeSpan limit)
    {
        using var cts = new CancellationTokenSource(limit);
        try
        {
            await StopAndDisposeAsync(host, cts.Token).WaitAsync(limit);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    private static async Task StopAndDisposeAsync(WebApplication host, CancellationToken cancellationToken)
    {
        await host.StopAsync(cancellationToken);
        await host.DisposeAsync();
    }
}
