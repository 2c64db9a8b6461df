using System.Text.Json.Nodes;

namespace KhuyenCong.UnitTests.Deployment;

/// <summary>The root host.json, which the Functions host reads in Azure (docs/host-json.md explains each value).</summary>
public class HostJsonTests
{
    private static JsonNode HostJson() => JsonNode.Parse(File.ReadAllText(BuildPaths.InRepo("host.json")))!;

    [Fact]
    public void HostJson_HttpRoutePrefix_IsEmptyBecauseRoutesCarryTheirOwnPrefix()
    {
        Assert.Equal(string.Empty, (string?)HostJson()["extensions"]!["http"]!["routePrefix"]);
    }

    [Fact]
    public void HostJson_DurableTask_TakesTheTaskHubNameFromAppSettingsAndTracesNoPayloads()
    {
        var durable = HostJson()["extensions"]!["durableTask"]!;

        Assert.Equal("%KhuyenCong__TaskHubName%", (string?)durable["hubName"]);
        Assert.False((bool)durable["tracing"]!["traceInputsAndOutputs"]!);
    }

    [Fact]
    public void HostJson_DurableTask_StartsNewInstancesOnTheCycleVersionAndRunsOlderOnes()
    {
        var durable = HostJson()["extensions"]!["durableTask"]!;

        Assert.Equal(KhuyenCong.Functions.Workflow.ProposalWorkflow.CycleVersion, (string?)durable["defaultVersion"]);
        Assert.Equal("CurrentOrOlder", (string?)durable["versionMatchStrategy"]);
    }
}
