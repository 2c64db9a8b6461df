using System.Net;

namespace KhuyenCong.IntegrationTests.Proposals;

/// <summary>Bad field values: 400 naming the field, a message in the request's language, nothing stored.</summary>
[Collection(IntakeCollection.Name)]
public class SubmitProposalValidationTests(IntakeFixture fixture) : IntakeTestBase(fixture)
{
    private Task RejectedJsonAsync(Dictionary<string, object?> form, string field, string vietnamese, string english) =>
        RejectedInBothLanguagesAsync(() => ProposalForms.Json(form), HttpStatusCode.BadRequest, field, vietnamese, english);

    [Theory]
    [InlineData("organizationName", "Vui lòng nhập tên tổ chức, cơ sở.", "Please enter the name of the organization.")]
    [InlineData("taxCode", "Vui lòng nhập mã số thuế.", "Please enter the tax code.")]
    [InlineData("representative", "Vui lòng nhập họ tên người đại diện.", "Please enter the representative's name.")]
    [InlineData("email", "Vui lòng nhập email.", "Please enter an email address.")]
    [InlineData("phone", "Vui lòng nhập số điện thoại.", "Please enter a phone number.")]
    [InlineData("address", "Vui lòng nhập địa chỉ.", "Please enter the address.")]
    [InlineData("commune", "Vui lòng nhập xã, phường hoặc đặc khu.", "Please enter the commune, ward or special zone.")]
    [InlineData("province", "Vui lòng chọn tỉnh, thành phố.", "Please select the province or city.")]
    [InlineData("kind", "Vui lòng chọn loại đề án.", "Please select the type of proposal.")]
    [InlineData("sector", "Vui lòng nhập ngành nghề, lĩnh vực.", "Please enter the sector.")]
    [InlineData("fundingSource", "Vui lòng chọn nguồn kinh phí.", "Please select the funding source.")]
    [InlineData("title", "Vui lòng nhập tên đề án.", "Please enter the title of the proposal.")]
    [InlineData("summary", "Vui lòng nhập tóm tắt đề án.", "Please enter a summary.")]
    [InlineData("totalCost", "Vui lòng nhập tổng kinh phí.", "Please enter the total cost.")]
    [InlineData("requestedSupport", "Vui lòng nhập kinh phí đề nghị hỗ trợ.", "Please enter the requested support.")]
    [InlineData("ownContribution", "Vui lòng nhập vốn đối ứng của cơ sở.", "Please enter the own contribution.")]
    [InlineData("startDate", "Vui lòng nhập ngày bắt đầu.", "Please enter the start date.")]
    [InlineData("endDate", "Vui lòng nhập ngày kết thúc.", "Please enter the end date.")]
    public Task Submit_RequiredFieldMissing_Returns400ForThatFieldAndStoresNothing(string field, string vietnamese, string english) =>
        RejectedJsonAsync(ProposalForms.Valid().Without(field), field, vietnamese, english);

    [Theory]
    [InlineData("title", "   ")]
    [InlineData("organizationName", "\r\n\t")]
    public Task Submit_RequiredFieldBlankInMultipart_Returns400Required(string field, string blank)
    {
        var form = ProposalForms.Valid().With(field, blank);
        var (vi, en) = field == "title"
            ? ("Vui lòng nhập tên đề án.", "Please enter the title of the proposal.")
            : ("Vui lòng nhập tên tổ chức, cơ sở.", "Please enter the name of the organization.");
        return RejectedInBothLanguagesAsync(() => ProposalForms.Multipart(form).Build(), HttpStatusCode.BadRequest, field, vi, en);
    }

