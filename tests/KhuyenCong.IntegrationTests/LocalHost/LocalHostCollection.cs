using KhuyenCong.Testing;

namespace KhuyenCong.IntegrationTests.LocalHost;

[CollectionDefinition(Name)]
public sealed class LocalHostCollection : ICollectionFixture<LocalHostFixture>
{
    public const string Name = "LocalHost";
}
