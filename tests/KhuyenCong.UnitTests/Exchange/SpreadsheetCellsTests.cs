using KhuyenCong.Application.Export;

namespace KhuyenCong.UnitTests.Exchange;

public class SpreadsheetCellsTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\",\"y\")", "'=HYPERLINK(\"http://x\",\"y\")")]
    [InlineData("+84 912 345 678", "'+84 912 345 678")]
    [InlineData("-1+2", "'-1+2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("\r=1", "'\r=1")]
    public void Safe_FormulaLikeText_GetsLeadingApostrophe(string value, string expected) =>
        Assert.Equal(expected, SpreadsheetCells.Safe(value));

    [Theory]
    [InlineData("Công ty TNHH Nhựa Lạc Đạo")]
    [InlineData("Đào tạo nghề may công nghiệp cho 50 lao động")]
    [InlineData("a=b")]
    [InlineData("125/QĐ-SCT")]
    [InlineData("0912345678")]
    [InlineData("'quoted'")]
    public void Safe_OrdinaryText_IsUnchanged(string value) =>
        Assert.Equal(value, SpreadsheetCells.Safe(value));

    [Theory]
    [InlineData("Hưng\u202EYên", "HưngYên")]
    [InlineData("\u202E=cmd", "'=cmd")]
    [InlineData("\u200B=1+1", "'=1+1")]
    [InlineData("a\u200Db\u2066c\u2069d\uFEFF", "abcd")]
    [InlineData("x\u200Ey\u200Fz\u061C", "xyz")]
    public void Safe_BidiAndZeroWidthCharacters_AreRemovedBeforeTheFormulaCheck(string value, string expected) =>
        Assert.Equal(expected, SpreadsheetCells.Safe(value));

    [Fact]
    public void Safe_ControlCharacters_BecomeSpacesButLineBreaksStay() =>
        Assert.Equal("a b\nc", SpreadsheetCells.Safe("a\u0007b\nc"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Safe_NullOrEmpty_IsEmpty(string? value) =>
        Assert.Equal(string.Empty, SpreadsheetCells.Safe(value));

    [Fact]
    public void Safe_DecomposedVietnamese_KeepsItsCombiningMarks()
    {
        var decomposed = "Hưng Yên".Normalize(System.Text.NormalizationForm.FormD);

        Assert.Equal(decomposed, SpreadsheetCells.Safe(decomposed));
    }
}
