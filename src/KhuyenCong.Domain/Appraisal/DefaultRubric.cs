namespace KhuyenCong.Domain.Appraisal;

/// <summary>
/// The rubric seeded the first time the rubric is read, until an administrator saves another version.
/// </summary>
/// <remarks>
/// No official scoring rubric for khuyến công proposals was found (the texts of Circular 46/2012/TT-BCT and its
/// amendments were not available). This one follows comparable Vietnamese programmes, which score 100 points over a
/// few criterion groups and pass at 70 (agricultural promotion, Decree 83/2018/NĐ-CP) or 65 (trade promotion). It is
/// data: the Centre can change it (PUT /api/rubric) without a release.
/// </remarks>
public static class DefaultRubric
{
    public const string Id = "khuyen-cong";

    public static Rubric Create() => new(
        Id,
        1,
        [
            new RubricCriterion(
                "necessity",
                "Sự cần thiết và phù hợp",
                "Necessity and fit",
                "Sự cần thiết của đề án; phù hợp với chương trình, kế hoạch khuyến công và định hướng phát triển của địa phương; đúng đối tượng, nội dung được hỗ trợ.",
                "Why the proposal is needed; fit with the khuyến công programme and plan and with local development plans; eligible beneficiary and content.",
                20),
            new RubricCriterion(
                "feasibility",
                "Tính khả thi về kỹ thuật và công nghệ",
                "Technical and technological feasibility",
                "Giải pháp kỹ thuật, máy móc, công nghệ phù hợp và tiên tiến; tiến độ và dự toán kinh phí hợp lý, có báo giá.",
                "Sound and advanced technical solution, machinery and technology; realistic schedule and cost estimate backed by quotes.",
                25),
            new RubricCriterion(
                "capacity",
                "Năng lực của cơ sở và vốn đối ứng",
                "Establishment's capacity and matching funds",
                "Kinh nghiệm, nhân lực, mặt bằng sản xuất của cơ sở; khả năng và cam kết bố trí vốn đối ứng.",
                "The establishment's experience, staff and premises; its ability and commitment to provide its own matching money.",
                20),
            new RubricCriterion(
                "impact",
                "Hiệu quả kinh tế – xã hội (việc làm, lan tỏa)",
                "Economic and social impact (jobs, spillover)",
                "Việc làm và thu nhập tạo ra, năng suất và giá trị tăng thêm, khả năng nhân rộng và lan tỏa cho các cơ sở khác.",
                "Jobs and income created, productivity and added value, and how far the results can be replicated by other establishments.",
                25),
            new RubricCriterion(
                "sustainability",
                "Tính bền vững và bảo vệ môi trường",
                "Sustainability and environmental protection",
                "Khả năng duy trì sau khi kết thúc hỗ trợ; sản xuất sạch hơn, tiết kiệm năng lượng, xử lý chất thải.",
                "Whether the results last after the support ends; cleaner production, energy saving and waste treatment.",
                10),
        ],
        70);
}
