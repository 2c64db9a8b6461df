using System.Text;
using KhuyenCong.Domain.Activities;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.UnitTests.Domain;

public class ProposalValidatorTests
{
    internal static ProposalForm ValidForm() => new()
    {
        OrganizationName = "Hợp tác xã Dệt may Phố Hiến",
        TaxCode = "0901234567",
        EntityType = "cooperative",
        Representative = "Nguyễn Thị Hồng",
        Email = "hongnt@dethienhy.vn",
        Phone = "0912345678",
        Address = "Thôn Đông, xã Tân Hưng",
        Commune = "Xã Tân Hưng",
        Province = "hung-yen",
        Kind = "machinery",
        Sector = "Dệt may xuất khẩu",
        FundingSource = "national",
        Title = "Ứng dụng máy may công nghiệp tự động",
        Summary = "Đầu tư 20 máy may công nghiệp tự động.",
        TotalCost = "1.200.000.000",
        RequestedSupport = "300.000.000",
        OwnContribution = "900.000.000",
        StartDate = "2026-03-01",
        EndDate = "2026-11-30",
        ExpectedJobs = "25",
        ExpectedTrainees = null,
    };

    private static string SingleError(ProposalValidationResult result, string field)
    {
        Assert.False(result.IsValid);
        var messages = Assert.Contains(field, result.Errors);
        return Assert.Single(messages);
    }

    private static string ErrorCode(ProposalForm form, string field)
    {
        var result = ProposalValidator.Validate(form);
        Assert.False(result.IsValid);
        return Assert.Single(result.FieldErrors, e => e.Field == field).Code;
    }

    [Fact]
    public void Validate_ValidForm_ReturnsSubmissionWithParsedValues()
    {
        var result = ProposalValidator.Validate(ValidForm());

        Assert.True(result.IsValid, string.Join("; ", result.FieldErrors));
        Assert.Empty(result.Errors);
        var s = result.Submission;
        Assert.Equal("Hợp tác xã Dệt may Phố Hiến", s.OrganizationName);
        Assert.Equal(ProposalKind.Machinery, s.Kind);
        Assert.Equal(FundingSource.National, s.FundingSource);
        Assert.Equal(1_200_000_000, s.TotalCost);
        Assert.Equal(300_000_000, s.RequestedSupport);
        Assert.Equal(900_000_000, s.OwnContribution);
        Assert.Equal(new DateOnly(2026, 3, 1), s.StartDate);
        Assert.Equal(new DateOnly(2026, 11, 30), s.EndDate);
        Assert.Equal(25, s.ExpectedJobs);
        Assert.Null(s.ExpectedTrainees);
    }

    [Fact]
    public void Validate_MessyButValidInput_NormalizesEveryField()
    {
        var form = ValidForm() with
        {
            OrganizationName = "  Hợp tác xã   Dệt may\tPhố Hiến ".Normalize(NormalizationForm.FormD),
            Email = " HongNT@DetHienHy.VN ",
            Phone = "+84 912.345.678",
            Province = "Tỉnh Thái Bình",
            Kind = " MACHINERY ",
            FundingSource = "Local",
            Summary = "  Mục tiêu: đổi mới máy móc.  \r\n\r\n\r\nNội dung:  20 máy.\r\n",
            TotalCost = "1,200,000,000",
            RequestedSupport = "300 000 000 đ",
            OwnContribution = "900000000",
            ExpectedJobs = " ",
        };

        var result = ProposalValidator.Validate(form);

        Assert.True(result.IsValid, string.Join("; ", result.FieldErrors));
        var s = result.Submission;
        Assert.Equal("Hợp tác xã Dệt may Phố Hiến", s.OrganizationName);
        Assert.True(s.OrganizationName.IsNormalized(NormalizationForm.FormC));
        Assert.Equal("HongNT@dethienhy.vn", s.Email);
        Assert.Equal("0912345678", s.Phone);
        Assert.Equal("hung-yen", s.Province);
        Assert.Equal(FundingSource.Local, s.FundingSource);
        Assert.Equal("Mục tiêu: đổi mới máy móc.\n\nNội dung: 20 máy.", s.Summary);
        Assert.Equal(1_200_000_000, s.TotalCost);
        Assert.Equal(300_000_000, s.RequestedSupport);
        Assert.Null(s.ExpectedJobs);
    }

