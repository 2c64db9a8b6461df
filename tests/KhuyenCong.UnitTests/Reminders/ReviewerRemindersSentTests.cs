using KhuyenCong.Application.Reminders;

namespace KhuyenCong.UnitTests.Reminders;

public class ReviewerRemindersSentTests
{
    [Theory]
    [InlineData(2, 0, "Đã gửi email nhắc cho 2 thành viên hội đồng.")]
    [InlineData(0, 2, "2 thành viên hội đồng đã được nhắc hôm nay: không gửi lại.")]
    [InlineData(1, 1, "Đã gửi email nhắc cho 1 thành viên hội đồng; 1 người đã được nhắc hôm nay.")]
    public void Message_SentAndAlreadySent_SaysWhatWasDoneInVietnamese(int sent, int already, string expected)
    {
        Assert.Equal(expected, new ReviewerRemindersSent(sent, already).Message.Vietnamese);
    }
}
