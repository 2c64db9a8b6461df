using KhuyenCong.Testing.Replay;
using KhuyenCong.UnitTests.Deployment;

namespace KhuyenCong.UnitTests.Workflow.Replay;

/// <summary>
/// Instances already running must replay on new code: for the same history, the orchestration must schedule the same
/// durable actions (activity names and inputs, timers and their times, the completion) in the same order, and publish
/// the same custom status. The histories in <c>Histories/</c> were recorded by <see cref="WorkflowScripts"/> on the
/// workflow as it was before its refactoring (commit "Record the proposal workflow's histories"); each episode is
/// replayed here on the current code, with everything before it as the past, and must answer what it answered then.
/// Set <c>KHUYENCONG_RECORD_HISTORIES=1</c> to record them again (only when the workflow's shape is meant to change,
/// and then under a new orchestration version: see docs/durable-workflow.md).
/// </summary>
public sealed class ReplayTests
{
    private static string HistoriesFolder => BuildPaths.InRepo("tests", "KhuyenCong.UnitTests", "Workflow", "Replay", "Histories");

    private static bool Recording => Environment.GetEnvironmentVariable("KHUYENCONG_RECORD_HISTORIES") == "1";

    public static TheoryData<string> Scenarios => [.. WorkflowScripts.All.Keys];

    public static TheoryData<string> LiveScenarios => [.. Directory.GetFiles(HistoriesFolder, "live-*.json").Select(f => Path.GetFileName(f)).Order()];

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void RecordedHistory_EachEpisodeReplayedOnTheCurrentCode_SchedulesTheRecordedActions(string scenario)
    {
        var recorded = RecordedHistory.Parse(File.ReadAllText(PathOf(scenario)));
        Assert.True(recorded.Episodes.Count > 5, $"{scenario}: too few episodes recorded");
        Assert.Empty(recorded.Divergences(new ProposalWorkflowOrchestrator()));
    }

    /// <summary>Histories the real engine kept on Azurite (LocalHost's), recorded by the stage tests on the workflow before its refactoring.</summary>
    [Theory]
    [MemberData(nameof(LiveScenarios))]
    public void LiveHistory_EachEpisodeReplayedOnTheCurrentCode_SchedulesWhatTheEngineRecorded(string file)
    {
        var recorded = RecordedHistory.Parse(File.ReadAllText(Path.Combine(HistoriesFolder, file)));
        Assert.True(recorded.Live && recorded.Episodes.Count > 5, $"{file}: not a live history, or too few episodes");
        Assert.Empty(recorded.Divergences(new ProposalWorkflowOrchestrator()));
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Script_RunOnTheCurrentCode_RecordsTheCommittedHistory(string scenario)
    {
        var (script, ends) = WorkflowScripts.All[scenario];
        var run = script();
        Assert.True(run.Completed, $"{scenario}: the orchestration did not complete");
        Assert.Equal("\"" + ends + "\"", run.Output);
        var text = run.Recording.ToText();
        if (Recording)
        {
            Directory.CreateDirectory(HistoriesFolder);
            File.WriteAllText(PathOf(scenario), text);
        }

        Assert.Equal(File.ReadAllText(PathOf(scenario)), text);
    }

    private static string PathOf(string scenario) => Path.Combine(HistoriesFolder, scenario + ".json");
}