    [Fact]
    public void Validate_EmptyForm_RequiresEveryFieldButTheOptionalCounts()
    {
        var result = ProposalValidator.Validate(new ProposalForm());

        Assert.False(result.IsValid);
        Assert.Null(result.Submission);
        var expected = ProposalFieldRules.All.Where(r => r.Required).Select(r => r.Name);
        Assert.Equal(expected, result.Errors.Keys);
        Assert.All(result.FieldErrors, e => Assert.Equal(FieldErrorCodes.Required, e.Code));
    }

    [Fact]
    public void Validate_MissingTaxCode_AsksForItInVietnameseByDefault() =>
        Assert.Equal("Vui lòng nhập mã số thuế.", SingleError(ProposalValidator.Validate(ValidForm() with { TaxCode = "   " }), ProposalFields.TaxCode));

    [Fact]
    public void Validate_MissingChoiceInEnglish_AsksToSelectIt() =>
        Assert.Equal("Please select the type of proposal.",
            SingleError(ProposalValidator.Validate(ValidForm() with { Kind = null }, Language.English), ProposalFields.Kind));

    [Fact]
    public void Validate_BadTaxCode_ExplainsTheFormatInVietnamese() =>
        Assert.Equal("Mã số thuế gồm 10 chữ số, hoặc 10 chữ số, dấu gạch ngang và 3 chữ số (ví dụ 0101234567-001); hộ kinh doanh dùng số định danh cá nhân 12 chữ số của người đại diện.",
            SingleError(ProposalValidator.Validate(ValidForm() with { TaxCode = "01012345" }), ProposalFields.TaxCode));

    [Fact]
    public void Validate_BadTaxCodeInEnglish_ExplainsTheFormatInEnglish() =>
        Assert.Equal("The tax code has 10 digits, or 10 digits, a dash and 3 digits (for example 0101234567-001); a household business uses the representative's 12-digit personal identification number.",
            SingleError(ProposalValidator.Validate(ValidForm() with { TaxCode = "01012345" }, Language.English), ProposalFields.TaxCode));

    [Theory]
    [InlineData("0101234567")]
    [InlineData("0101234567-001")]
    [InlineData(" 0101234567-001 ")]
    public void Validate_WellFormedTaxCode_Accepted(string taxCode)
    {
        var result = ProposalValidator.Validate(ValidForm() with { TaxCode = taxCode });

        Assert.True(result.IsValid);
        Assert.Equal(taxCode.Trim(), result.Submission.TaxCode);
    }

    [Theory]
    [InlineData("010123456")]
    [InlineData("01012345678")]
    [InlineData("0101234567-01")]
    [InlineData("0101234567001")]
    [InlineData("0101234567 001")]
    [InlineData("01O1234567")]
    [InlineData("٠١٠١٢٣٤٥٦٧")]
    public void Validate_MalformedTaxCode_InvalidFormat(string taxCode) =>
        Assert.Equal(FieldErrorCodes.InvalidFormat, ErrorCode(ValidForm() with { TaxCode = taxCode }, ProposalFields.TaxCode));

    [Theory]
    [InlineData("0912345678", "0912345678")]
    [InlineData("091 234 5678", "0912345678")]
    [InlineData("091.234.5678", "0912345678")]
    [InlineData("091-234-5678", "0912345678")]
    [InlineData("+84 912 345 678", "0912345678")]
    [InlineData("+84912345678", "0912345678")]
    [InlineData("84 362 345 678", "0362345678")]
    [InlineData("0562345678", "0562345678")]
    [InlineData("0782345678", "0782345678")]
    [InlineData("0862345678", "0862345678")]
    [InlineData("(0221) 3123 456", "02213123456")]
    [InlineData("024 3823 1234", "02438231234")]
    [InlineData("0221312345", "0221312345")]
    public void Validate_VietnamesePhone_NormalizedToNationalForm(string phone, string expected)
    {
        var result = ProposalValidator.Validate(ValidForm() with { Phone = phone });

        Assert.True(result.IsValid, string.Join("; ", result.FieldErrors));
        Assert.Equal(expected, result.Submission.Phone);
    }

