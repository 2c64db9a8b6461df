using KhuyenCong.Testing.Replay;

namespace KhuyenCong.UnitTests.Workflow.Replay;

/// <summary>A proposal workflow driven by a script on a <see cref="ScriptedEngine"/>; after each step its activities run to rest.</summary>
public sealed class WorkflowRun
{
    /// <summary>Monday 2 March 2026, 09:00 in Vietnam.</summary>
    private static readonly DateTime Start = new(2026, 3, 2, 2, 0, 0, DateTimeKind.Utc);

    private readonly ScriptedEngine engine;
    private readonly string scenario;

    /// <param name="version">The orchestration version it starts with: none (version 1) unless given.</param>
    public WorkflowRun(string scenario, string? version = null)
    {
        this.scenario = scenario;
        engine = new ScriptedEngine(new ProposalWorkflowOrchestrator(), "ProposalWorkflow", "p-" + scenario, Start, version);
    }

    public ScriptedSteps Steps { get; } = new();

    public bool Completed => engine.Completed;

    public string? Output => engine.Output;

    public DateTime Now => engine.Now;

    public IReadOnlyList<string> Scheduled => engine.Scheduled;

    public RecordedHistory Recording => new(scenario, "p-" + scenario, engine.Episodes);

    public WorkflowRun Begin()
    {
        engine.Start(new { ProposalId = "p-" + scenario });
        return Settle();
    }

    /// <summary>Raises an event; with <paramref name="settle"/> false the activity it causes stays pending, so the next event arrives while it runs.</summary>
    public WorkflowRun Raise(string name, object payload, bool settle = true)
    {
        engine.Raise((name, payload));
        return settle ? Settle() : this;
    }

    /// <summary>Raises events that arrive together, in one episode.</summary>
    public WorkflowRun RaiseTogether(params (string Name, object Payload)[] events)
    {
        engine.Raise(events);
        return Settle();
    }

    /// <summary>Fires the next timer (and lets what it causes run).</summary>
    public WorkflowRun FireNextTimer()
    {
        engine.FireNextTimer();
        return Settle();
    }

    /// <summary>Fires timers in order while they are due by <paramref name="until"/>.</summary>
    public WorkflowRun FireTimersUntil(DateTime until)
    {
        while (!engine.Completed && engine.NextTimer is { } next && next <= until)
        {
            FireNextTimer();
        }

        return this;
    }

    /// <summary>Fires timers in order until the orchestration completes (at most <paramref name="max"/>).</summary>
    public WorkflowRun FireTimersUntilDone(int max = 50)
    {
        for (var i = 0; i < max && !engine.Completed && engine.NextTimer is not null; i++)
        {
            FireNextTimer();
        }

        return this;
    }

    public WorkflowRun Advance(TimeSpan span)
    {
        engine.Advance(span);
        return this;
    }

    public WorkflowRun Settle()
    {
        while (!engine.Completed && engine.CompleteActivities(Steps.Reply))
        {
        }

        return this;
    }
}
