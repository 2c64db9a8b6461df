using System.Text;
using KhuyenCong.LocalHost.Hosting;

Console.OutputEncoding = Encoding.UTF8;
LocalHostApplication? host = null;
try
{
    host = await LocalHostApplication.StartAsync(new LocalHostOptions { Args = args });
    await host.WaitForShutdownAsync();
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
