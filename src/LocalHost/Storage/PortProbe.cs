using System.Net;
using System.Net.Sockets;

namespace KhuyenCong.LocalHost.Storage;

/// <summary>Small TCP helpers: is a port taken, and a free one.</summary>
public static class PortProbe
{
    /// <summary>
    /// True when something accepts connections on the loopback port. Waits on the socket itself, never on the thread
    /// pool: an asynchronous connect waited for 500 ms reported a listening port as free while the pool was busy
    /// (several hosts starting at once).
    /// </summary>
    public static bool IsListening(int port)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { Blocking = false };
        try
        {
            socket.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException ex) when (ex.SocketErrorCode is SocketError.WouldBlock or SocketError.InProgress)
        {
            return socket.Poll(TimeSpan.FromSeconds(5), SelectMode.SelectWrite)
                && socket.GetSocketOption(SocketOptionLevel.Socket, SocketOptionName.Error) is 0;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, bool> HandedOut = new();

    /// <summary>
    /// A port free now, never one this process handed out before (the system may offer a just-released port again,
    /// and two servers told the same "free" port would collide when both start).
    /// </summary>
    public static int FreePort()
    {
        while (true)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            if (HandedOut.TryAdd(port, true))
            {
                return port;
            }
        }
    }
}