    [Theory]
    [InlineData("organizationName", 200, "Tên tổ chức, cơ sở", "Organization name")]
    [InlineData("representative", 100, "Người đại diện", "Representative")]
    [InlineData("address", 300, "Địa chỉ", "Address")]
    [InlineData("commune", 100, "Xã, phường, đặc khu", "Commune, ward or special zone")]
    [InlineData("sector", 100, "Ngành nghề, lĩnh vực", "Sector")]
    [InlineData("title", 300, "Tên đề án", "Proposal title")]
    [InlineData("summary", 4000, "Tóm tắt đề án", "Summary")]
    [InlineData("email", 254, "Email", "Email")]
    public Task Submit_TextOneCharacterTooLong_Returns400TooLong(string field, int maxLength, string vietnameseLabel, string englishLabel)
    {
        const string domain = "@example.vn";
        var value = field == "email" ? new string('a', maxLength + 1 - domain.Length) + domain : new string('ệ', maxLength + 1);
        return RejectedJsonAsync(ProposalForms.Valid().With(field, value), field,
            $"{vietnameseLabel} không được dài quá {maxLength} ký tự.", $"{englishLabel} must be at most {maxLength} characters long.");
    }

    [Theory]
    [InlineData("010123456")]
    [InlineData("01012345AB")]
    [InlineData("0101234567-01")]
    [InlineData("0101234567 001")]
    [InlineData("01012345678")]
    public Task Submit_BadTaxCode_Returns400TaxCode(string taxCode) =>
        RejectedJsonAsync(ProposalForms.Valid().With("taxCode", taxCode), "taxCode",
            "Mã số thuế gồm 10 chữ số, hoặc 10 chữ số, dấu gạch ngang và 3 chữ số (ví dụ 0101234567-001); hộ kinh doanh dùng số định danh cá nhân 12 chữ số của người đại diện.",
            "The tax code has 10 digits, or 10 digits, a dash and 3 digits (for example 0101234567-001); a household business uses the representative's 12-digit personal identification number.");

    [Theory]
    [InlineData("nguyen.an")]
    [InlineData("an@")]
    [InlineData("an@example")]
    [InlineData("an..nguyen@example.vn")]
    [InlineData("an nguyen@example.vn")]
    [InlineData("nguyễn@example.vn")]
    public Task Submit_BadEmail_Returns400Email(string email) =>
        RejectedJsonAsync(ProposalForms.Valid().With("email", email), "email",
            "Địa chỉ email không hợp lệ (ví dụ ten@congty.vn).", "Enter a valid email address (for example name@company.vn).");

    [Theory]
    [InlineData("12345")]
    [InlineData("0112345678")]
    [InlineData("091234567")]
    [InlineData("09123456789")]
    [InlineData("+1 202 555 0100")]
    [InlineData("0912abc678")]
    public Task Submit_BadPhone_Returns400Phone(string phone) =>
        RejectedJsonAsync(ProposalForms.Valid().With("phone", phone), "phone",
            "Số điện thoại không hợp lệ: nhập số di động 10 chữ số bắt đầu bằng 03, 05, 07, 08, 09 hoặc số cố định bắt đầu bằng 02 (có thể có mã +84).",
            "Enter a Vietnamese phone number: a 10-digit mobile number starting with 03, 05, 07, 08 or 09, or a landline number starting with 02 (+84 is accepted).");

    [Theory]
    [InlineData("totalCost", "0", "Tổng kinh phí phải lớn hơn 0.", "Total cost must be greater than 0.")]
    [InlineData("requestedSupport", "0", "Kinh phí đề nghị hỗ trợ phải lớn hơn 0.", "Requested support must be greater than 0.")]
    [InlineData("requestedSupport", 0, "Kinh phí đề nghị hỗ trợ phải lớn hơn 0.", "Requested support must be greater than 0.")]
    [InlineData("totalCost", "-600000000", "Tổng kinh phí phải là số tiền nguyên tính bằng đồng, ví dụ 1.200.000.000.", "Total cost must be a whole amount in VND, for example 1,200,000,000.")]
    [InlineData("totalCost", -600000000, "Tổng kinh phí phải là số tiền nguyên tính bằng đồng, ví dụ 1.200.000.000.", "Total cost must be a whole amount in VND, for example 1,200,000,000.")]
    [InlineData("ownContribution", "-1", "Vốn đối ứng phải là số tiền nguyên tính bằng đồng, ví dụ 1.200.000.000.", "Own contribution must be a whole amount in VND, for example 1,200,000,000.")]
    [InlineData("requestedSupport", "hai trăm triệu", "Kinh phí đề nghị hỗ trợ phải là số tiền nguyên tính bằng đồng, ví dụ 1.200.000.000.", "Requested support must be a whole amount in VND, for example 1,200,000,000.")]
    [InlineData("totalCost", "600000000.5", "Tổng kinh phí phải là số tiền nguyên tính bằng đồng, ví dụ 1.200.000.000.", "Total cost must be a whole amount in VND, for example 1,200,000,000.")]
    [InlineData("ownContribution", "350.000,000", "Vốn đối ứng phải là số tiền nguyên tính bằng đồng, ví dụ 1.200.000.000.", "Own contribution must be a whole amount in VND, for example 1,200,000,000.")]
    [InlineData("totalCost", "9999999999999999", "Tổng kinh phí không được vượt quá 999.999.999.999.999 đồng.", "Total cost cannot exceed 999,999,999,999,999 VND.")]
    public Task Submit_NonPositiveOrNonNumericAmount_Returns400ForThatAmount(string field, object value, string vietnamese, string english) =>
        RejectedJsonAsync(ProposalForms.Valid().With(field, value), field, vietnamese, english);

