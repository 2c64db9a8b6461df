using System.Globalization;

namespace KhuyenCong.Benchmarks.Scenarios;

/// <summary><c>memory</c>: LocalHost's peak resident memory while one client uploads a 100 MB attachment, against its resident memory at rest just before.</summary>
internal sealed class MemoryScenario : IScenario
{
    public string Key => "memory";

    public string Note => "memory: floor = LocalHost's resident memory (VmRSS) at rest just before the upload; sampled every 25 ms during it.";

    public async Task<IReadOnlyList<BenchRow>> RunAsync(BenchContext bench)
    {
        await Task.Delay(2000);
        var pid = bench.LocalHost.Id;
        var idle = ResidentBytes(pid);
        long peak = idle;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, ResidentBytes(pid));
                await Task.Delay(25);
            }
        });
        var (status, _) = await bench.SubmitAsync(new GeneratedPdfContent(100L * 1024 * 1024), "big");
        await sampling.CancelAsync();
        await sampler;
        if (status != 201)
        {
            Console.Error.WriteLine($"The 100 MB upload answered {status}.");
        }

        return [new("peak working set, 100 MB upload", Measure.Mb(peak), Measure.Mb(idle) + " at rest", BenchContext.Invariant($"+{Measure.Mb(peak - idle)} ({(double)peak / idle:F2}×)"))];
    }

    private static long ResidentBytes(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
            }
        }

        return 0;
    }
}

/// <summary>A PDF-looking body of any size, generated as it is sent (the client holds no copy of it).</summary>
internal sealed class GeneratedPdfContent(long length) : HttpContent
{
    protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
    {
        var chunk = new byte[81920];
        Random.Shared.NextBytes(chunk);
        "%PDF-1.4\n"u8.CopyTo(chunk);
        long sent = 0;
        while (sent < length)
        {
            var n = (int)Math.Min(chunk.Length, length - sent);
            await stream.WriteAsync(chunk.AsMemory(0, n));
            sent += n;
            if (sent == n)
            {
                Random.Shared.NextBytes(chunk);
            }
        }
    }

    protected override bool TryComputeLength(out long length1)
    {
        length1 = length;
        return true;
    }
}
