using System.Text;
using System.Text.Json;
using Google.Protobuf;
using Microsoft.DurableTask;
using P = Microsoft.DurableTask.Protobuf;

namespace KhuyenCong.Testing.Replay;

/// <summary>One episode of an orchestration: the events it was given, the actions it answered, its custom status.</summary>
public sealed record RecordedEpisode(IReadOnlyList<P.HistoryEvent> NewEvents, IReadOnlyList<P.OrchestratorAction> Actions, string? CustomStatus);

/// <summary>
/// A whole orchestration as recorded, episode by episode, in a file of its own (one protobuf JSON object per line, so
/// a change reads as a diff). The history before episode <c>k</c> is every earlier episode's events followed by what
/// the engine appended for its actions (<see cref="ScriptedEngine.EngineEvents"/>).
/// A live history (<see cref="LiveHistory"/>, <paramref name="Live"/>) has no custom statuses, and its actions are what
/// the engine kept of them: activity name and input, timer time, completion.
/// </summary>
public sealed record RecordedHistory(string Scenario, string InstanceId, IReadOnlyList<RecordedEpisode> Episodes, bool Live = false)
{
    private static readonly JsonFormatter Formatter = JsonFormatter.Default;

    /// <summary>The history an episode is replayed on: everything before it.</summary>
    public IEnumerable<P.HistoryEvent> PastOf(int episode)
    {
        for (var i = 0; i < episode; i++)
        {
            foreach (var e in Episodes[i].NewEvents)
            {
                yield return e;
            }

            var at = Episodes[i].NewEvents[0].Timestamp.ToDateTime();
            foreach (var e in ScriptedEngine.EngineEvents(Episodes[i].Actions, at))
            {
                yield return e;
            }
        }
    }

    /// <summary>
    /// Replays each episode on <paramref name="orchestrator"/> with everything before it as the past, and returns
    /// where its actions (or custom status) differ from the recorded ones: nothing, when the code keeps the history.
    /// </summary>
    public IEnumerable<string> Divergences(ITaskOrchestrator orchestrator)
    {
        for (var i = 0; i < Episodes.Count; i++)
        {
            var episode = Episodes[i];
            var answer = ScriptedEngine.Replay(orchestrator, InstanceId, PastOf(i), episode.NewEvents);
            var (recorded, replayed) = (Format(episode.Actions), Format(answer.Actions));
            if (recorded != replayed)
            {
                yield return $"{Scenario}, episode {i}: recorded\n{recorded}\nreplayed\n{replayed}";
            }

            if (!Live && episode.CustomStatus != answer.CustomStatus)
            {
                yield return $"{Scenario}, episode {i}: custom status {answer.CustomStatus}, recorded {episode.CustomStatus}";
            }
        }
    }

    public string ToText()
    {
        var text = new StringBuilder();
        text.Append("{\"scenario\":").Append(JsonSerializer.Serialize(Scenario)).Append(",\"instanceId\":").Append(JsonSerializer.Serialize(InstanceId))
            .Append(",\"live\":").Append(Live ? "true" : "false").Append(",\"episodes\":[\n");
        for (var i = 0; i < Episodes.Count; i++)
        {
            var episode = Episodes[i];
            text.Append("{\"customStatus\":").Append(JsonSerializer.Serialize(episode.CustomStatus)).Append(",\n \"newEvents\":[\n");
            text.AppendJoin(",\n", episode.NewEvents.Select(e => "  " + Formatter.Format(e)));
            text.Append("],\n \"actions\":[");
            if (episode.Actions.Count > 0)
            {
                text.Append('\n').AppendJoin(",\n", episode.Actions.Select(a => "  " + Formatter.Format(a)));
            }

            text.Append("]}").Append(i < Episodes.Count - 1 ? ",\n" : "\n");
        }

        return text.Append("]}\n").ToString();
    }

    public static RecordedHistory Parse(string text)
    {
        using var document = JsonDocument.Parse(text);
        var root = document.RootElement;
        var episodes = root.GetProperty("episodes").EnumerateArray().Select(e => new RecordedEpisode(
            [.. e.GetProperty("newEvents").EnumerateArray().Select(h => JsonParser.Default.Parse<P.HistoryEvent>(h.GetRawText()))],
            [.. e.GetProperty("actions").EnumerateArray().Select(a => JsonParser.Default.Parse<P.OrchestratorAction>(a.GetRawText()))],
            e.GetProperty("customStatus").GetString())).ToList();
        return new RecordedHistory(root.GetProperty("scenario").GetString()!, root.GetProperty("instanceId").GetString()!, episodes,
            root.TryGetProperty("live", out var live) && live.GetBoolean());
    }

    private string Format(IEnumerable<P.OrchestratorAction> actions) =>
        string.Join("\n", actions.Select(a => Formatter.Format(Live ? Kept(a) : a)));

    /// <summary>What the engine's history keeps of an action (a live history's actions are rebuilt from it).</summary>
    private static P.OrchestratorAction Kept(P.OrchestratorAction action) => action.OrchestratorActionTypeCase switch
    {
        P.OrchestratorAction.OrchestratorActionTypeOneofCase.ScheduleTask =>
            new() { Id = action.Id, ScheduleTask = new P.ScheduleTaskAction { Name = action.ScheduleTask.Name, Input = action.ScheduleTask.Input } },
        P.OrchestratorAction.OrchestratorActionTypeOneofCase.CreateTimer =>
            new() { Id = action.Id, CreateTimer = new P.CreateTimerAction { FireAt = action.CreateTimer.FireAt } },
        P.OrchestratorAction.OrchestratorActionTypeOneofCase.CompleteOrchestration => new()
        {
            Id = action.Id,
            CompleteOrchestration = new P.CompleteOrchestrationAction { OrchestrationStatus = action.CompleteOrchestration.OrchestrationStatus, Result = action.CompleteOrchestration.Result },
        },
        _ => action,
    };
}
