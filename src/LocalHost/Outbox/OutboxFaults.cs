using System.Collections.Concurrent;

namespace KhuyenCong.LocalHost.Outbox;

/// <summary>
/// Simulated failures of the mail service for development and tests: the next sends answer these statuses (429,
/// 500, ...) in order, storing nothing, as SendGrid does when it throttles or fails.
/// </summary>
public sealed class OutboxFaults
{
    private readonly ConcurrentQueue<int> pending = new();
    private int served;

    public void Enqueue(IEnumerable<int> statuses)
    {
        ArgumentNullException.ThrowIfNull(statuses);
        foreach (var status in statuses)
        {
            pending.Enqueue(status);
        }
    }

    public void Clear() => pending.Clear();

    /// <summary>How many sends have been refused so far (tests check the outage really happened).</summary>
    public int Served => served;

    public int Pending => pending.Count;

    public bool TryTakeAndCount(out int status)
    {
        if (!pending.TryDequeue(out status))
        {
            return false;
        }

        Interlocked.Increment(ref served);
        return true;
    }
}
