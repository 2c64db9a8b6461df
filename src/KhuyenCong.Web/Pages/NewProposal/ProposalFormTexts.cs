using System.Globalization;
using KhuyenCong.Domain.Attachments;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Web.Pages.NewProposal;

/// <summary>
/// The proposal form's texts that more than one place shows: the page and its script (<see cref="ForScript"/>), or the
/// page and the other pages with proposal fields (the revision link's form). Labels come from
/// <see cref="ProposalFieldRules"/>; a text only one component shows is written in that component.
/// </summary>
public static class ProposalFormTexts
{
    private static readonly string MaxFileMegabytes = (AttachmentRules.MaxFileBytes / 1024 / 1024).ToString(CultureInfo.InvariantCulture);
    private static readonly string MaxTotalMegabytes = (AttachmentRules.MaxTotalBytes / 1024 / 1024).ToString(CultureInfo.InvariantCulture);
    private static readonly string MaxFiles = AttachmentRules.MaxFiles.ToString(CultureInfo.InvariantCulture);
    private static readonly string Extensions = string.Join(", ", AttachmentRules.AllowedExtensions);

    /// <summary>After a label, on the pages not yet built with components (RequirementMark says it on the others).</summary>
    public static readonly Bilingual Required = new("bắt buộc", "required");

    /// <summary>After a label, on the pages not yet built with components.</summary>
    public static readonly Bilingual Optional = new("không bắt buộc", "optional");

    /// <summary>The empty first option of a list, on the pages not yet built with components (SelectField says it on the others).</summary>
    public static readonly Bilingual ChooseOption = new("— Chọn —", "— Choose —");

    public static readonly Bilingual ErrorSummaryTitle = new("Vui lòng kiểm tra lại các mục sau", "Please check the following");

    public static readonly Bilingual AttachmentsHint = new(
        $"Nên gồm: thuyết minh đề án, giấy đăng ký kinh doanh, dự toán kèm báo giá, cam kết vốn đối ứng. Nhận tệp {Extensions}; tối đa {MaxFiles} tệp, mỗi tệp không quá {MaxFileMegabytes} MB, tổng cộng không quá {MaxTotalMegabytes} MB.",
        $"Usually: the project description, the business registration, the cost estimate with quotes and the commitment of own funds. Accepted: {Extensions}; at most {MaxFiles} files, each up to {MaxFileMegabytes} MB, {MaxTotalMegabytes} MB in total.");

    public static readonly Bilingual CapChoose = new(
        "Chọn tỉnh, thành phố, loại đề án và nguồn kinh phí để xem mức hỗ trợ tối đa.",
        "Choose the province, the type of proposal and the funding source to see the support cap.");

    public static readonly Bilingual CapNone = new(
        "Chưa có mức hỗ trợ tối đa cho loại đề án và nguồn kinh phí này; cán bộ khuyến công sẽ xem xét mức hỗ trợ.",
        "There is no cap on record for this type of proposal and funding source; the promotion officers will assess the support.");

