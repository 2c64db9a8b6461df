using KhuyenCong.Domain.Documents;

namespace KhuyenCong.UnitTests.Domain.Documents;

public class AnswerDeadlineTests
{
    private static readonly IReadOnlySet<DateOnly> NoHolidays = new HashSet<DateOnly>();

    [Fact]
    public void From_WorkingDays_SkipsTheDayOfReceiptAndWeekends()
    {
        // Thursday 05/03/2026 + 5 working days: Fri 6, Mon 9, Tue 10, Wed 11, Thu 12.
        Assert.Equal(new DateOnly(2026, 3, 12), AnswerDeadline.From(new DateOnly(2026, 3, 5), 5, DayCount.Working, NoHolidays));
    }

    [Fact]
    public void From_WorkingDays_SkipsConfiguredHolidays()
    {
        var holidays = new HashSet<DateOnly> { new(2026, 3, 9), new(2026, 3, 10) };
        Assert.Equal(new DateOnly(2026, 3, 16), AnswerDeadline.From(new DateOnly(2026, 3, 5), 5, DayCount.Working, holidays));
    }

    [Fact]
    public void From_CalendarDaysEndingOnASunday_EndsOnMonday()
    {
        // Friday 06/03/2026 + 2 days = Sunday 08/03: the period ends on the next working day (Civil Code 2015 art. 148).
        Assert.Equal(new DateOnly(2026, 3, 9), AnswerDeadline.From(new DateOnly(2026, 3, 6), 2, DayCount.Calendar, NoHolidays));
    }

    [Fact]
    public void From_CalendarDaysOnAWorkingDay_IsThatDay() =>
        Assert.Equal(new DateOnly(2026, 3, 20), AnswerDeadline.From(new DateOnly(2026, 3, 5), 15, DayCount.Calendar, NoHolidays));

    [Fact]
    public void From_ReceivedOnASaturday_CountsFromMonday() =>
        Assert.Equal(new DateOnly(2026, 3, 9), AnswerDeadline.From(new DateOnly(2026, 3, 7), 1, DayCount.Working, NoHolidays));
}