    [Theory]
    [InlineData("0123456789")]
    [InlineData("0612345678")]
    [InlineData("0412345678")]
    [InlineData("091234567")]
    [InlineData("09123456789")]
    [InlineData("022131234567")]
    [InlineData("+1 415 555 0100")]
    [InlineData("+84 0912345678")]
    [InlineData("0912 345 67a")]
    [InlineData("912345678")]
    public void Validate_NotAVietnamesePhone_InvalidFormat(string phone) =>
        Assert.Equal(FieldErrorCodes.InvalidFormat, ErrorCode(ValidForm() with { Phone = phone }, ProposalFields.Phone));

    [Theory]
    [InlineData("a@b.vn")]
    [InlineData("nguyen.van.a+khuyencong@sct.hungyen.gov.vn")]
    [InlineData("o'brien@example.com")]
    public void Validate_ValidEmail_Accepted(string email) =>
        Assert.True(ProposalValidator.Validate(ValidForm() with { Email = email }).IsValid);

    [Theory]
    [InlineData("hong")]
    [InlineData("hong@")]
    [InlineData("@congty.vn")]
    [InlineData("hong@congty")]
    [InlineData("hong@@congty.vn")]
    [InlineData("hong nt@congty.vn")]
    [InlineData(".hong@congty.vn")]
    [InlineData("hong..nt@congty.vn")]
    [InlineData("hồng@congty.vn")]
    [InlineData("hong@-congty.vn")]
    [InlineData("hong@congty.vn.")]
    public void Validate_InvalidEmail_InvalidFormat(string email) =>
        Assert.Equal(FieldErrorCodes.InvalidFormat, ErrorCode(ValidForm() with { Email = email }, ProposalFields.Email));

    [Fact]
    public void Validate_EmailLocalPartOver64_InvalidFormat() =>
        Assert.Equal(FieldErrorCodes.InvalidFormat, ErrorCode(ValidForm() with { Email = new string('a', 65) + "@congty.vn" }, ProposalFields.Email));

    [Theory]
    [InlineData("1.200.000.000", 1_200_000_000)]
    [InlineData("1,200,000,000", 1_200_000_000)]
    [InlineData("1 200 000 000", 1_200_000_000)]
    [InlineData("1\u00A0200\u00A0000\u00A0000", 1_200_000_000)]
    [InlineData("1200000000", 1_200_000_000)]
    [InlineData("1.200.000.000 đ", 1_200_000_000)]
    [InlineData("1.200.000.000đ", 1_200_000_000)]
    [InlineData("1.200.000.000 VNĐ", 1_200_000_000)]
    [InlineData("1200000000 vnd", 1_200_000_000)]
    [InlineData("1.200.000.000 ₫", 1_200_000_000)]
    [InlineData("999.999.999.999.999", 999_999_999_999_999)]
    [InlineData("0", 0)]
    public void TryParseAmount_AmountAsTypedInVietnam_ReturnsVnd(string text, long expected)
    {
        Assert.True(ProposalValidator.TryParseAmount(text, out var amount));
        Assert.Equal(expected, amount);
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("1,5")]
    [InlineData("1.200,000")]
    [InlineData("1.2000.000")]
    [InlineData("1200.000.000")]
    [InlineData("-300000000")]
    [InlineData("300000000.50")]
    [InlineData("3e8")]
    [InlineData("ba trăm triệu")]
    [InlineData("1.000.000.000.000.000")]
    [InlineData("99999999999999999999999")]
    [InlineData("")]
    public void TryParseAmount_NotAWholeAmount_ReturnsFalse(string text) =>
        Assert.False(ProposalValidator.TryParseAmount(text, out _));

    [Theory]
    [InlineData("1,5", FieldErrorCodes.InvalidFormat)]
    [InlineData("-1", FieldErrorCodes.InvalidFormat)]
    [InlineData("0", FieldErrorCodes.OutOfRange)]
    [InlineData("1.000.000.000.000.000", FieldErrorCodes.OutOfRange)]
    public void Validate_BadTotalCost_ReportsOnTotalCost(string totalCost, string code) =>
        Assert.Equal(code, ErrorCode(ValidForm() with { TotalCost = totalCost }, ProposalFields.TotalCost));