    private static readonly Dictionary<string, Bilingual> Hints = new(StringComparer.Ordinal)
    {
        [ProposalFields.OrganizationName] = new("Ghi đúng tên trên giấy đăng ký kinh doanh, ví dụ: Hộ kinh doanh Nguyễn Văn Bình.",
            "As on the business registration, for example: Hộ kinh doanh Nguyễn Văn Bình."),
        [ProposalFields.TaxCode] = new("10 chữ số, hoặc 10 chữ số, dấu gạch ngang và 3 chữ số với chi nhánh (ví dụ 0101234567 hoặc 0101234567-001); hộ kinh doanh ghi số định danh cá nhân 12 chữ số.",
            "10 digits, or 10 digits, a dash and 3 digits for a branch (for example 0101234567 or 0101234567-001); a household business gives its 12-digit personal identification number."),
        [ProposalFields.EntityType] = new("Loại hình theo Nghị định 45/2012/NĐ-CP (sửa đổi bởi Nghị định 235/2025/NĐ-CP), ví dụ hộ kinh doanh, hợp tác xã, doanh nghiệp nhỏ và vừa.",
            "As Decree 45/2012/NĐ-CP (amended by Decree 235/2025/NĐ-CP) lists them, for example household business, cooperative, small or medium enterprise."),
        [ProposalFields.Activity] = new("Không bắt buộc: để trống thì lấy nội dung chính của loại đề án đã chọn.",
            "Optional: left empty, the main activity of the chosen type of proposal applies."),
        [ProposalFields.SectorCode] = new("Chọn nhóm ngành nghề; chọn \"Khác\" và ghi ngành nghề bên dưới nếu không có trong danh sách.",
            "Choose the sector group; choose \"Other\" and write the sector below if it is not listed."),
        [ProposalFields.Representative] = new("Họ và tên người đại diện theo pháp luật hoặc chủ hộ kinh doanh.",
            "Full name of the legal representative or of the household business owner."),
        [ProposalFields.Email] = new("Để nhận thông báo về hồ sơ, ví dụ ten@congty.vn.", "For news about your proposal, for example name@company.vn."),
        [ProposalFields.Phone] = new("Số di động hoặc số cố định, ví dụ 0912 345 678.", "Mobile or landline, for example 0912 345 678."),
        [ProposalFields.Address] = new("Số nhà, đường, thôn, xóm nơi cơ sở sản xuất.", "House number, street and village of the establishment."),
        [ProposalFields.Commune] = new("Tên xã, phường hoặc đặc khu hiện nay (sau ngày 1/7/2025).", "The current commune, ward or special zone (since 1 July 2025)."),
        [ProposalFields.Province] = new("34 tỉnh, thành phố hiện nay (sau ngày 1/7/2025).", "The 34 current provinces and cities (since 1 July 2025)."),
        [ProposalFields.Kind] = new("Nội dung khuyến công đề nghị hỗ trợ.", "What the support is for."),
        [ProposalFields.Sector] = new("Ví dụ: chế biến nông sản, may mặc, cơ khí, bao bì nhựa.", "For example: food processing, garments, mechanical engineering."),
        [ProposalFields.FundingSource] = new("Quốc gia: ngân sách trung ương; địa phương: ngân sách của tỉnh.", "National: the national budget; local: the province's budget."),
        [ProposalFields.Title] = new("Ví dụ: Ứng dụng máy sấy nông sản tiên tiến.", "For example: Applying an advanced crop dryer."),
        [ProposalFields.Summary] = new("Mục tiêu, nội dung chính, địa điểm và cách thực hiện.", "Aims, main content, place and how it will be done."),
        [ProposalFields.TotalCost] = new("Tính bằng đồng, ví dụ 600.000.000.", "In VND (đồng), for example 600,000,000."),
        [ProposalFields.RequestedSupport] = new("Số tiền đề nghị ngân sách hỗ trợ, tính bằng đồng.", "The amount asked from the budget, in VND."),
        [ProposalFields.OwnContribution] = new("Phần cơ sở tự chi: tổng kinh phí trừ kinh phí đề nghị hỗ trợ, tính bằng đồng.",
            "What the establishment pays itself: total cost minus requested support, in VND."),
        [ProposalFields.StartDate] = new("Ngày dự kiến bắt đầu thực hiện, theo dạng ngày/tháng/năm, ví dụ 01/04/2026.", "Planned start, as day/month/year, for example 01/04/2026."),
        [ProposalFields.EndDate] = new("Ngày dự kiến hoàn thành, không trước ngày bắt đầu, ví dụ 31/10/2026.", "Planned end, not before the start, for example 31/10/2026."),
        [ProposalFields.ExpectedJobs] = new("Số lao động dự kiến có việc làm nhờ đề án.", "Number of people expected to get work from the proposal."),
        [ProposalFields.ExpectedTrainees] = new("Số người dự kiến được đào tạo, truyền nghề.", "Number of people expected to be trained."),
        [ProposalFields.RoundLevel] = new(
            "Chỉ điền cho đợt bình chọn sản phẩm công nghiệp nông thôn tiêu biểu (do Ủy ban nhân dân hoặc Bộ Công Thương tổ chức): cấp xã, tỉnh dùng kinh phí địa phương; cấp khu vực, quốc gia dùng kinh phí quốc gia.",
            "Only for a typical rural industrial product round (organised by a People's Committee or the Ministry): commune and province rounds use local money, regional and national rounds national money."),
    };

