using KhuyenCong.Application.Funding;
using KhuyenCong.Domain.Proposals;

namespace KhuyenCong.UnitTests.Application.Funding;

/// <summary>Who signs a contract on the funder's side (issue 13 line 5): the Centre, or the Ministry for national money only.</summary>
public class ContractSignatoriesTests
{
    [Theory]
    [InlineData(null, FundingSource.Local, "centre")]
    [InlineData("", FundingSource.National, "centre")]
    [InlineData("centre", FundingSource.National, "centre")]
    [InlineData("ministry", FundingSource.National, "ministry")]
    [InlineData("ministry", FundingSource.Local, null)]
    [InlineData("province", FundingSource.National, null)]
    public void Resolve_GivenAndSource_IsTheSignatoryOrNullWhenNotAllowed(string? given, FundingSource source, string? expected) =>
        Assert.Equal(expected, ContractSignatories.Resolve(given, source));

    [Fact]
    public void Label_OfAContractRecordedBeforeTheSignatoryWasAsked_IsTheCentre() =>
        Assert.Equal("Trung tâm Khuyến công", ContractSignatories.Label(null).Vietnamese);
}