    [Fact]
    public void Validate_ZeroTotalCost_SaysItMustBePositive() =>
        Assert.Equal("Tổng kinh phí phải lớn hơn 0.", SingleError(ProposalValidator.Validate(ValidForm() with { TotalCost = "0" }), ProposalFields.TotalCost));

    [Fact]
    public void Validate_ZeroRequestedSupport_OutOfRange() =>
        Assert.Equal(FieldErrorCodes.OutOfRange, ErrorCode(ValidForm() with { RequestedSupport = "0", OwnContribution = "1.200.000.000" }, ProposalFields.RequestedSupport));

    [Fact]
    public void Validate_ZeroOwnContributionThatAddsUp_Accepted()
    {
        var result = ProposalValidator.Validate(ValidForm() with { RequestedSupport = "1.200.000.000", OwnContribution = "0" });

        Assert.True(result.IsValid);
        Assert.Equal(0, result.Submission.OwnContribution);
    }

    [Fact]
    public void Validate_RequestedAboveTotal_ReportsOnRequestedSupport()
    {
        var result = ProposalValidator.Validate(ValidForm() with { RequestedSupport = "1.300.000.000", OwnContribution = "0" });

        Assert.Equal("Kinh phí đề nghị hỗ trợ không được lớn hơn tổng kinh phí.", SingleError(result, ProposalFields.RequestedSupport));
        Assert.Equal(FieldErrorCodes.RequestedExceedsTotal, Assert.Single(result.FieldErrors).Code);
    }

    [Fact]
    public void Validate_AmountsThatDoNotAddUp_ReportsExpectedOwnContribution()
    {
        var result = ProposalValidator.Validate(ValidForm() with { OwnContribution = "800.000.000" });

        Assert.Equal(
            "Tổng kinh phí phải bằng kinh phí đề nghị hỗ trợ cộng vốn đối ứng: vốn đối ứng cần là 900.000.000 đồng.",
            SingleError(result, ProposalFields.OwnContribution));
    }

    [Fact]
    public void Validate_AmountsThatDoNotAddUpInEnglish_UsesEnglishGrouping() =>
        Assert.Contains("900,000,000 VND",
            SingleError(ProposalValidator.Validate(ValidForm() with { OwnContribution = "1" }, Language.English), ProposalFields.OwnContribution),
            StringComparison.Ordinal);

    [Theory]
    [InlineData("01/03/2026", 2026, 3, 1)]
    [InlineData("1/3/2026", 2026, 3, 1)]
    [InlineData("2026-03-01", 2026, 3, 1)]
    [InlineData("31/12/2026", 2026, 12, 31)]
    public void Validate_DateAsDayMonthYearOrIso_IsThatDay(string date, int year, int month, int day)
    {
        // Issue 16 item 4: the form's boxes send dd/MM/yyyy; API clients keep yyyy-MM-dd.
        var result = ProposalValidator.Validate(ValidForm() with { StartDate = date, EndDate = "2027-01-31" });

        Assert.True(result.IsValid, string.Join(" ", result.FieldErrors.Select(e => e.Message)));
        Assert.Equal(new DateOnly(year, month, day), result.Submission!.StartDate);
    }

    [Theory]
    [InlineData("31/02/2026")]
    [InlineData("12/31/2026")]
    [InlineData("01-03-2026")]
    [InlineData("2026-3-1")]
    [InlineData("2026-02-30")]
    [InlineData("2026-13-01")]
    [InlineData("2026-03-01T00:00")]
    [InlineData("hôm nay")]
    public void Validate_MalformedDate_InvalidFormat(string date) =>
        Assert.Equal(FieldErrorCodes.InvalidFormat, ErrorCode(ValidForm() with { StartDate = date }, ProposalFields.StartDate));

    [Theory]
    [InlineData("1999-12-31")]
    [InlineData("2101-01-01")]
    public void Validate_DateOutsideSensibleYears_OutOfRange(string date) =>
        Assert.Equal(FieldErrorCodes.OutOfRange, ErrorCode(ValidForm() with { EndDate = date, StartDate = "2000-01-01" }, ProposalFields.EndDate));

