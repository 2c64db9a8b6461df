using System.Text.Json;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Entities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KhuyenCong.LocalHost.Functions;

/// <summary>Runs an <c>[OrchestrationTrigger]</c> function in the Microsoft.DurableTask worker.</summary>
internal sealed class FunctionOrchestrator(FunctionInvoker invoker, Func<IServiceProvider> services) : ITaskOrchestrator
{
    // The raw input is kept as JSON, and the function asks for its own type with context.GetInput<T>(),
    // as under the Functions host.
    public Type InputType => typeof(JsonElement?);

    public Type OutputType => typeof(object);

    public async Task<object?> RunAsync(TaskOrchestrationContext context, object? input)
    {
        var functionContext = new FunctionOrchestrationContext(context, input as JsonElement?);
        return await invoker.InvokeAsync(new InvocationContext(services(), functionContext, null, CancellationToken.None));
    }
}

/// <summary>Runs an <c>[ActivityTrigger]</c> function; its input is deserialized to the trigger parameter's type.</summary>
internal sealed class FunctionActivity(FunctionInvoker invoker, IServiceProvider services) : ITaskActivity
{
    public Type InputType => invoker.Descriptor.TriggerParameter.ParameterType;

    public Type OutputType => typeof(object);

    public async Task<object?> RunAsync(TaskActivityContext context, object? input)
    {
        await using var scope = services.CreateAsyncScope();
        return await invoker.InvokeAsync(new InvocationContext(scope.ServiceProvider, input, null, CancellationToken.None));
    }
}

/// <summary>
/// The orchestration context handed to the function: the worker's own context, except that <see cref="GetInput{T}"/>
/// deserializes the input to whatever type the function asks for.
/// </summary>
internal sealed class FunctionOrchestrationContext(TaskOrchestrationContext inner, JsonElement? input) : TaskOrchestrationContext
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public override TaskName Name => inner.Name;

    public override string InstanceId => inner.InstanceId;

    public override ParentOrchestrationInstance? Parent => inner.Parent;

    public override DateTime CurrentUtcDateTime => inner.CurrentUtcDateTime;

    public override bool IsReplaying => inner.IsReplaying;

    public override string Version => inner.Version;

    public override IReadOnlyDictionary<string, object?> Properties => inner.Properties;

    public override TaskOrchestrationEntityFeature Entities => inner.Entities;

    protected override ILoggerFactory LoggerFactory => inner.ReplaySafeLoggerFactory;

    public override ILoggerFactory ReplaySafeLoggerFactory => inner.ReplaySafeLoggerFactory;

    public override T? GetInput<T>()
        where T : default =>
        input is { ValueKind: not JsonValueKind.Null and not JsonValueKind.Undefined } element
            ? element.Deserialize<T>(Json)
            : default;

    public override Task<TResult> CallActivityAsync<TResult>(TaskName name, object? input = null, TaskOptions? options = null) =>
        inner.CallActivityAsync<TResult>(name, input, options);

    public override Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken) =>
        inner.CreateTimer(fireAt, cancellationToken);

    public override Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default) =>
        inner.WaitForExternalEvent<T>(eventName, cancellationToken);

    public override void SendEvent(string instanceId, string eventName, object payload) =>
        inner.SendEvent(instanceId, eventName, payload);

    public override void SetCustomStatus(object? customStatus) => inner.SetCustomStatus(customStatus);

    public override Task<TResult> CallSubOrchestratorAsync<TResult>(TaskName orchestratorName, object? input = null, TaskOptions? options = null) =>
        inner.CallSubOrchestratorAsync<TResult>(orchestratorName, input, options);

    public override void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true) =>
        inner.ContinueAsNew(newInput, preserveUnprocessedEvents);

    public override Guid NewGuid() => inner.NewGuid();
}
