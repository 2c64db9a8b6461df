using KhuyenCong.Domain.Text;

namespace KhuyenCong.UnitTests.Domain.Documents;

public class AmountInWordsTests
{
    /// <summary>
    /// Published examples, each as its page writes it (its separators and capitals aside). Where a page writes the
    /// Southern "ngàn" or "lẻ", the Northern "nghìn" and "linh" are expected (the same reading; the formatter's choice).
    /// </summary>
    [Theory]
    // rdsic.edu.vn, "Cách đọc số tiền" (https://rdsic.edu.vn/blog/blog-3/cach-doc-so-tien-vi-cb.html)
    [InlineData(1_000, "một nghìn")]
    [InlineData(2_500_000, "hai triệu năm trăm nghìn")]
    [InlineData(123_456, "một trăm hai mươi ba nghìn bốn trăm năm mươi sáu")]
    [InlineData(1_234, "một nghìn hai trăm ba mươi tư")]
    // ntdvn.net, "Đọc số tiền bằng chữ" (https://www.ntdvn.net/doc-so-tien-bang-chu-522081.html)
    [InlineData(190_234_500, "một trăm chín mươi triệu hai trăm ba mươi tư nghìn năm trăm")]
    [InlineData(19, "mười chín")]
    [InlineData(999, "chín trăm chín mươi chín")]
    // truyenhinhcapsongthu.net, "Số 55 đọc là gì" (https://truyenhinhcapsongthu.net/top/so-55-doc-la-gi-moiday-com/3v8RsKToIzJ20dJ)
    [InlineData(505_155, "năm trăm linh năm nghìn một trăm năm mươi lăm")]
    [InlineData(1_005, "một nghìn không trăm linh năm")]
    [InlineData(1_025, "một nghìn không trăm hai mươi lăm")]
    [InlineData(5_025_110, "năm triệu không trăm hai mươi lăm nghìn một trăm mười")]
    [InlineData(1_505_555_005, "một tỷ năm trăm linh năm triệu năm trăm năm mươi lăm nghìn không trăm linh năm")]
    [InlineData(9_845, "chín nghìn tám trăm bốn mươi lăm")]
    [InlineData(78_905, "bảy mươi tám nghìn chín trăm linh năm")]
    // webketoan.com thread 73233 ("Hai trăm mười lăm triệu ba trăm hai mươi mốt ngàn năm trăm đồng"; "Hai trăm lẻ một")
    [InlineData(215_321_500, "hai trăm mười lăm triệu ba trăm hai mươi mốt nghìn năm trăm")]
    [InlineData(201, "hai trăm linh một")]
    public void Read_PublishedExample_ReadsAsPublished(long amount, string expected) =>
        Assert.Equal(expected, AmountInWords.Read(amount));

    [Theory]
    [InlineData(0, "không")]
    [InlineData(5, "năm")]
    [InlineData(10, "mười")]
    [InlineData(11, "mười một")]
    [InlineData(14, "mười bốn")]
    [InlineData(15, "mười lăm")]
    [InlineData(21, "hai mươi mốt")]
    [InlineData(24, "hai mươi tư")]
    [InlineData(25, "hai mươi lăm")]
    [InlineData(50, "năm mươi")]
    [InlineData(104, "một trăm linh bốn")]
    [InlineData(105, "một trăm linh năm")]
    [InlineData(110, "một trăm mười")]
    [InlineData(1_000_005, "một triệu không trăm linh năm")]
    [InlineData(1_050_000_000, "một tỷ không trăm năm mươi triệu")]
    [InlineData(1_000_000_000_000, "một nghìn tỷ")]
    [InlineData(2_000_000_005_000, "hai nghìn tỷ không trăm linh năm nghìn")]
    public void Read_RulesOfTheConventions_Apply(long amount, string expected) =>
        Assert.Equal(expected, AmountInWords.Read(amount));

    [Fact]
    public void Dong_TheIssueExample_IsCapitalisedAndEndsWithDong() =>
        Assert.Equal("Một tỷ hai trăm ba mươi tư triệu năm trăm sáu mươi bảy nghìn đồng", AmountInWords.Dong(1_234_567_000));

    [Fact]
    public void Dong_Zero_IsKhongDong() => Assert.Equal("Không đồng", AmountInWords.Dong(0));

    [Fact]
    public void Read_LargestAmount_ReadsEveryGroup() =>
        Assert.Equal(
            "chín tỷ hai trăm hai mươi ba triệu ba trăm bảy mươi hai nghìn không trăm ba mươi sáu tỷ tám trăm năm mươi tư triệu bảy trăm bảy mươi lăm nghìn tám trăm linh bảy",
            AmountInWords.Read(long.MaxValue));

    [Fact]
    public void Read_Negative_IsRefused() => Assert.Throws<ArgumentOutOfRangeException>(() => AmountInWords.Read(-1));

    [Fact]
    public void Dong_AnyAmount_IsNfcAndHasNoDoubleSpaces()
    {
        foreach (var amount in new long[] { 1, 10, 101, 1_001, 10_010, 100_100_100, 7_000_000_001 })
        {
            var words = AmountInWords.Dong(amount);
            Assert.True(words.IsNormalized(System.Text.NormalizationForm.FormC), words);
            Assert.DoesNotContain("  ", words, StringComparison.Ordinal);
        }
    }
}
