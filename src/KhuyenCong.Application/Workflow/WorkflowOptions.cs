using System.ComponentModel.DataAnnotations;
using KhuyenCong.Application.Options;

namespace KhuyenCong.Application.Workflow;

/// <summary>
/// Settings of section <c>Workflow</c>: every duration of the proposal workflow and who is told what. Durations are
/// settings so the whole lifecycle can run in seconds in tests (<c>Workflow__ReviewDeadline=00:00:20</c>).
/// </summary>
public sealed class WorkflowOptions
{
    public const string SectionName = "Workflow";

    /// <summary>How long the applicant has to answer a request for documents (default 15 days); then the proposal is withdrawn.</summary>
    [TimeSpanRange("00:00:01", "365.00:00:00", ErrorMessage = "Setting 'Workflow:RevisionDeadline' must be between 1 second and 365 days.")]
    public TimeSpan RevisionDeadline { get; set; } = TimeSpan.FromDays(15);

    /// <summary>Reminders to the applicant while documents are awaited (default every 5 days).</summary>
    [TimeSpanRange("00:00:01", "365.00:00:00", ErrorMessage = "Setting 'Workflow:RevisionReminderInterval' must be between 1 second and 365 days.")]
    public TimeSpan RevisionReminderInterval { get; set; } = TimeSpan.FromDays(5);

    /// <summary>Reviewers per proposal (default 3).</summary>
    [Range(1, 15, ErrorMessage = "Setting 'Workflow:ReviewerCount' must be between 1 and 15.")]
    public int ReviewerCount { get; set; } = 3;

    /// <summary>How long a reviewer has (default 10 days); at the deadline the officers get an escalation email.</summary>
    [TimeSpanRange("00:00:01", "365.00:00:00", ErrorMessage = "Setting 'Workflow:ReviewDeadline' must be between 1 second and 365 days.")]
    public TimeSpan ReviewDeadline { get; set; } = TimeSpan.FromDays(10);

    /// <summary>Reminders to a reviewer who has not answered (default every 3 days).</summary>
    [TimeSpanRange("00:00:01", "365.00:00:00", ErrorMessage = "Setting 'Workflow:ReviewReminderInterval' must be between 1 second and 365 days.")]
    public TimeSpan ReviewReminderInterval { get; set; } = TimeSpan.FromDays(3);

    /// <summary>Reminders to the director while a decision is awaited (default every 3 days).</summary>
    [TimeSpanRange("00:00:01", "365.00:00:00", ErrorMessage = "Setting 'Workflow:ApprovalReminderInterval' must be between 1 second and 365 days.")]
    public TimeSpan ApprovalReminderInterval { get; set; } = TimeSpan.FromDays(3);

    /// <summary>
    /// How long a withdrawal or a cancellation waits for a workflow that has not started yet before telling it (default 30
    /// seconds; <see cref="WorkflowStarts"/>). 0 tells it at once.
    /// </summary>
    [TimeSpanRange("00:00:00", "00:05:00", ErrorMessage = "Setting 'Workflow:StartWait' must be between 0 and 5 minutes.")]
    public TimeSpan StartWait { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The officers' addresses (comma or semicolon separated): new proposals to screen, escalations, the weekly overdue report.</summary>
    [Required(ErrorMessage = "Setting 'Workflow:OfficerEmails' is required.")]
    public string OfficerEmails { get; set; } = string.Empty;

    /// <summary>The director's address: approval requests.</summary>
    [Required(ErrorMessage = "Setting 'Workflow:DirectorEmail' is required.")]
    [EmailAddress(ErrorMessage = "Setting 'Workflow:DirectorEmail' must be an email address.")]
    public string DirectorEmail { get; set; } = string.Empty;

    /// <summary>
    /// The version of the proposal workflow new proposals start on: <c>2</c> (default), the yearly cycle (the council's
    /// session, the plan, the approver's or the Ministry's decision: ADR 0020); or <c>1</c>, the director's approval
    /// of each proposal, which instances started before the cycle still run. <c>1</c> exists for the test suites of
    /// that path on LocalHost (in Azure, host.json's <c>defaultVersion</c> may stamp 2 on an instance started without
    /// a version). Instances already started keep the version they started with.
    /// </summary>
    [RegularExpression("^[12]$", ErrorMessage = "Setting 'Workflow:StartVersion' must be 1 or 2.")]
    public string StartVersion { get; set; } = "2";

    public IReadOnlyList<string> Officers => OfficerEmails
        .Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
