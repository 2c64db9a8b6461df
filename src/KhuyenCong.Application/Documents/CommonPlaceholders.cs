using KhuyenCong.Domain.Documents;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Application.Documents;

/// <summary>
/// The placeholders every kind has, filled by the engine from the settings and the document's number and date: the
/// Decree 30/2020 header (superior body, issuer, number, place and date) and the signature block.
/// </summary>
public static class CommonPlaceholders
{
    /// <summary>What a line to be filled in by hand looks like when a value is not known.</summary>
    public const string Blank = "…………………………";

    public static PlaceholderSet Set { get; } = new(
    [
        new("issuer.superior", false, "Cơ quan chủ quản trực tiếp (dòng trên cùng bên trái, chữ in hoa)", "SỞ CÔNG THƯƠNG HƯNG YÊN"),
        new("issuer.name", true, "Cơ quan ban hành văn bản (chữ in hoa, đậm)", "TRUNG TÂM KHUYẾN CÔNG"),
        new("issuer.address", false, "Địa chỉ của cơ quan ban hành", "(địa chỉ trụ sở)"),
        new("issuer.phone", false, "Số điện thoại của cơ quan ban hành", "(số điện thoại)"),
        new("document.number", true, "Số và ký hiệu văn bản (sau chữ \"Số:\")", "07/BB-TTKC"),
        new("document.date", false, "Ngày văn bản, dạng dd/MM/yyyy", "05/03/2026"),
        new("document.longDate", false, "Ngày văn bản, dạng \"ngày 05 tháng 3 năm 2026\"", "ngày 05 tháng 3 năm 2026"),
        new("document.dateLine", true, "Địa danh và ngày tháng năm ban hành", "Hưng Yên, ngày 05 tháng 3 năm 2026"),
        new("document.place", false, "Địa danh", "Hưng Yên"),
        new("signer.authority", false, "Quyền hạn ký (KT., TM., TL., ...; trống khi người đứng đầu ký)", "KT. GIÁM ĐỐC"),
        new("signer.title", false, "Chức vụ người ký (chữ in hoa)", "PHÓ GIÁM ĐỐC"),
        new("signer.name", false, "Họ và tên người ký", "Nguyễn Văn An"),
    ]);

    /// <summary>The common values of a document of <paramref name="kind"/> numbered <paramref name="number"/>, dated <paramref name="date"/>.</summary>
    public static DocumentValues Values(DocumentKindInfo kind, DocumentsOptions options, string number, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(options);
        var issuer = options.Issuer(kind.Issuer);
        return new DocumentValues()
            .Set("issuer.superior", issuer.Superior)
            .Set("issuer.name", issuer.Name)
            .Set("issuer.address", OrBlank(issuer.Address))
            .Set("issuer.phone", OrBlank(issuer.Phone))
            .Set("document.number", number)
            .Set("document.date", OfficialFormat.ShortDate(date))
            .Set("document.longDate", OfficialFormat.LongDate(date))
            .Set("document.dateLine", OfficialFormat.DateLine(options.Place, date))
            .Set("document.place", options.Place)
            .Set("signer.authority", issuer.SignerAuthority)
            .Set("signer.title", issuer.SignerTitle)
            .Set("signer.name", issuer.SignerName);
    }

    /// <summary>The value, or a line to fill in by hand.</summary>
    public static string OrBlank(string? value) => string.IsNullOrWhiteSpace(value) ? Blank : value;

    /// <summary>The full symbol of a kind's numbers: "BB-TTKC".</summary>
    public static string Symbol(DocumentKindInfo kind, DocumentsOptions options)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(options);
        return kind.TypeSymbol + "-" + options.Issuer(kind.Issuer).Symbol;
    }
}
