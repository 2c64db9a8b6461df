using System.Net;
using System.Net.Sockets;
using KhuyenCong.LocalHost;
using KhuyenCong.LocalHost.Hosting;
using KhuyenCong.Testing;

namespace KhuyenCong.IntegrationTests.LocalHost;

public class StartupErrorTests
{
    [Fact]
    public async Task Start_PortInUse_FailsNamingThePortAndHowToChooseAnother()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;

        var ex = await Assert.ThrowsAsync<LocalHostException>(() => LocalHostFactory.StartAsync(
            "UseDevelopmentStorage=true", new Dictionary<string, string?> { ["urls"] = $"http://127.0.0.1:{port}" }));

        Assert.Contains(port.ToString(System.Globalization.CultureInfo.InvariantCulture), ex.Message, StringComparison.Ordinal);
        Assert.Contains("--urls", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("this is not a connection string")]
    [InlineData("DefaultEndpointsProtocol=http;AccountName=x;AccountKey=not base64!")]
    public async Task Start_InvalidStorageConnectionString_FailsNamingTheSetting(string connectionString)
    {
        var ex = await Assert.ThrowsAsync<LocalHostException>(() => LocalHostFactory.StartAsync(connectionString));

        Assert.Contains("AzureWebJobsStorage", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_UrlsNotHttp_FailsNamingTheOption()
    {
        var ex = await Assert.ThrowsAsync<LocalHostException>(() => LocalHostFactory.StartAsync(
            "UseDevelopmentStorage=true", new Dictionary<string, string?> { ["urls"] = "ftp://localhost:21" }));

        Assert.Contains("--urls", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_AzuritePortTakenByAnotherProgram_FailsNamingThePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var taken = ((IPEndPoint)listener.LocalEndpoint).Port;

        var ex = await Assert.ThrowsAsync<LocalHostException>(() => LocalHostApplication.StartAsync(new LocalHostOptions
        {
            PrintBanner = false,
            ConsoleLogging = false,
            Settings = new Dictionary<string, string?>
            {
                ["urls"] = "http://127.0.0.1:0",
                ["LocalHost:Azurite:BlobPort"] = taken.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["LocalHost:Azurite:QueuePort"] = KhuyenCong.LocalHost.Storage.PortProbe.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["LocalHost:Azurite:TablePort"] = KhuyenCong.LocalHost.Storage.PortProbe.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
        }));

        Assert.Contains(taken.ToString(System.Globalization.CultureInfo.InvariantCulture), ex.Message, StringComparison.Ordinal);
    }
}

public class SettingsValidationTests : IAsyncLifetime
{
    private readonly AzuriteFixture azurite = new();

    public Task InitializeAsync() => azurite.InitializeAsync();

    public Task DisposeAsync() => azurite.DisposeAsync();

    [Theory]
    [InlineData("SendGrid:FromEmail", "not-an-email")]
    [InlineData("Intake:MaxFileBytes", "twenty megabytes")]
    [InlineData("KhuyenCong:PublicBaseUrl", "not a url")]
    [InlineData("KhuyenCong:TaskHubName", "bad hub name!")]
    [InlineData("Intake:MaxFiles", "0")]
    [InlineData("Intake:MaxSubmissionsPerAddress", "0")]
    [InlineData("Intake:MaxSubmissionsPerEmail", "-1")]
    [InlineData("Intake:AddressWindow", "00:00:01")]
    [InlineData("Intake:EmailWindow", "90.00:00:00")]
    [InlineData("Intake:MaxFormParts", "1")]
    [InlineData("Intake:MaxFormFieldBytes", "10")]
    public async Task Start_MalformedSetting_FailsNamingTheSetting(string setting, string value)
    {
        var ex = await Assert.ThrowsAsync<LocalHostException>(() => LocalHostFactory.StartAsync(
            azurite.ConnectionString, new Dictionary<string, string?> { [setting] = value }));

        Assert.Contains(setting, ex.Message, StringComparison.Ordinal);
    }
}
