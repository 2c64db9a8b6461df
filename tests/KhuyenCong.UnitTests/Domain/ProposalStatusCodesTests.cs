using KhuyenCong.Domain.Proposals;

namespace KhuyenCong.UnitTests.Domain;

public class ProposalStatusCodesTests
{
    [Theory]
    [InlineData(ProposalStatus.Submitted, "submitted")]
    [InlineData(ProposalStatus.NeedsRevision, "needs-revision")]
    [InlineData(ProposalStatus.InReview, "in-review")]
    [InlineData(ProposalStatus.AwaitingApproval, "awaiting-approval")]
    [InlineData(ProposalStatus.InProgress, "in-progress")]
    [InlineData(ProposalStatus.Settled, "settled")]
    public void ToCode_KnownStatus_ReturnsStableWireCode(ProposalStatus status, string code)
    {
        Assert.Equal(code, status.ToCode());
        Assert.True(ProposalStatusCodes.TryParse(code, out var parsed));
        Assert.Equal(status, parsed);
    }

    [Fact]
    public void ToCode_EveryStatus_HasAUniqueCode()
    {
        var codes = Enum.GetValues<ProposalStatus>().Select(s => s.ToCode()).ToList();
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Submitted")]
    [InlineData("approved ")]
    public void TryParse_UnknownCode_ReturnsFalse(string? code) =>
        Assert.False(ProposalStatusCodes.TryParse(code, out _));
}
