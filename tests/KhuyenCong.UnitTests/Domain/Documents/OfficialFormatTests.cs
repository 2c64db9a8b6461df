using KhuyenCong.Domain.Text;

namespace KhuyenCong.UnitTests.Domain.Documents;

public class OfficialFormatTests
{
    [Theory]
    [InlineData(1_234_567_000, "1.234.567.000 đồng")]
    [InlineData(0, "0 đồng")]
    [InlineData(950, "950 đồng")]
    public void Money_Amount_HasDotsAndDong(long amount, string expected) => Assert.Equal(expected, OfficialFormat.Money(amount));

    [Theory]
    // Decree 30/2020 Appendix I: leading zero for days below 10 and for months 1 and 2 only (document-format.md §2.2).
    [InlineData(2026, 3, 5, "ngày 05 tháng 3 năm 2026")]
    [InlineData(2023, 2, 28, "ngày 28 tháng 02 năm 2023")]
    [InlineData(2026, 1, 12, "ngày 12 tháng 01 năm 2026")]
    [InlineData(2026, 12, 31, "ngày 31 tháng 12 năm 2026")]
    public void LongDate_Date_FollowsDecree30(int year, int month, int day, string expected) =>
        Assert.Equal(expected, OfficialFormat.LongDate(new DateOnly(year, month, day)));

    [Fact]
    public void DateLine_PlaceAndDate_AreJoinedByAComma() =>
        Assert.Equal("Hưng Yên, ngày 05 tháng 3 năm 2026", OfficialFormat.DateLine("Hưng Yên", new DateOnly(2026, 3, 5)));

    [Fact]
    public void ShortDate_Date_IsDdMmYyyy() => Assert.Equal("05/03/2026", OfficialFormat.ShortDate(new DateOnly(2026, 3, 5)));

    [Theory]
    [InlineData(7, "BB-TTKC", "07/BB-TTKC")]
    [InlineData(125, "QĐ-SCT", "125/QĐ-SCT")]
    public void NumberAndSymbol_SmallNumber_HasALeadingZero(int number, string symbol, string expected) =>
        Assert.Equal(expected, OfficialFormat.NumberAndSymbol(number, symbol));

    [Theory]
    [InlineData(1, "1 KB")]
    [InlineData(870_000, "850 KB")]
    [InlineData(1_258_291, "1,2 MB")]
    public void FileSize_Bytes_ReadsAsKbOrMb(long bytes, string expected) => Assert.Equal(expected, OfficialFormat.FileSize(bytes));
}
