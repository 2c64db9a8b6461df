using System.Globalization;
using KhuyenCong.Application.Appraisal;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Web.Components.Shared;

/// <summary>
/// The council's verdict in one line, as the director reads it on the approval page's summary and on the list of
/// decisions waiting: "Đạt, điểm trung bình 86,5/100 · Đề nghị hỗ trợ" (or "Chưa có kết luận").
/// </summary>
public static class CouncilVerdictText
{
    public static string Of(VerdictRecord? verdict, Language language)
    {
        var text = verdict is null
            ? new Bilingual("Chưa có kết luận", "No verdict yet")
            : new Bilingual(
                $"{(verdict.Passed ? "Đạt" : "Không đạt")}, điểm trung bình {Score(verdict, Language.Vietnamese)} · {RecommendationLabels.Of(verdict.Recommendation).Vietnamese}",
                $"{(verdict.Passed ? "Passed" : "Not passed")}, average {Score(verdict, Language.English)} · {RecommendationLabels.Of(verdict.Recommendation).English}");
        return text.In(language);
    }

    private static string Score(VerdictRecord verdict, Language language) =>
        $"{DisplayFormat.Percent(verdict.AverageTotal, language)}/{verdict.MaxTotal.ToString(CultureInfo.InvariantCulture)}";
}