    [Fact]
    public Task Submit_RequestedSupportAboveTotalCost_Returns400RequestedSupport() =>
        RejectedJsonAsync(
            ProposalForms.Valid().With("totalCost", "200.000.000").With("requestedSupport", "250.000.000").With("ownContribution", "0"),
            "requestedSupport", "Kinh phí đề nghị hỗ trợ không được lớn hơn tổng kinh phí.", "The requested support cannot exceed the total cost.");

    [Fact]
    public Task Submit_OwnContributionPlusRequestedNotTotal_Returns400OwnContributionWithTheExpectedAmount() =>
        RejectedJsonAsync(ProposalForms.Valid().With("ownContribution", "300.000.000"), "ownContribution",
            "Tổng kinh phí phải bằng kinh phí đề nghị hỗ trợ cộng vốn đối ứng: vốn đối ứng cần là 350.000.000 đồng.",
            "The total cost must equal the requested support plus the own contribution: the own contribution should be 350,000,000 VND.");

    [Fact]
    public async Task Submit_NationalMachineryOverTheAmountCap_Returns400RequestedSupportCitingTheCap()
    {
        var form = ProposalForms.Valid().With("totalCost", "800.000.000").With("requestedSupport", "350.000.000").With("ownContribution", "450.000.000");

        var vi = await RejectedAsync(() => ProposalForms.Json(form), HttpStatusCode.BadRequest, "requestedSupport", null);
        var en = await RejectedAsync(() => ProposalForms.Json(form), HttpStatusCode.BadRequest, "requestedSupport", null, english: true);

        // TT 28/2018/TT-BTC art. 8 cl. 4: "không quá 300 triệu đồng/cơ sở".
        Assert.StartsWith("Kinh phí đề nghị hỗ trợ (350.000.000 đồng) vượt mức hỗ trợ tối đa 300.000.000 đồng/cơ sở (Thông tư 28/2018/TT-BTC Điều 8 khoản 4", vi, StringComparison.Ordinal);
        Assert.StartsWith("The requested support (350,000,000 VND) exceeds the maximum of 300,000,000 VND per establishment (Thông tư 28/2018/TT-BTC Điều 8 khoản 4", en, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_NationalMachineryOverThePercentCap_Returns400RequestedSupportCitingTheShare()
    {
        var form = ProposalForms.Valid().With("totalCost", "500.000.000").With("requestedSupport", "300.000.000").With("ownContribution", "200.000.000");

        var vi = await RejectedAsync(() => ProposalForms.Json(form), HttpStatusCode.BadRequest, "requestedSupport", null);
        var en = await RejectedAsync(() => ProposalForms.Json(form), HttpStatusCode.BadRequest, "requestedSupport", null, english: true);

        Assert.StartsWith("Kinh phí đề nghị hỗ trợ bằng 60% tổng kinh phí, vượt mức tối đa 50% (", vi, StringComparison.Ordinal);
        Assert.StartsWith("The requested support is 60% of the total cost, above the maximum of 50% (", en, StringComparison.Ordinal);
    }

    [Fact]
    public Task Submit_EndDateBeforeStartDate_Returns400EndDate() =>
        RejectedJsonAsync(ProposalForms.Valid().With("startDate", "2026-06-01").With("endDate", "2026-05-31"), "endDate",
            "Ngày kết thúc không được trước ngày bắt đầu.", "The end date cannot be before the start date.");

    [Theory]
    [InlineData("startDate", "2026-02-30", "Ngày bắt đầu không hợp lệ: nhập ngày có thật theo dạng ngày/tháng/năm, ví dụ 31/03/2026.", "Start date must be a real date written day/month/year, for example 31/03/2026.")]
    [InlineData("endDate", "31/13/2026", "Ngày kết thúc không hợp lệ: nhập ngày có thật theo dạng ngày/tháng/năm, ví dụ 31/03/2026.", "End date must be a real date written day/month/year, for example 31/03/2026.")]
    [InlineData("endDate", "30/02/2026", "Ngày kết thúc không hợp lệ: nhập ngày có thật theo dạng ngày/tháng/năm, ví dụ 31/03/2026.", "End date must be a real date written day/month/year, for example 31/03/2026.")]
    [InlineData("startDate", "2026-3-1", "Ngày bắt đầu không hợp lệ: nhập ngày có thật theo dạng ngày/tháng/năm, ví dụ 31/03/2026.", "Start date must be a real date written day/month/year, for example 31/03/2026.")]
    [InlineData("startDate", "1999-12-31", "Ngày bắt đầu phải trong khoảng từ 01/01/2000 đến 31/12/2100.", "Start date must be between 2000-01-01 and 2100-12-31.")]
    [InlineData("endDate", "2101-01-01", "Ngày kết thúc phải trong khoảng từ 01/01/2000 đến 31/12/2100.", "End date must be between 2000-01-01 and 2100-12-31.")]
    public Task Submit_InvalidDate_Returns400ForThatDate(string field, string value, string vietnamese, string english) =>
        RejectedJsonAsync(ProposalForms.Valid().With(field, value), field, vietnamese, english);

    [Theory]
    [InlineData("kind", "may-moc", "Loại đề án không hợp lệ; vui lòng chọn trong danh sách.", "Proposal type is not valid; choose one from the list.")]
    [InlineData("fundingSource", "international", "Nguồn kinh phí không hợp lệ; vui lòng chọn trong danh sách.", "Funding source is not valid; choose one from the list.")]
    [InlineData("province", "Atlantis", "Không tìm thấy tỉnh, thành phố này; vui lòng chọn một trong 34 tỉnh, thành phố.", "This province or city was not found; choose one of the 34 provinces and cities.")]
    public Task Submit_UnknownChoice_Returns400ForThatChoice(string field, string value, string vietnamese, string english) =>
        RejectedJsonAsync(ProposalForms.Valid().With(field, value), field, vietnamese, english);

    [Theory]
    [InlineData("expectedJobs", "-3", "Số việc làm dự kiến phải là số nguyên không âm, ví dụ 25.", "Expected jobs must be a whole number, 0 or more, for example 25.")]
    [InlineData("expectedTrainees", "100001", "Số người dự kiến được đào tạo không được vượt quá 100.000.", "Expected trainees cannot exceed 100,000.")]
    public Task Submit_BadCount_Returns400ForThatCount(string field, string value, string vietnamese, string english) =>
        RejectedJsonAsync(ProposalForms.Valid().With(field, value), field, vietnamese, english);

    [Fact]
    public Task Submit_ControlCharacterInText_Returns400InvalidCharacters() =>
        RejectedJsonAsync(ProposalForms.Valid().With("title", "Máy phay CNC\u0007"), "title",
            "Tên đề án chứa ký tự không được phép (ký tự điều khiển).", "Proposal title contains characters that are not allowed (control characters).");

    [Theory]
    [InlineData("\u200B")]
    [InlineData("\uFEFF\u200D")]
    [InlineData(" \u2060 \u200C ")]
    public Task Submit_TextOfOnlyInvisibleCharacters_Returns400Required(string invisible) =>
        RejectedJsonAsync(ProposalForms.Valid().With("title", invisible), "title", "Vui lòng nhập tên đề án.", "Please enter the title of the proposal.");
}
