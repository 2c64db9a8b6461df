namespace KhuyenCong.Application;

/// <summary>Retries a clean-up step while it fails transiently (storage briefly unreachable), within a time budget.</summary>
public static class BestEffort
{
    /// <returns>True when the step succeeded, false when the budget ran out or the failure was not transient.</returns>
    public static async Task<bool> RetryAsync(Func<Task> step, TimeSpan budget, Func<Exception, bool> isTransient)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(isTransient);
        var deadline = DateTime.UtcNow + budget;
        var delay = TimeSpan.FromMilliseconds(250);
        while (true)
        {
            try
            {
                await step();
                return true;
            }
            catch (Exception ex) when (isTransient(ex) && DateTime.UtcNow + delay < deadline)
            {
                await Task.Delay(delay);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(2).Ticks));
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                return false;
            }
        }
    }
}
