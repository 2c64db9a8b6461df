using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.IntegrationTests.Proposals;
using KhuyenCong.LocalHost.Hosting;
using KhuyenCong.Testing;

namespace KhuyenCong.IntegrationTests.Exchange;

/// <summary><c>--seed-demo</c>: LocalHost loads data/demo through the import's code, once; a second run adds nothing.</summary>
public sealed class SeedDemoTests : IAsyncLifetime
{
    private const int DemoProposals = 46;
    private readonly AzuriteFixture azurite = new();

    public Task InitializeAsync() => azurite.InitializeAsync();

    public Task DisposeAsync() => azurite.DisposeAsync();

    [Fact]
    public async Task SeedDemo_TwoRuns_ImportsTheDemoFileOnceAndKeepsServing()
    {
        StorageCounts afterFirst;
        await using (var first = await LocalHostFactory.StartAsync(azurite.ConnectionString, seedDemo: true))
        {
            Assert.Equal(new DemoSeedResult(DemoProposals, 0), first.DemoSeed);
            afterFirst = await StorageCounts.TakeAsync(azurite.ConnectionString);
            Assert.Equal(DemoProposals * 2, afterFirst.Proposals);
            Assert.Equal(DemoProposals * 3, afterFirst.ProposalIndex);

            // LocalHost runs on as normal: the staff list of 2016 shows the demo đề án.
            using var client = first.CreateClient(withFunctionKey: true);
            var list = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/proposals?year=2016&status=settled", UriKind.Relative));
            Assert.True(list.GetProperty("total").GetInt32() > 0);
        }

        await using var second = await LocalHostFactory.StartAsync(azurite.ConnectionString, new Dictionary<string, string?>
        {
            ["KhuyenCong:TaskHubName"] = "KhuyenCongSeedAgain",
        }, seedDemo: true);

        Assert.Equal(new DemoSeedResult(0, DemoProposals), second.DemoSeed);
        Assert.Equal(afterFirst, await StorageCounts.TakeAsync(azurite.ConnectionString));
    }

    [Fact]
    public async Task SeedDemo_CommandLineSwitch_IsTakenOutOfTheConfigurationAndSeeds()
    {
        await using var host = await LocalHostApplication.StartAsync(new LocalHostOptions
        {
            Args = [LocalHostOptions.SeedDemoSwitch, "--urls", "http://127.0.0.1:0"],
            Settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
            {
                ["AzureWebJobsStorage"] = azurite.ConnectionString,
                ["LocalHost:FunctionKey"] = LocalHostFactory.FunctionKey,
                ["KhuyenCong:TaskHubName"] = "KhuyenCongSeedSwitch",
            },
            PrintBanner = false,
            ConsoleLogging = false,
        });

        Assert.NotNull(host.DemoSeed);
        Assert.Equal(DemoProposals, host.DemoSeed.Imported + host.DemoSeed.AlreadyImported);
        Assert.StartsWith("http://127.0.0.1:", host.BaseAddress.ToString(), StringComparison.Ordinal);
    }
}
