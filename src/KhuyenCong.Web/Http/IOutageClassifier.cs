namespace KhuyenCong.Web.Http;

/// <summary>
/// Tells storage (or the durable engine behind it) unreachable from any other failure: the host knows which SDKs it
/// talks to and their exceptions (the Functions app's <c>StorageOutage</c>).
/// </summary>
public interface IOutageClassifier
{
    /// <summary>Seconds a client should wait before trying again after an outage.</summary>
    const int RetryAfterSeconds = 10;

    /// <summary>True when <paramref name="exception"/> means storage could not be reached or answered with a server error.</summary>
    bool IsOutage(Exception? exception);

    /// <summary>The failure in a few words for a log line (a status and error code, or the exception's type): never its message.</summary>
    string Describe(Exception exception);
}