    [Fact]
    public void Validate_EndBeforeStart_ReportsOnEndDate() =>
        Assert.Equal("Ngày kết thúc không được trước ngày bắt đầu.",
            SingleError(ProposalValidator.Validate(ValidForm() with { EndDate = "2026-02-28" }), ProposalFields.EndDate));

    [Fact]
    public void Validate_EndOnStartDay_Accepted() =>
        Assert.True(ProposalValidator.Validate(ValidForm() with { EndDate = "2026-03-01" }).IsValid);

    [Theory]
    [InlineData("0", 0)]
    [InlineData("25", 25)]
    [InlineData(" 100000 ", 100_000)]
    public void Validate_OptionalCount_Parsed(string text, int expected)
    {
        var result = ProposalValidator.Validate(ValidForm() with { ExpectedTrainees = text });

        Assert.True(result.IsValid);
        Assert.Equal(expected, result.Submission.ExpectedTrainees);
    }

    [Theory]
    [InlineData("-1", FieldErrorCodes.InvalidFormat)]
    [InlineData("2,5", FieldErrorCodes.InvalidFormat)]
    [InlineData("mười", FieldErrorCodes.InvalidFormat)]
    [InlineData("100001", FieldErrorCodes.OutOfRange)]
    [InlineData("99999999999999999999", FieldErrorCodes.OutOfRange)]
    public void Validate_BadOptionalCount_Rejected(string text, string code) =>
        Assert.Equal(code, ErrorCode(ValidForm() with { ExpectedJobs = text }, ProposalFields.ExpectedJobs));

    [Theory]
    [InlineData("Machinery Line")]
    [InlineData("DemonstrationModel")]
    [InlineData("2")]
    public void Validate_UnknownKind_UnknownChoice(string kind) =>
        Assert.Equal(FieldErrorCodes.UnknownChoice, ErrorCode(ValidForm() with { Kind = kind }, ProposalFields.Kind));

    [Fact]
    public void Validate_UnknownFundingSource_UnknownChoice() =>
        Assert.Equal(FieldErrorCodes.UnknownChoice, ErrorCode(ValidForm() with { FundingSource = "kcqg-2" }, ProposalFields.FundingSource));

    [Fact]
    public void Validate_UnknownProvince_AsksToChooseOneOfTheProvinces() =>
        Assert.Equal("Không tìm thấy tỉnh, thành phố này; vui lòng chọn một trong 34 tỉnh, thành phố.",
            SingleError(ProposalValidator.Validate(ValidForm() with { Province = "Hà Tây" }), ProposalFields.Province));

    [Theory]
    [InlineData("TP. Hồ Chí Minh", "ho-chi-minh")]
    [InlineData("Bà Rịa - Vũng Tàu", "ho-chi-minh")]
    [InlineData("Thừa Thiên Huế", "hue")]
    [InlineData("hai-duong", "hai-phong")]
    public void Validate_ProvinceByNameOrFormerName_StoredAsCurrentCode(string province, string code)
    {
        var result = ProposalValidator.Validate(ValidForm() with { Province = province });

        Assert.True(result.IsValid);
        Assert.Equal(code, result.Submission.Province);
    }

    [Theory]
    [InlineData(ProposalFields.OrganizationName, 200)]
    [InlineData(ProposalFields.Title, 300)]
    [InlineData(ProposalFields.Summary, 4000)]
    [InlineData(ProposalFields.Address, 300)]
    [InlineData(ProposalFields.Representative, 100)]
    [InlineData(ProposalFields.Sector, 100)]
    [InlineData(ProposalFields.Commune, 100)]
    public void Validate_TextAtAndOverMaxLength_AcceptedThenTooLong(string field, int max)
    {
        Assert.Equal(max, ProposalFieldRules.Get(field).MaxLength);
        var atMax = ProposalForm.FromFields(name => name == field ? new string('ê', max) : ValidForm().Get(name));
        var overMax = ProposalForm.FromFields(name => name == field ? new string('ê', max + 1) : ValidForm().Get(name));

        Assert.True(ProposalValidator.Validate(atMax).IsValid);
        Assert.Equal(FieldErrorCodes.TooLong, ErrorCode(overMax, field));
    }

