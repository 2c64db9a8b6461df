using KhuyenCong.Domain.Activities;
using KhuyenCong.Domain.Appraisal;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.UnitTests.Domain.Appraisal;

public class ReviewerValidatorTests
{
    public static ReviewerForm ValidForm() => new(
        "  Trần   Văn Minh ",
        "Minh.Tran@SoCongThuong.GOV.VN",
        "+84 912.345.678",
        "Trường Đại học Sư phạm Kỹ thuật Hưng Yên",
        ["machinery", "Technology-Line", "machinery"],
        ["Chế biến nông sản", "che bien nong san", "Cơ khí"],
        ["0101234567", "0101234567-001"],
        ["Công ty TNHH Cơ khí Phố Nối"]);

    [Fact]
    public void Validate_ValidForm_NormalisedReviewer()
    {
        var (reviewer, errors) = ReviewerValidator.Validate(ValidForm(), "r1", active: true);

        Assert.Empty(errors);
        Assert.NotNull(reviewer);
        Assert.Equal("Trần Văn Minh", reviewer.Name);
        Assert.Equal("Minh.Tran@socongthuong.gov.vn", reviewer.Email);
        Assert.Equal("0912345678", reviewer.Phone);
        Assert.Equal([ProposalKind.Machinery, ProposalKind.TechnologyLine], reviewer.Kinds);
        Assert.Equal(["Chế biến nông sản", "Cơ khí"], reviewer.Sectors);
        Assert.Equal(["0101234567", "0101234567-001"], reviewer.DeclaredTaxCodes);
        Assert.True(reviewer.Active);
    }

    [Fact]
    public void Validate_NoPhone_Accepted()
    {
        var (reviewer, errors) = ReviewerValidator.Validate(ValidForm() with { Phone = " " }, "r1", active: true);

        Assert.Empty(errors);
        Assert.Null(reviewer!.Phone);
    }

    [Fact]
    public void Validate_BadFields_ErrorsByField()
    {
        var form = ValidForm() with
        {
            Name = "",
            Email = "not-an-email",
            Phone = "12345",
            Kinds = ["machinery", "spaceflight"],
            DeclaredTaxCodes = ["0101234567", "123", "0101234567-01"],
        };

        var (reviewer, errors) = ReviewerValidator.Validate(form, "r1", active: true, Language.English);

        Assert.Null(reviewer);
        Assert.Equal(
            ["name", "email", "phone", "kinds[1]", "declaredTaxCodes[1]", "declaredTaxCodes[2]"],
            errors.Select(e => e.Field));
        Assert.Contains("spaceflight", errors.Single(e => e.Field == "kinds[1]").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NoKinds_RequiredErrorInVietnamese()
    {
        var (_, errors) = ReviewerValidator.Validate(ValidForm() with { Kinds = [] }, "r1", active: true);

        var error = Assert.Single(errors);
        Assert.Equal(("kinds", FieldErrorCodes.Required), (error.Field, error.Code));
        Assert.Contains("nội dung khuyến công", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ControlCharacterInOrganization_Rejected() =>
        Assert.Equal("organization", Assert.Single(ReviewerValidator.Validate(ValidForm() with { Organization = "A\u0007B" }, "r1", true).Errors).Field);

    [Theory]
    [InlineData("Công ty TNHH Mây tre đan Phú Vinh", "cong ty tnhh may tre dan phu vinh")]
    [InlineData("HTX Dệt may  Đại Đồng", "htx det may dai dong")]
    [InlineData("Cơ sở \"Nón lá\" Chuông", "co so non la chuong")]
    public void MatchKey_Names_FoldedWithoutPunctuation(string name, string expected) =>
        Assert.Equal(expected, ReviewerValidator.MatchKey(name));
}
