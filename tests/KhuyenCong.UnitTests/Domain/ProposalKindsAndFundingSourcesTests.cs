using KhuyenCong.Domain.Activities;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.UnitTests.Domain;

public class ProposalKindsAndFundingSourcesTests
{
    [Theory]
    [InlineData(ProposalKind.Training, "training")]
    [InlineData(ProposalKind.DemonstrationModel, "demonstration-model")]
    [InlineData(ProposalKind.Machinery, "machinery")]
    [InlineData(ProposalKind.TechnologyLine, "technology-line")]
    [InlineData(ProposalKind.TypicalProduct, "typical-product")]
    [InlineData(ProposalKind.Brand, "brand")]
    [InlineData(ProposalKind.ManagementTraining, "management-training")]
    [InlineData(ProposalKind.Cluster, "cluster")]
    [InlineData(ProposalKind.TradePromotion, "trade-promotion")]
    [InlineData(ProposalKind.Consulting, "consulting")]
    [InlineData(ProposalKind.CleanerProduction, "cleaner-production")]
    [InlineData(ProposalKind.DigitalTransformation, "digital-transformation")]
    public void ToCode_EveryKind_ReturnsStableCodeThatParsesBack(ProposalKind kind, string code)
    {
        Assert.Equal(code, kind.ToCode());
        Assert.True(ProposalKinds.TryParse(code, out var parsed));
        Assert.Equal(kind, parsed);
    }

    [Fact]
    public void Kinds_Catalogue_CoversEveryEnumValueOnceWithBothNames()
    {
        Assert.Equal(Enum.GetValues<ProposalKind>(), ProposalKinds.All.Select(k => k.Value).Order());
        Assert.Equal(16, ProposalKinds.All.Select(k => k.Code).Distinct(StringComparer.Ordinal).Count());
        Assert.All(ProposalKinds.All, k =>
        {
            Assert.False(string.IsNullOrWhiteSpace(k.VietnameseName));
            Assert.False(string.IsNullOrWhiteSpace(k.EnglishName));
            Assert.NotEqual(k.VietnameseName, k.EnglishName);
        });
    }

    [Fact]
    public void DisplayName_Language_ReturnsNameInThatLanguage()
    {
        Assert.Equal("Mô hình trình diễn kỹ thuật", ProposalKind.DemonstrationModel.DisplayName(Language.Vietnamese));
        Assert.Equal("Complete technology line", ProposalKind.TechnologyLine.DisplayName(Language.English));
        Assert.Equal("Khuyến công địa phương", FundingSource.Local.DisplayName(Language.Vietnamese));
        Assert.Equal("KCĐP", FundingSources.Get(FundingSource.Local).Abbreviation);
        Assert.Equal("KCQG", FundingSources.Get(FundingSource.National).Abbreviation);
    }

    [Theory]
    [InlineData("national", FundingSource.National)]
    [InlineData(" LOCAL ", FundingSource.Local)]
    public void TryParseFundingSource_KnownCode_ReturnsSource(string code, FundingSource expected)
    {
        Assert.True(FundingSources.TryParse(code, out var source));
        Assert.Equal(expected, source);
        Assert.Equal(expected.ToString().ToLowerInvariant(), source.ToCode());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("DemonstrationModel")]
    [InlineData("1")]
    [InlineData("demonstration model")]
    public void TryParseKind_UnknownCode_ReturnsFalse(string? code) =>
        Assert.False(ProposalKinds.TryParse(code, out _));

    [Theory]
    [InlineData("KCQG")]
    [InlineData("0")]
    [InlineData("provincial")]
    public void TryParseFundingSource_UnknownCode_ReturnsFalse(string code) =>
        Assert.False(FundingSources.TryParse(code, out _));
}
