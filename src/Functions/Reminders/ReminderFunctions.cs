using KhuyenCong.Application.Reminders;
using Microsoft.Azure.Functions.Worker;

namespace KhuyenCong.Functions.Reminders;

/// <summary>
/// The reminder timers (schedules from settings <c>Reminders:DigestSchedule</c> and <c>Reminders:OverdueReportSchedule</c>,
/// NCRONTAB in UTC). Thin: <see cref="ReminderService"/> does the work, idempotently, since timers can fire twice.
/// </summary>
public sealed class ReminderFunctions(ReminderService reminders)
{
    /// <summary>Daily: one email to each reviewer with open reviews (once per reviewer per Vietnam day).</summary>
    [Function(nameof(ReviewerDigest))]
    public Task ReviewerDigest([TimerTrigger("%Reminders:DigestSchedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        return reminders.SendDigestsAsync(cancellationToken);
    }

    /// <summary>Weekly: the overdue report to each officer (once per officer per ISO week).</summary>
    [Function(nameof(OverdueReport))]
    public Task OverdueReport([TimerTrigger("%Reminders:OverdueReportSchedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        return reminders.SendOverdueReportsAsync(cancellationToken);
    }
}
