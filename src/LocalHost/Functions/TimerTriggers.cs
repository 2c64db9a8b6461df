using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NCrontab;

namespace KhuyenCong.LocalHost.Functions;

/// <summary>A timer function with its schedule resolved and parsed.</summary>
public sealed record ScheduledFunction(FunctionInvoker Invoker, string Expression, CrontabSchedule Schedule)
{
    public string Name => Invoker.Descriptor.Name;

    /// <summary>
    /// Resolves a <c>%Setting%</c> schedule from configuration and parses the six-field NCRONTAB expression
    /// (seconds first), as the Functions host does; a bad schedule stops start-up with the function's name.
    /// </summary>
    public static ScheduledFunction Create(FunctionDescriptor function, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(configuration);
        var expression = function.Timer!.Schedule;
        if (expression.Length > 2 && expression.StartsWith('%') && expression.EndsWith('%'))
        {
            var setting = expression[1..^1];
            expression = configuration[setting] ?? configuration[setting.Replace("__", ":", StringComparison.Ordinal)]
                ?? throw new LocalHostException($"Timer function '{function.Name}' reads its schedule from setting '{setting}', which is not set.");
        }

        var schedule = CrontabSchedule.TryParse(expression, new CrontabSchedule.ParseOptions { IncludingSeconds = true })
            ?? throw new LocalHostException(
                $"Timer function '{function.Name}' has schedule '{expression}', which is not a six-field NCRONTAB expression " +
                "(second minute hour day month day-of-week, for example '0 0 1 * * *').");
        return new ScheduledFunction(new FunctionInvoker(function), expression, schedule);
    }

    public async Task RunAsync(IServiceProvider services, DateTime? last, DateTime now, bool pastDue, CancellationToken cancellationToken)
    {
        var info = new TimerInfo
        {
            IsPastDue = pastDue,
            ScheduleStatus = new ScheduleStatus { Last = last ?? DateTime.MinValue, Next = Schedule.GetNextOccurrence(now), LastUpdated = now },
        };
        await using var scope = services.CreateAsyncScope();
        await Invoker.InvokeAsync(new InvocationContext(scope.ServiceProvider, info, null, cancellationToken));
    }
}

/// <summary>Fires each timer function on its schedule (UTC), one invocation at a time per function.</summary>
public sealed partial class TimerTriggerService(
    IReadOnlyList<ScheduledFunction> timers,
    IServiceProvider services,
    TimeProvider time,
    ILogger<TimerTriggerService> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(timers.Select(t => RunScheduleAsync(t, stoppingToken)));

    private async Task RunScheduleAsync(ScheduledFunction timer, CancellationToken stoppingToken)
    {
        DateTime? last = null;
        if (timer.Invoker.Descriptor.Timer!.RunOnStartup)
        {
            await InvokeAsync(timer, last, pastDue: false, stoppingToken);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow().UtcDateTime;
            var next = timer.Schedule.GetNextOccurrence(now);
            LogNext(logger, timer.Name, next);
            try
            {
                await Task.Delay(next - now, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            var pastDue = time.GetUtcNow().UtcDateTime - next > TimeSpan.FromSeconds(30);
            await InvokeAsync(timer, last, pastDue, stoppingToken);
            last = next;
        }
    }

    private async Task InvokeAsync(ScheduledFunction timer, DateTime? last, bool pastDue, CancellationToken stoppingToken)
    {
        try
        {
            await timer.RunAsync(services, last, time.GetUtcNow().UtcDateTime, pastDue, stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(logger, ex, timer.Name);
        }
    }

    [LoggerMessage(EventId = 300, Level = LogLevel.Debug, Message = "Timer {Function} next runs at {Next:o}")]
    private static partial void LogNext(ILogger logger, string function, DateTime next);

    [LoggerMessage(EventId = 301, Level = LogLevel.Error, Message = "Timer function {Function} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string function);
}
