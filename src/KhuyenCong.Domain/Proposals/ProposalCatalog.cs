using System.Diagnostics.CodeAnalysis;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Domain.Proposals;

/// <summary>The proposal kinds and funding sources with their stable codes and names; lists and parses them.</summary>
public static class ProposalCatalog
{
    /// <summary>Every proposal kind, in the order a form should list them.</summary>
    public static IReadOnlyList<CatalogEntry<ProposalKind>> Kinds { get; } =
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

    /// <summary>Both funding sources.</summary>
    public static IReadOnlyList<CatalogEntry<FundingSource>> FundingSources { get; } =
    [
        new(FundingSource.National, "national", "Khuyến công quốc gia", "National industrial promotion (national budget)", "KCQG"),
        new(FundingSource.Local, "local", "Khuyến công địa phương", "Local industrial promotion (provincial budget)", "KCĐP"),
    ];

    /// <summary>The entry of a kind.</summary>
    public static CatalogEntry<ProposalKind> Get(ProposalKind kind) =>
        Kinds.FirstOrDefault(e => e.Value == kind) ?? throw new ArgumentOutOfRangeException(nameof(kind), kind, null);

    /// <summary>The entry of a funding source.</summary>
    public static CatalogEntry<FundingSource> Get(FundingSource source) =>
        FundingSources.FirstOrDefault(e => e.Value == source) ?? throw new ArgumentOutOfRangeException(nameof(source), source, null);

    /// <summary>The stable code of a kind ("technology-line").</summary>
    public static string ToCode(this ProposalKind kind) => Get(kind).Code;

    /// <summary>The stable code of a funding source ("national", "local").</summary>
    public static string ToCode(this FundingSource source) => Get(source).Code;

    /// <summary>The name of a kind in a language.</summary>
    public static string DisplayName(this ProposalKind kind, Language language) => Name(Get(kind), language);

    /// <summary>The name of a funding source in a language.</summary>
    public static string DisplayName(this FundingSource source, Language language) => Name(Get(source), language);

    /// <summary>Parses a kind code, ignoring case and surrounding spaces. Enum names and numbers are not accepted.</summary>
    public static bool TryParseKind(string? code, out ProposalKind kind) => TryParse(Kinds, code, out kind);

    /// <summary>Parses a funding source code ("national", "local"), ignoring case and surrounding spaces.</summary>
    public static bool TryParseFundingSource(string? code, out FundingSource source) => TryParse(FundingSources, code, out source);

    private static string Name<T>(CatalogEntry<T> entry, Language language)
        where T : struct, Enum =>
        language == Language.English ? entry.EnglishName : entry.VietnameseName;

    private static bool TryParse<T>(IReadOnlyList<CatalogEntry<T>> entries, string? code, [MaybeNullWhen(false)] out T value)
        where T : struct, Enum
    {
        var trimmed = code?.Trim();
        var entry = entries.FirstOrDefault(e => string.Equals(e.Code, trimmed, StringComparison.OrdinalIgnoreCase));
        value = entry?.Value ?? default;
        return entry is not null;
    }
}
