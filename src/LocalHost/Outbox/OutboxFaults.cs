using System.Collections.Concurrent;

namespace KhuyenCong.LocalHost.Outbox;

/// <summary>
/// Simulated failures of the mail service for development and tests: the next sends answer these statuses (429,
/// 500, ...) in order, storing nothing, as SendGrid does when it throttles or fails; or, for an outage of some
/// seconds, every send until it ends answers them in turn.
/// </summary>
public sealed class OutboxFaults(TimeProvider time)
{
    private readonly ConcurrentQueue<int> pending = new();
    private readonly object outageLock = new();
    private int served;
    private int[] outageStatuses = [];
    private DateTimeOffset outageUntil;
    private int outageTurn;

    /// <summary>Every send until <paramref name="duration"/> has passed answers <paramref name="statuses"/> in turn.</summary>
    public void StartOutage(IReadOnlyList<int> statuses, TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(statuses);
        lock (outageLock)
        {
            outageStatuses = [.. statuses];
            outageUntil = time.GetUtcNow() + duration;
            outageTurn = 0;
        }
    }

    /// <summary>When the current outage ends (null when there is none).</summary>
    public DateTimeOffset? OutageUntil
    {
        get
        {
            lock (outageLock)
            {
                return outageUntil > time.GetUtcNow() ? outageUntil : null;
            }
        }
    }

    public void Enqueue(IEnumerable<int> statuses)
    {
        ArgumentNullException.ThrowIfNull(statuses);
        foreach (var status in statuses)
        {
            pending.Enqueue(status);
        }
    }

    public void Clear()
    {
        pending.Clear();
        lock (outageLock)
        {
            outageUntil = default;
        }
    }

    /// <summary>How many sends have been refused so far (tests check the outage really happened).</summary>
    public int Served => served;

    public int Pending => pending.Count;

    public bool TryTakeAndCount(out int status)
    {
        lock (outageLock)
        {
            if (outageUntil > time.GetUtcNow() && outageStatuses.Length > 0)
            {
                status = outageStatuses[outageTurn++ % outageStatuses.Length];
                Interlocked.Increment(ref served);
                return true;
            }
        }

        if (!pending.TryDequeue(out status))
        {
            return false;
        }

        Interlocked.Increment(ref served);
        return true;
    }
}
