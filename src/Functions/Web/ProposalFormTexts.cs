using System.Globalization;
using KhuyenCong.Domain.Attachments;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Functions.Web;

/// <summary>A text in Vietnamese and English.</summary>
public sealed record LocalizedText(string Vietnamese, string English)
{
    public string In(Language language) => language == Language.English ? English : Vietnamese;
}

/// <summary>The proposal form's own texts (labels come from <see cref="ProposalFieldRules"/>).</summary>
internal static class ProposalFormTexts
{
    private static readonly string MaxFileMegabytes = (AttachmentRules.MaxFileBytes / 1024 / 1024).ToString(CultureInfo.InvariantCulture);
    private static readonly string MaxTotalMegabytes = (AttachmentRules.MaxTotalBytes / 1024 / 1024).ToString(CultureInfo.InvariantCulture);
    private static readonly string MaxFiles = AttachmentRules.MaxFiles.ToString(CultureInfo.InvariantCulture);
    private static readonly string Extensions = string.Join(", ", AttachmentRules.AllowedExtensions);

    public static readonly LocalizedText Title = new("Đăng ký đề án khuyến công", "Submit an industrial promotion proposal");

    public static readonly LocalizedText Intro = new(
        "Điền các mục dưới đây rồi bấm “Gửi đề án”. Mục ghi “bắt buộc” phải điền. Sau khi gửi, bạn nhận được mã theo dõi để xem tình trạng hồ sơ.",
        "Fill in the sections below, then press “Submit proposal”. Fields marked “required” must be filled in. After sending, you get a tracking code to follow your proposal.");

    public static readonly LocalizedText Required = new("bắt buộc", "required");
    public static readonly LocalizedText Optional = new("không bắt buộc", "optional");
    public static readonly LocalizedText ChooseOption = new("— Chọn —", "— Choose —");

    public static readonly LocalizedText GroupEstablishment = new("Cơ sở đề xuất", "Proposing establishment");
    public static readonly LocalizedText GroupContent = new("Nội dung đề án", "Proposal content");
    public static readonly LocalizedText GroupFunding = new("Kinh phí", "Funding");
    public static readonly LocalizedText GroupSchedule = new("Thời gian và kết quả", "Schedule and results");
    public static readonly LocalizedText GroupAttachments = new("Hồ sơ đính kèm", "Attached documents");

    public static readonly LocalizedText AttachmentsLabel = new("Tệp đính kèm", "Files");

    public static readonly LocalizedText AttachmentsHint = new(
        $"Nên gồm: thuyết minh đề án, giấy đăng ký kinh doanh, dự toán kèm báo giá, cam kết vốn đối ứng. Nhận tệp {Extensions}; tối đa {MaxFiles} tệp, mỗi tệp không quá {MaxFileMegabytes} MB, tổng cộng không quá {MaxTotalMegabytes} MB.",
        $"Usually: the project description, the business registration, the cost estimate with quotes and the commitment of own funds. Accepted: {Extensions}; at most {MaxFiles} files, each up to {MaxFileMegabytes} MB, {MaxTotalMegabytes} MB in total.");

    public static readonly LocalizedText Submit = new("Gửi đề án", "Submit proposal");
    public static readonly LocalizedText ErrorSummaryTitle = new("Vui lòng kiểm tra lại các mục sau", "Please check the following");

    public static readonly LocalizedText CapTitle = new("Mức hỗ trợ tối đa", "Support cap");
    public static readonly LocalizedText CapChoose = new(
        "Chọn tỉnh, thành phố, loại đề án và nguồn kinh phí để xem mức hỗ trợ tối đa.",
        "Choose the province, the type of proposal and the funding source to see the support cap.");
    public static readonly LocalizedText CapNone = new(
        "Chưa có mức hỗ trợ tối đa cho loại đề án và nguồn kinh phí này; cán bộ khuyến công sẽ xem xét mức hỗ trợ.",
        "There is no cap on record for this type of proposal and funding source; the promotion officers will assess the support.");
    public static readonly LocalizedText CapUnavailable = new(
        "Tạm thời không tải được mức hỗ trợ tối đa. Bạn vẫn gửi đề án được bình thường.",
        "The support caps could not be loaded just now. You can still submit your proposal.");
    public static readonly LocalizedText CapMaxPercent = new("Tỷ lệ hỗ trợ tối đa", "Maximum share of the cost");
    public static readonly LocalizedText CapMaxAmount = new("Số tiền hỗ trợ tối đa", "Maximum amount");
    public static readonly LocalizedText CapBasis = new("Căn cứ", "Legal basis");
    public static readonly LocalizedText CapMaxSupport = new("Mức hỗ trợ tối đa với tổng kinh phí đã nhập", "Most you can request for this total cost");
    public static readonly LocalizedText RequestedPercent = new("Tỷ lệ đề nghị hỗ trợ", "Requested share of the cost");
    public static readonly LocalizedText OwnComputed = new("Vốn đối ứng (tổng kinh phí trừ kinh phí đề nghị hỗ trợ)", "Own contribution (total cost minus requested support)");
    public static readonly LocalizedText CapList = new("Các mức hỗ trợ tối đa đang áp dụng", "Support caps in force");
    public static readonly LocalizedText Nationwide = new("toàn quốc", "nationwide");

    private static readonly Dictionary<string, LocalizedText> Hints = new(StringComparer.Ordinal)
    {
        [ProposalFields.OrganizationName] = new("Ghi đúng tên trên giấy đăng ký kinh doanh, ví dụ: Hộ kinh doanh Nguyễn Văn Bình.",
            "As on the business registration, for example: Hộ kinh doanh Nguyễn Văn Bình."),
        [ProposalFields.TaxCode] = new("10 chữ số, hoặc 10 chữ số, dấu gạch ngang và 3 chữ số với chi nhánh (ví dụ 0101234567 hoặc 0101234567-001).",
            "10 digits, or 10 digits, a dash and 3 digits for a branch (for example 0101234567 or 0101234567-001)."),
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
        [ProposalFields.StartDate] = new("Ngày dự kiến bắt đầu thực hiện.", "Planned start."),
        [ProposalFields.EndDate] = new("Ngày dự kiến hoàn thành, không trước ngày bắt đầu.", "Planned end, not before the start."),
        [ProposalFields.ExpectedJobs] = new("Số lao động dự kiến có việc làm nhờ đề án.", "Number of people expected to get work from the proposal."),
        [ProposalFields.ExpectedTrainees] = new("Số người dự kiến được đào tạo, truyền nghề.", "Number of people expected to be trained."),
    };

    /// <summary>The hint under a field's label, or null.</summary>
    public static string? Hint(string field, Language language) => Hints.TryGetValue(field, out var hint) ? hint.In(language) : null;

    /// <summary>Texts the script shows, with {placeholders} it fills in.</summary>
    public static IReadOnlyDictionary<string, string> ForScript(Language l)
    {
        var texts = new Dictionary<string, LocalizedText>(StringComparer.Ordinal)
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
        return texts.ToDictionary(t => t.Key, t => t.Value.In(l), StringComparer.Ordinal);
    }
}
