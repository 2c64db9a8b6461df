using System.Text.Json;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Testing.Replay;

namespace KhuyenCong.UnitTests.Workflow.Replay;

/// <summary>
/// What the workflow's activities answer in a script: the results the orchestration reads (settings, reviewers
/// picked, the council's verdict, the director's decision, the contract number, the reviews closed), and failures
/// on demand. Activity names are written out, not <c>nameof</c>: a recording must not follow a rename.
/// </summary>
public sealed class ScriptedSteps
{
    private readonly Dictionary<string, int> failures = [];

    /// <summary>The durations and reviewer count (the production defaults, with two reviewers).</summary>
    public object Settings { get; set; } = new
    {
        RevisionDeadline = TimeSpan.FromDays(15),
        RevisionReminderInterval = TimeSpan.FromDays(5),
        ReviewerCount = 2,
        ReviewDeadline = TimeSpan.FromDays(10),
        ReviewReminderInterval = TimeSpan.FromDays(3),
        ApprovalReminderInterval = TimeSpan.FromDays(3),
    };

    /// <summary>The reviewers the roster offers, in the order the assigner would choose them.</summary>
    public List<string> Roster { get; set; } = ["r1", "r2", "r3", "r4", "r5", "r6"];

    /// <summary>The reviewers whose open reviews the proposal's end closes.</summary>
    public List<string> OpenReviewers { get; set; } = [];

    public bool CouncilPasses { get; set; } = true;

    /// <summary>The director's decision stored for each approval round.</summary>
    public Dictionary<int, DirectorOutcome> Approvals { get; } = [];

    /// <summary>Makes the next <paramref name="times"/> attempts of an activity fail.</summary>
    public void Fail(string activity, int times) => failures[activity] = times;

    public ActivityReply Reply(string activity, string? input)
    {
        if (failures.TryGetValue(activity, out var left) && left > 0)
        {
            failures[activity] = left - 1;
            return ActivityReply.Fail("The mail service answered 503.");
        }

        return activity switch
        {
            "GetWorkflowSettings" => ActivityReply.Ok(Settings),
            "RunScreeningChecks" => ActivityReply.Ok(0),
            "AssignReviewers" => ActivityReply.Ok(Assign(input!)),
            "EvaluateCouncil" => ActivityReply.Ok(new
            {
                Passed = CouncilPasses,
                Recommendation = CouncilPasses ? "approve" : "reject",
                Average = CouncilPasses ? 80m : 45m,
                Summary = CouncilPasses ? "Hội đồng: 80/100 điểm, đạt / Council: 80/100, passed" : "Hội đồng: 45/100 điểm, không đạt / Council: 45/100, not passed",
            }),
            "ApplyApproval" => ActivityReply.Ok(Approval(input!)),
            "ApplyContract" => ActivityReply.Ok("15/2027/HĐ-KC"),
            "CloseOpenReviews" => ActivityReply.Ok(OpenReviewers),
            _ => ActivityReply.Ok(null),
        };
    }

    private object Assign(string input)
    {
        using var json = JsonDocument.Parse(input);
        var request = Argument(json);
        var count = request.GetProperty("Count").GetInt32();
        var exclude = request.GetProperty("Exclude").EnumerateArray().Select(e => e.GetString()).ToHashSet();
        var picked = count <= 0 ? [] : Roster.Where(r => !exclude.Contains(r)).Take(count).ToList();
        return new { ReviewerIds = picked, Missing = Math.Max(0, count - picked.Count) };
    }

    /// <summary>The activity's input: the engine passes it as the single element of an array (DurableTask.Core's parameters).</summary>
    private static JsonElement Argument(JsonDocument json) =>
        json.RootElement.ValueKind == JsonValueKind.Array ? json.RootElement[0] : json.RootElement;

    private ApprovalRecord Approval(string input)
    {
        using var json = JsonDocument.Parse(input);
        var round = Argument(json).GetProperty("Round").GetInt32();
        var outcome = Approvals[round];
        return outcome == DirectorOutcome.Approve
            ? new ApprovalRecord(round, outcome, 230_000_000, "125/QĐ-SCT", new DateOnly(2027, 2, 20), null, "Giám đốc", new DateTimeOffset(2027, 2, 20, 3, 0, 0, TimeSpan.Zero))
            : new ApprovalRecord(round, outcome, null, null, null, "Bổ sung báo giá thiết bị", "Giám đốc", new DateTimeOffset(2027, 2, 20, 3, 0, 0, TimeSpan.Zero));
    }
}
