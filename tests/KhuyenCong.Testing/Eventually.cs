namespace KhuyenCong.Testing;

/// <summary>Polls until a condition holds or a generous deadline passes (for asynchronous workflows).</summary>
public static class Eventually
{
    public static async Task<T> GetAsync<T>(Func<Task<T?>> probe, Func<T?, bool> done, TimeSpan? timeout = null, string? what = null)
    {
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(done);
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        T? last = default;
        while (DateTime.UtcNow < deadline)
        {
            last = await probe();
            if (done(last))
            {
                return last!;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"Timed out waiting for {what ?? "a condition"}; last value: {last}");
    }
}
