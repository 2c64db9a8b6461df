using KhuyenCong.Application.Calls;
using KhuyenCong.Application.Common;
using KhuyenCong.Domain.Calls;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.UnitTests.Application.Calls;

public class CallRulesTests
{
    private static readonly DateOnly Today = new(2026, 12, 5);

    private static CallForm Form(string planYear = "2027", string opensOn = "2026-12-01", string closesOn = "2027-01-31", string? source = "local",
        IReadOnlyList<string>? kinds = null, DocumentsInput? documents = null) => new(
        FieldInput.Of(planYear), FieldInput.Of(source), FieldInput.Of("Đợt đăng ký KCĐP năm 2027"), FieldInput.Of(opensOn), FieldInput.Of(closesOn),
        ListInput.Of(kinds ?? ["machinery"]), documents ?? DocumentsInput.FromLines("machinery: Báo giá; Giấy đăng ký kinh doanh"), FieldInput.Of("Mô tả"));

    private static (CallContent? Content, BilingualErrors Errors) Validate(CallForm form, int? kept = null)
    {
        var errors = new BilingualErrors();
        return (CallRules.Validate(form, Today, kept, errors), errors);
    }

    [Fact]
    public void Validate_ValidForm_GivesTheContentWithKindCodesAndDocuments()
    {
        var (content, errors) = Validate(Form());

        Assert.True(errors.IsEmpty);
        Assert.Equal(2027, content!.PlanYear);
        Assert.Equal(FundingSource.Local, content.FundingSource);
        Assert.Equal(["machinery"], content.Kinds);
        Assert.Equal(["Báo giá", "Giấy đăng ký kinh doanh"], content.RequiredDocuments["machinery"]);
    }

    [Fact]
    public void Validate_ClosingBeforeOpening_NamesClosesOn()
    {
        var (content, errors) = Validate(Form(opensOn: "2027-01-10", closesOn: "2027-01-09"));

        Assert.Null(content);
        Assert.Equal(["closesOn"], errors.Fields);
        Assert.Equal("Ngày kết thúc nhận hồ sơ (09/01/2027) không được trước ngày bắt đầu (10/01/2027).", errors.In(Language.Vietnamese)["closesOn"][0]);
    }

    [Fact]
    public void Validate_PlanYearInThePast_NamesPlanYearUnlessItIsTheYearKeptOnAnEdit()
    {
        var past = Form(planYear: "2025", opensOn: "2025-05-01", closesOn: "2025-08-31");

        Assert.Equal(["planYear"], Validate(past).Errors.Fields);
        Assert.True(Validate(past, kept: 2025).Errors.IsEmpty);
    }

    [Fact]
    public void Validate_ClosingAfterThePlanYear_NamesClosesOn()
    {
        Assert.Equal(["closesOn"], Validate(Form(planYear: "2027", closesOn: "2028-01-01")).Errors.Fields);
    }

    [Fact]
    public void Validate_UnknownKindWrongSourceAndDocumentsForAKindNotTaken_NameEachField()
    {
        var (_, unknown) = Validate(Form(kinds: ["machinery", "rocketry"], source: "central"));
        var (_, notTaken) = Validate(Form(kinds: ["training"]));
        var (_, malformed) = Validate(Form(documents: DocumentsInput.FromLines("Báo giá không có mã")));

        Assert.Equal(["fundingSource", "kinds"], unknown.Fields.Order());
        Assert.Equal(["requiredDocuments"], notTaken.Fields);
        Assert.Equal(["requiredDocuments"], malformed.Fields);
    }

    [Fact]
    public void Validate_NothingSent_NamesEveryRequiredFieldInBothLanguages()
    {
        var (_, errors) = Validate(new CallForm(default, default, default, default, default, ListInput.Absent, DocumentsInput.Absent, default));

        Assert.Equal(["closesOn", "fundingSource", "opensOn", "planYear", "title"], errors.Fields.Order());
        Assert.All(errors.In(Language.English).Values, messages => Assert.DoesNotContain("Vui lòng", messages[0], StringComparison.Ordinal));
    }

    [Fact]
    public void DocumentsInput_ToLinesThenFromLines_ReadsBackTheSameDocuments()
    {
        var byKind = new Dictionary<string, IReadOnlyList<string>> { ["training"] = ["Danh sách học viên", "Dự toán"], ["machinery"] = ["Báo giá"] };

        var read = DocumentsInput.FromLines(DocumentsInput.ToLines(byKind));

        Assert.Null(read.MalformedLine);
        Assert.Equal(byKind["training"], read.ByKind["training"]);
        Assert.Equal(byKind["machinery"], read.ByKind["machinery"]);
    }

    [Theory]
    [InlineData("2026-12-04", CallStatus.Upcoming)]
    [InlineData("2026-12-05", CallStatus.Open)]
    [InlineData("2027-01-31", CallStatus.Open)]
    [InlineData("2027-02-01", CallStatus.Closed)]
    public void StatusOn_BothEndsIncluded_ByVietnamDate(string day, CallStatus expected)
    {
        var call = new Call("c1", 2027, FundingSource.Local, "Đợt", new DateOnly(2026, 12, 5), new DateOnly(2027, 1, 31), [], new Dictionary<string, IReadOnlyList<string>>(),
            null, "officer", DateTimeOffset.UnixEpoch, 1);

        Assert.Equal(expected, call.StatusOn(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));
    }
}
