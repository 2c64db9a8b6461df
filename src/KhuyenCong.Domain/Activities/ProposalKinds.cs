using KhuyenCong.Domain.Reference;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Domain.Activities;

/// <summary>The proposal kinds (groups of activities) with their stable codes and names; lists and parses them.</summary>
public static class ProposalKinds
{
    /// <summary>Every proposal kind, in the order a form should list them.</summary>
    public static IReadOnlyList<CatalogEntry<ProposalKind>> All { get; } =
    [
        new(ProposalKind.Training, "training", "Đào tạo nghề, truyền nghề", "Vocational training and skills transfer"),
        new(ProposalKind.DemonstrationModel, "demonstration-model", "Mô hình trình diễn kỹ thuật", "Technical demonstration model"),
        new(ProposalKind.Machinery, "machinery", "Ứng dụng máy móc thiết bị tiên tiến, chuyển giao công nghệ", "Advanced machinery and technology transfer"),
        new(ProposalKind.TechnologyLine, "technology-line", "Dây chuyền công nghệ hoàn chỉnh", "Complete technology line"),
        new(ProposalKind.TypicalProduct, "typical-product", "Sản phẩm công nghiệp nông thôn tiêu biểu", "Typical rural industrial product"),
        new(ProposalKind.Brand, "brand", "Xây dựng, đăng ký nhãn hiệu", "Brand building and trademark registration"),
        new(ProposalKind.ManagementTraining, "management-training", "Đào tạo, nâng cao năng lực quản lý", "Management training and capacity building"),
        new(ProposalKind.Cluster, "cluster", "Hạ tầng cụm công nghiệp", "Industrial-cluster infrastructure"),
        new(ProposalKind.TradePromotion, "trade-promotion", "Hội chợ, triển lãm, xúc tiến thương mại", "Fairs, exhibitions and trade promotion"),
        new(ProposalKind.Consulting, "consulting", "Tư vấn, trợ giúp cơ sở công nghiệp nông thôn", "Consulting and assistance to rural industrial establishments"),
        new(ProposalKind.CleanerProduction, "cleaner-production", "Sản xuất sạch hơn", "Cleaner production"),
        new(ProposalKind.DigitalTransformation, "digital-transformation", "Chuyển đổi số", "Digital transformation"),
        new(ProposalKind.EnterpriseEstablishment, "enterprise-establishment", "Hỗ trợ thành lập doanh nghiệp sản xuất công nghiệp nông thôn", "Setting up a rural industrial enterprise"),
        new(ProposalKind.Communication, "communication", "Thông tin, tuyên truyền về khuyến công", "Information and communication on industrial promotion"),
        new(ProposalKind.CapacityBuilding, "capacity-building", "Nâng cao năng lực quản lý, tổ chức thực hiện khuyến công", "Capacity building for industrial promotion staff"),
        new(ProposalKind.ArtisanSupport, "artisan-support", "Hỗ trợ nghệ nhân bảo tồn, phát triển nghề", "Support for artisans"),
    ];

    /// <summary>The entry of a kind.</summary>
    public static CatalogEntry<ProposalKind> Get(ProposalKind kind) =>
        All.FirstOrDefault(e => e.Value == kind) ?? throw new ArgumentOutOfRangeException(nameof(kind), kind, null);

    /// <summary>The stable code of a kind ("technology-line").</summary>
    public static string ToCode(this ProposalKind kind) => Get(kind).Code;

    /// <summary>The name of a kind in a language.</summary>
    public static string DisplayName(this ProposalKind kind, Language language) => Get(kind).Name(language);

    /// <summary>Parses a kind code, ignoring case and surrounding spaces. Enum names and numbers are not accepted.</summary>
    public static bool TryParse(string? code, out ProposalKind kind) => CatalogEntries.TryParse(All, code, out kind);
}
