using System.Text;
using KhuyenCong.LocalHost;
using KhuyenCong.LocalHost.Hosting;

Console.OutputEncoding = Encoding.UTF8;
// Ctrl+C stops everything within 10 seconds: the clean stop has ShutdownSequence.Budget, then the process ends anyway.
using var signals = StopSignals.Register(TimeSpan.FromSeconds(9));
LocalHostApplication? host = null;
try
{
    host = await LocalHostApplication.StartAsync(new LocalHostOptions { Args = args }, signals.Stopping);
    await host.WaitForShutdownAsync(signals.Stopping);
    return 0;
}
catch (OperationCanceledException) when (signals.Stopping.IsCancellationRequested)
{
    // Ctrl+C during start-up: what had started is already stopped.
    return 0;
}
catch (LocalHostException ex)
{
    Console.Error.WriteLine();
    Console.Error.WriteLine("LocalHost không khởi động được · could not start:");
    Console.Error.WriteLine("  " + ex.Message);
    return 1;
}
finally
{
    if (host is not null)
    {
        await host.DisposeAsync();
    }
}
