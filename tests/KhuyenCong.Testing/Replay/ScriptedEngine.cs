using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Converters;
using Microsoft.DurableTask.Worker.Grpc;
using P = Microsoft.DurableTask.Protobuf;

namespace KhuyenCong.Testing.Replay;

/// <summary>The answer a scripted activity gives: its result (JSON) or a failure.</summary>
public sealed record ActivityReply(string? Result, string? Failure = null)
{
    public static ActivityReply Ok(object? result) => new(result is null ? null : JsonDataConverter.Default.Serialize(result));

    public static ActivityReply Fail(string message) => new(null, message);
}

/// <summary>
/// A durable engine in a test's hands: it runs an orchestrator episode by episode through
/// <see cref="GrpcOrchestrationRunner"/> (the code path the Functions host uses: DurableTask.Core's executor replays
/// the past events, then applies the new ones), appends to the history what the engine would (the scheduled
/// activities and timers, then the completion), and records every episode: the new events it was given and the
/// actions the orchestrator answered. The script decides what happens next (an activity's result, an event, a timer
/// firing), so every path, timers included, runs in milliseconds and the same way every time.
/// </summary>
public sealed class ScriptedEngine(ITaskOrchestrator orchestrator, string orchestrationName, string instanceId, DateTime start, string? version = null)
{
    private readonly List<P.HistoryEvent> history = [];
    private readonly List<P.OrchestratorAction> pendingActivities = [];
    private readonly SortedList<(DateTime FireAt, int Id), P.OrchestratorAction> pendingTimers = [];

    public DateTime Now { get; private set; } = start;

    public List<RecordedEpisode> Episodes { get; } = [];

    public bool Completed { get; private set; }

    public string? Output { get; private set; }

    /// <summary>The activity names scheduled so far, in order (for the scripts' own checks).</summary>
    public List<string> Scheduled { get; } = [];

    public void Start(object input) =>
        RunEpisode(new P.HistoryEvent
        {
            EventId = -1,
            Timestamp = Timestamp.FromDateTime(Now),
            ExecutionStarted = new P.ExecutionStartedEvent
            {
                Name = orchestrationName,
                // The orchestration version the instance was started with (none for instances started before versions).
                Version = version,
                Input = JsonDataConverter.Default.Serialize(input),
                OrchestrationInstance = new P.OrchestrationInstance { InstanceId = instanceId, ExecutionId = "execution-1" },
            },
        });

    /// <summary>Completes (or fails) every activity the orchestrator is waiting for, in one episode.</summary>
    public bool CompleteActivities(Func<string, string?, ActivityReply> reply)
    {
        if (pendingActivities.Count == 0)
        {
            return false;
        }

        Now = Now.AddSeconds(1);
        var events = new List<P.HistoryEvent>();
        foreach (var action in pendingActivities)
        {
            var answer = reply(action.ScheduleTask.Name, action.ScheduleTask.Input);
            events.Add(answer.Failure is { } failure
                ? new P.HistoryEvent
                {
                    EventId = -1,
                    Timestamp = Timestamp.FromDateTime(Now),
                    TaskFailed = new P.TaskFailedEvent
                    {
                        TaskScheduledId = action.Id,
                        FailureDetails = new P.TaskFailureDetails { ErrorType = "System.InvalidOperationException", ErrorMessage = failure },
                    },
                }
                : new P.HistoryEvent
                {
                    EventId = -1,
                    Timestamp = Timestamp.FromDateTime(Now),
                    TaskCompleted = new P.TaskCompletedEvent { TaskScheduledId = action.Id, Result = answer.Result },
                });
        }

        pendingActivities.Clear();
        RunEpisode([.. events]);
        return true;
    }

    /// <summary>Raises external events, all delivered in one episode (as the engine does when they arrive together).</summary>
    public void Raise(params (string Name, object Payload)[] raised)
    {
        Now = Now.AddSeconds(1);
        RunEpisode([.. raised.Select(r => new P.HistoryEvent
        {
            EventId = -1,
            Timestamp = Timestamp.FromDateTime(Now),
            EventRaised = new P.EventRaisedEvent { Name = r.Name, Input = JsonDataConverter.Default.Serialize(r.Payload) },
        })]);
    }

    /// <summary>The earliest timer still pending (cancelled ones too: the engine fires them and the orchestrator ignores them).</summary>
    public DateTime? NextTimer => pendingTimers.Count == 0 ? null : pendingTimers.Keys[0].FireAt;

    /// <summary>Fires the earliest pending timer, at its time.</summary>
    public void FireNextTimer()
    {
        var (key, action) = (pendingTimers.Keys[0], pendingTimers.Values[0]);
        pendingTimers.RemoveAt(0);
        Now = key.FireAt > Now ? key.FireAt : Now.AddSeconds(1);
        RunEpisode(new P.HistoryEvent
        {
            EventId = -1,
            Timestamp = Timestamp.FromDateTime(Now),
            TimerFired = new P.TimerFiredEvent { TimerId = action.Id, FireAt = action.CreateTimer.FireAt },
        });
    }

