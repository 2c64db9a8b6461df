using DurableTask.AzureStorage;
using DurableTask.Core.History;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.Extensions.Logging.Abstractions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using P = Microsoft.DurableTask.Protobuf;

namespace KhuyenCong.Testing.Replay;

/// <summary>
/// An orchestration's history as the real engine kept it: read from the task hub in storage (the Azure Storage
/// provider, the one Durable Functions uses in Azure), cut into episodes at each <c>OrchestratorStarted</c>, with each
/// episode's actions taken from what the engine recorded after it (tasks and timers scheduled, the completion).
/// </summary>
public static class LiveHistory
{
    public static async Task<RecordedHistory> ReadAsync(string connectionString, string taskHub, string instanceId, string scenario)
    {
        var service = new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
        {
            StorageAccountClientProvider = new StorageAccountClientProvider(connectionString),
            TaskHubName = taskHub,
            LoggerFactory = NullLoggerFactory.Instance,
        });
        var state = (await service.GetOrchestrationStateAsync(instanceId, allExecutions: false)).Single();
        var json = await service.GetOrchestrationHistoryAsync(instanceId, state.OrchestrationInstance.ExecutionId);
        return Episodes(scenario, instanceId, Parse(json).Select(ProtobufUtils.ToHistoryEventProto));
    }

    /// <summary>The provider's JSON dump of the history (each event names its type), as DurableTask.Core's events.</summary>
    private static IEnumerable<HistoryEvent> Parse(string json)
    {
        var serializer = JsonSerializer.Create(new JsonSerializerSettings { TypeNameHandling = TypeNameHandling.Objects });
        foreach (var item in JArray.Parse(json).Cast<JObject>())
        {
            if (item.ContainsKey("$type"))
            {
                yield return item.ToObject<HistoryEvent>(serializer)!;
                continue;
            }

            var type = (EventType)item.Value<int>("EventType");
            yield return (HistoryEvent)item.ToObject(typeof(HistoryEvent).Assembly.GetType("DurableTask.Core.History." + type + "Event")!, serializer)!;
        }
    }

    private static RecordedHistory Episodes(string scenario, string instanceId, IEnumerable<P.HistoryEvent> events)
    {
        var episodes = new List<RecordedEpisode>();
        List<P.HistoryEvent>? incoming = null;
        List<P.OrchestratorAction>? actions = null;
        foreach (var e in events)
        {
            switch (e.EventTypeCase)
            {
                case P.HistoryEvent.EventTypeOneofCase.OrchestratorStarted:
                    (incoming, actions) = ([e], []);
                    break;
                case P.HistoryEvent.EventTypeOneofCase.OrchestratorCompleted:
                    episodes.Add(new RecordedEpisode(incoming!, actions!, null));
                    break;
                case P.HistoryEvent.EventTypeOneofCase.TaskScheduled:
                    actions!.Add(new P.OrchestratorAction { Id = e.EventId, ScheduleTask = new P.ScheduleTaskAction { Name = e.TaskScheduled.Name, Input = e.TaskScheduled.Input } });
                    break;
                case P.HistoryEvent.EventTypeOneofCase.TimerCreated:
                    actions!.Add(new P.OrchestratorAction { Id = e.EventId, CreateTimer = new P.CreateTimerAction { FireAt = e.TimerCreated.FireAt } });
                    break;
                case P.HistoryEvent.EventTypeOneofCase.ExecutionCompleted:
                    actions!.Add(new P.OrchestratorAction
                    {
                        Id = e.EventId,
                        CompleteOrchestration = new P.CompleteOrchestrationAction { OrchestrationStatus = e.ExecutionCompleted.OrchestrationStatus, Result = e.ExecutionCompleted.Result },
                    });
                    break;
                default:
                    incoming!.Add(e);
                    break;
            }
        }

        return new RecordedHistory(scenario, instanceId, episodes, Live: true);
    }
}
