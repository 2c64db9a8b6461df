using KhuyenCong.Application.Exchange;
using KhuyenCong.Domain.Proposals;

namespace KhuyenCong.UnitTests.Exchange;

public sealed class ProposalColumnsTests
{
    [Fact]
    public void All_EveryFormField_IsAColumnUnderTheFieldsOwnName()
    {
        var codes = ProposalColumns.All.Select(c => c.Code).ToList();

        Assert.All(ProposalFields.All, field => Assert.Contains(field, codes));
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Find_AFormFieldName_FindsItsColumn()
    {
        Assert.All(ProposalFields.All, field => Assert.Equal(field, ProposalColumns.Find(field)?.Code));
    }
}
