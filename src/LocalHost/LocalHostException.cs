namespace KhuyenCong.LocalHost;

/// <summary>
/// A start-up problem the developer can fix (Node.js missing, a port in use, a bad setting). LocalHost prints the
/// message, stops whatever it had started and exits with a non-zero code.
/// </summary>
public sealed class LocalHostException : Exception
{
    public LocalHostException()
    {
    }

    public LocalHostException(string message)
        : base(message)
    {
    }

    public LocalHostException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
