using KhuyenCong.Domain.Text;

namespace KhuyenCong.UnitTests.Domain.Text;

public class BilingualTests
{
    [Fact]
    public void In_EachLanguage_ItsText()
    {
        var text = new Bilingual("Đề án", "Proposal");

        Assert.Equal("Đề án", text.In(Language.Vietnamese));
        Assert.Equal("Proposal", text.In(Language.English));
        Assert.Equal("Mã", Bilingual.Same("Mã").In(Language.English));
    }

    [Fact]
    public void BilingualErrors_SeveralFields_FieldsInFirstMessageOrderMessagesInTheLanguage()
    {
        var errors = new BilingualErrors()
            .Add("title", "Vui lòng nhập tên.", "Enter a title.")
            .Add("amount", new Bilingual("Số tiền không hợp lệ.", "Not a valid amount."))
            .Add("title", "Tên quá dài.", "The title is too long.");

        var english = errors.In(Language.English);

        Assert.False(errors.IsEmpty);
        Assert.True(errors.Contains("amount"));
        Assert.Equal(["title", "amount"], english.Keys);
        Assert.Equal(["Enter a title.", "The title is too long."], english["title"]);
        Assert.Equal(["Số tiền không hợp lệ."], errors.In(Language.Vietnamese)["amount"]);
    }
}
