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

    public static Bilingual Of(PaymentKind kind) => kind == PaymentKind.Final
        ? new("thanh toán cuối (quyết toán)", "final payment (settlement)")
        : new("tạm ứng", "advance");
}
