using KhuyenCong.Domain.Proposals;

namespace KhuyenCong.Domain.Caps;

/// <summary>
/// The national (KCQG) caps of DOMAIN.md, to seed the cap data. Sources: Circular 28/2018/TT-BTC, amended by
/// Circular 64/2024/TT-BTC; the texts themselves were not available, so check the figures, and whether 64/2024 changed
/// them, before relying on them.
/// </summary>
public static class NationalCaps
{
    /// <summary>
    /// Effective date of Circular 28/2018/TT-BTC (signed 28/3/2018, in force from 10/5/2018, as far as we know: the date
    /// given in the brief, not checked against the text).
    /// </summary>
    public static readonly DateOnly Circular28EffectiveFrom = new(2018, 5, 10);

    private const string Circular = "Thông tư 28/2018/TT-BTC, sửa đổi bởi Thông tư 64/2024/TT-BTC";

    /// <summary>
    /// The national caps, nationwide (province null), in force from <see cref="Circular28EffectiveFrom"/> with no end.
    /// Only the amount is known for demonstration models, typical products and clusters: their percent is 100, meaning
    /// "no percentage limit known", not "fully funded". Typical products use the regional round (200 million); the
    /// national round (400 million) needs a kind of its own if it is ever proposed this way. Kinds without a cap in
    /// DOMAIN.md (training, brand, consulting...) have none here.
    /// </summary>
    public static IReadOnlyList<SupportCap> Seed { get; } =
    [
        Cap(ProposalKind.Machinery, 50m, 300_000_000,
            "ứng dụng máy móc thiết bị tiên tiến, chuyển giao công nghệ: tối đa 50% chi phí, không quá 300 triệu đồng/cơ sở"),
        Cap(ProposalKind.TechnologyLine, 50m, 450_000_000,
            "dây chuyền công nghệ hoàn chỉnh: 1,5 lần mức hỗ trợ máy móc thiết bị, không quá 450 triệu đồng"),
        Cap(ProposalKind.DemonstrationModel, 100m, 1_000_000_000,
            "mô hình trình diễn kỹ thuật: không quá 1.000 triệu đồng/mô hình"),
        Cap(ProposalKind.TypicalProduct, 100m, 200_000_000,
            "bình chọn sản phẩm công nghiệp nông thôn tiêu biểu cấp khu vực: không quá 200 triệu đồng/đợt"),
        Cap(ProposalKind.Cluster, 100m, 6_000_000_000,
            "hạ tầng cụm công nghiệp: không quá 6.000 triệu đồng/cụm"),
    ];

    private static SupportCap Cap(ProposalKind kind, decimal maxPercent, long maxAmount, string what) =>
        new(FundingSource.National, null, kind, Circular28EffectiveFrom, null, maxPercent, maxAmount, $"{Circular}: {what}");
}
