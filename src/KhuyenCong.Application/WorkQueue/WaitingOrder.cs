namespace KhuyenCong.Application.WorkQueue;

/// <summary>Something waiting on a person in a work queue (the officers' <see cref="WorkItem"/>, the director's <see cref="DirectorWorkItem"/>).</summary>
public interface IWaitingWork
{
    /// <summary>When it started waiting.</summary>
    DateTimeOffset Since { get; }

    /// <summary>When it is due, if it has a deadline.</summary>
    DateTimeOffset? DueAt { get; }
}

/// <summary>
/// The order of the work queues (the officers' and the director's): past their deadline first (the earliest deadline
/// first), then the others with a deadline (the nearest first), then those without one; within each, the longest
/// waiting first. With the days waiting and the deadline's state both queues show.
/// </summary>
public static class WaitingOrder
{
    /// <summary><paramref name="items"/> most urgent first at <paramref name="now"/>.</summary>
    public static IReadOnlyList<T> MostUrgentFirst<T>(IEnumerable<T> items, DateTimeOffset now)
        where T : IWaitingWork
    {
        ArgumentNullException.ThrowIfNull(items);
        return items.OrderBy(i => i.IsOverdue(now) ? 0 : 1).ThenBy(i => i.DueAt ?? DateTimeOffset.MaxValue).ThenBy(i => i.Since).ToList();
    }

    /// <summary>Whole days waiting at <paramref name="now"/>.</summary>
    public static int DaysWaiting(this IWaitingWork work, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(work);
        return Math.Max(0, (int)(now - work.Since).TotalDays);
    }

    /// <summary>True when the deadline is past at <paramref name="now"/>.</summary>
    public static bool IsOverdue(this IWaitingWork work, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(work);
        return work.DueAt is { } due && due < now;
    }
}