    [Fact]
    public void Validate_DecomposedTextWithinLimitOnceComposed_Accepted()
    {
        // 200 'ế' typed decomposed are 600 UTF-16 code units, but 200 once normalised to NFC.
        var decomposed = new string('ế', 200).Normalize(NormalizationForm.FormD);
        Assert.True(decomposed.Length > 200);

        Assert.True(ProposalValidator.Validate(ValidForm() with { OrganizationName = decomposed }).IsValid);
    }

    [Fact]
    public void Validate_TooLongInVietnamese_NamesTheLimit() =>
        Assert.Equal("Tên đề án không được dài quá 300 ký tự.",
            SingleError(ProposalValidator.Validate(ValidForm() with { Title = new string('a', 301) }), ProposalFields.Title));

    [Theory]
    [InlineData("Hợp tác xã\u0000")]
    [InlineData("Hợp tác xã\u0007 Dệt")]
    [InlineData("\u202EHợp tác xã")]
    public void Validate_ControlCharacters_Rejected(string name) =>
        Assert.Equal(FieldErrorCodes.InvalidCharacters, ErrorCode(ValidForm() with { OrganizationName = name }, ProposalFields.OrganizationName));

    [Fact]
    public void Validate_ManyErrors_AtMostOnePerFieldInFormOrder()
    {
        var form = ValidForm() with { EndDate = "2026-01-01", TaxCode = "x", RequestedSupport = "abc", Email = "x" };

        var result = ProposalValidator.Validate(form);

        Assert.Equal([ProposalFields.TaxCode, ProposalFields.Email, ProposalFields.RequestedSupport, ProposalFields.EndDate],
            result.FieldErrors.Select(e => e.Field));
        Assert.All(result.Errors.Values, messages => Assert.Single(messages));
    }

    [Fact]
    public void Validate_EveryMessageForABadForm_IsComposedVietnameseOrPlainEnglish()
    {
        var bad = new ProposalForm
        {
            TaxCode = "1", Email = "x", Phone = "1", Province = "x", Kind = "x", FundingSource = "x", TotalCost = "x",
            RequestedSupport = "0", OwnContribution = "-", StartDate = "x", EndDate = "1900-01-01", ExpectedJobs = "x",
            ExpectedTrainees = "1000000", Title = new string('a', 301), OrganizationName = "\u0001",
            EntityType = "x", Activity = "x", SectorCode = "x", Priorities = "x", Beneficiaries = "x", RoundLevel = "x",
        };

        var vi = ProposalValidator.Validate(bad).FieldErrors;
        var en = ProposalValidator.Validate(bad, Language.English).FieldErrors;

        Assert.Equal(ProposalFields.All.Count, vi.Count);
        Assert.Equal(vi.Select(e => (e.Field, e.Code)), en.Select(e => (e.Field, e.Code)));
        Assert.All(vi, e => Assert.True(e.Message.IsNormalized(NormalizationForm.FormC) && e.Message.EndsWith('.'), e.Message));
        Assert.All(en, e => Assert.True(e.Message.All(c => c < 128 || c == '₫'), e.Message));
        Assert.All(vi.Zip(en), pair => Assert.NotEqual(pair.First.Message, pair.Second.Message));
    }

    [Fact]
    public void ToForm_ValidSubmission_ValidatesBackToAnEqualSubmission()
    {
        var first = ProposalValidator.Validate(ValidForm() with { Phone = "+84 912 345 678", Province = "Thái Bình", ExpectedTrainees = "40" });
        Assert.True(first.IsValid);

        var second = ProposalValidator.Validate(first.Submission.ToForm());

        Assert.True(second.IsValid);
        Assert.Equal(first.Submission, second.Submission);
    }

    [Fact]
    public void FromFields_LookupByCamelCaseName_FillsEveryProperty()
    {
        var fields = ProposalFields.All.ToDictionary(f => f, string? (f) => "v-" + f, StringComparer.Ordinal);

        var form = ProposalForm.FromFields(name => fields.GetValueOrDefault(name));

        Assert.Equal(fields, form.ToFields());
        Assert.Equal("v-ownContribution", form.OwnContribution);
    }

