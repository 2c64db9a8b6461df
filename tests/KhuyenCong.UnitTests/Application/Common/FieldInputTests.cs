using KhuyenCong.Application.Common;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.UnitTests.Application.Common;

/// <summary>The field rules every staff decision applies to its input, whether it came as JSON or as a form.</summary>
public class FieldInputTests
{
    [Theory]
    [InlineData(null, true)]
    [InlineData("", true)]
    [InlineData("  \t ", true)]
    [InlineData(" x ", false)]
    public void Of_BlankText_IsAbsent(string? text, bool absent) => Assert.Equal(absent, FieldInput.Of(text).IsAbsent);

    [Fact]
    public void TryText_MultiLine_NormalizesToNfcAndKeepsLineBreaks()
    {
        Assert.True(FieldInput.Of("Bo\u0302\u0309 sung   ho\u0302\u0300 so\u031b\r\n\r\n\r\nba\u0301o gia\u0301").TryText(TextMode.MultiLine, 100, required: true, out var text));

        Assert.Equal("Bổ sung hồ sơ\n\nbáo giá", text);
    }

    [Theory]
    [InlineData(null, false, true)]
    [InlineData(null, true, false)]
    [InlineData("12345", false, true)]
    [InlineData("123456", false, false)]
    [InlineData("ab\u0000c", false, false)]
    [InlineData("ab\u202Ec", false, false)]
    public void TryText_RequiredLengthAndForbiddenCharacters(string? text, bool required, bool valid) =>
        Assert.Equal(valid, FieldInput.Of(text).TryText(TextMode.SingleLine, 5, required, out _));

    [Fact]
    public void TryText_WrongType_NeverValidEvenWhenOptional() =>
        Assert.False(new FieldInput(null, WrongType: true).TryText(TextMode.SingleLine, 5, required: false, out _));

    [Theory]
    [InlineData("2025-11-20", true)]
    [InlineData("20/11/2025", false)]
    [InlineData("2025-02-30", false)]
    [InlineData(null, false)]
    public void TryDate_OnlyIsoDates(string? text, bool valid) => Assert.Equal(valid, FieldInput.Of(text).TryDate(out _));

    [Theory]
    [InlineData("40000000", true)]
    [InlineData("-5", true)]
    [InlineData("1.5", false)]
    [InlineData("1e3", false)]
    [InlineData("99999999999999999999", false)]
    [InlineData("abc", false)]
    public void TryWholeNumber_WholeNumbersOnly(string text, bool valid) => Assert.Equal(valid, FieldInput.Of(text).TryWholeNumber(out _));
}
