using KhuyenCong.LocalHost.Hosting;
using KhuyenCong.Testing.Replay;

namespace KhuyenCong.IntegrationTests.Workflow;

/// <summary>
/// The history the real engine kept of a stage test's orchestration (Azure Storage provider on Azurite), replayed on
/// the current code episode by episode: it must schedule what the engine recorded. With
/// <c>KHUYENCONG_RECORD_HISTORIES=1</c> the history is also written next to the scripted ones
/// (tests/KhuyenCong.UnitTests/Workflow/Replay/Histories/live-*.json), where the unit tests replay it on every build.
/// </summary>
internal static class LiveHistories
{
    public static Task CheckAsync(FastWorkflowFixture fixture, string instanceId, string name) =>
        CheckAsync(fixture.StorageConnectionString, instanceId, name);

    public static async Task CheckAsync(string storageConnectionString, string instanceId, string name)
    {
        var history = await LiveHistory.ReadAsync(storageConnectionString, "KhuyenCong", instanceId, name);
        if (Environment.GetEnvironmentVariable("KHUYENCONG_RECORD_HISTORIES") == "1")
        {
            var folder = Path.Combine(RepositoryLayout.FindRoot(), "tests", "KhuyenCong.UnitTests", "Workflow", "Replay", "Histories");
            await File.WriteAllTextAsync(Path.Combine(folder, "live-" + name + ".json"), history.ToText());
        }

        Assert.True(history.Episodes.Count > 5, $"{name}: only {history.Episodes.Count} episodes in the engine's history");
        Assert.Empty(history.Divergences(new ProposalWorkflowOrchestrator()));
    }
}