    /// <summary>Lets time pass without firing anything (an event comes later).</summary>
    public void Advance(TimeSpan span) => Now += span;

    private void RunEpisode(params P.HistoryEvent[] incoming)
    {
        if (Completed)
        {
            throw new InvalidOperationException("The orchestration has completed: nothing more happens to it.");
        }

        var newEvents = new List<P.HistoryEvent>
        {
            new() { EventId = -1, Timestamp = Timestamp.FromDateTime(Now), OrchestratorStarted = new P.OrchestratorStartedEvent() },
        };
        newEvents.AddRange(incoming);
        var response = Replay(orchestrator, instanceId, history, newEvents);
        Episodes.Add(new RecordedEpisode(newEvents, [.. response.Actions], response.CustomStatus));
        history.AddRange(newEvents);
        history.AddRange(EngineEvents(response.Actions, Now));
        foreach (var action in response.Actions)
        {
            Track(action);
        }
    }

    private void Track(P.OrchestratorAction action)
    {
        switch (action.OrchestratorActionTypeCase)
        {
            case P.OrchestratorAction.OrchestratorActionTypeOneofCase.ScheduleTask:
                pendingActivities.Add(action);
                Scheduled.Add(action.ScheduleTask.Name);
                break;
            case P.OrchestratorAction.OrchestratorActionTypeOneofCase.CreateTimer:
                pendingTimers.Add((action.CreateTimer.FireAt.ToDateTime(), action.Id), action);
                break;
            case P.OrchestratorAction.OrchestratorActionTypeOneofCase.CompleteOrchestration:
                Completed = true;
                Output = action.CompleteOrchestration.Result;
                if (action.CompleteOrchestration.OrchestrationStatus != P.OrchestrationStatus.Completed)
                {
                    throw new InvalidOperationException($"The orchestration failed: {action.CompleteOrchestration.FailureDetails}");
                }

                break;
            default:
                throw new InvalidOperationException($"Unexpected action {action.OrchestratorActionTypeCase}.");
        }
    }

    /// <summary>Runs one episode of <paramref name="orchestrator"/> on a history, as the Functions host does.</summary>
    public static P.OrchestratorResponse Replay(ITaskOrchestrator orchestrator, string instanceId, IEnumerable<P.HistoryEvent> past, IEnumerable<P.HistoryEvent> newEvents)
    {
        var request = new P.OrchestratorRequest { InstanceId = instanceId, ExecutionId = "execution-1" };
        request.PastEvents.AddRange(past);
        request.NewEvents.AddRange(newEvents);
        var answer = GrpcOrchestrationRunner.LoadAndRun(Convert.ToBase64String(request.ToByteArray()), orchestrator);
        return P.OrchestratorResponse.Parser.ParseFrom(Convert.FromBase64String(answer));
    }

    /// <summary>What the engine appends to the history after an episode's actions: each scheduled task and timer, the completion.</summary>
    public static IEnumerable<P.HistoryEvent> EngineEvents(IEnumerable<P.OrchestratorAction> actions, DateTime at)
    {
        var timestamp = Timestamp.FromDateTime(at);
        foreach (var action in actions)
        {
            switch (action.OrchestratorActionTypeCase)
            {
                case P.OrchestratorAction.OrchestratorActionTypeOneofCase.ScheduleTask:
                    yield return new P.HistoryEvent
                    {
                        EventId = action.Id,
                        Timestamp = timestamp,
                        TaskScheduled = new P.TaskScheduledEvent { Name = action.ScheduleTask.Name, Version = action.ScheduleTask.Version, Input = action.ScheduleTask.Input },
                    };
                    break;
                case P.OrchestratorAction.OrchestratorActionTypeOneofCase.CreateTimer:
                    yield return new P.HistoryEvent { EventId = action.Id, Timestamp = timestamp, TimerCreated = new P.TimerCreatedEvent { FireAt = action.CreateTimer.FireAt } };
                    break;
                case P.OrchestratorAction.OrchestratorActionTypeOneofCase.CompleteOrchestration:
                    yield return new P.HistoryEvent
                    {
                        EventId = action.Id,
                        Timestamp = timestamp,
                        ExecutionCompleted = new P.ExecutionCompletedEvent { OrchestrationStatus = action.CompleteOrchestration.OrchestrationStatus, Result = action.CompleteOrchestration.Result },
                    };
                    break;
            }
        }

        yield return new P.HistoryEvent { EventId = -1, Timestamp = timestamp, OrchestratorCompleted = new P.OrchestratorCompletedEvent() };
    }
}
