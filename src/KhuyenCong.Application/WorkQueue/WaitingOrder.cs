namespace KhuyenCong.Application.WorkQueue;

/// <summary>
/// The order of the work queues (the officers' and the director's): past their deadline first (the earliest deadline
/// first), then the others with a deadline (the nearest first), then those without one; within each, the longest
/// waiting first.
/// </summary>
public static class WaitingOrder
{
    /// <summary><paramref name="items"/> most urgent first at <paramref name="now"/>.</summary>
    public static IReadOnlyList<T> MostUrgentFirst<T>(IEnumerable<T> items, DateTimeOffset now, Func<T, DateTimeOffset?> dueAt, Func<T, DateTimeOffset> since)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(dueAt);
        ArgumentNullException.ThrowIfNull(since);
        return items.OrderBy(i => dueAt(i) is { } due && due < now ? 0 : 1).ThenBy(i => dueAt(i) ?? DateTimeOffset.MaxValue).ThenBy(since).ToList();
    }
}