    private static readonly Dictionary<string, Bilingual> ScriptTexts = new(StringComparer.Ordinal)
    {
        ["currency"] = new("đồng", "VND"),
        ["errorSummaryTitle"] = ErrorSummaryTitle,
        ["capChoose"] = CapChoose,
        ["capNone"] = CapNone,
        ["capExceedsAmount"] = new("Kinh phí đề nghị hỗ trợ vượt số tiền hỗ trợ tối đa.", "The requested support is above the maximum amount."),
        ["capExceedsPercent"] = new("Tỷ lệ đề nghị hỗ trợ vượt tỷ lệ hỗ trợ tối đa.", "The requested share is above the maximum share."),
        ["ownMismatch"] = new(
            "Vốn đối ứng đã nhập ({own} đồng) chưa khớp: tổng kinh phí trừ kinh phí đề nghị hỗ trợ là {expected} đồng.",
            "The own contribution entered ({own} VND) does not add up: total cost minus requested support is {expected} VND."),
        ["filesSelected"] = new("Đã chọn {count} tệp, tổng {size}.", "{count} file(s) selected, {size} in total."),
        ["tooManyFiles"] = new($"Chỉ gửi được tối đa {MaxFiles} tệp.", $"You can attach at most {MaxFiles} files."),
        ["fileTooLarge"] = new($"Tệp “{{name}}” lớn hơn {MaxFileMegabytes} MB.", $"The file “{{name}}” is larger than {MaxFileMegabytes} MB."),
        ["filesTooLarge"] = new($"Tổng dung lượng các tệp vượt {MaxTotalMegabytes} MB.", $"The files are more than {MaxTotalMegabytes} MB in total."),
        ["fileType"] = new($"Tệp “{{name}}” không đúng loại; chỉ nhận {Extensions}.", $"The file “{{name}}” is not an accepted type; accepted: {Extensions}."),
        ["fileEmpty"] = new("Tệp “{name}” trống.", "The file “{name}” is empty."),
        ["sending"] = new("Đang gửi hồ sơ… {percent}%", "Sending… {percent}%"),
        ["sent"] = new("Đã gửi. Đang mở trang theo dõi…", "Sent. Opening the tracking page…"),
        ["serverInvalid"] = new("Hồ sơ chưa hợp lệ; vui lòng sửa các mục được đánh dấu.", "The proposal is not valid yet; please correct the marked fields."),
        ["tooLarge"] = new(
            $"Hồ sơ quá lớn để gửi. Mỗi tệp tối đa {MaxFileMegabytes} MB, tổng cộng tối đa {MaxTotalMegabytes} MB: hãy bớt hoặc thu nhỏ tệp rồi gửi lại.",
            $"The proposal is too large to send. Each file may be up to {MaxFileMegabytes} MB and {MaxTotalMegabytes} MB in total: remove or shrink files and send again."),
        ["unsupportedType"] = new(
            $"Có tệp không đúng loại. Chỉ nhận {Extensions}.",
            $"A file is not of an accepted type. Accepted: {Extensions}."),
        ["tryAgain"] = new(
            "Chưa gửi được do mạng hoặc máy chủ đang bận. Thông tin đã nhập vẫn còn nguyên; vui lòng thử lại sau ít phút.",
            "The proposal could not be sent: the network or the server is busy. What you entered is kept; please try again in a few minutes."),
        ["unexpected"] = new(
            "Có lỗi khi gửi hồ sơ (mã {status}). Thông tin đã nhập vẫn còn nguyên; vui lòng thử lại.",
            "Something went wrong while sending (code {status}). What you entered is kept; please try again."),
    };

    /// <summary>The hint under a field's label, or null.</summary>
    public static Bilingual? Hint(string field) => Hints.GetValueOrDefault(field);

    /// <summary>Texts the script shows, with {placeholders} it fills in, in <paramref name="language"/>.</summary>
    public static IReadOnlyDictionary<string, string> ForScript(Language language) =>
        ScriptTexts.ToDictionary(t => t.Key, t => t.Value.In(language), StringComparer.Ordinal);
}