    [Fact]
    public void Validate_HugeStructuredValue_InvalidFormatWithoutParsing()
    {
        var huge = "0" + new string(' ', 100_000) + "x";

        Assert.Equal(FieldErrorCodes.InvalidFormat, ErrorCode(ValidForm() with { Phone = huge }, ProposalFields.Phone));
        Assert.Equal(FieldErrorCodes.InvalidFormat, ErrorCode(ValidForm() with { TotalCost = new string('9', 5000) }, ProposalFields.TotalCost));
    }

    [Fact]
    public void FieldRules_EveryField_HasOneRuleInFormOrder()
    {
        Assert.Equal(ProposalFields.All, ProposalFieldRules.All.Select(r => r.Name));
        Assert.All(ProposalFieldRules.All.Where(r => r.Name != ProposalFields.Beneficiaries), r => Assert.InRange(r.MaxLength, 1, 4000));
        Assert.Equal(
            [ProposalFields.ExpectedJobs, ProposalFields.ExpectedTrainees, ProposalFields.Activity, ProposalFields.SectorCode, ProposalFields.Priorities, ProposalFields.Beneficiaries, ProposalFields.RoundLevel],
            ProposalFieldRules.All.Where(r => !r.Required).Select(r => r.Name));
    }

    [Theory]
    [InlineData(ProposalFields.Email, 254)]
    [InlineData(ProposalFields.Phone, 20)]
    [InlineData(ProposalFields.Province, 100)]
    [InlineData(ProposalFields.TaxCode, 14)]
    public void FieldRules_StructuredField_HasMaxLengthForTheForm(string field, int max) =>
        Assert.Equal(max, ProposalFieldRules.Get(field).MaxLength);

    [Fact]
    public void FieldRules_ChoiceFields_ListTheCatalogueCodes()
    {
        Assert.Equal(34, ProposalFieldRules.Get(ProposalFields.Province).Choices!.Count);
        Assert.Contains("hung-yen", ProposalFieldRules.Get(ProposalFields.Province).Choices!);
        Assert.DoesNotContain("thai-binh", ProposalFieldRules.Get(ProposalFields.Province).Choices!);
        Assert.Equal(16, ProposalFieldRules.Get(ProposalFields.Kind).Choices!.Count);
        Assert.Equal(["national", "local"], ProposalFieldRules.Get(ProposalFields.FundingSource).Choices!);
        Assert.All(ProposalFieldRules.All.Where(r => r.Kind == FieldValueKind.Choice), r => Assert.Null(r.Pattern));
    }

    [Theory]
    [InlineData(ProposalFields.TaxCode, "0101234567-001")]
    [InlineData(ProposalFields.Email, "ten@congty.vn")]
    [InlineData(ProposalFields.Phone, "+84 912.345.678")]
    [InlineData(ProposalFields.Phone, "(024) 3823 1234")]
    [InlineData(ProposalFields.TotalCost, "1.200.000.000 đ")]
    [InlineData(ProposalFields.StartDate, "2026-03-01")]
    [InlineData(ProposalFields.ExpectedJobs, "25")]
    public void FieldRules_ValueMatchingBrowserPattern_AcceptedByServer(string field, string value)
    {
        var rule = ProposalFieldRules.Get(field);
        Assert.Matches(rule.Pattern!, value);
        Assert.InRange(value.Length, 1, rule.MaxLength);
        var form = ProposalForm.FromFields(name => name == field ? value : ValidForm().Get(name)) with
        {
            RequestedSupport = field == ProposalFields.TotalCost ? "300.000.000" : ValidForm().RequestedSupport,
        };

        Assert.True(ProposalValidator.Validate(form).IsValid);
    }

    [Fact]
    public void FieldRules_Labels_InBothLanguages()
    {
        Assert.Equal("Mã số thuế", ProposalFieldRules.Get(ProposalFields.TaxCode).Label(Language.Vietnamese));
        Assert.Equal("Tax code", ProposalFieldRules.Get(ProposalFields.TaxCode).Label(Language.English));
        Assert.All(ProposalFieldRules.All, r => Assert.False(string.IsNullOrWhiteSpace(r.VietnameseLabel) || string.IsNullOrWhiteSpace(r.EnglishLabel)));
        Assert.Equal(ProposalFieldRules.All.Count - 1, ProposalFieldRules.All.Count(r => r.VietnameseLabel != r.EnglishLabel)); // all but "Email"
    }
}
