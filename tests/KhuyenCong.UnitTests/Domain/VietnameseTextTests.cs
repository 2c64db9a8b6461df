using System.Text;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.UnitTests.Domain;

public class VietnameseTextTests
{
    [Theory]
    [InlineData("Đề án Khuyến công", "de an khuyen cong")]
    [InlineData("  Hưng   Yên ", "hung yen")]
    [InlineData("THỪA THIÊN HUẾ", "thua thien hue")]
    [InlineData("Sản phẩm công nghiệp\tnông thôn\ntiêu biểu", "san pham cong nghiep nong thon tieu bieu")]
    [InlineData("Đắk Lắk", "dak lak")]
    [InlineData("Bà Rịa - Vũng Tàu", "ba ria - vung tau")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Fold_VietnameseText_LowerCaseWithoutDiacritics(string? input, string expected) =>
        Assert.Equal(expected, VietnameseText.Fold(input));

    [Fact]
    public void Fold_DecomposedAndComposedInput_GiveTheSameKey()
    {
        const string composed = "Nguyễn Thị Hồng Nhung";
        var decomposed = composed.Normalize(NormalizationForm.FormD);

        Assert.NotEqual(composed, decomposed);
        Assert.Equal(VietnameseText.Fold(composed), VietnameseText.Fold(decomposed));
        Assert.Equal("nguyen thi hong nhung", VietnameseText.Fold(decomposed));
    }

    [Fact]
    public void RemoveDiacritics_MixedCase_KeepsCase() =>
        Assert.Equal("Da Nang va Ho Chi Minh", VietnameseText.RemoveDiacritics("Đà Nẵng và Hồ Chí Minh"));

    [Fact]
    public void Normalize_DecomposedHungYen_ReturnsComposedString()
    {
        var decomposed = "Hưng Yên".Normalize(NormalizationForm.FormD);

        var normalized = VietnameseText.Normalize(decomposed);

        Assert.Equal("H\u01B0ng Y\u00EAn", normalized);
        Assert.Equal(8, normalized.Length);
        Assert.True(normalized.IsNormalized(NormalizationForm.FormC));
    }

    [Theory]
    [InlineData("  Hợp tác xã   Mây tre\t đan  ", "Hợp tác xã Mây tre đan")]
    [InlineData("Dòng 1\r\nDòng 2", "Dòng 1 Dòng 2")]
    [InlineData("\u00A0Cơ sở\u202Fdệt may\u00A0", "Cơ sở dệt may")]
    [InlineData("   ", "")]
    [InlineData(null, "")]
    public void Normalize_SingleLine_TrimsAndCollapsesWhitespace(string? input, string expected) =>
        Assert.Equal(expected, VietnameseText.Normalize(input));

    [Fact]
    public void Normalize_MultiLine_KeepsLineBreaksAndOneBlankLine()
    {
        const string input = "\r\n  Mục tiêu:   đổi mới  máy móc \r\n\r\n\r\n  Nội dung:\tlắp đặt\rdây chuyền  \n\n";

        var normalized = VietnameseText.Normalize(input, TextMode.MultiLine);

        Assert.Equal("Mục tiêu: đổi mới máy móc\n\nNội dung: lắp đặt\ndây chuyền", normalized);
    }

    [Fact]
    public void Normalize_LoneSurrogate_ReplacedInsteadOfThrowing() =>
        Assert.Equal("a\uFFFDb", VietnameseText.Normalize(new string(['a', '\uD800', 'b'])));

    [Theory]
    [InlineData("Cơ sở\u0000 dệt")]
    [InlineData("Cơ sở\u001B[31m")]
    [InlineData("abc\u007F")]
    [InlineData("abc\u0085")]
    [InlineData("tên\u202Egnp.exe")]
    [InlineData("x\u2066y")]
    public void HasForbiddenCharacters_ControlOrBidiOrLoneSurrogate_ReturnsTrue(string input) =>
        Assert.True(VietnameseText.HasForbiddenCharacters(input));

    [Fact]
    public void HasForbiddenCharacters_LoneSurrogate_ReturnsTrue()
    {
        // Built at run time: attribute arguments are stored as UTF-8, which cannot hold a lone surrogate.
        var loneLow = new string(['x', '\uDC00']);
        var loneHigh = new string(['\uD800', 'x']);

        Assert.True(VietnameseText.HasForbiddenCharacters(loneLow));
        Assert.True(VietnameseText.HasForbiddenCharacters(loneHigh));
    }

    [Theory]
    [InlineData("Hợp tác xã Mây tre đan")]
    [InlineData("Dòng 1\r\nDòng 2\tcột")]
    [InlineData("Biểu tượng 😀 hợp lệ")]
    [InlineData("")]
    [InlineData(null)]
    public void HasForbiddenCharacters_OrdinaryText_ReturnsFalse(string? input) =>
        Assert.False(VietnameseText.HasForbiddenCharacters(input));

    [Theory]
    [InlineData("en", Language.English)]
    [InlineData("EN-us", Language.English)]
    [InlineData("vi", Language.Vietnamese)]
    [InlineData("fr", Language.Vietnamese)]
    [InlineData("english", Language.Vietnamese)]
    [InlineData(null, Language.Vietnamese)]
    public void LanguageCodesParse_Code_ReturnsLanguageDefaultingToVietnamese(string? code, Language expected) =>
        Assert.Equal(expected, LanguageCodes.Parse(code));
}
