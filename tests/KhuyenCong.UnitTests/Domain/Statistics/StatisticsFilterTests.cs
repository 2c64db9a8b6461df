using KhuyenCong.Domain.Activities;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Statistics;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.UnitTests.Domain.Statistics;

public class StatisticsFilterTests
{
    private static (StatisticsFilter Filter, Dictionary<string, IReadOnlyList<string>> Errors) Parse(Language language, params (string Name, string Value)[] query)
    {
        var errors = new Dictionary<string, IReadOnlyList<string>>();
        var values = query.ToDictionary(q => q.Name, q => q.Value);
        return (StatisticsFilter.Parse(n => values.GetValueOrDefault(n), language, errors), errors);
    }

    [Fact]
    public void Parse_ValidValues_ReadsEveryFilter()
    {
        var (filter, errors) = Parse(Language.Vietnamese, ("from", "2024"), ("to", "2026"), ("fundingSource", "local"), ("province", "Thái Bình"),
            ("commune", "Xã Tân Hưng"), ("kind", "machinery"), ("sector", "CHẾ BIẾN nông sản"));

        Assert.Empty(errors);
        Assert.Equal(2024, filter.From);
        Assert.Equal(2026, filter.To);
        Assert.Equal(FundingSource.Local, filter.FundingSource);
        Assert.Equal("hung-yen", filter.Province);
        Assert.Equal("xa tan hung", filter.Commune);
        Assert.Equal(ProposalKind.Machinery, filter.Kind);
        Assert.Equal("che bien nong san", filter.Sector);
    }

    [Fact]
    public void Parse_NoValues_AllProposals()
    {
        var (filter, errors) = Parse(Language.Vietnamese);

        Assert.Empty(errors);
        Assert.Equal(StatisticsFilter.All, filter);
    }

    [Theory]
    [InlineData("from", "1999")]
    [InlineData("to", "năm")]
    [InlineData("fundingSource", "ngân sách")]
    [InlineData("province", "Atlantis")]
    [InlineData("kind", "rocketry")]
    public void Parse_InvalidValue_ErrorNamesTheParameterInBothLanguages(string name, string value)
    {
        var (_, vi) = Parse(Language.Vietnamese, (name, value));
        var (_, en) = Parse(Language.English, (name, value));

        Assert.Contains(name, Assert.Single(vi).Value.Single(), StringComparison.Ordinal);
        Assert.Equal(name, Assert.Single(en).Key);
        Assert.NotEqual(vi[name].Single(), en[name].Single());
    }

    [Fact]
    public void Parse_FromAfterTo_ErrorOnTo()
    {
        var (_, errors) = Parse(Language.English, ("from", "2026"), ("to", "2025"));

        Assert.Equal("to", Assert.Single(errors).Key);
    }

    [Fact]
    public void Parse_CommuneTooLong_Error()
    {
        var (_, errors) = Parse(Language.Vietnamese, ("commune", new string('a', 101)));

        Assert.Equal("commune", Assert.Single(errors).Key);
    }
}
