namespace KhuyenCong.Application.Telemetry;

/// <summary>
/// The event ids of the app's logs (<c>[LoggerMessage(EventId = …)]</c>), by area: each area owns a block of ids, a
/// log message takes an unused id in the block of its namespace's area, and no id is used twice in the solution. A
/// unit test reflects over every <c>[LoggerMessage]</c> of the solution's assemblies and fails on a duplicate, on an
/// id outside its area's block, and on a namespace no area claims. A new area takes a free block here.
/// </summary>
public static class LogEventIds
{
    /// <summary>Every area, with its block and the namespaces it claims.</summary>
    public static IReadOnlyList<LogEventArea> Areas { get; } =
    [
        new("LocalHost: hosting, storage emulator, durable engine, timers", 1, 999, ["KhuyenCong.LocalHost"]),
        new("Proposals: submission, intake, staff actions on a proposal", 1000, 1199, ["Proposals", "Intake"]),
        new("Workflow: the orchestration and its steps", 2000, 2199, ["Workflow"]),
        new("Links: emailed link pages and their decisions", 2200, 2299, ["Links"]),
        new("Http: staff request checks", 2300, 2399, ["Http"]),
        new("Exchange: import and export", 2400, 2499, ["Exchange"]),
        new("Web: pages", 3000, 3099, ["Web", "KhuyenCong.Web"]),
        new("Email: sending", 3100, 3199, ["Email"]),
        new("Reminders: digests and overdue reports", 4000, 4099, ["Reminders"]),
        new("Appraisal: reviewers and rubrics", 4100, 4199, ["Appraisal"]),
        new("Programmes: programmes, annual plans, geography", 4200, 4299, ["Programmes", "Plans", "Geography"]),
        new("Calls and councils: calls for proposals, councils and their sessions", 4700, 4799, ["Calls", "Councils"]),
        new("Selection: ranking, the selection and its approval", 4600, 4699, ["Selection"]),
        new("Budgets: the ledger and its routes", 4300, 4399, ["Budgets"]),
        new("Statistics", 5000, 5199, ["Statistics"]),
        new("Migrations: reference data migrations and merges", 5200, 5299, ["Migrations"]),
        new("Documents: generated documents, signed scans, templates", 6000, 6099, ["Documents"]),
        new("Decisions: the staff decisions' shared log (Application/Common/DecisionLog)", 6100, 6199, ["Common"]),
    ];

    /// <summary>The area a namespace belongs to, or null when none claims it.</summary>
    public static LogEventArea? AreaOf(string? ns) =>
        ns is null ? null : Areas.FirstOrDefault(a => a.Claims(ns));
}

/// <summary>
/// An area of the logs and its block of event ids (<paramref name="First"/> to <paramref name="Last"/>). It claims a
/// namespace that starts with one of <paramref name="Namespaces"/> when that is a full name (with a dot), or whose
/// area segment (<c>KhuyenCong.&lt;Layer&gt;.&lt;Area&gt;</c>) is one of them.
/// </summary>
public sealed record LogEventArea(string Name, int First, int Last, IReadOnlyList<string> Namespaces)
{
    public bool Contains(int eventId) => eventId >= First && eventId <= Last;

    public bool Claims(string ns)
    {
        ArgumentNullException.ThrowIfNull(ns);
        var segments = ns.Split('.');
        return Namespaces.Any(n => n.Contains('.', StringComparison.Ordinal)
            ? ns == n || ns.StartsWith(n + ".", StringComparison.Ordinal)
            : segments.Length > 2 && segments[2] == n);
    }
}
