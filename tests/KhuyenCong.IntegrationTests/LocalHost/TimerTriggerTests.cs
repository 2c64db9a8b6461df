using KhuyenCong.LocalHost;
using KhuyenCong.LocalHost.Functions;
using KhuyenCong.LocalHost.Hosting;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCong.IntegrationTests.LocalHost;

/// <summary>A timer function of the test assembly, to exercise LocalHost's timer machinery.</summary>
public sealed class SampleTimerFunctions(TimerRecorder recorder)
{
    [Function("SampleDigest")]
    public Task Run([TimerTrigger("%Sample:Schedule%")] TimerInfo timer)
    {
        recorder.Runs.Add(timer);
        return Task.CompletedTask;
    }
}

public sealed class TimerRecorder
{
    public System.Collections.Concurrent.ConcurrentBag<TimerInfo> Runs { get; } = [];
}

public class TimerTriggerTests
{
    private static FunctionDescriptor Sample() =>
        FunctionCatalog.Discover(typeof(TimerTriggerTests).Assembly).Single(f => f.Name == "SampleDigest");

    private static IConfiguration Config(string? schedule) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Sample:Schedule"] = schedule }).Build();

    [Fact]
    public void Discover_TimerFunction_ReadsItsScheduleAttribute()
    {
        var function = Sample();

        Assert.Equal(TriggerKind.Timer, function.Kind);
        Assert.Equal("%Sample:Schedule%", function.Timer!.Schedule);
    }

    [Fact]
    public void Create_ScheduleFromSetting_ResolvesAndParsesSixFieldNcrontab()
    {
        var timer = ScheduledFunction.Create(Sample(), Config("0 0 1 * * *"));

        Assert.Equal("0 0 1 * * *", timer.Expression);
        Assert.Equal(new DateTime(2026, 11, 30, 1, 0, 0, DateTimeKind.Utc), timer.Schedule.GetNextOccurrence(new DateTime(2026, 11, 29, 15, 0, 0, DateTimeKind.Utc)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("0 1 * * *")]
    [InlineData("every morning")]
    public void Create_MissingOrInvalidSchedule_ThrowsNamingTheFunction(string? schedule)
    {
        var ex = Assert.Throws<LocalHostException>(() => ScheduledFunction.Create(Sample(), Config(schedule)));

        Assert.Contains("SampleDigest", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_Invoked_FillsTimerInfoAndUsesConstructorInjection()
    {
        var recorder = new TimerRecorder();
        using var services = new ServiceCollection().AddSingleton(recorder).BuildServiceProvider();
        var timer = ScheduledFunction.Create(Sample(), Config("0 */5 * * * *"));
        var now = new DateTime(2026, 11, 29, 15, 2, 0, DateTimeKind.Utc);

        await timer.RunAsync(services, new DateTime(2026, 11, 29, 15, 0, 0, DateTimeKind.Utc), now, pastDue: true, CancellationToken.None);

        var run = Assert.Single(recorder.Runs);
        Assert.True(run.IsPastDue);
        Assert.Equal(new DateTime(2026, 11, 29, 15, 5, 0, DateTimeKind.Utc), run.ScheduleStatus!.Next);
        Assert.Equal(new DateTime(2026, 11, 29, 15, 0, 0, DateTimeKind.Utc), run.ScheduleStatus.Last);
    }
}
