using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Appraisal;
using KhuyenCong.Domain.Budgets;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Web.Pages.Staff;

/// <summary>The words the staff pages show for the workflow's outcomes and states (never their codes).</summary>
public static class StaffLabels
{
    public static Bilingual Of(ScreeningOutcome outcome) => outcome switch
    {
        ScreeningOutcome.Accept => new("tiếp nhận", "accepted"),
        ScreeningOutcome.Reject => new("không tiếp nhận", "rejected"),
        _ => new("yêu cầu bổ sung hồ sơ", "documents requested"),
    };

    public static Bilingual Of(ReviewState state) => state switch
    {
        ReviewState.Invited => new("đang chờ", "waiting"),
        ReviewState.Submitted => new("đã chấm", "submitted"),
        ReviewState.Conflict => new("xung đột lợi ích", "conflict of interest"),
        ReviewState.Closed => new("đã đóng", "closed"),
        _ => new("đã thay", "replaced"),
    };

    public static Bilingual Of(Recommendation recommendation) => recommendation switch
    {
        Recommendation.Approve => new("đồng ý hỗ trợ", "approve"),
        Recommendation.Revise => new("đề nghị chỉnh sửa, bổ sung", "revise"),
        _ => new("không đồng ý", "reject"),
    };

    public static Bilingual Of(DirectorOutcome outcome) => outcome switch
    {
        DirectorOutcome.Approve => new("phê duyệt", "approved"),
        DirectorOutcome.Reject => new("không phê duyệt", "rejected"),
        _ => new("yêu cầu chỉnh sửa", "revision requested"),
    };

    /// <summary>A province as stored (a code such as "hung-yen", or a name as imported) by its name.</summary>
    public static string Province(string province) =>
        KhuyenCong.Domain.Geography.ProvinceCatalog.TryParse(province, out var found) ? found.Name : province;

    /// <summary>Who made a change: the workflow ("system") and the applicant ("applicant") by words, staff by their name.</summary>
    public static Bilingual Actor(string? by) => by switch
    {
        "system" or "(system)" => new("hệ thống (tự động)", "the system (automatic)"),
        "applicant" => new("cơ sở", "the applicant"),
        null or "" => new("không rõ", "unknown"),
        _ => Bilingual.Same(StaffName(by)),
    };

    /// <summary>A staff actor is stored as "name (object id)": the page shows the name.</summary>
    private static string StaffName(string by)
    {
        var open = by.LastIndexOf(" (", StringComparison.Ordinal);
        return open > 0 && by.EndsWith(')') ? by[..open] : by;
    }

    public static Bilingual Of(PaymentKind kind) => kind == PaymentKind.Final
        ? new("thanh toán cuối (quyết toán)", "final payment (settlement)")
        : new("tạm ứng", "advance");
}
