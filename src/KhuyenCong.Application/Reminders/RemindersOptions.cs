using System.ComponentModel.DataAnnotations;
using KhuyenCong.Application.Options;
using Microsoft.Extensions.Options;
using NCrontab;

namespace KhuyenCong.Application.Reminders;

/// <summary>
/// Settings of section <c>Reminders</c>: when the reviewers' daily digest and the officers' weekly overdue report run
/// (six-field NCRONTAB, seconds first, in UTC as the Functions host reads timer schedules), and how long a proposal may
/// wait in a stage before the report lists it.
/// </summary>
public sealed class RemindersOptions
{
    public const string SectionName = "Reminders";

    /// <summary>The daily digest to reviewers; default "0 0 1 * * *" (01:00 UTC = 08:00 in Vietnam).</summary>
    [Required(ErrorMessage = "Setting 'Reminders:DigestSchedule' is required.")]
    public string DigestSchedule { get; set; } = "0 0 1 * * *";

    /// <summary>The weekly overdue report to officers; default "0 0 1 * * 1" (Mondays, 08:00 in Vietnam).</summary>
    [Required(ErrorMessage = "Setting 'Reminders:OverdueReportSchedule' is required.")]
    public string OverdueReportSchedule { get; set; } = "0 0 1 * * 1";

    /// <summary>A proposal in screening longer than this is listed in the overdue report (default 5 days).</summary>
    [TimeSpanRange("00:00:01", "365.00:00:00", ErrorMessage = "Setting 'Reminders:ScreeningWaitLimit' must be between 1 second and 365 days.")]
    public TimeSpan ScreeningWaitLimit { get; set; } = TimeSpan.FromDays(5);

    /// <summary>A proposal awaiting the director's approval longer than this is listed (default 7 days).</summary>
    [TimeSpanRange("00:00:01", "365.00:00:00", ErrorMessage = "Setting 'Reminders:ApprovalWaitLimit' must be between 1 second and 365 days.")]
    public TimeSpan ApprovalWaitLimit { get; set; } = TimeSpan.FromDays(7);

    /// <summary>A proposal in review (awaiting its reviewers and the council's session) longer than this is listed (default 30 days).</summary>
    [TimeSpanRange("00:00:01", "365.00:00:00", ErrorMessage = "Setting 'Reminders:CouncilWaitLimit' must be between 1 second and 365 days.")]
    public TimeSpan CouncilWaitLimit { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// A proposal awaiting its plan (appraised, in the plan submitted to the People's Committee, or sent to the Ministry)
    /// longer than this is listed (default 60 days).
    /// </summary>
    [TimeSpanRange("00:00:01", "365.00:00:00", ErrorMessage = "Setting 'Reminders:PlanWaitLimit' must be between 1 second and 365 days.")]
    public TimeSpan PlanWaitLimit { get; set; } = TimeSpan.FromDays(60);

    /// <summary>True when <paramref name="expression"/> is a six-field NCRONTAB expression (seconds first).</summary>
    public static bool IsSchedule(string? expression) =>
        !string.IsNullOrWhiteSpace(expression)
        && CrontabSchedule.TryParse(expression, new CrontabSchedule.ParseOptions { IncludingSeconds = true }) is not null;
}

/// <summary>Checks both schedules parse as six-field NCRONTAB, naming the setting.</summary>
internal sealed class RemindersOptionsValidation : IValidateOptions<RemindersOptions>
{
    public ValidateOptionsResult Validate(string? name, RemindersOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.DigestSchedule) && !RemindersOptions.IsSchedule(options.DigestSchedule))
        {
            failures.Add($"Setting 'Reminders:DigestSchedule' ('{options.DigestSchedule}') must be a six-field NCRONTAB expression (second minute hour day month day-of-week), for example '0 0 1 * * *'.");
        }

        if (!string.IsNullOrWhiteSpace(options.OverdueReportSchedule) && !RemindersOptions.IsSchedule(options.OverdueReportSchedule))
        {
            failures.Add($"Setting 'Reminders:OverdueReportSchedule' ('{options.OverdueReportSchedule}') must be a six-field NCRONTAB expression (second minute hour day month day-of-week), for example '0 0 1 * * 1'.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
