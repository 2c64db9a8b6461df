using KhuyenCong.Domain.Geography;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.UnitTests.Domain;

public class ProvinceCatalogTests
{
    // DOMAIN.md, "Provinces before and after 1/7/2025", copied as written there.
    private static readonly string[] Unchanged =
        ["Hà Nội", "Huế", "Cao Bằng", "Điện Biên", "Lai Châu", "Sơn La", "Lạng Sơn", "Quảng Ninh", "Thanh Hóa", "Nghệ An", "Hà Tĩnh"];

    private static readonly (string New, string[] Absorbed)[] Merged =
    [
        ("Tuyên Quang", ["Hà Giang"]), ("Lào Cai", ["Yên Bái"]), ("Thái Nguyên", ["Bắc Kạn"]),
        ("Phú Thọ", ["Vĩnh Phúc", "Hòa Bình"]), ("Bắc Ninh", ["Bắc Giang"]), ("Hưng Yên", ["Thái Bình"]),
        ("Hải Phòng", ["Hải Dương"]), ("Ninh Bình", ["Hà Nam", "Nam Định"]), ("Quảng Trị", ["Quảng Bình"]),
        ("Đà Nẵng", ["Quảng Nam"]), ("Quảng Ngãi", ["Kon Tum"]), ("Gia Lai", ["Bình Định"]),
        ("Khánh Hòa", ["Ninh Thuận"]), ("Lâm Đồng", ["Đắk Nông", "Bình Thuận"]), ("Đắk Lắk", ["Phú Yên"]),
        ("Hồ Chí Minh", ["Bình Dương", "Bà Rịa - Vũng Tàu"]), ("Đồng Nai", ["Bình Phước"]), ("Tây Ninh", ["Long An"]),
        ("Cần Thơ", ["Sóc Trăng", "Hậu Giang"]), ("Vĩnh Long", ["Bến Tre", "Trà Vinh"]), ("Đồng Tháp", ["Tiền Giang"]),
        ("Cà Mau", ["Bạc Liêu"]), ("An Giang", ["Kiên Giang"]),
    ];

