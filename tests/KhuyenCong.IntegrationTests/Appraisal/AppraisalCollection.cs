using KhuyenCong.Testing;

namespace KhuyenCong.IntegrationTests.Appraisal;

/// <summary>One Azurite and LocalHost for the appraisal route tests (rubric, roster).</summary>
[CollectionDefinition(Name)]
public sealed class AppraisalCollection : ICollectionFixture<LocalHostFixture>
{
    public const string Name = "Appraisal";
}
