using System.Net;
using System.Text.Json;
using KhuyenCong.Testing;

namespace KhuyenCong.IntegrationTests.LocalHost;

[Collection(LocalHostCollection.Name)]
public class HealthTests(LocalHostFixture fixture)
{
    [Fact]
    public async Task Health_AllDependenciesUp_Returns200NamingEachDependency()
    {
        using var client = fixture.CreateClient();

        using var response = await client.GetAsync(new Uri("/api/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("healthy", json.RootElement.GetProperty("status").GetString());
        var states = json.RootElement.GetProperty("dependencies").EnumerateArray()
            .ToDictionary(d => d.GetProperty("name").GetString()!, d => d.GetProperty("state").GetString());
        Assert.Equal(new Dictionary<string, string?> { ["tables"] = "up", ["blobs"] = "up", ["durableTaskHub"] = "up" }, states);
    }
}

public class HealthWhenStorageIsDownTests
{
    [Fact]
    public async Task Health_StorageStopped_Returns503WithTheDependenciesDown()
    {
        var azurite = new AzuriteFixture();
        await azurite.InitializeAsync();
        await using var host = await LocalHostFactory.StartAsync(azurite.ConnectionString);
        using var client = host.CreateClient();
        using (var before = await client.GetAsync(new Uri("/api/health", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        await azurite.DisposeAsync();
        using var response = await client.GetAsync(new Uri("/api/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("unhealthy", json.RootElement.GetProperty("status").GetString());
        var states = json.RootElement.GetProperty("dependencies").EnumerateArray()
            .ToDictionary(d => d.GetProperty("name").GetString()!, d => d.GetProperty("state").GetString());
        Assert.Equal("down", states["tables"]);
        Assert.Equal("down", states["blobs"]);
    }
}