    [Fact]
    public void Current_AfterMerger_Has34UniqueNamesAndCodes()
    {
        Assert.Equal(34, ProvinceCatalog.Current.Count);
        Assert.Equal(34, ProvinceCatalog.Current.Select(p => p.Name).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(34, ProvinceCatalog.Current.Select(p => p.Code).Distinct(StringComparer.Ordinal).Count());
        Assert.All(ProvinceCatalog.Current, p => Assert.True(p.IsCurrent));
    }

    [Fact]
    public void Current_Names_AreExactlyTheUnchangedAndNewNamesOfDomainDoc()
    {
        var expected = Unchanged.Concat(Merged.Select(m => m.New)).Order(StringComparer.Ordinal);

        Assert.Equal(expected, ProvinceCatalog.Current.Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Former_BeforeMerger_Has63UniqueNamesAndCodes()
    {
        Assert.Equal(63, ProvinceCatalog.Former.Count);
        Assert.Equal(63, ProvinceCatalog.Former.Select(p => p.Name).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(63, ProvinceCatalog.Former.Select(p => p.Code).Distinct(StringComparer.Ordinal).Count());
        Assert.All(ProvinceCatalog.Former, p => Assert.False(p.IsCurrent));
    }

    [Fact]
    public void Former_Names_AreExactlyTheProvincesNamedInDomainDoc()
    {
        var expected = Unchanged.Concat(Merged.SelectMany(m => m.Absorbed.Prepend(m.New))).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(63, expected.Count);
        Assert.Equal(expected, ProvinceCatalog.Former.Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ToCurrent_EveryFormerProvince_MapsToExactlyOneCurrentProvince()
    {
        foreach (var former in ProvinceCatalog.Former)
        {
            var current = ProvinceCatalog.ToCurrent(former);
            Assert.Single(ProvinceCatalog.Current, p => p.Code == current.Code);
        }

        var covered = ProvinceCatalog.Former.Select(f => f.CurrentCode).Distinct(StringComparer.Ordinal).Count();
        Assert.Equal(34, covered);
    }

    [Fact]
    public void FormerPartsOf_EveryCurrentProvince_MatchesMergerListOfDomainDoc()
    {
        foreach (var name in Unchanged)
        {
            Assert.True(ProvinceCatalog.TryParseCurrent(name, out var current));
            Assert.Equal([name], ProvinceCatalog.FormerPartsOf(current).Select(p => p.Name));
        }

        foreach (var (newName, absorbed) in Merged)
        {
            Assert.True(ProvinceCatalog.TryParseCurrent(newName, out var current));
            var parts = ProvinceCatalog.FormerPartsOf(current).Select(p => p.Name).Order(StringComparer.Ordinal);
            Assert.Equal(absorbed.Append(newName).Order(StringComparer.Ordinal), parts);
            foreach (var old in absorbed)
            {
                Assert.True(ProvinceCatalog.TryParseFormer(old, out var former));
                Assert.Equal(current, ProvinceCatalog.ToCurrent(former));
            }
        }
    }

    [Fact]
    public void Codes_AllProvinces_AreLowerCaseAsciiSlugsOfTheName()
    {
        foreach (var province in ProvinceCatalog.Former.Concat(ProvinceCatalog.Current))
        {
            Assert.Matches("^[a-z]+(-[a-z]+)*$", province.Code);
            var slug = string.Join('-', VietnameseText.Fold(province.Name).Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries));
            Assert.Equal(slug, province.Code);
        }
    }

    [Theory]
    [InlineData("Hưng Yên", "hung-yen")]
    [InlineData("hung yen", "hung-yen")]
    [InlineData("  TỈNH   HƯNG YÊN ", "hung-yen")]
    [InlineData("hung-yen", "hung-yen")]
    [InlineData("TP. Hồ Chí Minh", "ho-chi-minh")]
    [InlineData("Thành phố Hồ Chí Minh", "ho-chi-minh")]
    [InlineData("Hồ Chí Minh", "ho-chi-minh")]
    [InlineData("HCM", "ho-chi-minh")]
    [InlineData("TP.HCM", "ho-chi-minh")]
    [InlineData("tphcm", "ho-chi-minh")]
    [InlineData("Ho Chi Minh City", "ho-chi-minh")]
    [InlineData("Hanoi", "ha-noi")]
    [InlineData("Thanh Hoá", "thanh-hoa")]
    [InlineData("Đắk Lắk", "dak-lak")]
    [InlineData("Dak Lak", "dak-lak")]
    public void TryParseCurrent_CodeOrNameInAnyCommonForm_ReturnsProvince(string input, string code)
    {
        Assert.True(ProvinceCatalog.TryParseCurrent(input, out var province));
        Assert.Equal(code, province.Code);
        Assert.True(province.IsCurrent);
    }

    [Fact]
    public void TryParseCurrent_DecomposedName_ReturnsProvince()
    {
        Assert.True(ProvinceCatalog.TryParseCurrent("Đà Nẵng".Normalize(System.Text.NormalizationForm.FormD), out var province));
        Assert.Equal("da-nang", province.Code);
    }

    [Theory]
    [InlineData("Thái Bình", "thai-binh", "hung-yen")]
    [InlineData("thai-binh", "thai-binh", "hung-yen")]
    [InlineData("Tỉnh Bà Rịa - Vũng Tàu", "ba-ria-vung-tau", "ho-chi-minh")]
    [InlineData("Bà Rịa–Vũng Tàu", "ba-ria-vung-tau", "ho-chi-minh")]
    [InlineData("Bình Dương", "binh-duong", "ho-chi-minh")]
    [InlineData("Hải Dương", "hai-duong", "hai-phong")]
    [InlineData("Kon Tum", "kon-tum", "quang-ngai")]
    [InlineData("Bắc Cạn", "bac-kan", "thai-nguyen")]
    public void TryParse_FormerOnlyProvince_ReturnsFormerMappedToCurrent(string input, string formerCode, string currentCode)
    {
        Assert.False(ProvinceCatalog.TryParseCurrent(input, out _));
        Assert.True(ProvinceCatalog.TryParse(input, out var former));
        Assert.False(former.IsCurrent);
        Assert.Equal(formerCode, former.Code);
        Assert.Equal(currentCode, former.CurrentCode);
        Assert.True(ProvinceCatalog.TryResolveCurrent(input, out var current));
        Assert.Equal(currentCode, current.Code);
        Assert.True(current.IsCurrent);
    }

    [Theory]
    [InlineData("Thừa Thiên Huế")]
    [InlineData("thua thien hue")]
    [InlineData("Thành phố Huế")]
    public void TryResolveCurrent_HueUnderAnyName_ReturnsHue(string input)
    {
        Assert.True(ProvinceCatalog.TryResolveCurrent(input, out var province));
        Assert.Equal("hue", province.Code);
        Assert.Equal("Huế", province.Name);
    }

    [Fact]
    public void TryParse_NameOfProvinceThatKeptItsName_PrefersCurrent()
    {
        Assert.True(ProvinceCatalog.TryParse("Hưng Yên", out var province));
        Assert.True(province.IsCurrent);
        Assert.True(ProvinceCatalog.TryParseFormer("Hưng Yên", out var former));
        Assert.False(former.IsCurrent);
        Assert.Equal("hung-yen", former.CurrentCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Tỉnh")]
    [InlineData("Hưng")]
    [InlineData("Paris")]
    [InlineData("Hà Tây")]
    public void TryResolveCurrent_UnknownInput_ReturnsFalse(string? input) =>
        Assert.False(ProvinceCatalog.TryResolveCurrent(input, out _));

    [Fact]
    public void FullName_CityAndProvince_UseTheRightPrefix()
    {
        Assert.Equal("Thành phố Hồ Chí Minh", ProvinceCatalog.FindCurrent("ho-chi-minh")!.FullName);
        Assert.Equal("Tỉnh Hưng Yên", ProvinceCatalog.FindCurrent("hung-yen")!.FullName);
        Assert.Equal(6, ProvinceCatalog.Current.Count(p => p.Type == ProvinceType.City));
    }

    [Fact]
    public void FindCurrent_FormerOnlyCode_ReturnsNull()
    {
        Assert.Null(ProvinceCatalog.FindCurrent("thai-binh"));
        Assert.NotNull(ProvinceCatalog.FindFormer("thai-binh"));
    }
}
