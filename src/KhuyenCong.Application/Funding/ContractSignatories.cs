using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Application.Funding;

/// <summary>
/// Who signs a đề án's contract on the funder's side: the province's Industrial Promotion Centre, or, for national
/// money, the Ministry of Industry and Trade's department (Cục Đổi mới sáng tạo, Chuyển đổi xanh và Khuyến công) where
/// it signs itself. Recorded as the officer states it: which one the law names for a national đề án (Circular
/// 36/2013/TT-BCT as amended) was not confirmed in the text, so national contracts take either, local ones only the
/// Centre.
/// </summary>
public static class ContractSignatories
{
    public const string Centre = "centre";

    public const string Ministry = "ministry";

    public static readonly Bilingual Invalid = new(
        "Bên ký hợp đồng là \"centre\" (Trung tâm Khuyến công) hoặc, với đề án khuyến công quốc gia, \"ministry\" (Bộ Công Thương).",
        "The signatory is \"centre\" (the Industrial Promotion Centre) or, for a national đề án, \"ministry\" (the Ministry of Industry and Trade).");

    /// <summary>The signatory given (the Centre when none is: the contracts the Centre records are its own unless said otherwise); null when it is not allowed.</summary>
    public static string? Resolve(string? given, FundingSource source) => given switch
    {
        null or "" => Centre,
        Centre => Centre,
        Ministry when source == FundingSource.National => Ministry,
        _ => null,
    };

    public static Bilingual Label(string? signatory) => signatory == Ministry
        ? new("Bộ Công Thương (Cục Đổi mới sáng tạo, Chuyển đổi xanh và Khuyến công)", "The Ministry of Industry and Trade (its khuyến công department)")
        : new("Trung tâm Khuyến công", "The Industrial Promotion Centre");
}
