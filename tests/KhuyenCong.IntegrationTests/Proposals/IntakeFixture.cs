using KhuyenCong.LocalHost.Hosting;
using KhuyenCong.Testing;

namespace KhuyenCong.IntegrationTests.Proposals;

/// <summary>
/// One Azurite with two LocalHosts on it: <see cref="Host"/> with the default intake limits, and
/// <see cref="SmallLimitsHost"/> (its own task hub) with limits small enough to test without large files.
/// </summary>
public sealed class IntakeFixture : IAsyncLifetime
{
    public const long SmallMaxFileBytes = 64 * 1024;
    public const long SmallMaxProposalBytes = 160 * 1024;

    /// <summary>The name LocalHost gives the officer it signs in for requests with the function key.</summary>
    public const string LocalHostStaffName = KhuyenCong.LocalHost.Hosting.LocalHostFrontDoor.DefaultStaffName;

    /// <summary>How audit rows record that officer: the name and the Entra object id (LocalHost's placeholder).</summary>
    public const string LocalHostStaffActor = LocalHostStaffName + " (oid " + KhuyenCong.LocalHost.Hosting.LocalHostFrontDoor.DefaultStaffObjectId + ")";

    private readonly LocalHostFixture main = new();

    public LocalHostApplication Host => main.Host;

    public LocalHostApplication SmallLimitsHost { get; private set; } = null!;

    public string StorageConnectionString => main.StorageConnectionString;

    public HttpClient CreateClient(bool withFunctionKey = false) => main.CreateClient(withFunctionKey);

    public async Task InitializeAsync()
    {
        await main.InitializeAsync();
        SmallLimitsHost = await LocalHostFactory.StartAsync(main.StorageConnectionString, new Dictionary<string, string?>
        {
            ["KhuyenCong:TaskHubName"] = "KhuyenCongLimits",
            ["Intake:MaxFileBytes"] = SmallMaxFileBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Intake:MaxProposalBytes"] = SmallMaxProposalBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
    }

    public async Task DisposeAsync()
    {
        if (SmallLimitsHost is not null)
        {
            await SmallLimitsHost.DisposeAsync();
        }

        await main.DisposeAsync();
    }
}
