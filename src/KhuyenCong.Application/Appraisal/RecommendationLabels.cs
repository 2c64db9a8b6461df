using KhuyenCong.Domain.Appraisal;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Application.Appraisal;

/// <summary>How a reviewer's (or the council's) recommendation reads, in the order the score sheet offers them.</summary>
public static class RecommendationLabels
{
    public static IReadOnlyList<Recommendation> InSheetOrder { get; } = [Recommendation.Approve, Recommendation.Revise, Recommendation.Reject];

    public static Bilingual Of(Recommendation recommendation) => recommendation switch
    {
        Recommendation.Approve => new("Đồng ý hỗ trợ", "Approve"),
        Recommendation.Revise => new("Đề nghị chỉnh sửa, bổ sung", "Revise"),
        _ => new("Không đồng ý", "Reject"),
    };
}
