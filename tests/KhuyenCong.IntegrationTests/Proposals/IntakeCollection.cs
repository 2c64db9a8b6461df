namespace KhuyenCong.IntegrationTests.Proposals;

/// <summary>The intake tests share one Azurite and its LocalHosts; they run one after another, so storage counts taken
/// before and after a request are reliable.</summary>
[CollectionDefinition(Name)]
public sealed class IntakeCollection : ICollectionFixture<IntakeFixture>
{
    public const string Name = "Proposal intake";
}
