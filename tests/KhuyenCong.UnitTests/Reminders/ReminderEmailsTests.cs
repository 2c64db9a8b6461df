using KhuyenCong.Application;
using KhuyenCong.Application.Email;
using KhuyenCong.Application.Reminders;
using KhuyenCong.Domain.Proposals;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KhuyenCong.UnitTests.Reminders;

public class ReminderEmailsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Digest_EscapesTitlesMarksOverdueAndHasNoLinks()
    {
        var message = ReminderEmails.Digest("r1", "Nguyễn <Hoa>", "hoa@example.vn", new DateOnly(2026, 11, 30),
            [new DigestItem("Máy <b>sấy</b>", "KC-1", Now.AddDays(3), false), new DigestItem("Lò nung", "KC-2", Now.AddDays(-1), true)]);

        Assert.Equal("digest|r1|2026-11-30", message.SendId);
        Assert.Contains("Máy &lt;b&gt;sấy&lt;/b&gt;", message.Html, StringComparison.Ordinal);
        Assert.Contains("Nguyễn &lt;Hoa&gt;", message.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>sấy", message.Html, StringComparison.Ordinal);
        Assert.Contains("Lò nung</strong> (KC-2), hạn 29/11/2026 <strong>– QUÁ HẠN</strong>", message.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("href", message.Html, StringComparison.Ordinal);
        Assert.True(message.Html.IndexOf("lang=\"vi\"", StringComparison.Ordinal) < message.Html.IndexOf("lang=\"en\"", StringComparison.Ordinal));
        Assert.Contains("Máy <b>sấy</b> (KC-1)", message.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void OverdueReport_SendIdHasNoAddressAndIsOnePerWeek()
    {
        var report = ReminderEmails.OverdueReport("Can.Bo@example.vn", 2026, 49, Now, "https://kc.example.vn/",
            [new OverdueReviewItem("p1", "Máy <i>cắt</i>", "KC-3", "Trần Nam", Now.AddDays(-3))],
            [new WaitingProposalItem("p2", "Xưởng gỗ", "KC-4", ProposalStatus.Screening, Now.AddDays(-9), null)]);

        Assert.DoesNotContain("example.vn", report.SendId, StringComparison.OrdinalIgnoreCase);
        Assert.EndsWith("|2026-W49", report.SendId, StringComparison.Ordinal);
        Assert.Equal(ReminderEmails.OverdueReportSendId("can.bo@example.vn ", 2026, 49), report.SendId);
        Assert.Contains("Máy &lt;i&gt;cắt&lt;/i&gt;", report.Html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://kc.example.vn/staff/proposals/p1\"", report.Html, StringComparison.Ordinal);
        Assert.Contains("quá hạn 3 ngày", report.Html, StringComparison.Ordinal);
        Assert.Contains("Đang kiểm tra hồ sơ", report.Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Reminders:DigestSchedule", "0 1 * * *")]
    [InlineData("Reminders:OverdueReportSchedule", "every monday")]
    public void Options_ScheduleNotSixFieldNcrontab_FailsValidationNamingTheSetting(string setting, string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [setting] = value }).Build();
        using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging().AddApplication().BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<RemindersOptions>>().Value);

        Assert.Contains(setting, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_Defaults_Are0800VietnamTime()
    {
        var options = new RemindersOptions();

        Assert.True(RemindersOptions.IsSchedule(options.DigestSchedule));
        Assert.Equal("0 0 1 * * *", options.DigestSchedule);
        Assert.Equal("0 0 1 * * 1", options.OverdueReportSchedule);
    }
}
