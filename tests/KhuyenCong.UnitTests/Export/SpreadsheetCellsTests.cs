using KhuyenCong.Application.Export;

namespace KhuyenCong.UnitTests.Export;

public class SpreadsheetCellsTests
{
    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+84912345678", "'+84912345678")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "'\rx")]
    [InlineData("Hưng Yên", "Hưng Yên")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Text_FormulaTrigger_GetsALeadingApostrophe(string? value, string expected)
    {
        Assert.Equal(expected, SpreadsheetCells.Text(value));
    }

    [Fact]
    public void Value_Number_StaysANumber()
    {
        Assert.Equal(-5L, SpreadsheetCells.Value(-5L));
    }

    [Theory]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("=cmd", "'=cmd")]
    [InlineData("Xã Tân Hưng", "Xã Tân Hưng")]
    public void CsvField_Text_SafeAndQuoted(string value, string expected)
    {
        Assert.Equal(expected, SpreadsheetCells.CsvField(value));
    }

    [Fact]
    public void CsvField_Number_Invariant()
    {
        Assert.Equal("1200000000", SpreadsheetCells.CsvField(1_200_000_000L));
    }
}
