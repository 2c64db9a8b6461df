using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text.Json;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Functions.Workflow;
using KhuyenCong.Testing.Replay;
using KhuyenCong.UnitTests.Workflow.Replay;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;

namespace KhuyenCong.UnitTests.Workflow.InMemory;

/// <summary>One activity the orchestration asked for: its name and input (JSON), in the order asked.</summary>
public sealed record StepCall(string Name, string? Input)
{
    public int Round => Argument("Round")?.GetInt32() ?? 0;

    public int Number => Argument("Number")?.GetInt32() ?? 0;

    /// <summary>For <c>SendWorkflowEmail</c>: the email's kind (its position in <see cref="WorkflowEmailKind"/>).</summary>
    public WorkflowEmailKind? Kind => Argument("Kind") is { } kind ? (WorkflowEmailKind)kind.GetInt32() : null;

    public string? To => Argument("To")?.GetString();

    /// <summary>For <c>RecordStatusChange</c>: the history row's comment.</summary>
    public string? Comment => Argument("Comment")?.GetString();

    private JsonElement? Argument(string name)
    {
        if (Input is null)
        {
            return null;
        }

        var root = JsonDocument.Parse(Input).RootElement;
        root = root.ValueKind == JsonValueKind.Array ? root[0] : root;
        return root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) ? value.Clone() : null;
    }
}

/// <summary>
/// The proposal workflow on the in-memory durable engine (<see cref="DurableTaskTestHost"/>): the real orchestrator with
/// real timers, and in place of each activity (every name <see cref="ProposalActivities"/> declares) a stand-in that
/// records what was asked and answers as <see cref="ScriptedSteps"/> does. What the steps do to storage and mail is
/// tested on Azurite by the stage tests; these tests are about when the orchestration acts.
/// </summary>
public sealed class InMemoryWorkflow : IAsyncDisposable
{
    private readonly List<StepCall> calls = [];
    private readonly DurableTaskTestHost host;

    private InMemoryWorkflow(DurableTaskTestHost host, ScriptedSteps steps)
    {
        this.host = host;
        Steps = steps;
    }

    public ScriptedSteps Steps { get; }

    public DurableTaskClient Client => host.Client;

    /// <summary>Every activity name the Functions app declares for the workflow.</summary>
    public static IReadOnlyList<string> ActivityNames { get; } = [.. typeof(ProposalActivities).GetMethods()
        .Select(m => m.GetCustomAttribute<FunctionAttribute>()?.Name).OfType<string>()];

    public static async Task<InMemoryWorkflow> StartAsync(object settings)
    {
        var steps = new ScriptedSteps { Settings = settings };
        InMemoryWorkflow? workflow = null;
        var host = await DurableTaskTestHost.StartAsync(
            tasks =>
            {
                tasks.AddOrchestrator(nameof(ProposalWorkflow), () => new ProposalWorkflowOrchestrator());
                foreach (var name in ActivityNames)
                {
                    tasks.AddActivity(name, new RecordingActivity(name, call => workflow!.Record(call)));
                }
            },
            new DurableTaskTestHostOptions { Port = FreePort() });
        workflow = new InMemoryWorkflow(host, steps);
        return workflow;
    }

    /// <summary>Starts a workflow as the starter does; without <paramref name="version"/>, as instances started before versions existed (version 1).</summary>
    public async Task<string> SubmitAsync(string? version = null)
    {
        var id = "p-" + Guid.NewGuid().ToString("N")[..12];
        await Client.ScheduleNewOrchestrationInstanceAsync(nameof(ProposalWorkflow), new ProposalWorkflowInput(id), new StartOrchestrationOptions(id) { Version = version });
        return id;
    }

    /// <summary>A snapshot of the activities asked so far.</summary>
    public IReadOnlyList<StepCall> Calls
    {
        get
        {
            lock (calls)
            {
                return [.. calls];
            }
        }
    }

    /// <summary>The emails of the workflow's steps asked so far, of one kind.</summary>
    public IReadOnlyList<StepCall> Emails(WorkflowEmailKind kind) =>
        [.. Calls.Where(c => c.Name == nameof(ProposalActivities.SendWorkflowEmail) && c.Kind == kind)];

    /// <summary>The statuses recorded so far, in order.</summary>
    public IReadOnlyList<string> Statuses => [.. Calls.Where(c => c.Name == nameof(ProposalActivities.RecordStatusChange)).Select(c => c.To!)];

    /// <summary>Waits for the custom status to show a proposal status (the orchestration publishes it after recording it).</summary>
    public Task WaitForStatusAsync(string id, string status) =>
        Testing.Eventually.GetAsync(() => Client.GetInstanceAsync(id, getInputsAndOutputs: true), i => i?.SerializedCustomStatus?.Contains($"\"Status\":\"{status}\"", StringComparison.Ordinal) == true,
            TimeSpan.FromSeconds(60), "status " + status);

    /// <summary>Waits until the activities asked satisfy <paramref name="done"/>.</summary>
    public Task WaitForAsync(Func<InMemoryWorkflow, bool> done, string what) =>
        Testing.Eventually.GetAsync(() => Task.FromResult<bool?>(done(this)), d => d == true, TimeSpan.FromSeconds(60), what);

    public async Task<string?> CompletionAsync(string id)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var instance = await Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, instance.RuntimeStatus);
        return instance.ReadOutputAs<string>();
    }

    public ValueTask DisposeAsync() => host.DisposeAsync();

    private ActivityReply Record(StepCall call)
    {
        lock (calls)
        {
            calls.Add(call);
            return Steps.Reply(call.Name, call.Input);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>An activity stand-in: records the call and answers it (a failure is thrown, as a failing activity does).</summary>
    private sealed class RecordingActivity(string name, Func<StepCall, ActivityReply> record) : ITaskActivity
    {
        public Type InputType => typeof(JsonElement?);

        public Type OutputType => typeof(JsonElement?);

        public Task<object?> RunAsync(TaskActivityContext context, object? input)
        {
            var reply = record(new StepCall(name, input is JsonElement json ? json.GetRawText() : null));
            if (reply.Failure is { } failure)
            {
                throw new InvalidOperationException(failure);
            }

            return Task.FromResult<object?>(reply.Result is null ? null : JsonDocument.Parse(reply.Result).RootElement.Clone());
        }
    }
}
