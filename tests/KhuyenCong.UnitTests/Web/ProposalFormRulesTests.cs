using System.Text.RegularExpressions;
using KhuyenCong.Domain.Activities;
using KhuyenCong.Domain.Caps;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using KhuyenCong.UnitTests.Web.Components;
using KhuyenCong.Web.Components;
using KhuyenCong.Web.Pages.NewProposal;

namespace KhuyenCong.UnitTests.Web;

public class ProposalFormRulesTests
{
    private static readonly DateOnly Today = new(2026, 3, 10);

    [Theory]
    [InlineData(Language.Vietnamese)]
    [InlineData(Language.English)]
    public void MessagesFor_RequiredFields_AreTheValidatorsOwnMessages(Language language)
    {
        var messages = ProposalFormRules.MessagesFor(language);
        var server = ProposalValidator.Validate(new ProposalForm(), language).FieldErrors;

        foreach (var rule in ProposalFieldRules.All)
        {
            var expected = server.SingleOrDefault(e => e.Field == rule.Name)?.Message;
            Assert.Equal(expected, messages[rule.Name].Required);
        }
    }

    [Fact]
    public void MessagesFor_EachKind_HasTheMessagesItsChecksCanGive()
    {
        var m = ProposalFormRules.MessagesFor(Language.Vietnamese);

        Assert.Equal("Tên tổ chức, cơ sở không được dài quá 200 ký tự.", m[ProposalFields.OrganizationName].TooLong);
        Assert.Null(m[ProposalFields.OrganizationName].InvalidFormat);
        Assert.StartsWith("Mã số thuế gồm 10 chữ số", m[ProposalFields.TaxCode].InvalidFormat, StringComparison.Ordinal);
        Assert.Equal("Tổng kinh phí phải lớn hơn 0.", m[ProposalFields.TotalCost].TooSmall);
        Assert.Null(m[ProposalFields.OwnContribution].TooSmall);
        Assert.Contains("999.999.999.999.999", m[ProposalFields.TotalCost].TooLarge, StringComparison.Ordinal);
        Assert.Contains("100.000", m[ProposalFields.ExpectedJobs].TooLarge, StringComparison.Ordinal);
        Assert.Contains("01/01/2000", m[ProposalFields.StartDate].OutOfRange, StringComparison.Ordinal);
        Assert.StartsWith("Không tìm thấy tỉnh", m[ProposalFields.Province].UnknownChoice, StringComparison.Ordinal);
        Assert.All(ProposalFieldRules.All, r => Assert.False(string.IsNullOrEmpty(m[r.Name].InvalidCharacters)));
    }

    [Theory]
    [InlineData(Language.Vietnamese, "vốn đối ứng cần là {amount} đồng.")]
    [InlineData(Language.English, "the own contribution should be {amount} VND.")]
    public void CrossFieldMessagesFor_ContributionMismatch_HasAnAmountPlaceholder(Language language, string ending)
    {
        var cross = ProposalFormRules.CrossFieldMessagesFor(language);

        Assert.EndsWith(ending, cross.ContributionMismatch, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(cross.RequestedExceedsTotal));
        Assert.False(string.IsNullOrEmpty(cross.EndBeforeStart));
    }

    [Fact]
    public void InForce_SeveralCaps_KeepsOnePerSourceProvinceAndKindAsTheResolverWould()
    {
        SupportCap Cap(string? province, DateOnly from, DateOnly? to, long amount) =>
            new(FundingSource.Local, province, ProposalKind.Machinery, from, to, 50m, amount, "test");
        var older = Cap("hung-yen", new(2020, 1, 1), null, 100);
        var newer = Cap("HUNG-YEN", new(2025, 1, 1), null, 200);
        var ended = Cap("ha-noi", new(2020, 1, 1), new(2026, 3, 10), 300);
        var nationwide = Cap(null, new(2019, 1, 1), null, 400);

        var inForce = ProposalFormRules.InForce([older, newer, ended, nationwide], Today);

        Assert.Equal([nationwide, newer], inForce);
        Assert.Equal(newer, CapResolver.Resolve([older, newer, ended, nationwide], FundingSource.Local, "hung-yen", ProposalKind.Machinery, Today));
    }

    [Fact]
    public async Task JsonOptions_InTheJsonBlock_KeepVietnameseReadableAndEscapeHtmlSignificantCharacters()
    {
        var model = ProposalFormRules.Build(Language.Vietnamese,
            [new SupportCap(FundingSource.National, null, ProposalKind.Machinery, new(2018, 5, 10), null, 50m, 300_000_000, "</script> & 'x' \"y\"")],
            Today);

        var html = await ComponentRendering.RenderAsync<JsonScript>(Language.Vietnamese,
            ("Id", "form-rules"), ("Value", model), ("Options", ProposalFormRules.JsonOptions));
        var json = html["<script type=\"application/json\" id=\"form-rules\">".Length..^"</script>".Length];

        Assert.Contains("Tên tổ chức, cơ sở", json, StringComparison.Ordinal);
        Assert.DoesNotContain("</script>", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(new Regex("[<>&']"), json);
        Assert.Contains("\"language\":\"vi\"", json, StringComparison.Ordinal);
        Assert.Contains("\"kind\":\"taxCode\"", json, StringComparison.Ordinal);
    }
}
